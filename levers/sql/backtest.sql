-- The backtest of the year-end forecast for one region (ahead.md §1, `python -m levers backtest`): per month
-- of the year, the mean absolute relative error of the old (Σ so far / m × 12) and the new (corrected)
-- forecast over the region's percelen and past years (cost_backtest), and how often the 80% band held the
-- outcome. Each case's band is the one the forecast would have drawn without knowing its own outcome
-- (leave one out): the 10th and 90th percentiles of the errors of every other (region, perceel, year) at
-- the same month; the outcome lies in it when its error does (outcome = forecast / (1 + error)).
-- params: $region
with errors as (
    select region, lot, year, month_of_year, old / actual - 1 as old_error, new / actual - 1 as new_error
    from cost_backtest
),

bands as (
    select
        e.region, e.lot, e.year, e.month_of_year,
        quantile_cont(o.new_error, 0.1) as q10,
        quantile_cont(o.new_error, 0.9) as q90
    from errors as e
    inner join errors as o
        on o.month_of_year = e.month_of_year and (o.region, o.lot, o.year) <> (e.region, e.lot, e.year)
    where e.region = $region
    group by all
),

final as (
    select
        e.month_of_year,
        count(*) as cases,
        avg(abs(e.old_error)) * 100 as old_mae_pct,
        avg(abs(e.new_error)) * 100 as new_mae_pct,
        avg(case when e.new_error between b.q10 and b.q90 then 100.0 else 0.0 end) as coverage_pct
    from errors as e
    inner join bands as b using (region, lot, year, month_of_year)
    group by e.month_of_year
    order by e.month_of_year
)

select * from final
