-- The national reference figure (upload kind `landelijk`, area NL) shown beside each indicator of a
-- period [$p_start, $p_end]: one row per indicator. A figure whose period overlaps P wins; among
-- those the largest overlap, then the shorter (more specific) period, then the later one. Without
-- one, the figure that ended last before P is taken (then the shorter) and marked (`is_earlier`).
with figures as (
    select
        f.indicator,
        f.value,
        f.source,
        f.period,
        f.definition,
        f.period_end < $p_start as is_earlier,
        greatest(date_diff('day', greatest(f.period_start, $p_start), least(f.period_end, $p_end)) + 1, 0) as overlap_days,
        date_diff('day', f.period_start, f.period_end) as length_days,
        f.period_end
    from national_figures as f
    where f.area = 'NL' and f.period_start <= $p_end
),

ranked as (
    select
        *,
        row_number() over (
            partition by indicator
            order by is_earlier, overlap_days desc, case when is_earlier then period_end end desc,
                length_days, period_end desc, source
        ) as rank
    from figures
),

final as (
    select indicator, value, source, period, definition, is_earlier
    from ranked
    where rank = 1
)

select * from final
order by indicator
