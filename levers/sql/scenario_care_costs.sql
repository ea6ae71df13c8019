-- Cost per youth of residentieel care (37, 38, 43, 44) and of gezinsgericht care (pleegzorg 35, gezinsgericht
-- 36) per perceel, from the scope's own kosten with a productcategorie over the 12 months up to p_end and the
-- youths with such a trajectory active then whose care those kosten pay (levers/scenario.py, ahead.md §2). A pseudonym is stable per
-- municipality, so a youth is (gemeente, client).
-- params: $municipalities, $lot, $providers, $p_end
with care as (
    select * from (values (37, 'residentieel'), (38, 'residentieel'), (43, 'residentieel'), (44, 'residentieel'),
                          (35, 'gezinsgericht'), (36, 'gezinsgericht')) as c(product_category, care)
),

declared as (  -- the kosten rows with a productcategorie of either care in the 12 months
    select c.municipality, c.provider, c.lot, c.product_category, k.care, c.amount
    from costs as c
    inner join care as k using (product_category)
    where in_scope(c.municipality, c.lot, c.provider, $municipalities, $lot, $providers)
      and c.month between (date_trunc('month', $p_end::date) - interval 11 month)::date and $p_end::date
),

spent as (
    select lot, care, sum(amount)::double as amount
    from declared
    group by all
),

youths as (  -- only the youths whose care those rows pay: (gemeente, aanbieder, productcategorie) declared
    select t.lot, k.care, count(distinct (t.municipality, t.client_id)) as youths
    from care_trajectories as t
    inner join care as k using (product_category)
    where in_scope(t.municipality, t.lot, t.provider, $municipalities, $lot, $providers)
      and is_active(t.start_date, t.end_date, ($p_end::date - interval 1 year + interval 1 day)::date, $p_end::date)
      and (t.municipality, t.provider, t.product_category) in (
          select (municipality, provider, product_category) from declared)
    group by all
),

final as (
    select y.lot, y.care, s.amount, y.youths
    from youths as y
    left join spent as s using (lot, care)
    order by y.lot, y.care
)

select * from final
