from levers.memo import computation, remembered


def _counting_loader():
    calls = []

    def load():
        calls.append(1)
        return len(calls)

    return calls, load


def test_outside_a_computation_every_lookup_loads_afresh():
    calls, load = _counting_loader()
    assert [remembered("k", load), remembered("k", load)] == [1, 2]
    assert len(calls) == 2


def test_inside_a_computation_a_key_is_loaded_once_and_nested_blocks_share_it():
    calls, load = _counting_loader()
    with computation():
        first = remembered("k", load)
        with computation():
            again = remembered("k", load)
        other = remembered("other", load)
    assert (first, again, other, len(calls)) == (1, 1, 2, 2)
    # After the block nothing is remembered: the next lookup loads again (3rd call).
    assert remembered("k", load) == 3
