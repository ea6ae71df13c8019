-- Row sets of family volume_growth, beside volume_growth.sql (levers/contributors.py): `enkelvoudig_now`
-- and `enkelvoudig_before`, the providers of the enkelvoudig trajectories active in P and in the same
-- period a year earlier that its query counts. The schema macro providers_per_row_set counts the
-- providers other than the viewer's own, per perceel and for both.
-- params: $own, $municipalities, $providers, $p_starts, $p_ends
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
        t.provider,
        t.lot,
        is_active(t.start_date, t.end_date, p.p_start, p.p_end) as is_now,
        is_active(t.start_date, t.end_date, p.prev_start, p.prev_end) as is_before
    from periods as p
    inner join trajectories as t on is_active(t.start_date, t.end_date, p.prev_start, p.p_end)
    where t.lot = 'enkelvoudig'
      and in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
),

row_sets as (
    select distinct ordinal, provider, lot, 'enkelvoudig_now' as base from active where is_now
    union all
    select distinct ordinal, provider, lot, 'enkelvoudig_before' as base from active where is_before
)

select * from providers_per_row_set('row_sets', $own)
