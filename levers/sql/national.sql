-- The national reference figure (upload kind `landelijk`, area NL) of each indicator for a period
-- [$p_start, $p_end], on the same period (signals.md §7): the figure whose period equals P if there is
-- one, else the latest national period (year, half-year or quarter) that ended on or before p_end
-- (among those ending on the same day the shorter, then by source). Never a figure that ends after P:
-- it would compare a longer or later period with P. `is_earlier`: the figure's period is not P itself.
-- A figure whose `definitie` names another definition than the indicator's own (a text that is not
-- the indicator's code) is never shown beside it (signals.md §7); an empty `definitie` states none.
with figures as (
    select
        f.indicator,
        f.value,
        f.source,
        f.period,
        not (f.period_start = $p_start and f.period_end = $p_end) as is_earlier,
        f.period_start,
        f.period_end
    from national_figures as f
    where f.area = 'NL' and f.period_end <= $p_end
        and coalesce(trim(f.definition), '') in ('', f.indicator)
),

ranked as (
    select
        *,
        row_number() over (
            partition by indicator
            order by is_earlier, period_end desc, date_diff('day', period_start, period_end), source
        ) as rank
    from figures
),

final as (
    select indicator, value, source, period, is_earlier, period_start, period_end
    from ranked
    where rank = 1
)

select * from final
order by indicator
