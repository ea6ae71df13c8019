-- Family care_use (levers/families/care_use.py) on trajectories active in P: jeugdhulp_per_1000,
-- zonder_verblijf, crisis_per_1000, aanbieders_per_jeugdige. A person is (gemeente, client_id).
-- One row per period, in the order of the period lists (ordinal 0, 1, ...).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with periods as (
    select * from periods($p_starts, $p_ends)
),

-- Every trajectory of a scope municipality active in P, of any provider and perceel: the providers
-- per youth count all of them; is_in_scope marks those the scope's perceel and providers select.
active as (
    select
        p.ordinal,
        t.municipality,
        t.client_id,
        t.provider,
        t.product_category in (35, 36, 37, 38, 43, 44) as is_stay,
        t.product_category = 46 and t.start_date >= p.p_start as is_crisis_start,
        in_scope(t.municipality, t.lot, t.provider, $municipalities, $lot, $providers) as is_in_scope
    from periods as p
    inner join trajectories as t  -- active in P (the schema macro is_active: one range condition)
        on is_active(t.start_date, t.end_date, p.p_start, p.p_end)
    where list_contains($municipalities::varchar[], t.municipality)
),

pairs as (  -- (person, provider) per period
    select
        ordinal,
        municipality,
        client_id,
        bool_or(is_in_scope) as is_in_scope,
        bool_or(is_in_scope and is_crisis_start) as has_crisis_start
    from active
    group by ordinal, municipality, client_id, provider
),

persons as (  -- persons with a trajectory in scope active in P
    select
        ordinal,
        municipality,
        client_id,
        count(*) as providers,
        bool_or(has_crisis_start) as has_crisis_start
    from pairs
    group by ordinal, municipality, client_id
    having bool_or(is_in_scope)
),

per_person as (
    select
        ordinal,
        count(*) as persons,
        avg(providers) as mean_providers,
        count(*) filter (where has_crisis_start) as crisis_persons
    from persons
    group by ordinal
),

per_trajectory as (
    select ordinal, count(*) as active, count(*) filter (where not is_stay) as without_stay
    from active
    where is_in_scope
    group by ordinal
),

-- Youth population: per municipality the year of p_end, else its latest earlier year.
population_rows as (
    select p.ordinal, pop.municipality, arg_max(pop.youths_0_17, pop.year) as youths
    from periods as p
    inner join populations as pop on pop.year <= year(p.p_end)
    where list_contains($municipalities::varchar[], pop.municipality)
    group by p.ordinal, pop.municipality
),

population as (
    select ordinal, sum(youths) as youths
    from population_rows
    group by ordinal
),

final as (
    select
        p.ordinal,
        coalesce(pp.persons, 0) as persons,
        pp.mean_providers,
        coalesce(pp.crisis_persons, 0) as crisis_persons,
        coalesce(pt.active, 0) as active,
        coalesce(pt.without_stay, 0) as without_stay,
        pop.youths,
        ratio(coalesce(pp.persons, 0), pop.youths, 1000) as persons_per_1000,
        ratio(coalesce(pp.crisis_persons, 0), pop.youths, 1000) as crisis_per_1000,
        ratio(coalesce(pt.without_stay, 0), pt.active, 100) as without_stay_pct
    from periods as p
    left join per_person as pp using (ordinal)
    left join per_trajectory as pt using (ordinal)
    left join population as pop using (ordinal)
    order by p.ordinal
)

select * from final
