"""Dutch tables of the two breakdowns of issue 13, shared by screen and paper: price and volume, and
started trajectories by referrer. Rows of display strings only, so what is suppressed in the levers
(`None` with a `<5` label) can only reach a cell as that label or `–`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from levers.freshness import Freshness
from levers.price_volume import PriceVolume
from levers.referrers import ReferrerRow, Shown
from levers.scope import Period
from wording import fmt
from wording import signals as signal_words

GROUPING_LABELS = {"totaal": "Totaal", "perceel": "Perceel", "gemeente": "Gemeente", "aanbieder": "Aanbieder"}
PRICE_VOLUME_TITLE = "Jeugdigen en kosten per jeugdige"
PRICE_VOLUME_INTRO = (
    "Waarom de uitgaven anders zijn dan in dezelfde periode een jaar eerder: door meer of minder jeugdigen "
    "in zorg (het verschil in jeugdigen × de gedeclareerde kosten per jeugdige van vorig jaar) of door hogere "
    "of lagere kosten per jeugdige (het verschil in kosten per jeugdige × de jeugdigen van nu). Alleen "
    "declaraties en correcties worden gesplitst; lumpsum volgt geen jeugdige en staat apart. Samen precies "
    "het verschil. Onder de 10 jeugdigen wordt niet gesplitst."
)
PRICE_VOLUME_BY = "Uitsplitsen naar"
MORE_YOUTHS, FEWER_YOUTHS = "meer jeugdigen", "minder jeugdigen"
HIGHER_COST, LOWER_COST = "hogere kosten per jeugdige", "lagere kosten per jeugdige"
LUMP_SUM = "lumpsum, niet te splitsen"
COLUMN_YOUTHS, COLUMN_PER_YOUTH = "Meer/minder jeugdigen", "Kosten per jeugdige"
COLUMN_LUMP_SUM = "Lumpsum (apart)"  # the change in lump-sum payments: its own part (signals.md §8)
WATERFALL_SPENT = "Uitgaven {period}"
WATERFALL_FINDING = "De uitgaven veranderden met {change}: {volume} door {volume_word}, {price} door {price_word}"
WATERFALL_LUMP_SUM = ", {lump_sum} {lump_sum_word}"
WATERFALL_NO_SPLIT = ("De uitgaven veranderden met {change}; te weinig jeugdigen om het aantal jeugdigen en de "
                      "kosten per jeugdige te scheiden")
# Beside a split whose period still gets late declarations: its spending, and so the split, can still grow.
PRICE_VOLUME_PROVISIONAL = "{note}: de uitgaven van {period} kunnen nog stijgen, en daarmee dit verschil"


def price_volume_provisional(fresh: Freshness | None, period: Period) -> str:
    """PRICE_VOLUME_PROVISIONAL for `period`, '' when its kosten months are final (signals.md §4)."""
    note = signal_words.costs_provisional_note(fresh, period)
    return PRICE_VOLUME_PROVISIONAL.format(note=note.capitalize(), period=fmt.period_label(period)) if note else ""
REFERRERS_TITLE = "Gestarte trajecten per verwijzer"
UNKNOWN_REFERRER = "Onbekend (geen verwijzer)"  # a trajectory without a verwijzer
REFERRERS_INTRO = (
    "Via wie jeugdigen in zorg kwamen, nu en in dezelfde periode een jaar eerder. Aantallen van 1 tot en "
    "met 4 staan als <5; een aandeel staat er niet bij minder dan 10 gestarte trajecten."
)
REFERRER = "Verwijzer"


def euro_cents(value: Decimal | float) -> str:
    """`€ 2.538,46`: to the cent, so that volume + price = the change can be checked on the page."""
    return f"€ {fmt.number(value, 2)}"


def signed_euro(value: Decimal | float) -> str:
    """`+ € 2.538,46` or `− € 100,01`: a change, with its sign."""
    return ("− " if value < 0 else "+ ") + euro_cents(abs(value))


def _count(value: int | None, label: str | None) -> str:
    return label if value is None else fmt.count(value)


def price_volume_table(rows: Sequence[PriceVolume], grouping: str, period: Period,
                       names: Mapping[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """(columns, rows) of one grouping ('perceel', 'gemeente', 'aanbieder' or 'totaal')."""
    now, before = fmt.period_label(period, short=True), fmt.period_label(period.year_earlier(), short=True)
    columns = [GROUPING_LABELS[grouping], f"Jeugdigen {before}", f"Jeugdigen {now}", f"Uitgaven {before}",
               f"Uitgaven {now}", "Verschil", COLUMN_YOUTHS, COLUMN_PER_YOUTH, COLUMN_LUMP_SUM]
    body = [
        [
            (names or {}).get(row.key, row.name) if row.key else GROUPING_LABELS["totaal"],
            _count(row.youths_before, row.youths_before_label), _count(row.youths, row.youths_label),
            euro_cents(row.amount_before), euro_cents(row.amount), signed_euro(row.change),
            fmt.NOT_SHOWN if row.volume is None else signed_euro(row.volume),
            fmt.NOT_SHOWN if row.price is None else signed_euro(row.price),
            signed_euro(row.lump_sum_change),
        ]
        for row in rows if row.grouping == grouping
    ]
    return columns, body


def volume_word(amount: Decimal | float) -> str:
    return FEWER_YOUTHS if amount < 0 else MORE_YOUTHS


def per_youth_word(amount: Decimal | float) -> str:
    return LOWER_COST if amount < 0 else HIGHER_COST


def price_volume_finding(total: PriceVolume) -> str:
    """The sentence over the waterfall and the paper table: the change and its parts (lump sum when any)."""
    if total.volume is None:
        return WATERFALL_NO_SPLIT.format(change=signed_euro(total.change))
    sentence = WATERFALL_FINDING.format(
        change=signed_euro(total.change), volume=signed_euro(total.volume), volume_word=volume_word(total.volume),
        price=signed_euro(total.price), price_word=per_youth_word(total.price))
    if total.lump_sum_change:
        sentence += WATERFALL_LUMP_SUM.format(lump_sum=signed_euro(total.lump_sum_change), lump_sum_word=LUMP_SUM)
    return sentence


def _share(shown: Shown) -> str:
    return fmt.NOT_SHOWN if shown.share is None else fmt.percent(shown.share)


def referrer_table(rows: Sequence[ReferrerRow], grouping: str, period: Period,
                   names: Mapping[str, str] | None = None) -> tuple[list[str], list[list[str]]]:
    """(columns, rows) of one grouping ('totaal', 'gemeente' or 'aanbieder'); per group, by referrer code."""
    now, before = fmt.period_label(period, short=True), fmt.period_label(period.year_earlier(), short=True)
    columns = [f"Aantal {now}", f"Aandeel {now}", f"Aantal {before}", f"Aandeel {before}"]
    columns = ([] if grouping == "totaal" else [GROUPING_LABELS[grouping]]) + [REFERRER] + columns
    body = []
    for row in rows:
        if row.grouping != grouping:
            continue
        group = [] if grouping == "totaal" else [(names or {}).get(row.key, row.key)]
        body.append(group + [
            row.label or UNKNOWN_REFERRER, _count(row.now.count, row.now.count_label), _share(row.now),
            _count(row.year_before.count, row.year_before.count_label), _share(row.year_before),
        ])
    return columns, body
