-- Interaction, dialogue figures per period: dialoogsessies, themadekking, open_acties, acties_verlopen.
-- Rows in scope: the rows of $region; with a provider filter those providers' rows plus the
-- region-wide rows (empty aanbieder). A session is a distinct (datum, aanbieder).
-- Windows are (after_6, p_end] and (after_12, p_end], their exclusive starts computed in Python with
-- month clamping (levers.scope.add_months).
-- params: $region, $providers, $p_ends, $after_6, $after_12, $theme_count (18)
with periods as (
    select
        unnest(range(len($p_ends::date[]))) as ordinal,
        unnest($p_ends::date[]) as p_end,
        unnest($after_6::date[]) as after_6,
        unnest($after_12::date[]) as after_12
),

region_rows as (  -- '' = a region-wide row (empty aanbieder)
    select
        session_date,
        coalesce(provider, '') as provider,
        theme,
        deadline,
        coalesce(trim(action), '') <> '' and status = 'open' as is_open_action
    from dialogues
    where region = $region
),

scoped as (
    select *
    from region_rows
    where len($providers::varchar[]) = 0 or provider = '' or list_contains($providers::varchar[], provider)
),

until_p_end as (
    select p.ordinal, p.p_end, p.after_6, p.after_12, d.*
    from periods as p
    inner join scoped as d on d.session_date <= p.p_end
),

per_period as (
    select
        ordinal,
        count(distinct (session_date, provider)) filter (where session_date > after_6) as sessions,
        count(distinct theme) filter (where session_date > after_12) as themes,
        count(*) filter (where is_open_action) as open_actions,
        count(*) filter (where is_open_action and deadline < p_end) as overdue_actions
    from until_p_end
    group by ordinal
),

final as (
    select
        p.ordinal,
        coalesce(d.sessions, 0) as sessions,
        coalesce(d.themes, 0) as themes,
        100.0 * coalesce(d.themes, 0) / $theme_count as theme_pct,
        coalesce(d.open_actions, 0) as open_actions,
        coalesce(d.overdue_actions, 0) as overdue_actions
    from periods as p
    left join per_period as d using (ordinal)
    order by p.ordinal
)

select * from final
