-- Contributors (levers/contributors.py): per period and base, how many distinct providers other than the
-- viewer's own ($own) have rows that an aggregate adds up. Each base mirrors the rows of the families
-- that count them (levers/sql/<family>.sql); each catalogue entry's provider_rows says which code adds up which.
-- One row per (ordinal, base, perceel) and per (ordinal, base) with at least one such provider.
-- params: $region, $municipalities, $providers, $p_starts, $p_ends, $quarter_ordinals, $quarter_starts, $own
with periods as (
    select
        *,
        (p_end - interval 24 month)::date as recurrence_after,  -- herhaald_beroep: (p_end - 24, p_end - 12]
        (p_end - interval 12 month)::date as recurrence_through,
        (p_start - interval 1 year)::date as prev_start,  -- volumegroei: the period a year earlier
        last_day((p_end - interval 1 year)::date) as prev_end,
        date_trunc('year', p_end)::date as year_start  -- budgetuitputting: January through p_end
    from periods($p_starts, $p_ends)
),

-- Trajectories of the scope's municipalities and provider filter, of other providers only, of both
-- percelen: each base is counted per perceel and for both together (a perceel total beside the region
-- total gives the other perceel's total away). Flags per (period, provider, perceel) first: few rows.
scoped_trajectories as (
    select provider, lot, product_category, registration_date, start_date, end_date, end_reason
    from trajectories
    where in_scope(municipality, null, provider, $municipalities, null, $providers)
      and not list_contains($own::varchar[], provider)
),

active_flags as (  -- trajectories active in P (started and ended ones included)
    select
        p.ordinal,
        t.provider,
        t.lot,
        bool_or(t.start_date >= p.p_start) as has_started,
        bool_or(t.start_date >= p.p_start and t.registration_date is not null) as has_registered_start,
        bool_or(t.start_date >= p.p_start and t.product_category = 46) as has_crisis_start,
        bool_or(t.end_date <= p.p_end) as has_ended,
        bool_or(t.end_date <= p.p_end and t.end_reason in (31, 32, 33, 34, 35)) as has_known_end
    from periods as p
    inner join scoped_trajectories as t
        on t.start_date <= p.p_end and (t.end_date is null or t.end_date >= p.p_start)
    group by p.ordinal, t.provider, t.lot
),

trajectory_bases as (
    select ordinal, provider, lot, base
    from (
        select
            ordinal,
            provider,
            lot,
            unnest([
                'active',
                case when has_started then 'started' end,
                case when has_registered_start then 'registered_started' end,
                case when has_crisis_start then 'crisis_started' end,
                case when has_ended then 'ended' end,
                case when has_known_end then 'ended_known' end,
                case when lot = 'enkelvoudig' then 'enkelvoudig_now' end
            ]) as base
        from active_flags
    )
    where base is not null
    union all
    select distinct p.ordinal, t.provider, t.lot, 'enkelvoudig_before' as base
    from periods as p
    inner join scoped_trajectories as t
        on t.start_date <= p.prev_end and (t.end_date is null or t.end_date >= p.prev_start)
    where t.lot = 'enkelvoudig'
    union all
    select distinct p.ordinal, t.provider, t.lot, 'recurrence' as base
    from periods as p
    inner join scoped_trajectories as t
        on t.end_date > p.recurrence_after and t.end_date <= p.recurrence_through
    where t.end_reason = 31
),

cost_bases as (
    select p.ordinal, c.provider, c.lot, 'costs' as base
    from periods as p
    inner join costs as c on c.month between p.p_start and p.p_end
    where in_scope(c.municipality, null, c.provider, $municipalities, null, $providers)
      and not list_contains($own::varchar[], c.provider)
    union all
    select p.ordinal, c.provider, c.lot, 'costs_year' as base
    from periods as p
    inner join costs as c on c.month between p.year_start and p.p_end
    where in_scope(c.municipality, null, c.provider, $municipalities, null, $providers)
      and not list_contains($own::varchar[], c.provider)
),

scoped_providers as (  -- provider-level figures: the region's providers (register), not the viewer
    select provider, lot, role
    from providers_in_scope($region, null, $providers)
    where not list_contains($own::varchar[], provider)
),

outcome_bases as (  -- the `uitkomsten` rows of the quarters that count for each period
    select
        q.ordinal,
        o.provider,
        -- a perceel's figure takes the rows of that perceel of providers working in it; the region's all
        case when s.lot in (o.lot, 'beide') then o.lot end as lot,
        case
            when s.role = 'strategisch_partner' and s.lot in ('complex', 'beide') and o.lot = 'complex'
                then 'refusals'
        end as duty_base
    from counted_quarters($quarter_ordinals, $quarter_starts) as q
    inner join outcomes as o on o.quarter_start = q.quarter_start
    inner join scoped_providers as s on s.provider = o.provider
),

register_bases as (  -- a provider of both percelen ('beide') is in each perceel's figure
    select p.ordinal, s.provider, l.lot, 'register' as base
    from periods as p
    cross join scoped_providers as s
    inner join (values ('complex'), ('enkelvoudig')) as l (lot) on s.lot in (l.lot, 'beide')
),

every_base as (
    select ordinal, provider, lot, base from trajectory_bases
    union all
    select ordinal, provider, lot, base from cost_bases
    union all
    select ordinal, provider, lot, 'outcomes' from outcome_bases
    union all
    select ordinal, provider, 'complex', duty_base from outcome_bases where duty_base is not null
    union all
    select ordinal, provider, lot, base from register_bases
)

-- lot NULL: both percelen together (the grouping set without lot)
select ordinal, base, lot, count(distinct provider) as providers
from every_base
group by grouping sets ((ordinal, base, lot), (ordinal, base))
having lot is not null or grouping(lot) = 1
order by ordinal, base, lot
