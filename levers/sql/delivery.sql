-- Family delivery (levers/families/delivery.py), aanlevering per period: expected `uitkomsten` rows =
-- each provider in scope (providers_in_scope) × each of its percelen in scope ('beide' = both,
-- narrowed to the scope's perceel) × each quarter that counts for P (levers.quarters: reporting
-- quarters, else the fallback quarter; a quarter that has not ended never); present = the expected
-- rows that were delivered for the region (a provider in two regions delivers a row for each).
-- params: $regions, $lot, $providers, $p_starts, $p_ends, $quarter_ordinals, $quarter_starts
with periods as (
    select * from periods($p_starts, $p_ends)
),

counted_quarters as (
    select ordinal, quarter_start
    from counted_quarters($quarter_ordinals, $quarter_starts)
),

cells as (  -- (provider, perceel) pairs in scope
    select distinct p.provider, l.lot
    from providers_in_scope($regions, $lot, $providers) as p
    inner join (values ('complex'), ('enkelvoudig')) as l (lot) on p.lot in (l.lot, 'beide')
    where $lot::varchar is null or l.lot = $lot::varchar
),

expected as (
    select q.ordinal, q.quarter_start, c.provider, c.lot
    from counted_quarters as q
    cross join cells as c
),

per_period as (
    select e.ordinal, count(*) as expected, count(o.provider) as present
    from expected as e
    left join outcomes as o
        on o.quarter_start = e.quarter_start and o.provider = e.provider and o.lot = e.lot
        and list_contains($regions::varchar[], o.region)
    group by e.ordinal
),

final as (
    select
        p.ordinal,
        coalesce(d.expected, 0) as expected,
        coalesce(d.present, 0) as present,
        100.0 * d.present / nullif(d.expected, 0) as delivered_pct
    from periods as p
    left join per_period as d using (ordinal)
    order by p.ordinal
)

select * from final
