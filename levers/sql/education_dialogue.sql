-- Family education_dialogue (levers/families/education_dialogue.py): onderwijs_dialoog, distinct
-- (datum, aanbieder) dialogue rows with thema 18 in the 12 months ending at p_end, i.e.
-- (p_end - 12 months, p_end], month arithmetic clamped to the month's last day. Rows in scope:
-- region_dialogues (the region's rows; with a provider filter those providers' plus the region-wide).
-- params: $regions, $providers, $p_starts, $p_ends
with periods as (
    select ordinal, p_end, (p_end - interval 12 month)::date as window_after
    from periods($p_starts, $p_ends)
),

sessions as (
    select p.ordinal, count(distinct (d.session_date, coalesce(d.provider, ''))) as sessions
    from periods as p
    inner join region_dialogues($regions, $providers) as d
        on d.session_date > p.window_after and d.session_date <= p.p_end
    where d.theme = 18
    group by p.ordinal
),

final as (
    select p.ordinal, coalesce(s.sessions, 0) as sessions
    from periods as p
    left join sessions as s using (ordinal)
    order by p.ordinal
)

select * from final
