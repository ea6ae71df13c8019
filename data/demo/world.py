"""The demo's world: municipalities with youth populations, regions, and fictional providers.

The four real regions get hand-written providers so that the situations the levers exist to catch
sit with named providers the dashboard team can point at. The national variant adds generated
regions (one or more per province) with providers built from a dozen archetypes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

REAL_REGIONS = ("IJmond", "Zuid-Kennemerland", "Achterhoek", "Helmond-De Peel")
KENNEMERLAND = ("IJmond", "Zuid-Kennemerland")

# Youths aged 0-17 in 2023 (about 19-20% of the inhabitants; rounded, plausible, not official).
YOUTHS_2023 = {
    "GM0375": 8_300, "GM0396": 7_400, "GM0453": 13_000,  # IJmond: Beverwijk, Heemskerk, Velsen
    "GM0377": 5_300, "GM0392": 33_000, "GM0397": 6_000, "GM0473": 2_500,  # Zuid-Kennemerland
    "GM0197": 5_600, "GM1859": 8_300, "GM1876": 6_300, "GM0222": 11_200,  # Achterhoek
    "GM1955": 6_900, "GM1586": 5_800, "GM1509": 7_400, "GM0294": 5_300,
    "GM0743": 3_300, "GM0762": 6_200, "GM1771": 7_500, "GM1652": 6_200, "GM0794": 18_800,  # Helmond-De Peel
    "GM1659": 4_300, "GM0820": 4_500, "GM0847": 3_800, "GM0848": 3_900, "GM0866": 3_500,
    # the largest municipalities, for the national variant
    "GM0363": 155_000, "GM0599": 130_000, "GM0518": 110_000, "GM0344": 72_000, "GM0034": 50_000,
    "GM0772": 39_000, "GM0855": 38_000, "GM0394": 35_000, "GM0307": 35_000, "GM0758": 34_000,
    "GM0014": 33_000, "GM0200": 33_000, "GM0479": 33_000, "GM0202": 32_000, "GM0268": 30_000,
    "GM0796": 30_000, "GM0153": 29_000, "GM0193": 28_000, "GM0637": 25_000, "GM0546": 20_000,
}
_REGION_SUFFIXES = ("Noord", "Zuid", "Oost", "West", "Midden", "Noordoost", "Zuidwest", "Noordwest", "Zuidoost")

# Categories (JZ020) each provider profile delivers.
PROFILES = {
    "breed": (45, 41, 50, 54, 43, 44, 36, 38, 46, 35),
    "verblijf": (43, 44, 36, 38, 45, 41),
    "pleegzorg": (35, 36),
    "crisis": (46, 43),
    "gesloten": (37, 38, 43),
    "dagbehandeling": (41, 50, 45),
    "ambulant": (45, 32, 34, 40),
    "ggz": (54, 51, 45),
    "ggz_complex": (54, 41, 43),
    "vervoer": (42, 40),
}


@dataclass(frozen=True)
class ProviderSpec:
    """A fictional provider and how it behaves in the demo."""

    code: str
    name: str
    lot: str  # complex | enkelvoudig | beide
    role: str  # strategisch_partner | ontwikkelpartner | overig
    consortium: str | None
    regions: tuple[str, ...]
    profile: str
    weight: float = 1.0
    waiting_list: float = 1.0  # the median wait grows to this multiple over the last 18 months of data
    growth: float = 1.0  # share of referrals multiplies by this per year since 2023
    dropout: float = 1.0  # multiplies the chance of ending early (reasons 32/33)
    certificate_days: int | None = None  # certificate validity relative to the data end; None = years ahead
    refusals: str | None = None  # 'recent': last three quarters; 'last': the last quarter only
    misses_last_quarter: bool = False  # delivers no outcomes for the last quarter
    budget_ratio: float | None = None  # this year's forecast / its provider-level budget


_SKJ = "Samenwerkingsverband Kennemerland Jeugd"
_CAJ = "Coöperatie Achterhoek Jeugd"
_PPJ = "Peelpartners Jeugd"
_IJ, _ZK, _AH, _HP = REAL_REGIONS
_ALL = REAL_REGIONS

# fmt: off
REGIONAL_PROVIDERS = (
    ProviderSpec("SPK01", "Stichting Duinrand Jeugd & Gezin", "complex", "strategisch_partner", _SKJ, KENNEMERLAND,
                 "breed", 5, refusals="recent"),
    ProviderSpec("SPK02", "Kustlicht Jeugdhulp", "beide", "strategisch_partner", _SKJ, KENNEMERLAND,
                 "verblijf", 4, budget_ratio=0.96),
    ProviderSpec("SPK03", "De Spaarnehoeve", "complex", "strategisch_partner", _SKJ, (_ZK,), "pleegzorg", 3),
    ProviderSpec("SPK04", "Crisisdienst Jeugd Noord-Holland West", "complex", "strategisch_partner", None, KENNEMERLAND,
                 "crisis", 2),
    ProviderSpec("87010231", "Ontwikkelcentrum Zeehaven", "beide", "ontwikkelpartner", None, (_IJ,), "ambulant", 2.5),
    ProviderSpec("87011452", "Praktijk Groeikracht", "enkelvoudig", "overig", None, (_ZK,), "ambulant", 2),
    ProviderSpec("87012093", "GGZ Jong Kennemerland", "enkelvoudig", "overig", None, KENNEMERLAND,
                 "ggz", 4, waiting_list=2.6),
    ProviderSpec("87013378", "Kindertherapie Het Kompas", "enkelvoudig", "overig", None, (_ZK,), "ggz", 1.5),
    ProviderSpec("87014416", "Dagcentrum De Wielewaal", "complex", "overig", None, KENNEMERLAND, "dagbehandeling", 2),
    ProviderSpec("87015520", "Praktijk Velserduin", "enkelvoudig", "overig", None, (_IJ,), "ambulant", 2),
    ProviderSpec("87016647", "Ambulant Team Spaarne & Duin", "enkelvoudig", "overig", None, (_ZK,), "ambulant", 3),
    ProviderSpec("87017765", "Vervoer & Zorg Kennemerland", "enkelvoudig", "overig", None, KENNEMERLAND,
                 "vervoer", 1),
    ProviderSpec("87018832", "Stichting Zonnestraal Autisme", "enkelvoudig", "overig", None, (_ZK,),
                 "ggz", 1.5, certificate_days=-45),
    ProviderSpec("87019904", "Dyslexiecentrum Duin en Bollen", "enkelvoudig", "overig", None, KENNEMERLAND, "ggz", 1),
    ProviderSpec("SPA01", "Stichting De Berkelstroom", "complex", "strategisch_partner", _CAJ, (_AH,), "breed", 5),
    ProviderSpec("SPA02", "Jeugdhuis De Baakse Beek", "complex", "strategisch_partner", _CAJ, (_AH,), "verblijf", 3),
    ProviderSpec("SPA03", "Gezinshuizen De Graafschap", "complex", "strategisch_partner", _CAJ, (_AH,),
                 "pleegzorg", 2),
    ProviderSpec("87020117", "Crisisteam Gelderland-Oost", "complex", "overig", None, (_AH,), "crisis", 1.5),
    ProviderSpec("87021238", "Praktijk Achterhoeks Groen", "enkelvoudig", "overig", None, (_AH,),
                 "ambulant", 2.5, growth=1.25, budget_ratio=1.25),
    ProviderSpec("87022349", "Jeugd-GGZ De IJsselvallei", "enkelvoudig", "overig", None, (_AH,),
                 "ggz", 3, budget_ratio=0.93),
    ProviderSpec("87023450", "Kindkracht Winterswijk", "beide", "ontwikkelpartner", None, (_AH,), "ambulant", 2),
    ProviderSpec("87024561", "Zorgboerderij De Hessenweg", "enkelvoudig", "overig", None, (_AH,),
                 "ambulant", 1.5, dropout=2.2),
    ProviderSpec("87025672", "Taxi & Zorg Achterhoek", "enkelvoudig", "overig", None, (_AH,), "vervoer", 1),
    ProviderSpec("87026783", "Praktijk Lichtpunt", "enkelvoudig", "overig", None, (_AH,),
                 "ggz", 1.5, certificate_days=40),
    ProviderSpec("87027894", "Dagbehandeling Het Zwanenhof", "complex", "overig", None, (_AH,),
                 "dagbehandeling", 1.5),
    ProviderSpec("SPH01", "Stichting Peelland Jeugd", "complex", "strategisch_partner", _PPJ, (_HP,), "breed", 5),
    ProviderSpec("SPH02", "Jeugdhulp Kempen & Peel", "complex", "strategisch_partner", _PPJ, (_HP,),
                 "verblijf", 3, refusals="last"),
    ProviderSpec("SPH03", "Gezinshuis De Vlier", "complex", "strategisch_partner", _PPJ, (_HP,), "pleegzorg", 2),
    ProviderSpec("SPH04", "Crisiszorg De Peel", "complex", "strategisch_partner", None, (_HP,), "crisis", 1.5),
    ProviderSpec("87030118", "De Kleine Peel Ontwikkelcentrum", "beide", "ontwikkelpartner", None, (_HP,),
                 "ambulant", 2),
    ProviderSpec("87031229", "GGZ Kinderpraktijk Helmond-West", "enkelvoudig", "overig", None, (_HP,),
                 "ggz", 3, misses_last_quarter=True),
    ProviderSpec("87032330", "Ambulant Jeugdteam De Aa", "enkelvoudig", "overig", None, (_HP,), "ambulant", 3),
    ProviderSpec("87033441", "Praktijk Mierlohout", "enkelvoudig", "overig", None, (_HP,), "ambulant", 1.5),
    ProviderSpec("87034552", "Zorgvervoer De Peel", "enkelvoudig", "overig", None, (_HP,), "vervoer", 1),
    ProviderSpec("87035663", "Dagcentrum De Kastanje", "complex", "overig", None, (_HP,), "dagbehandeling", 1.5),
    ProviderSpec("87036774", "Psychologenpraktijk Strabrecht", "enkelvoudig", "overig", None, (_HP,), "ggz", 2),
    ProviderSpec("87040885", "JeugdzorgPlus Duinenrij", "complex", "overig", None, _ALL, "gesloten", 1),
    ProviderSpec("87041996", "Digitale Praktijk Mindsprong", "enkelvoudig", "overig", None, _ALL, "ggz", 0.6),
    ProviderSpec("87042007", "Stichting Eetstoornissen Jong", "complex", "overig", None, (_ZK, _HP),
                 "ggz_complex", 0.8),
    ProviderSpec("87043118", "Autismepraktijk Het Anker", "enkelvoudig", "overig", None, (_AH, _HP), "ggz", 1),
    ProviderSpec("87044229", "Orthopedagogenpraktijk Tweestroom", "enkelvoudig", "overig", None, KENNEMERLAND,
                 "ambulant", 1.5),
)

# Archetypes for the generated regions of the national variant:
# (name pattern, lot, role, joins the region's consortium, profile, weight)
_ARCHETYPES = (
    ("Stichting Jeugdhulp {r}", "complex", "strategisch_partner", True, "breed", 5),
    ("Jeugdverblijf {r}", "complex", "strategisch_partner", True, "verblijf", 3),
    ("Pleegzorg en Gezinshuizen {r}", "complex", "strategisch_partner", False, "pleegzorg", 2),
    ("Crisisdienst Jeugd {r}", "complex", "overig", False, "crisis", 1.5),
    ("Gesloten Jeugdzorg {r}", "complex", "overig", False, "gesloten", 0.7),
    ("Dagbehandeling {r}", "complex", "overig", False, "dagbehandeling", 1.5),
    ("Ontwikkelcentrum {r}", "beide", "ontwikkelpartner", False, "ambulant", 2),
    ("Jeugd-GGZ {r}", "enkelvoudig", "overig", False, "ggz", 3),
    ("Kinderpraktijk {r}", "enkelvoudig", "overig", False, "ggz", 2),
    ("Ambulante Jeugdhulp {r}", "enkelvoudig", "overig", False, "ambulant", 3),
    ("Gezinscoaching {r}", "enkelvoudig", "overig", False, "ambulant", 2),
    ("Zorgvervoer {r}", "enkelvoudig", "overig", False, "vervoer", 1),
)
# fmt: on


@dataclass(frozen=True)
class World:
    """Who is in the demo: municipalities (with region and yearly youths) and providers."""

    municipalities: pd.DataFrame  # municipality, region, synthetic (bool), youths_2023
    populations: pd.DataFrame  # municipality, year, youths_0_17, region (synthetic regions only)
    providers: tuple[ProviderSpec, ...]
    stationary: bool = False  # no season, trend, provider growth, waiting-list build-up or population drift


def build_world(con: duckdb.DuckDBPyConnection, rng: np.random.Generator, *, national: bool, scale: float,
                years: range, stationary: bool = False) -> World:
    """Choose the municipalities, their regions and populations, and the providers.

    stationary: a world without the changes the demo injects over time (season, the 2 % yearly trend,
    provider growth, waiting lists that build up, population drift), so that a benchmark can tell those
    changes from what the process charts flag by themselves (benchmarks/signaalcheck.py)."""
    reference = con.execute("select municipality, province, region from municipalities order by municipality").df()
    if national:
        reference["synthetic"] = reference["region"].isna()
        reference.loc[reference["synthetic"], "region"] = _synthetic_regions(reference[reference["synthetic"]])
    else:
        reference = reference[reference["region"].isin(REAL_REGIONS)].copy()
        reference["synthetic"] = False
    known = reference["municipality"].map(YOUTHS_2023)
    drawn = np.clip(rng.lognormal(np.log(6_000), 0.6, len(reference)), 150, 60_000).round(-1)
    reference["youths_2023"] = np.maximum(known.fillna(pd.Series(drawn, index=reference.index)) * scale, 20)
    municipalities = reference[["municipality", "region", "synthetic", "youths_2023"]].reset_index(drop=True)
    providers = REGIONAL_PROVIDERS
    if national:
        synthetic = sorted(municipalities.loc[municipalities["synthetic"], "region"].unique())
        providers = providers + _generated_providers(synthetic)
    if stationary:
        providers = tuple(replace(p, growth=1.0, waiting_list=1.0) for p in providers)
    populations = _populations(municipalities, rng, years, drift=not stationary)
    return World(municipalities, populations, providers, stationary)


def _synthetic_regions(rows: pd.DataFrame) -> list[str]:
    """Chunks of about ten municipalities per province, named like 'Regio Drenthe-Noord'."""
    names = pd.Series(index=rows.index, dtype=object)
    for province, group in rows.groupby("province", sort=True):
        chunks = max(1, round(len(group) / 10))
        for i, index in enumerate(np.array_split(group.index.to_numpy(), chunks)):
            names[index] = f"Regio {province}" if chunks == 1 else f"Regio {province}-{_REGION_SUFFIXES[i]}"
    return names.tolist()


def _generated_providers(regions: list[str]) -> tuple[ProviderSpec, ...]:
    """A dozen providers per generated region, with 8-digit AGB-like codes."""
    specs = []
    for r, region in enumerate(regions, start=1):
        short = region.removeprefix("Regio ")
        for k, (pattern, lot, role, joins, profile, weight) in enumerate(_ARCHETYPES, start=1):
            consortium = f"Samenwerkingsverband Jeugd {short}" if joins else None
            specs.append(ProviderSpec(f"75{r:03d}{k:03d}", pattern.format(r=short), lot, role, consortium,
                                      (region,), profile, weight))
    return tuple(specs)


def _populations(municipalities: pd.DataFrame, rng: np.random.Generator, years: range, *,
                 drift: bool = True) -> pd.DataFrame:
    """Youths 0-17 per municipality and year: a slow drift from the 2023 figure (none without DRIFT; the
    draw is made either way, so the rest of the demo gets the same numbers)."""
    drift = rng.uniform(-0.008, 0.006, len(municipalities)) * drift
    frames = []
    for year in years:
        factor = (1 + drift) ** (year - 2023)
        frames.append(pd.DataFrame({
            "municipality": municipalities["municipality"],
            "year": year,
            "youths_0_17": (municipalities["youths_2023"] * factor).round().astype("int64"),
            "region": municipalities["region"].where(municipalities["synthetic"]),
        }))
    return pd.concat(frames, ignore_index=True)


def provider_frame(providers: tuple[ProviderSpec, ...], end: date, rng: np.random.Generator) -> pd.DataFrame:
    """The providers table: certificate dates relative to the last day of the data."""
    days = rng.integers(150, 900, len(providers))
    rows = [replace(p, certificate_days=p.certificate_days if p.certificate_days is not None else int(d))
            for p, d in zip(providers, days)]
    return pd.DataFrame({
        "provider": [p.code for p in rows],
        "name": [p.name for p in rows],
        "lot": [p.lot for p in rows],
        "role": [p.role for p in rows],
        "consortium": [p.consortium for p in rows],
        "regions": ["/".join(p.regions) for p in rows],
        "certificate_valid_until": [end + timedelta(days=p.certificate_days) for p in rows],
    })
