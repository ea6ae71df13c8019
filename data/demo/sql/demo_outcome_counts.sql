-- Closed trajectories per quarter, region, provider and perceel: the base of the demo's outcomes file.
-- Every provider gets a row for each of its regions, each of its percelen and each quarter from
-- $data_start through the quarter starting $last_quarter (zero when nothing closed); a provider in two
-- regions reports each region's closed trajectories in that region's row (csv-contract.md kind 4).
-- params: $data_start, $last_quarter
with quarters as (
    select unnest(generate_series($data_start::date, $last_quarter::date, interval 3 month))::date as quarter_start
),

provider_lots as (
    select p.provider, r.region, unnest(case when p.lot = 'beide' then ['complex', 'enkelvoudig'] else [p.lot] end) as lot
    from providers as p
    inner join provider_regions as r using (provider)
),

closed as (
    select date_trunc('quarter', t.end_date)::date as quarter_start, m.region, t.provider, t.lot, count(*) as closed
    from trajectories as t
    inner join municipality_regions as m using (municipality)
    where t.end_date is not null and t.start_date is not null  -- a withdrawn waiting row closed no care
    group by all
),

final as (
    select
        q.quarter_start,
        (q.quarter_start + interval 3 month - interval 1 day)::date as quarter_end,
        pl.region,
        pl.provider,
        pl.lot,
        coalesce(c.closed, 0) as closed
    from quarters as q
    cross join provider_lots as pl
    left join closed as c using (quarter_start, region, provider, lot)
)

select * from final order by quarter_start, region, provider, lot;
