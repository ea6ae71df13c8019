-- Demo spending per month from the staged trajectories (temp table demo_staged):
-- declaraties = monthly rate x days in care that month (price x quantity), summed per category;
-- strategic partners' complex care is paid as a flat monthly lump sum instead (the year's care / its
-- months); about one in forty declaration groups gets a correction (mostly negative).
-- params: $data_start, $data_end, $seed, $upload_id
insert into costs
with months as (
    select unnest(generate_series($data_start::date, $data_end::date, interval 1 month))::date as month
),

care_months as (
    select
        m.month,
        t.municipality,
        t.provider,
        t.lot,
        t.product_category,
        round(
            t.monthly_rate
            * (least(coalesce(t.end_date, $data_end::date), last_day(m.month)) - greatest(t.start_date, m.month) + 1)
            / day(last_day(m.month)),
            2
        )::decimal(14, 2) as amount
    from demo_staged as t
    inner join months as m
        on t.start_date <= last_day(m.month) and coalesce(t.end_date, $data_end::date) >= m.month
),

priced as (
    select c.*, (p.role = 'strategisch_partner' and c.lot = 'complex') as is_lumpsum
    from care_months as c
    inner join providers as p using (provider)
),

declared as (
    select month, municipality, provider, lot, product_category, 'declaratie' as kind, sum(amount) as amount
    from priced
    where not is_lumpsum
    group by all
),

yearly_care as (
    select year(month) as year, municipality, provider, lot, sum(amount) as amount
    from priced
    where is_lumpsum
    group by all
),

lumpsum as (
    select
        m.month, y.municipality, y.provider, y.lot, null::smallint as product_category, 'lumpsum' as kind,
        round(y.amount / count(*) over (partition by y.year, y.municipality, y.provider), 2)::decimal(14, 2) as amount
    from yearly_care as y
    inner join months as m on year(m.month) = y.year
),

corrections as (
    select
        month, municipality, provider, lot, product_category, 'correctie' as kind,
        (case when hash(month, provider, $seed::bigint) % 3 = 0 then 1 else -1 end
         * round(amount * (2 + hash(month, municipality, $seed::bigint) % 12) / 100, 2))::decimal(14, 2) as amount
    from declared
    where hash(month, municipality, provider, product_category, $seed::bigint) % 40 = 0
),

final as (
    select *, $upload_id::integer as upload_id from declared
    union all
    select *, $upload_id::integer from lumpsum
    union all
    select *, $upload_id::integer from corrections
)

select * from final order by month, municipality, provider, lot, kind, product_category;
