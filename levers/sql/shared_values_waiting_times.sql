-- Waiting from registration to start over trajectories started in P that have an aanmelddatum:
-- wachttijd_mediaan (median days) and tijdig_gestart (how many within N days, N per period).
-- A median of an even count is the mean of the two middle values (DuckDB median on numbers).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends, $norm_days (N per period, double[])
with periods as (
    select
        unnest(range(len($p_ends::date[]))) as ordinal,
        unnest($p_starts::date[]) as p_start,
        unnest($p_ends::date[]) as p_end,
        unnest($norm_days::double[]) as norm_days
),

started as (
    select p.ordinal, p.norm_days, t.start_date - t.registration_date as waiting_days
    from periods as p
    inner join trajectories as t on t.start_date between p.p_start and p.p_end
    where t.registration_date is not null
      and list_contains($municipalities::varchar[], t.municipality)
      and ($lot::varchar is null or t.lot = $lot::varchar)
      and (len($providers::varchar[]) = 0 or list_contains($providers::varchar[], t.provider))
),

waits as (
    select
        ordinal,
        count(*) as registered,
        median(waiting_days)::double as median_days,
        count(*) filter (where waiting_days <= norm_days) as within_norm
    from started
    group by ordinal
),

final as (
    select
        p.ordinal,
        coalesce(w.registered, 0) as registered,
        w.median_days,
        coalesce(w.within_norm, 0) as within_norm
    from periods as p
    left join waits as w using (ordinal)
    order by p.ordinal
)

select * from final
