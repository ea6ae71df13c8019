-- Family budget (levers/families/budget.py): budgetuitputting per period. Spending from January
-- through the month of p_end (year of p_end) and the budget of that year. Budget rows of the scope
-- (municipalities, perceel): without a provider filter the perceel-level rows (empty aanbieder), or,
-- where a (jaar, gemeente, perceel) has none, the sum of its provider rows; with a provider filter
-- only those providers' rows (none: budget null). The forecast's band: forecast ± 2 · s · √(12 − m) over
-- the budget, s the standard deviation of the m monthly totals so far (levers/families/budget.py).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with periods as (
    select * from periods($p_starts, $p_ends)
),

monthly_totals as (  -- exact (decimal) spending per month in scope; `month` is a month's first day
    select month, sum(amount) as amount
    from costs
    where in_scope(municipality, lot, provider, $municipalities, $lot, $providers)
    group by month
),

months_so_far as (  -- every month from January through the month of p_end, spending or not
    select p.ordinal, unnest(generate_series(date_trunc('year', p.p_end), date_trunc('month', p.p_end),
                                              interval 1 month))::date as month
    from periods as p
),

spent as (  -- spending so far, and s: the sample standard deviation of the monthly totals so far (none for
    -- one month), taken in month order so the same data always give the same last digit
    select
        m.ordinal,
        sum(t.amount)::double as spent,
        stddev_samp(coalesce(t.amount, 0)::double order by m.month) as spread
    from months_so_far as m
    left join monthly_totals as t using (month)
    group by m.ordinal
),

budget_cells as (  -- one row per (jaar, gemeente, perceel) in scope; the provider filter applies below
    select
        b.year,
        b.municipality,
        b.lot,
        sum(b.budget) filter (where b.provider is null) as lot_budget,
        sum(b.budget) filter (where b.provider is not null) as provider_budget,
        sum(b.budget) filter (where list_contains($providers::varchar[], b.provider)) as filtered_budget
    from budgets as b
    where in_scope(b.municipality, b.lot, b.provider, $municipalities, $lot, [])
    group by b.year, b.municipality, b.lot
),

budget as (
    select
        p.ordinal,
        sum(
            case
                when len($providers::varchar[]) = 0 then coalesce(c.lot_budget, c.provider_budget)
                else c.filtered_budget
            end
        )::double as budget
    from periods as p
    inner join budget_cells as c on c.year = year(p.p_end)
    group by p.ordinal
),

final as (
    select
        p.ordinal,
        month(p.p_end) as months,
        coalesce(s.spent, 0) as spent,
        b.budget,
        ratio(coalesce(s.spent, 0) / month(p.p_end) * 12, b.budget, 100) as forecast_pct,
        ratio(coalesce(s.spent, 0), b.budget, 100) as realised_pct,
        month(p.p_end)::double / 12 * 100 as pro_rata_pct,
        ratio(coalesce(s.spent, 0) / month(p.p_end) * 12 - 2 * s.spread * sqrt(12 - month(p.p_end)), b.budget, 100)
            as forecast_low_pct,
        ratio(coalesce(s.spent, 0) / month(p.p_end) * 12 + 2 * s.spread * sqrt(12 - month(p.p_end)), b.budget, 100)
            as forecast_high_pct
    from periods as p
    left join spent as s using (ordinal)
    left join budget as b using (ordinal)
    order by p.ordinal
)

select * from final
