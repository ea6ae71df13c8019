-- Dialogue themes discussed in scope in the agenda window (indicators.md, "The dialogue agenda").
-- Rows in scope: region_dialogues (the region's rows; with a provider filter only those providers'
-- rows plus the region-wide rows). Window: (window_start, p_end], window_start = p_end − 3 months.
-- params: $regions, $providers, $window_start, $p_end
with final as (
    select distinct theme
    from region_dialogues($regions, $providers)
    where session_date > $window_start
      and session_date <= $p_end
)

select * from final order by theme
