"""The Scenario page's settings in the URL (ahead.md §2: a link reopens the same scenario), both ways.

Pure: no Streamlit here, so the round trip is tested without a page. Names are Dutch, as a reader sees
them in a link: `sc_tarief_complex=3`, `sc_volume_enkelvoudig=-2`, `sc_verschuiving=10`,
`sc_lumpsum_SPK01=-100000`. A value that is not a number is ignored (the lever stays 0).
"""

from __future__ import annotations

from collections.abc import Mapping

from levers.scenario import LOTS, Settings

TARIFF, VOLUME, SHIFT, LUMP_SUM = "sc_tarief_", "sc_volume_", "sc_verschuiving", "sc_lumpsum_"


def to_params(settings: Settings) -> dict[str, str]:
    """The non-zero levers as URL parameters."""
    params = {f"{TARIFF}{lot}": _text(value) for lot, value in settings.tariff.items() if value}
    params |= {f"{VOLUME}{lot}": _text(value) for lot, value in settings.volume.items() if value}
    if settings.shift:
        params[SHIFT] = _text(settings.shift)
    params |= {f"{LUMP_SUM}{provider}": _text(value) for provider, value in settings.lump_sums.items() if value}
    return params


def from_params(params: Mapping[str, str]) -> Settings:
    """The settings a link holds; unknown names and values that are not numbers are left out."""
    def per_lot(prefix: str) -> dict[str, float]:
        return {lot: value for lot in LOTS if (value := _number(params.get(prefix + lot)))}

    lump_sums = {name.removeprefix(LUMP_SUM): value for name, text in params.items()
                 if name.startswith(LUMP_SUM) and (value := _number(text))}
    return Settings(tariff=per_lot(TARIFF), volume=per_lot(VOLUME), shift=_number(params.get(SHIFT)) or 0.0,
                    lump_sums=lump_sums)


def is_scenario_param(name: str) -> bool:
    return name.startswith("sc_")


def _text(value: float) -> str:
    return f"{value:g}"


def _number(text: str | None) -> float | None:
    try:
        value = float(text) if text is not None else None
    except ValueError:
        return None
    return value if value is not None and value == value and abs(value) != float("inf") else None
