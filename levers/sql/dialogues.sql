-- Family dialogues (levers/families/dialogues.py), per period: dialoogsessies, themadekking,
-- open_acties, acties_verlopen. Rows in scope: region_dialogues (the rows of $regions; with a provider
-- filter those providers' rows plus the region-wide rows). A session is a distinct (datum, aanbieder).
-- Windows are (p_end - 6 months, p_end] and (p_end - 12 months, p_end], month arithmetic clamped to
-- the month's last day. 18 = the number of dialogue themes (reference list dialoogthemas). An action is
-- a distinct (datum, aanbieder, onderwerp, actie): agreed in a session about two themes it counts once.
-- params: $regions, $providers, $p_starts, $p_ends
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
    from region_dialogues($regions, $providers)
),

talks as (  -- sessions in the 6 months, themes in the 12 months up to p_end
    select
        p.ordinal,
        count(distinct (d.session_date, d.provider)) filter (where d.session_date > p.after_6) as sessions,
        count(distinct d.theme) filter (where d.session_date > p.after_12) as themes
    from periods as p
    inner join scoped as d on d.session_date <= p.p_end
    group by p.ordinal
),

open_actions as (  -- one row per action (datum, aanbieder, onderwerp, actie), however many themes
    select session_date, provider, subject, action, min(deadline) as deadline
    from scoped
    where is_open_action
    group by session_date, provider, subject, action
),

actions as (  -- open actions of any date up to p_end; overdue: a deadline before p_end
    select
        p.ordinal,
        count(*) as open_actions,
        count(*) filter (where a.deadline < p.p_end) as overdue_actions
    from periods as p
    inner join open_actions as a on a.session_date <= p.p_end
    group by p.ordinal
),

final as (
    select
        p.ordinal,
        coalesce(t.sessions, 0) as sessions,
        coalesce(t.themes, 0) as themes,
        100.0 * coalesce(t.themes, 0) / 18 as theme_pct,
        coalesce(a.open_actions, 0) as open_actions,
        coalesce(a.overdue_actions, 0) as overdue_actions
    from periods as p
    left join talks as t using (ordinal)
    left join actions as a using (ordinal)
    order by p.ordinal
)

select * from final
