-- Row sets of family recurrence (levers/contributors.py): `recurrence`, the providers of the base B of
-- recurrence.sql, trajectories ended with reden 31 in (p_end - 24 months, p_end - 12 months]. Scope as
-- its query, both percelen; contributors.sql leaves out the viewer's own.
-- params: $municipalities, $providers, $p_starts, $p_ends
select distinct p.ordinal, t.provider, t.lot, 'recurrence' as base
from periods($p_starts, $p_ends) as p
inner join trajectories as t
    on t.end_date > (p.p_end - interval 24 month)::date and t.end_date <= (p.p_end - interval 12 month)::date
where t.end_reason = 31
  and in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
