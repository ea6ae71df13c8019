-- Dialogue log of a scope: the sessions of the last months and every open action, as rows to read.
-- Rows in scope as for the interaction indicators: region_dialogues (the rows of $regions; with a
-- provider filter those providers' rows plus the region-wide rows). Only rows dated on or before p_end.
-- An open action: an actie, status open (the rows `open_acties` counts); overdue: deadline < p_end
-- (the rows `acties_verlopen` counts).
-- params: $regions, $providers, $p_end, $after (exclusive start of the log window)
with scoped as (
    select *
    from region_dialogues($regions, $providers)
    where session_date <= $p_end
),

flagged as (
    select
        s.*,
        s.session_date > $after as is_in_window,
        coalesce(trim(s.action), '') <> '' and s.status = 'open' as is_open_action
    from scoped as s
),

final as (
    select
        f.session_date,
        f.provider,
        p.name as provider_name,
        f.theme,
        t.name as theme_name,
        f.subject,
        f.signal,
        f.action,
        f.owner,
        f.deadline,
        f.status,
        f.is_in_window,
        f.is_open_action,
        f.is_open_action and coalesce(f.deadline < $p_end, false) as is_overdue
    from flagged as f
    left join dialogue_themes as t using (theme)
    left join providers as p using (provider)
    where f.is_in_window or f.is_open_action
)

select * from final
order by session_date desc, theme, subject
