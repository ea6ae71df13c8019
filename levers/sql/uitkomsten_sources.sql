-- Which `uitkomsten` quarters each period's quarterly indicators count (uitkomsten_quarters): the
-- first and last of them, and whether they are a fallback quarter. A period without any is absent.
-- params: $region, $p_starts, $p_ends, $as_of, $fallback
select
    ordinal,
    min(quarter_start) as first_start,
    max(quarter_end) as last_end,
    bool_or(is_fallback) as is_fallback
from uitkomsten_quarters($region, $p_starts, $p_ends, $as_of, $fallback)
group by ordinal
order by ordinal
