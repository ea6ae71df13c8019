-- Price and volume (levers/price_volume.py): spending (kosten months in the period) and youths in care
-- (distinct persons with a jeugdhulp trajectory active in the period: the view care_trajectories, as every
-- indicator counts them) in P and in the same period a year earlier, for the whole scope, per perceel, per
-- municipality and per provider. The change in spending splits into
--   volume = (youths − youths_before) × amount_before / youths_before   (rounded half up to the cent)
--   price  = (amount − amount_before) − volume
-- Mathematically price = (amount / youths − amount_before / youths_before) × youths; taking it as the
-- rest keeps volume + price = the total change to the cent (the rounding, under half a cent, is in
-- price). No split without youths in both periods. The split is of declarations only (soort declaratie
-- and correctie, signals.md §8): a lump sum follows no youth, so its change is a part of its own
-- (lump_sum_change), and volume + price + lump_sum_change = the total change.
-- params: $municipalities, $lot, $providers, $p_start, $p_end, $prev_start, $prev_end
with periods as (
    select true as is_now, $p_start::date as p_start, $p_end::date as p_end
    union all
    select false, $prev_start::date, $prev_end::date
),

facts as (  -- trajectories active in a period (a person each) and kosten rows of a period (an amount each)
    select p.is_now, t.lot, t.municipality, t.provider, (t.municipality, t.client_id) as person,
           null::decimal(14, 2) as amount, false as is_lump_sum
    from periods as p
    inner join care_trajectories as t
        on is_active(t.start_date, t.end_date, p.p_start, p.p_end)
    where in_scope(t.municipality, t.lot, t.provider, $municipalities, $lot, $providers)
    union all
    select p.is_now, c.lot, c.municipality, c.provider, null, c.amount, c.kind = 'lumpsum'
    from periods as p
    inner join costs as c on c.month between p.p_start and p.p_end
    where in_scope(c.municipality, c.lot, c.provider, $municipalities, $lot, $providers)
),

joined as (
    select
        case
            when grouping(lot) = 0 then 'perceel'
            when grouping(municipality) = 0 then 'gemeente'
            when grouping(provider) = 0 then 'aanbieder'
            else 'totaal'
        end as grouping_kind,
        coalesce(lot, municipality, provider) as group_key,
        count(distinct person) filter (where is_now) as youths,
        count(distinct person) filter (where not is_now) as youths_before,
        coalesce(sum(amount) filter (where is_now), 0)::decimal(18, 2) as amount,
        coalesce(sum(amount) filter (where not is_now), 0)::decimal(18, 2) as amount_before,
        coalesce(sum(amount) filter (where is_now and is_lump_sum), 0)::decimal(18, 2) as lump_sum,
        coalesce(sum(amount) filter (where not is_now and is_lump_sum), 0)::decimal(18, 2) as lump_sum_before
    from facts
    group by grouping sets ((), (lot), (municipality), (provider))
),

volume_cents as (  -- (Δ youths × cents before) / youths before, rounded half away from zero, in integers
    select
        *,
        (youths - youths_before)::hugeint * ((amount_before - lump_sum_before) * 100)::hugeint as numerator
    from joined
),

split as (
    select
        * exclude (numerator),
        amount - amount_before as change,
        lump_sum - lump_sum_before as lump_sum_change,
        case
            when youths > 0 and youths_before > 0
                then (sign(numerator) * ((abs(numerator) * 2 + youths_before) // (2 * youths_before))
                      / 100)::decimal(18, 2)
        end as volume
    from volume_cents
),

final as (
    select
        s.grouping_kind,
        s.group_key,
        coalesce(m.name, pr.name, s.group_key) as group_name,
        s.youths,
        s.youths_before,
        s.amount,
        s.amount_before,
        ratio(s.amount - s.lump_sum, s.youths, 1) as cost_per_youth,  -- declarations per youth
        ratio(s.amount_before - s.lump_sum_before, s.youths_before, 1) as cost_per_youth_before,
        s.change,
        s.volume,
        s.change - s.lump_sum_change - s.volume as price,
        s.lump_sum_change
    from split as s
    left join municipality_regions as m on s.grouping_kind = 'gemeente' and m.municipality = s.group_key
    left join providers as pr on s.grouping_kind = 'aanbieder' and pr.provider = s.group_key
)

select * from final
order by grouping_kind, group_name
