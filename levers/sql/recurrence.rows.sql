-- Row sets of family recurrence, beside recurrence.sql (levers/contributors.py): `recurrence`, the
-- providers of its base B, trajectories ended with reden 31 in (p_end - 24 months, p_end - 12 months].
-- Scope as its query but both percelen; the schema macro providers_per_row_set counts the providers other
-- than the viewer's own, per perceel and for both.
-- params: $own, $municipalities, $providers, $p_starts, $p_ends
with row_sets as (
    select distinct p.ordinal, t.provider, t.lot, 'recurrence' as base
    from periods($p_starts, $p_ends) as p
    inner join trajectories as t
        on t.end_date > (p.p_end - interval 24 month)::date and t.end_date <= (p.p_end - interval 12 month)::date
    where t.end_reason = 31
      and in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
)

select * from providers_per_row_set('row_sets', $own)
