-- Family recurrence (levers/families/recurrence.py): herhaald_beroep. Base B = trajectories in scope
-- ended with reden 31 in (p_end - 24 months, p_end - 12 months] (month arithmetic clamped to the
-- month's last day); a trajectory of B returns when its person (same gemeente and client_id) has any
-- trajectory, of any provider and perceel, starting in (einddatum, einddatum + 365 days].
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with periods as (
    select
        ordinal,
        (p_end - interval 24 month)::date as base_after,
        (p_end - interval 12 month)::date as base_through
    from periods($p_starts, $p_ends)
),

span as (  -- every period's base window together
    select min(base_after) as base_after, max(base_through) as base_through
    from periods
),

base as (  -- the trajectories of any period's base, each once (a month series' windows overlap)
    select t.municipality, t.trajectory_id, t.client_id, t.end_date
    from span as s
    inner join care_trajectories as t on t.end_date > s.base_after and t.end_date <= s.base_through
    where t.end_reason = 31
      and in_scope(t.municipality, t.lot, t.provider, $municipalities, $lot, $providers)
),

followed as (  -- one row per trajectory of the base (primary key gemeente, trajectory_id)
    select b.municipality, b.trajectory_id, b.end_date, count(r.trajectory_id) > 0 as has_returned
    from base as b
    left join care_trajectories as r
        on r.municipality = b.municipality
        and r.client_id = b.client_id
        and r.start_date > b.end_date
        and r.start_date <= b.end_date + 365
    group by b.municipality, b.trajectory_id, b.end_date
),

per_period as (
    select p.ordinal, count(*) as base, count(*) filter (where f.has_returned) as returned
    from periods as p
    inner join followed as f on f.end_date > p.base_after and f.end_date <= p.base_through
    group by p.ordinal
),

final as (
    select
        p.ordinal,
        coalesce(c.base, 0) as base,
        coalesce(c.returned, 0) as returned,
        ratio(coalesce(c.returned, 0), c.base, 100) as returned_pct
    from periods as p
    left join per_period as c using (ordinal)
    order by p.ordinal
)

select * from final
