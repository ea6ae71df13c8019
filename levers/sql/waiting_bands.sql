-- The waits of the children waiting at p_end (levers/waiting_list.py), in bands of whole weeks: 0–4 weeks
-- (0–34 days), 5–9, 10–14 and 15 weeks or more. Persons and their wait as the family waiting_list counts
-- them (the schema macro waiting_persons); one row per band, empty bands included.
-- params: $municipalities, $lot, $providers, $p_start, $p_end
with bands as (
    select unnest(range(4)) as band
),

persons as (
    select least(waiting_days // 35, 3) as band
    from waiting_persons([$p_start::date], [$p_end::date], $municipalities, $lot, $providers)
),

final as (
    select b.band, count(p.band) as persons
    from bands as b
    left join persons as p using (band)
    group by b.band
    order by b.band
)

select * from final
