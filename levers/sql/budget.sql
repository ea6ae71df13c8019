-- Family budget (levers/families/budget.py): budgetuitputting per period, the year-end forecast that knows
-- claims arrive late (ahead.md §1). The scope's months of the year of p_end through p_end (and the whole
-- year before), each with its lag (months before the newest month in `costs`), go through the schema's
-- year_forecast: corrected = known × c_L, expected = last year's month × growth. The 80% band, the chance
-- of overspending and the month the budget is reached come from the backtest's relative errors at the same
-- month of the year (cost_backtest, written from forecast_backtest: error e = forecast / outcome − 1, so an outcome is forecast / (1 + e)).
-- The budget: the schema's scope_budgets (the perceel-level rows, else the provider rows; with a provider
-- filter only those providers' rows; none: budget null).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with periods as (
    select * from periods($p_starts, $p_ends)
),

cells as (  -- year_forecast's input: the months in scope as stored, with their lag
    select * from scope_cost_cells($municipalities, $lot, $providers, $p_starts, $p_ends)
),

months as (  -- per period and month of the year: realised and corrected through p_end, expected after it
    select
        ordinal, month_of_year,
        sum(realised) as realised, sum(corrected) as corrected, sum(expected) as expected, bool_or(pooled) as pooled
    from year_forecast('cells')
    group by all
),

so_far as (
    select
        p.ordinal,
        coalesce(sum(m.realised), 0) as spent,
        coalesce(sum(m.corrected), 0) as corrected,
        coalesce(sum(m.expected), 0) as expected,
        coalesce(bool_or(m.pooled), false) as pooled_factors
    from periods as p
    left join months as m using (ordinal)
    group by p.ordinal
),

budget as (
    select p.ordinal, sum(b.budget) as budget
    from periods as p
    inner join scope_budgets($municipalities, $lot, $providers) as b on b.year = year(p.p_end)
    group by p.ordinal
),

errors as (
    select month_of_year, new / actual - 1 as error
    from cost_backtest
),

outcomes as (  -- the forecast's outcomes by the backtest: quantiles and the share over budget
    select
        p.ordinal,
        quantile_cont(e.error, 0.1) as q10,
        quantile_cont(e.error, 0.5) as q50,
        quantile_cont(e.error, 0.9) as q90,
        avg(case when (s.corrected + s.expected) / (1 + e.error) > b.budget then 100.0 else 0.0 end) as overspend
    from periods as p
    inner join errors as e on e.month_of_year = month(p.p_end)
    inner join so_far as s using (ordinal)
    left join budget as b using (ordinal)
    group by p.ordinal
),

totals as (
    select
        p.ordinal, p.p_end, s.spent, s.corrected, s.expected, s.corrected + s.expected as forecast, s.pooled_factors,
        b.budget, o.overspend,
        (s.corrected + s.expected) / (1 + o.q90) as low,
        (s.corrected + s.expected) / (1 + o.q50) as median,
        (s.corrected + s.expected) / (1 + o.q10) as high
    from periods as p
    inner join so_far as s using (ordinal)
    left join budget as b using (ordinal)
    left join outcomes as o using (ordinal)
),

paths as (  -- cumulative per month: realised and corrected through p_end, then each outcome's path
    select
        t.ordinal, m.month_of_year,
        sum(m.realised) over w as realised,
        sum(m.corrected) over w as corrected,
        sum(coalesce(m.expected, 0)) over w as expected
    from totals as t
    inner join months as m using (ordinal)
    window w as (partition by t.ordinal order by m.month_of_year)
),

scaled as (
    select
        t.ordinal, a.month_of_year, a.month_of_year <= month(t.p_end) as past,
        a.realised, a.corrected,
        case when a.month_of_year <= month(t.p_end) then a.corrected
             else t.corrected + a.expected * coalesce((t.median - t.corrected) / nullif(t.expected, 0), 1) end
            as median,
        case when a.month_of_year <= month(t.p_end) then a.corrected
             else t.corrected + a.expected * (t.low - t.corrected) / nullif(t.expected, 0) end as low,
        case when a.month_of_year <= month(t.p_end) then a.corrected
             else t.corrected + a.expected * (t.high - t.corrected) / nullif(t.expected, 0) end as high
    from totals as t
    inner join paths as a using (ordinal)
),

fan as (
    select
        ordinal,
        list(case when past then realised end order by month_of_year) as path_realised,
        list(case when past then corrected end order by month_of_year) as path_corrected,
        list(case when month_of_year >= month(p_end) then median end order by month_of_year)
            as path_median,
        list(case when month_of_year >= month(p_end) then low end order by month_of_year) as path_low,
        list(case when month_of_year >= month(p_end) then high end order by month_of_year) as path_high
    from scaled
    inner join periods using (ordinal)
    group by ordinal, p_end
),

reached as (  -- the first month whose cumulative spending at the median outcome reaches the budget
    select s.ordinal, min(s.month_of_year) as budget_month
    from scaled as s
    inner join totals as t using (ordinal)
    where s.median >= t.budget
    group by s.ordinal
),

final as (
    select
        t.ordinal,
        month(t.p_end) as months,
        t.spent,
        t.corrected,
        t.forecast,
        t.budget,
        -- euros to the cent first: a float sum's last digit depends on the order DuckDB adds in
        ratio(round(t.forecast, 2), t.budget, 100) as forecast_pct,
        ratio(t.spent, t.budget, 100) as realised_pct,
        ratio(round(t.corrected, 2), t.budget, 100) as corrected_pct,
        month(t.p_end)::double / 12 * 100 as pro_rata_pct,
        ratio(t.low, t.budget, 100) as forecast_low_pct,
        ratio(t.median, t.budget, 100) as forecast_median_pct,
        ratio(t.high, t.budget, 100) as forecast_high_pct,
        case when t.budget > 0 then t.overspend end as overspend_pct,
        case when t.budget > 0 then r.budget_month end as budget_month,
        t.pooled_factors,
        f.path_realised, f.path_corrected, f.path_median, f.path_low, f.path_high
    from totals as t
    left join fan as f using (ordinal)
    left join reached as r using (ordinal)
    order by t.ordinal
)

select * from final
