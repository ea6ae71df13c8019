-- Family provider_level (levers/families/provider_level.py): figures per period over the providers in
-- scope (providers_in_scope: region, perceel with 'beide' matching both, provider filter):
-- tevredenheid (Σ positive / Σ respondents of the `uitkomsten` rows of the region of the quarters that count
-- for P, levers.quarters, whose perceel is in scope), weigeringen (Σ refusals of the complex rows of strategic partners with perceel
-- complex or beide; null when there is no such row) and certificaten (expired before p_end, and valid
-- at p_end but not 90 days later: p_end <= certificaat_geldig_tot < p_end + 90 days).
-- params: $regions, $lot, $providers, $p_starts, $p_ends, $quarter_ordinals, $quarter_starts
with periods as (
    select * from periods($p_starts, $p_ends)
),

scoped_providers as (
    select provider, lot, role, certificate_valid_until
    from providers_in_scope($regions, $lot, $providers)
),

outcome_rows as (
    select
        p.ordinal,
        o.satisfaction_positive,
        o.satisfaction_responses,
        o.refusals,
        $lot::varchar is null or o.lot = $lot::varchar as is_lot_in_scope,
        s.role = 'strategisch_partner' and s.lot in ('complex', 'beide') and o.lot = 'complex' as is_duty
    from counted_quarters($quarter_ordinals, $quarter_starts) as p
    inner join outcomes as o on o.quarter_start = p.quarter_start 
        and list_contains($regions::varchar[], o.region)  -- rows about the scope's region
    inner join scoped_providers as s on s.provider = o.provider
),

outcome_sums as (
    select
        ordinal,
        sum(satisfaction_positive) filter (where is_lot_in_scope) as positive,
        sum(satisfaction_responses) filter (where is_lot_in_scope) as respondents,
        sum(refusals) filter (where is_duty) as refusals
    from outcome_rows
    group by ordinal
),

certificates as (
    select
        p.ordinal,
        count(*) as providers,
        count(*) filter (where s.certificate_valid_until < p.p_end) as expired,
        count(*) filter (
            where s.certificate_valid_until >= p.p_end and s.certificate_valid_until < p.p_end + 90
        ) as expiring
    from periods as p
    cross join scoped_providers as s
    group by p.ordinal
),

final as (
    select
        p.ordinal,
        coalesce(o.positive, 0) as positive,
        coalesce(o.respondents, 0) as respondents,
        ratio(coalesce(o.positive, 0), o.respondents, 100) as positive_pct,
        o.refusals,
        coalesce(c.providers, 0) as providers,
        coalesce(c.expired, 0) as expired,
        coalesce(c.expiring, 0) as expiring
    from periods as p
    left join outcome_sums as o using (ordinal)
    left join certificates as c using (ordinal)
    order by p.ordinal
)

select * from final
