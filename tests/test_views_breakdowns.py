"""Issue 13's screen pieces without a page: the waterfall, the forecast band and the Dutch tables."""

from decimal import Decimal

from levers.chart_model import trend_model
from levers.price_volume import PriceVolume
from levers.referrers import ReferrerRow, Shown
from levers.scope import Period
from levers.series import Series, SeriesPoint
from views import charts
from wording import breakdowns

OCTOBER = Period.parse("2026-10")


def _point(month, value, band=None):
    period = Period.month(2026, month)
    return SeriesPoint(period.label, period.start, period.end, value, None, 100.0, "groen", False, band=band)


def test_the_waterfall_starts_and_ends_at_the_two_totals_with_volume_and_price_between():
    steps = [("Uitgaven okt 2025", 11_000), ("meer jeugdigen", 2_538.46), ("lagere kosten per jeugdige", -161.54),
             ("Uitgaven okt 2026", 13_376.92)]
    [bars] = charts.waterfall(steps, "titel").data
    assert list(bars.measure) == ["absolute", "relative", "relative", "total"]
    assert list(bars.x) == [label for label, _ in steps]
    # whole euros with a thousands dot; the changes signed
    assert list(bars.text) == ["€ 11.000", "+€ 2.538", "−€ 162", "€ 13.377"]
    assert bars.increasing.marker.color == charts.VERMILLION and bars.decreasing.marker.color == charts.BLUE


def test_the_budget_trend_draws_the_forecast_band_on_its_last_point():
    series = Series("budgetuitputting", (_point(9, 98.0), _point(10, 103.0, band=(95.5, 110.0))))
    figure = charts.trend(trend_model(series, "% van budget"), "titel")
    [band] = [trace for trace in figure.data if trace.name == "Bandbreedte prognose"]
    assert list(band.x) == ["okt 2026"] and list(band.y) == [103.0]
    # 103 − 95,5 = 7,5 below, 110 − 103 = 7 above
    assert (list(band.error_y.arrayminus), list(band.error_y.array)) == ([7.5], [7.0])
    assert "95,5% – 110,0%" in band.hovertemplate


def test_a_trend_without_a_band_draws_none():
    series = Series("budgetuitputting", (_point(9, 98.0), _point(10, 103.0)))
    assert all(trace.name != "Bandbreedte prognose" for trace in charts.trend(trend_model(series, "%"), "titel").data)


def _price_volume(grouping, key, name, youths, volume, price, lump_sum=Decimal(0)):
    return PriceVolume(grouping, key, name, youths, 10, None, None, Decimal("13200.00"), Decimal("10000.00"),
                       Decimal("3200.00"), 1100.0, 1000.0, volume, price, lump_sum)


def test_the_price_volume_table_shows_euros_to_the_cent_and_a_dash_where_there_is_no_split():
    rows = [
        # 3.200 = 1.500 more youths + 1.200 cost per youth + 500 lump sum
        _price_volume("gemeente", "GM0453", "Velsen", 12, Decimal("1500.00"), Decimal("1200.00"), Decimal("500.00")),
        _price_volume("gemeente", "GM0375", "Beverwijk", None, None, None, Decimal("-250.00")),
        _price_volume("perceel", "complex", "complex", 12, Decimal("2000.00"), Decimal("1200.00")),
    ]
    columns, body = breakdowns.price_volume_table(rows, "gemeente", OCTOBER)
    assert columns == ["Gemeente", "Jeugdigen okt 2025", "Jeugdigen okt 2026", "Uitgaven okt 2025",
                       "Uitgaven okt 2026", "Verschil", "Meer/minder jeugdigen", "Kosten per jeugdige",
                       "Lumpsum (apart)"]
    assert body[0] == ["Velsen", "10", "12", "€ 10.000,00", "€ 13.200,00", "+ € 3.200,00", "+ € 1.500,00",
                       "+ € 1.200,00", "+ € 500,00"]
    assert body[1][0] == "Beverwijk" and body[1][-3:] == ["–", "–", "− € 250,00"]  # the lump sum is never hidden
    assert len(body) == 2  # the perceel row belongs to another grouping


def test_the_referrer_table_shows_less_than_five_and_no_share_for_a_small_count():
    rows = [
        ReferrerRow("totaal", None, 1, "Gemeente", Shown(8, None, 57.142857), Shown(5, None, 50.0)),
        ReferrerRow("totaal", None, 2, "Huisarts", Shown(None, "<5", None), Shown(5, None, 50.0)),
    ]
    columns, body = breakdowns.referrer_table(rows, "totaal", OCTOBER)
    assert columns[0] == "Verwijzer"
    assert body == [["Gemeente", "8", "57,1%", "5", "50,0%"], ["Huisarts", "<5", "–", "5", "50,0%"]]


def test_a_start_without_a_verwijzer_is_named_onbekend_in_the_table():
    rows = [ReferrerRow("totaal", None, None, None, Shown(12, None, 100.0), Shown(None, "<5", None))]
    assert breakdowns.referrer_table(rows, "totaal", OCTOBER)[1] == [
        ["Onbekend (geen verwijzer)", "12", "100,0%", "<5", "–"]]
