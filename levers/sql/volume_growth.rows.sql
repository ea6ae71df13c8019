-- Row sets of family volume_growth (levers/contributors.py): `enkelvoudig_now` and `enkelvoudig_before`,
-- the providers of the enkelvoudig trajectories active in P and in the same period a year earlier that
-- volume_growth.sql counts. Scope as its query; contributors.sql leaves out the viewer's own.
-- params: $municipalities, $providers, $p_starts, $p_ends
with periods as (
    select
        *,
        (p_start - interval 1 year)::date as prev_start,
        last_day((p_end - interval 1 year)::date) as prev_end
    from periods($p_starts, $p_ends)
)

select distinct p.ordinal, t.provider, t.lot, 'enkelvoudig_now' as base
from periods as p
inner join trajectories as t on is_active(t.start_date, t.end_date, p.p_start, p.p_end)
where t.lot = 'enkelvoudig'
  and in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
union all
select distinct p.ordinal, t.provider, t.lot, 'enkelvoudig_before' as base
from periods as p
inner join trajectories as t on is_active(t.start_date, t.end_date, p.prev_start, p.prev_end)
where t.lot = 'enkelvoudig'
  and in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
