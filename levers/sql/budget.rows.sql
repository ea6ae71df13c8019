-- Row sets of family budget, beside budget.sql (levers/contributors.py): `costs_year`, the providers of
-- the kosten months January through p_end that its query adds up. Scope as its query but both percelen;
-- the schema macro providers_per_row_set counts the providers other than the viewer's own, per perceel
-- and for both.
-- params: $own, $municipalities, $providers, $p_starts, $p_ends
with row_sets as (
    select p.ordinal, c.provider, c.lot, 'costs_year' as base
    from periods($p_starts, $p_ends) as p
    inner join costs as c on c.month between date_trunc('year', p.p_end)::date and p.p_end
    where in_scope(c.municipality, null, c.provider, $municipalities, null, $providers)
)

select * from providers_per_row_set('row_sets', $own)
