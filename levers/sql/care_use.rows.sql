-- Row sets of family care_use (levers/contributors.py): `crisis_started`, the providers of crisis
-- trajectories (productcategorie 46) started in P that care_use.sql counts. Scope as its query, both
-- percelen; contributors.sql leaves out the viewer's own.
-- params: $municipalities, $providers, $p_starts, $p_ends
select distinct p.ordinal, t.provider, t.lot, 'crisis_started' as base
from periods($p_starts, $p_ends) as p
inner join trajectories as t on is_active(t.start_date, t.end_date, p.p_start, p.p_end)
where t.start_date >= p.p_start
  and t.product_category = 46
  and in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
