-- Row sets of family waiting_list, beside waiting_list.sql (levers/contributors.py): `waiting`, the
-- providers of the trajectories waiting at p_end that its query counts. Scope as its query but both
-- percelen; the schema macro providers_per_row_set counts the providers other than the viewer's own,
-- per perceel and for both.
-- params: $own, $municipalities, $providers, $p_starts, $p_ends
with row_sets as (
    select distinct p.ordinal, t.provider, t.lot, 'waiting' as base
    from periods($p_starts, $p_ends) as p
    inner join registered_trajectories as t
        on is_waiting(t.registration_date, t.start_date, t.end_date, p.p_end)
    where in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
)

select * from providers_per_row_set('row_sets', $own)
