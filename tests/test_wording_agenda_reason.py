"""Why an indicator is on the agenda, worded for a reader (wording.agenda.reason; issue 23)."""

from levers.agenda import AgendaItem, Judgement
from levers.norms import Status
from wording.agenda import reason


def _item(code, name, unit, status, value, norm, margin, judgement):
    return AgendaItem(code=code, lever="x", lever_name="X", name=name, unit=unit, status=status, value=value,
                      value_label=None, norm=norm, margin=margin, theme=6, theme_name="Wachttijden",
                      judgement=judgement)


def test_a_higher_is_better_figure_is_worse_than_the_norm_minus_the_margin():
    # 80 lies below 90 − 5 = 85: rood; percentages as on the tiles (90,0%), the margin in procentpunt
    item = _item("tevredenheid", "Cliënttevredenheid", "% positief", Status.RED, 80.0, 90.0, 5.0,
                 Judgement.BEYOND_MARGIN)
    assert reason(item) == ("Cliënttevredenheid: 80,0% (rood), slechter dan de norm 90,0% min de marge 5 procentpunt; "
                            "thema 6 (Wachttijden) is de afgelopen 3 maanden niet besproken.")


def test_a_lower_is_better_amount_is_worse_than_the_norm_plus_the_margin_in_whole_euros():
    # 1.436,4 lies above 1.200 + 100 = 1.300: rood; euros as on the tiles (€ 1.436), not '1.436,4 euro'
    item = _item("kosten_per_jeugdige", "Kosten per jeugdige", "euro", Status.RED, 1436.4, 1200.0, 100.0,
                 Judgement.BEYOND_MARGIN)
    assert reason(item).startswith("Kosten per jeugdige: € 1.436 (rood), slechter dan de norm € 1.200 plus de "
                                   "marge € 100;")


def test_within_the_margin_says_so_either_way():
    item = _item("wachttijd_mediaan", "Wachttijd", "dagen", Status.AMBER, 45.0, 42.0, 7.0, Judgement.WITHIN_MARGIN)
    assert "slechter dan de norm 42 dagen, binnen de marge 7 dagen;" in reason(item)
