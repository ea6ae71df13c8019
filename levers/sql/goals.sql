-- Family goals (levers/families/goals.py), doelrealisatie per period: Σ doelen_behaald and
-- Σ afgesloten_trajecten of the `uitkomsten` rows of the region in scope of the quarters that count for P
-- (levers.quarters: reporting quarters, else the fallback quarter). Provider-level data: the rows
-- of the providers in scope (providers_in_scope), of the scope's perceel. No municipality applies.
-- params: $regions, $lot, $providers, $p_starts, $p_ends, $quarter_ordinals, $quarter_starts
with periods as (
    select * from periods($p_starts, $p_ends)
),

scoped_outcomes as (
    select o.quarter_start, o.quarter_end, o.goals_achieved, o.closed_trajectories
    from outcomes as o
    semi join providers_in_scope($regions, $lot, $providers) as s on s.provider = o.provider
    where list_contains($regions::varchar[], o.region)
      and ($lot::varchar is null or o.lot = $lot::varchar)
),

counted as (
    select q.ordinal, o.goals_achieved, o.closed_trajectories
    from counted_quarters($quarter_ordinals, $quarter_starts) as q
    inner join scoped_outcomes as o using (quarter_start)
),

final as (
    select
        p.ordinal,
        coalesce(sum(c.goals_achieved), 0)::bigint as goals_achieved,
        coalesce(sum(c.closed_trajectories), 0)::bigint as closed,
        100.0 * sum(c.goals_achieved) / nullif(sum(c.closed_trajectories), 0) as achieved_pct
    from periods as p
    left join counted as c using (ordinal)
    group by p.ordinal
    order by p.ordinal
)

select * from final
