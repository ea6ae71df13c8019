-- Row sets of family caseload, beside caseload.sql (levers/contributors.py): which providers' rows its
-- query adds up. `active`, `started`, `ended`, `ended_known`: its trajectories active, started, ended and
-- ended with a known reason in P; `costs`: its kosten months in P. Scope as its query but both percelen;
-- the schema macro providers_per_row_set counts each row set's providers other than the viewer's own,
-- per perceel and for both. Flags per (period, provider, perceel) first: few rows.
-- params: $own, $municipalities, $providers, $p_starts, $p_ends
with row_sets as (
    select ordinal, provider, lot, base
    from (
        select
            ordinal,
            provider,
            lot,
            unnest([
                'active',
                case when has_started then 'started' end,
                case when has_ended then 'ended' end,
                case when has_known_end then 'ended_known' end
            ]) as base
        from (
            select
                p.ordinal,
                t.provider,
                t.lot,
                bool_or(t.start_date >= p.p_start) as has_started,
                bool_or(t.end_date <= p.p_end) as has_ended,
                bool_or(t.end_date <= p.p_end and t.end_reason in (31, 32, 33, 34, 35)) as has_known_end
            from periods($p_starts, $p_ends) as p
            inner join trajectories as t on is_active(t.start_date, t.end_date, p.p_start, p.p_end)
            where in_scope(t.municipality, null, t.provider, $municipalities, null, $providers)
            group by p.ordinal, t.provider, t.lot
        )
    )
    where base is not null
    union all
    select p.ordinal, c.provider, c.lot, 'costs' as base
    from periods($p_starts, $p_ends) as p
    inner join costs as c on c.month between p.p_start and p.p_end
    where in_scope(c.municipality, null, c.provider, $municipalities, null, $providers)
)

select * from providers_per_row_set('row_sets', $own)
