-- Diagnostics, kosten_per_jeugdige numerator: Σ bedrag of the kosten months in P (a month counts when
-- it lies in P; `month` is its first day), for the scope's municipalities, perceel and providers.
-- rows = how many kosten rows there were (0: no spending delivered for P).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends
with periods as (
    select
        unnest(range(len($p_ends::date[]))) as ordinal,
        unnest($p_starts::date[]) as p_start,
        unnest($p_ends::date[]) as p_end
),

scoped_costs as (
    select month, amount
    from costs
    where list_contains($municipalities::varchar[], municipality)
      and ($lot::varchar is null or lot = $lot::varchar)
      and (len($providers::varchar[]) = 0 or list_contains($providers::varchar[], provider))
),

final as (
    select p.ordinal, sum(c.amount)::double as amount, count(c.amount) as rows
    from periods as p
    left join scoped_costs as c
        on c.month between p.p_start and p.p_end
    group by p.ordinal
    order by p.ordinal
)

select * from final
