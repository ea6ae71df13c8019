-- tevredenheid: Σ tevredenheid_positief / Σ tevredenheid_respondenten over the `uitkomsten` rows of
-- the providers in scope (region, perceel with 'beide' matching both, provider filter) whose quarter
-- overlaps P and whose perceel is in scope.
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

answers as (
    select
        p.ordinal,
        sum(o.satisfaction_positive) as positive,
        sum(o.satisfaction_responses) as respondents
    from periods as p
    inner join outcomes as o on o.quarter_start <= p.p_end and o.quarter_end >= p.p_start
    inner join providers_in_scope as s on s.provider = o.provider
    where $lot::varchar is null or o.lot = $lot::varchar
    group by p.ordinal
),

final as (
    select p.ordinal, coalesce(a.positive, 0) as positive, coalesce(a.respondents, 0) as respondents
    from periods as p
    left join answers as a using (ordinal)
    order by p.ordinal
)

select * from final
