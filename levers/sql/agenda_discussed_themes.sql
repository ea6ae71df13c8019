-- Dialogue themes discussed in scope in the agenda window (indicators.md, "The dialogue agenda").
-- Rows in scope: the region's rows; with a provider filter only those providers' rows plus the
-- region-wide rows (empty aanbieder). Window: (window_start, p_end], window_start = p_end − 3 months.
-- params: $region, $providers, $window_start, $p_end
with in_scope as (
    select theme, session_date
    from dialogues
    where region = $region
      and (
          provider is null
          or len($providers::varchar[]) = 0
          or list_contains($providers::varchar[], provider)
      )
),

final as (
    select distinct theme
    from in_scope
    where session_date > $window_start
      and session_date <= $p_end
)

select * from final order by theme
