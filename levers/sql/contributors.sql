-- Contributors (levers/contributors.py): per period and row set (base), how many distinct providers other
-- than the viewer's own ($own) have rows that an aggregate adds up. Each row set is declared beside its
-- family's query, in levers/sql/<family>.rows.sql (one row per period, provider, perceel and base, in
-- the family's scope with both percelen); the row sets of the families asked stand in for the
-- placeholder below (levers.contributors.counting_sql). One row per (ordinal, base, perceel) and per
-- (ordinal, base) with at least one such provider.
-- params: those of the row sets, and $own
with row_sets as (
{row_sets}
)

-- lot NULL: both percelen together (the grouping set without lot)
select ordinal, base, lot, count(distinct provider) as providers
from row_sets
where not list_contains($own::varchar[], provider)
group by grouping sets ((ordinal, base, lot), (ordinal, base))
having lot is not null or grouping(lot) = 1
order by ordinal, base, lot
