-- Lump sums per provider, gemeente and perceel over the 12 months up to p_end (levers/scenario.py, ahead.md
-- §2): a lump sum changed per provider is spread over its (gemeente, perceel) cells in these shares.
-- params: $municipalities, $lot, $providers, $p_end
with final as (
    select provider, municipality, lot, sum(amount)::double as amount
    from costs
    where kind = 'lumpsum'
      and in_scope(municipality, lot, provider, $municipalities, $lot, $providers)
      and month between (date_trunc('month', $p_end::date) - interval 11 month)::date and $p_end::date
    group by all
    having sum(amount) > 0
    order by provider, municipality, lot
)

select * from final
