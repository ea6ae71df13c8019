-- Demo spending per month from the staged trajectories (temp table demo_staged):
-- declaraties = price x quantity, summed per category: a day's rate (the monthly rate x 12 / 365.25) x the
-- days in care that month, as products are declared per etmaal or per day delivered, so a month's amount
-- follows its length (February about 8 % under a month of 31 days) instead of being a smooth monthly fee;
-- strategic partners' complex care is paid as a flat monthly lump sum instead, one amount for the whole
-- contract period that began on 1-1-2023 (the care of the period / its months): a lump sum is agreed in
-- advance, not recomputed from each year's care, so monthly spending has no step each January that
-- the care does not have (signals.md §3a, issue 21); about one in forty declaration groups gets a
-- correction (mostly negative). Family care (pleegzorg, gezinsgericht: 35, 36) is declared per youth so that a
-- scenario can price a shift towards it (ahead.md §2).
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
            t.monthly_rate * 12 / 365.25
            * (least(coalesce(t.end_date, $data_end::date), last_day(m.month)) - greatest(t.start_date, m.month) + 1),
            2
        )::decimal(14, 2) as amount
    from demo_staged as t
    inner join months as m
        on t.start_date <= last_day(m.month) and coalesce(t.end_date, $data_end::date) >= m.month
),

priced as (
    select c.*, (p.role = 'strategisch_partner' and c.lot = 'complex' and c.product_category not in (35, 36))
        as is_lumpsum
    from care_months as c
    inner join providers as p using (provider)
),

declared as (
    select month, municipality, provider, lot, product_category, 'declaratie' as kind, sum(amount) as amount
    from priced
    where not is_lumpsum
    group by all
),

contract_care as (
    select municipality, provider, lot, sum(amount) / (select count(*) from months) as monthly
    from priced
    where is_lumpsum
    group by all
),

lumpsum as (
    select
        m.month, c.municipality, c.provider, c.lot, null::smallint as product_category, 'lumpsum' as kind,
        round(c.monthly, 2)::decimal(14, 2) as amount
    from contract_care as c
    cross join months as m
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
