-- Closed trajectories per quarter, provider and perceel: the base of the demo's outcomes file.
-- Every provider gets a row for each of its percelen and each quarter from $data_start through the
-- quarter starting $last_quarter (zero when nothing closed).
-- params: $data_start, $last_quarter
with quarters as (
    select unnest(generate_series($data_start::date, $last_quarter::date, interval 3 month))::date as quarter_start
),

provider_lots as (
    select provider, unnest(case when lot = 'beide' then ['complex', 'enkelvoudig'] else [lot] end) as lot
    from providers
),

closed as (
    select date_trunc('quarter', end_date)::date as quarter_start, provider, lot, count(*) as closed
    from trajectories
    where end_date is not null
    group by all
),

final as (
    select
        q.quarter_start,
        (q.quarter_start + interval 3 month - interval 1 day)::date as quarter_end,
        pl.provider,
        pl.lot,
        coalesce(c.closed, 0) as closed
    from quarters as q
    cross join provider_lots as pl
    left join closed as c using (quarter_start, provider, lot)
)

select * from final order by quarter_start, provider, lot;
