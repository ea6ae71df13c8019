-- Demo late claims (ahead.md §1): the rows of demo_final_costs (every month as it finally is) as known at
-- each lag L = 0 … 6 up to the month's current lag (the last month of the demo has lag 0). Declarations
-- and corrections arrive late: about 60% in the first upload, 80% after one month, 90% after two, 100%
-- after six; how fast varies per (month, municipality) and per provider. Lump sums arrive in full.
-- params: $data_end, $seed
create or replace temp table demo_arrivals as
with shares as (
    select * from (values (0, 0.60), (1, 0.80), (2, 0.90), (3, 0.95), (4, 0.98), (5, 0.995), (6, 1.0)) as s(lag, share)
),

cost_rows as (
    select
        c.*,
        month_number($data_end::date) - month_number(c.month) as current_lag,
        (0.7 + (hash(c.month, c.municipality, $seed::bigint) % 600) / 1000)
            * (0.6 + (hash(c.provider, c.month, $seed::bigint + 1) % 800) / 1000) as slowness
    from demo_final_costs as c
),

final as (
    select
        r.month, r.municipality, r.provider, r.lot, r.product_category, r.kind, s.lag,
        r.lag_now,
        case
            when r.kind = 'lumpsum' or s.lag >= 6 then r.amount
            else round(r.amount * greatest(1 - (1 - s.share) * r.slowness, 0), 2)::decimal(14, 2)
        end as amount
    from (select *, least(current_lag, 6) as lag_now from cost_rows) as r
    inner join shares as s on s.lag <= r.lag_now
)

select * from final
