-- Diagnostics, doelrealisatie per period: Σ doelen_behaald and Σ afgesloten_trajecten of the
-- `uitkomsten` rows in scope whose quarter overlaps P. Provider-level data: the rows of providers in
-- scope (working in $region, perceel matching the scope's with 'beide' matching both, among
-- $providers when filtered), of the scope's perceel. No municipality applies.
-- params: $region, $lot, $providers, $p_starts, $p_ends
with periods as (
    select
        unnest(range(len($p_ends::date[]))) as ordinal,
        unnest($p_starts::date[]) as p_start,
        unnest($p_ends::date[]) as p_end
),

providers_in_scope as (
    select distinct p.provider
    from providers as p
    inner join provider_regions as r on r.provider = p.provider and r.region = $region
    where ($lot::varchar is null or p.lot in ($lot::varchar, 'beide'))
      and (len($providers::varchar[]) = 0 or list_contains($providers::varchar[], p.provider))
),

scoped_outcomes as (
    select o.quarter_start, o.quarter_end, o.goals_achieved, o.closed_trajectories
    from outcomes as o
    semi join providers_in_scope as s on s.provider = o.provider
    where $lot::varchar is null or o.lot = $lot::varchar
),

final as (
    select
        p.ordinal,
        coalesce(sum(o.goals_achieved), 0)::bigint as goals_achieved,
        coalesce(sum(o.closed_trajectories), 0)::bigint as closed,
        100.0 * sum(o.goals_achieved) / nullif(sum(o.closed_trajectories), 0) as achieved_pct
    from periods as p
    left join scoped_outcomes as o
        on o.quarter_start <= p.p_end and o.quarter_end >= p.p_start
    group by p.ordinal
    order by p.ordinal
)

select * from final
