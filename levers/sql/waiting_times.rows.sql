-- Row sets of family waiting_times, beside waiting_times.sql (levers/contributors.py): `registered_started`,
-- the providers of the trajectories started in P with an aanmelddatum that its query measures. Scope as
-- its query but both percelen; the schema macro providers_per_row_set counts the providers other than the
-- viewer's own, per perceel and for both.
-- params: $own, $municipalities, $providers, $p_starts, $p_ends
with row_sets as (
    select distinct p.ordinal, t.provider, t.lot, 'registered_started' as base
    from periods($p_starts, $p_ends) as p
    inner join trajectories as t on t.start_date between p.p_start and p.p_end  -- started in P
    where is_active(t.start_date, t.end_date, p.p_start, p.p_end)
      and t.registration_date is not null
      and in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
)

select * from providers_per_row_set('row_sets', $own)
