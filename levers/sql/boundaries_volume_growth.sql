-- volumegroei_enkelvoudig per period: persons (gemeente, client_id) with an enkelvoudig trajectory in
-- scope active in P, and in the same period one year earlier (prev_start .. prev_end).
-- params: $municipalities, $providers, $p_starts, $p_ends, $prev_starts, $prev_ends
with periods as (
    select
        unnest(range(len($p_ends::date[]))) as ordinal,
        unnest($p_starts::date[]) as p_start,
        unnest($p_ends::date[]) as p_end,
        unnest($prev_starts::date[]) as prev_start,
        unnest($prev_ends::date[]) as prev_end
),

active as (  -- active in P or in the year-earlier period (which lies wholly before P)
    select
        p.ordinal,
        t.municipality,
        t.client_id,
        t.start_date <= p.p_end and (t.end_date is null or t.end_date >= p.p_start) as is_now,
        t.start_date <= p.prev_end and (t.end_date is null or t.end_date >= p.prev_start) as is_before
    from periods as p
    inner join trajectories as t
        on t.start_date <= p.p_end and (t.end_date is null or t.end_date >= p.prev_start)
    where t.lot = 'enkelvoudig'
      and list_contains($municipalities::varchar[], t.municipality)
      and (len($providers::varchar[]) = 0 or list_contains($providers::varchar[], t.provider))
),

per_period as (
    select
        ordinal,
        count(distinct (municipality, client_id)) filter (where is_now) as persons_now,
        count(distinct (municipality, client_id)) filter (where is_before) as persons_before
    from active
    group by ordinal
),

final as (
    select
        p.ordinal,
        coalesce(c.persons_now, 0) as persons_now,
        coalesce(c.persons_before, 0) as persons_before
    from periods as p
    left join per_period as c using (ordinal)
    order by p.ordinal
)

select * from final
