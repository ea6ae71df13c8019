-- Family caseload (levers/families/caseload.py), per period: unieke_jeugdigen, actieve_trajecten,
-- instroom, uitstroom, gemiddelde_duur, volgens_plan, uitval, via_gemeente (started in P with verwijzer
-- 01, the municipality's own team) and kosten_per_jeugdige: Σ bedrag of the
-- kosten months in P (a month counts when it lies in P; `month` is its first day) per person in care
-- (indicators.md, "Data en informatie"). cost_rows = how many kosten rows there were (0: no spending
-- delivered for P). One row per period, in the order of the period lists (ordinal 0, 1, ...).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with periods as (
    select * from periods($p_starts, $p_ends)
),

scoped as (
    select municipality, client_id, start_date, end_date, end_reason, referrer
    from trajectories
    where in_scope(municipality, lot, provider, $municipalities, $lot, $providers)
),

-- Active in P: startdatum <= p_end and (einddatum empty or einddatum >= p_start). Started and ended
-- trajectories are active too (the contract guarantees einddatum >= startdatum).
active as (
    select
        p.ordinal,
        t.*,
        t.start_date between p.p_start and p.p_end as is_started,
        coalesce(t.end_date between p.p_start and p.p_end, false) as is_ended
    from periods as p
    inner join scoped as t  -- active in P (the schema macro is_active: one range condition)
        on is_active(t.start_date, t.end_date, p.p_start, p.p_end)
),

per_period as (
    select
        ordinal,
        count(*) as active,
        count(*) filter (where is_started) as started,
        count(*) filter (where is_started and referrer = 1) as via_municipality,
        count(*) filter (where is_ended) as ended,
        avg(end_date - start_date) filter (where is_ended) as mean_days,
        count(*) filter (where is_ended and end_reason in (31, 32, 33, 34, 35)) as known_end,
        count(*) filter (where is_ended and end_reason = 31) as by_plan,
        count(*) filter (where is_ended and end_reason in (32, 33)) as dropped_out
    from active
    group by ordinal
),

persons as (  -- distinct persons (gemeente, client_id) per period
    select ordinal, count(*) as persons
    from (select distinct ordinal, municipality, client_id from active)
    group by ordinal
),

spending as (
    select p.ordinal, sum(c.amount)::double as amount, count(c.amount) as cost_rows
    from periods as p
    inner join costs as c on c.month between p.p_start and p.p_end
    where in_scope(c.municipality, c.lot, c.provider, $municipalities, $lot, $providers)
    group by p.ordinal
),

final as (
    select
        p.ordinal,
        coalesce(n.persons, 0) as persons,
        coalesce(c.active, 0) as active,
        coalesce(c.started, 0) as started,
        coalesce(c.via_municipality, 0) as via_municipality,
        100.0 * c.via_municipality / nullif(c.started, 0) as via_municipality_pct,
        coalesce(c.ended, 0) as ended,
        c.mean_days,
        coalesce(c.known_end, 0) as known_end,
        coalesce(c.by_plan, 0) as by_plan,
        coalesce(c.dropped_out, 0) as dropped_out,
        100.0 * c.by_plan / nullif(c.known_end, 0) as by_plan_pct,
        100.0 * c.dropped_out / nullif(c.known_end, 0) as dropped_out_pct,
        s.amount,
        coalesce(s.cost_rows, 0) as cost_rows,
        ratio(s.amount, n.persons, 1) as cost_per_youth
    from periods as p
    left join per_period as c using (ordinal)
    left join persons as n using (ordinal)
    left join spending as s using (ordinal)
    order by p.ordinal
)

select * from final
