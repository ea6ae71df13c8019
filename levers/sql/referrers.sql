-- Started trajectories by referrer (verwijzer, COD327) in P and in the same period a year earlier,
-- for the whole scope, per municipality and per provider (levers/referrers.py). A trajectory without a
-- verwijzer counts under referrer NULL. share = started with that referrer / all started of the same
-- group and period × 100. One row per (grouping, group, referrer) with a start in either period.
-- params: $municipalities, $lot, $providers, $p_start, $p_end, $prev_start, $prev_end
with started as (
    select
        municipality,
        provider,
        referrer,
        start_date between $p_start and $p_end as is_now
    from care_trajectories
    where in_scope(municipality, lot, provider, $municipalities, $lot, $providers)
      and (start_date between $p_start and $p_end or start_date between $prev_start and $prev_end)
),

counted as (
    select
        case
            when grouping(municipality) = 0 then 'gemeente'
            when grouping(provider) = 0 then 'aanbieder'
            else 'totaal'
        end as grouping_kind,
        coalesce(municipality, provider) as group_key,
        referrer,
        count(*) filter (where is_now) as started,
        count(*) filter (where not is_now) as started_before
    from started
    group by grouping sets ((referrer), (municipality, referrer), (provider, referrer))
),

final as (
    select
        c.grouping_kind,
        c.group_key,
        c.referrer,
        r.label as referrer_label,
        c.started,
        sum(c.started) over whole as group_started,
        100.0 * c.started / nullif(sum(c.started) over whole, 0) as share,
        c.started_before,
        sum(c.started_before) over whole as group_started_before,
        100.0 * c.started_before / nullif(sum(c.started_before) over whole, 0) as share_before
    from counted as c
    left join ijw_codes as r on r.list_code = 'COD327' and r.code = c.referrer
    window whole as (partition by c.grouping_kind, c.group_key)
)

select * from final
order by grouping_kind, group_key, referrer nulls last
