-- onderwijs_dialoog: distinct (datum, aanbieder) dialogue rows with thema 18 in the 12 months ending
-- at p_end, i.e. (window_after, p_end] with window_after = p_end - 12 months (month-clamped in Python).
-- Rows in scope: the scope's region; with a provider filter those providers' rows plus the
-- region-wide rows (empty aanbieder).
-- params: $region, $providers, $window_afters, $p_ends
with periods as (
    select
        unnest(range(len($p_ends::date[]))) as ordinal,
        unnest($window_afters::date[]) as window_after,
        unnest($p_ends::date[]) as p_end
),

sessions as (
    select p.ordinal, count(distinct (d.session_date, coalesce(d.provider, ''))) as sessions
    from periods as p
    inner join dialogues as d on d.session_date > p.window_after and d.session_date <= p.p_end
    where d.region = $region
      and d.theme = 18
      and (len($providers::varchar[]) = 0 or d.provider is null or list_contains($providers::varchar[], d.provider))
    group by p.ordinal
),

final as (
    select p.ordinal, coalesce(s.sessions, 0) as sessions
    from periods as p
    left join sessions as s using (ordinal)
    order by p.ordinal
)

select * from final
