-- Family referrals (levers/families/referrals.py), doorverwijzing per period: trajectories in scope
-- ended in P, and those whose person (gemeente, client_id) has a trajectory at another provider
-- starting in [einddatum, einddatum + 30]. The later trajectory may be of any perceel and any
-- provider: the lot and provider filters select only the ended trajectories. It is always in the same
-- municipality, so in $municipalities.
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with periods as (
    select * from periods($p_starts, $p_ends)
),

in_municipalities as (
    select municipality, client_id, provider, lot, start_date, end_date
    from care_trajectories
    where list_contains($municipalities::varchar[], municipality)
),

ended as (
    select p.ordinal, t.municipality, t.client_id, t.provider, t.end_date
    from periods as p
    inner join in_municipalities as t
        on t.end_date between p.p_start and p.p_end
    where in_scope(t.municipality, t.lot, t.provider, $municipalities, $lot, $providers)
),

marked as (
    select
        e.ordinal,
        exists (
            select 1
            from in_municipalities as later
            where later.municipality = e.municipality
              and later.client_id = e.client_id
              and later.provider <> e.provider
              and later.start_date between e.end_date and e.end_date + 30
        ) as is_referred
    from ended as e
),

per_period as (
    select ordinal, count(*) as ended, count(*) filter (where is_referred) as referred
    from marked
    group by ordinal
),

final as (
    select
        p.ordinal,
        coalesce(r.ended, 0) as ended,
        coalesce(r.referred, 0) as referred,
        100.0 * r.referred / nullif(r.ended, 0) as referred_pct
    from periods as p
    left join per_period as r using (ordinal)
    order by p.ordinal
)

select * from final
