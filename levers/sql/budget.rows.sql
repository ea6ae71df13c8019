-- Row sets of family budget (levers/contributors.py): `costs_year`, the providers of the kosten months
-- January through p_end that budget.sql adds up. Scope as its query, both percelen; contributors.sql
-- leaves out the viewer's own.
-- params: $municipalities, $providers, $p_starts, $p_ends
select p.ordinal, c.provider, c.lot, 'costs_year' as base
from periods($p_starts, $p_ends) as p
inner join costs as c on c.month between date_trunc('year', p.p_end)::date and p.p_end
where in_scope(c.municipality, null, c.provider, $municipalities, null, $providers)
