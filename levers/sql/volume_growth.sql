-- Family volume_growth (levers/families/volume_growth.py): volumegroei_enkelvoudig per period. Persons
-- (gemeente, client_id) with an enkelvoudig trajectory in scope active in P, and in the same period one
-- year earlier (prev_start .. prev_end: the same month, quarter or year of the previous year).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with periods as (
    select
        *,
        (p_start - interval 1 year)::date as prev_start,
        last_day((p_end - interval 1 year)::date) as prev_end
    from periods($p_starts, $p_ends)
),

active as (  -- active in P or in the year-earlier period (which lies wholly before P)
    select
        p.ordinal,
        t.municipality,
        t.client_id,
        is_active(t.start_date, t.end_date, p.p_start, p.p_end) as is_now,
        is_active(t.start_date, t.end_date, p.prev_start, p.prev_end) as is_before
    from periods as p
    inner join trajectories as t  -- active from prev_start through p_end (is_active: one range condition)
        on is_active(t.start_date, t.end_date, p.prev_start, p.p_end)
    where t.lot = 'enkelvoudig'
      and in_scope(t.municipality, t.lot, t.provider, $municipalities, null, $providers)
),

persons as (  -- a person (gemeente, client_id) per period: active now, a year earlier
    select ordinal, bool_or(is_now) as is_now, bool_or(is_before) as is_before
    from active
    group by ordinal, municipality, client_id
),

per_period as (
    select
        ordinal,
        count(*) filter (where is_now) as persons_now,
        count(*) filter (where is_before) as persons_before
    from persons
    group by ordinal
),

final as (
    select
        p.ordinal,
        coalesce(c.persons_now, 0) as persons_now,
        coalesce(c.persons_before, 0) as persons_before,
        ratio(coalesce(c.persons_now, 0), c.persons_before, 100) - 100 as growth_pct
    from periods as p
    left join per_period as c using (ordinal)
    order by p.ordinal
)

select * from final
