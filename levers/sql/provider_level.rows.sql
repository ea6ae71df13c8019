-- Row sets of family provider_level, beside provider_level.sql (levers/contributors.py), over the region's
-- providers (register): `register`, each provider in scope in each of its percelen (one of both percelen,
-- `beide`, is in each perceel's figure); `outcomes`, the providers of the `uitkomsten` rows of the
-- region of the quarters that count for each period (a perceel's figure takes the rows of that perceel of providers
-- working in it, the region's all); `refusals`, those of strategic partners in perceel complex. The schema
-- macro providers_per_row_set counts the providers other than the viewer's own, per perceel and for both.
-- params: $own, $regions, $providers, $p_starts, $p_ends, $quarter_ordinals, $quarter_starts
with scoped_providers as (
    select provider, lot, role
    from providers_in_scope($regions, null, $providers)
),

outcome_rows as (
    select
        q.ordinal,
        o.provider,
        case when s.lot in (o.lot, 'beide') then o.lot end as lot,
        s.role = 'strategisch_partner' and s.lot in ('complex', 'beide') and o.lot = 'complex' as is_duty
    from counted_quarters($quarter_ordinals, $quarter_starts) as q
    inner join outcomes as o on o.quarter_start = q.quarter_start 
        and list_contains($regions::varchar[], o.region)
    inner join scoped_providers as s on s.provider = o.provider
),

row_sets as (
    select p.ordinal, s.provider, l.lot, 'register' as base
    from periods($p_starts, $p_ends) as p
    cross join scoped_providers as s
    inner join (values ('complex'), ('enkelvoudig')) as l (lot) on s.lot in (l.lot, 'beide')
    union all
    select ordinal, provider, lot, 'outcomes' as base from outcome_rows
    union all
    select ordinal, provider, 'complex' as lot, 'refusals' as base from outcome_rows where is_duty
)

select * from providers_per_row_set('row_sets', $own)
