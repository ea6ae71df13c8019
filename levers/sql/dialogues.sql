-- Family dialogues (levers/families/dialogues.py), per period: dialoogsessies, themadekking,
-- open_acties, acties_verlopen. Rows in scope: region_dialogues (the rows of $region; with a provider
-- filter those providers' rows plus the region-wide rows). A session is a distinct (datum, aanbieder).
-- Windows are (p_end - 6 months, p_end] and (p_end - 12 months, p_end], month arithmetic clamped to
-- the month's last day. 18 = the number of dialogue themes (reference list dialoogthemas). An action is
-- a distinct (datum, aanbieder, onderwerp, actie): agreed in a session about two themes it counts once.
-- params: $region, $providers, $p_starts, $p_ends
with periods as (
    select
        ordinal,
        p_end,
        (p_end - interval 6 month)::date as after_6,
        (p_end - interval 12 month)::date as after_12
    from periods($p_starts, $p_ends)
),

scoped as (  -- '' = a region-wide row (empty aanbieder)
    select
        session_date,
        coalesce(provider, '') as provider,
        theme,
        subject,
        action,
        deadline,
        coalesce(trim(action), '') <> '' and status = 'open' as is_open_action
    from region_dialogues($region, $providers)
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
        count(distinct (session_date, provider, subject, action)) filter (where is_open_action) as open_actions,
        count(distinct (session_date, provider, subject, action)) filter (
            where is_open_action and deadline < p_end
        ) as overdue_actions
    from until_p_end
    group by ordinal
),

final as (
    select
        p.ordinal,
        coalesce(d.sessions, 0) as sessions,
        coalesce(d.themes, 0) as themes,
        100.0 * coalesce(d.themes, 0) / 18 as theme_pct,
        coalesce(d.open_actions, 0) as open_actions,
        coalesce(d.overdue_actions, 0) as overdue_actions
    from periods as p
    left join per_period as d using (ordinal)
    order by p.ordinal
)

select * from final
