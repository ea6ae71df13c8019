-- Row sets of family waiting_times (levers/contributors.py): `registered_started`, the providers of the
-- trajectories started in P with an aanmelddatum that waiting_times.sql measures. Scope as its query,
-- both percelen; contributors.sql leaves out the viewer's own.
-- params: $municipalities, $providers, $p_starts, $p_ends
select distinct p.ordinal, t.provider, t.lot, 'registered_started' as base
from periods($p_starts, $p_ends) as p
inner join trajectories as t on is_active(t.start_date, t.end_date, p.p_start, p.p_end)
where t.start_date >= p.p_start
  and t.registration_date is not null
  and in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
