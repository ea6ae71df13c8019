-- Family care_use (levers/families/care_use.py) on trajectories active in P: jeugdhulp_per_1000,
-- zonder_verblijf, residentieel_per_1000, crisis_per_1000, aanbieders_per_jeugdige, jongvolwassenen.
-- A person is (gemeente, client_id); the per-1.000 numerators count persons under 18 only: a person's
-- class is that of their latest jeugdhulp trajectory started by p_end (ties: the older class; an empty
-- class counts as under 18). One row per period, in the order of the period lists (ordinal 0, 1, ...).
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
        t.product_category in (37, 38, 43, 44) as is_residential,
        t.product_category = 46 and t.start_date >= p.p_start as is_crisis_start,
        in_scope(t.municipality, t.lot, t.provider, $municipalities, $lot, $providers) as is_in_scope
    from periods as p
    inner join care_trajectories as t  -- active in P (the schema macro is_active: one range condition)
        on is_active(t.start_date, t.end_date, p.p_start, p.p_end)
    where list_contains($municipalities::varchar[], t.municipality)
),

pairs as (  -- (person, provider) per period
    select
        ordinal,
        municipality,
        client_id,
        bool_or(is_in_scope) as is_in_scope,
        bool_or(is_in_scope and is_crisis_start) as has_crisis_start,
        bool_or(is_in_scope and is_stay) as has_stay,
        bool_or(is_in_scope and is_residential) as has_residential
    from active
    group by ordinal, municipality, client_id, provider
),

persons as (  -- persons with a trajectory in scope active in P
    select
        ordinal,
        municipality,
        client_id,
        count(*) as providers,
        bool_or(has_crisis_start) as has_crisis_start,
        bool_or(has_stay) as has_stay,
        bool_or(has_residential) as has_residential
    from pairs
    group by ordinal, municipality, client_id
    having bool_or(is_in_scope)
),

classes as (  -- per person in care: is their latest trajectory started by p_end one of a young adult
    select
        s.ordinal,
        s.municipality,
        s.client_id,
        arg_max(coalesce(t.age_group, ''), struct_pack(d := t.start_date, c := coalesce(t.age_group, '')))
            = '18-22' as is_young_adult
    from persons as s
    inner join periods as p using (ordinal)
    inner join care_trajectories as t
        on t.municipality = s.municipality and t.client_id = s.client_id and t.start_date <= p.p_end
    group by s.ordinal, s.municipality, s.client_id
),

per_person as (
    select
        s.ordinal,
        count(*) as persons,
        avg(s.providers) as mean_providers,
        count(*) filter (where not c.is_young_adult) as minors,
        count(*) filter (where s.has_crisis_start and not c.is_young_adult) as crisis_persons,
        count(*) filter (where s.has_residential and not c.is_young_adult) as residential_persons,
        count(*) filter (where not s.has_stay) as without_stay,
        count(*) filter (where c.is_young_adult) as young_adults
    from persons as s
    inner join classes as c using (ordinal, municipality, client_id)
    group by s.ordinal
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
        coalesce(pp.minors, 0) as minors,
        coalesce(pp.crisis_persons, 0) as crisis_persons,
        coalesce(pp.residential_persons, 0) as residential_persons,
        coalesce(pp.without_stay, 0) as without_stay,
        coalesce(pp.young_adults, 0) as young_adults,
        pop.youths,
        ratio(coalesce(pp.minors, 0), pop.youths, 1000) as persons_per_1000,
        ratio(coalesce(pp.crisis_persons, 0), pop.youths, 1000) as crisis_per_1000,
        ratio(coalesce(pp.residential_persons, 0), pop.youths, 1000) as residential_per_1000,
        ratio(pp.without_stay, pp.persons, 100) as without_stay_pct,
        ratio(pp.young_adults, pp.persons, 100) as young_adults_pct
    from periods as p
    left join per_person as pp using (ordinal)
    left join population as pop using (ordinal)
    order by p.ordinal
)

select * from final
