-- Demo kosten versions (cost_versions) from demo_arrivals: the months were uploaded monthly, on the 5th of
-- month periode + L + 1 at lag L, each upload replacing (periode, gemeente); an upload's version row is a
-- key's total as known at lag L − 1 (0 before the first upload).
-- params: $upload_id
insert into cost_versions
with totals as (
    select month, municipality, lot, provider, kind, lag, lag_now, sum(amount) as amount
    from demo_arrivals
    group by all
),

final as (
    select
        t.month, t.municipality, t.lot, t.provider, t.kind,
        coalesce(b.amount, 0)::decimal(14, 2) as amount,
        $upload_id::integer as upload_id,
        (t.month + to_months(t.lag + 1) + interval 4 day)::date as replaced_on
    from totals as t
    left join totals as b
        on b.month = t.month and b.municipality = t.municipality and b.lot = t.lot
       and b.provider = t.provider and b.kind = t.kind and b.lag = t.lag - 1
)

select * from final order by month, municipality, lot, provider, kind, replaced_on
