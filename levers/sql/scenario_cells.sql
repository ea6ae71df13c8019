-- The scenario page's baseline per (gemeente, perceel) (levers/scenario.py, ahead.md §2), for one period: the
-- year-end forecast of the budget family (year_forecast: corrected through p_end, expected after it) split
-- into what the levers move (declarations of the remaining months) and what they do not, next year's
-- expected spending (this year's forecast × the growth the forecast uses; without a last year: this year's),
-- the youths in residentieel care in the 12 months up to p_end (37, 38, 43, 44; indicators.md) and the budget.
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with cells as (
    select * from scope_cost_cells($municipalities, $lot, $providers, $p_starts, $p_ends)
),

forecast as (
    select
        municipality, lot,
        coalesce(sum(corrected), 0) as so_far,
        coalesce(sum(expected) filter (where kind = 'declaratie'), 0) as remaining_declared,
        coalesce(sum(expected) filter (where kind <> 'declaratie'), 0) as remaining_other,
        coalesce(sum((coalesce(corrected, 0) + coalesce(expected, 0)) * coalesce(growth, 1))
                 filter (where kind = 'declaratie'), 0) as next_declared,
        coalesce(sum((coalesce(corrected, 0) + coalesce(expected, 0)) * coalesce(growth, 1))
                 filter (where kind <> 'declaratie'), 0) as next_other
    from year_forecast('cells')
    group by all
),

periods as (
    select * from periods($p_starts, $p_ends)
),

residential as (
    select t.municipality, t.lot, count(distinct t.client_id) as youths
    from care_trajectories as t
    cross join periods as p
    where in_scope(t.municipality, t.lot, t.provider, $municipalities, $lot, $providers)
      and t.product_category in (37, 38, 43, 44)
      and is_active(t.start_date, t.end_date, (p.p_end - interval 1 year + interval 1 day)::date, p.p_end)
    group by all
),

budget as (
    select b.municipality, b.lot, b.budget
    from scope_budgets($municipalities, $lot, $providers) as b
    cross join periods as p
    where b.year = year(p.p_end)
),

final as (
    select
        f.municipality, f.lot, f.so_far, f.remaining_declared, f.remaining_other, f.next_declared, f.next_other,
        coalesce(r.youths, 0) as residential_youths,
        b.budget
    from forecast as f
    left join residential as r using (municipality, lot)
    left join budget as b using (municipality, lot)
    order by f.municipality, f.lot
)

select * from final
