-- Family waiting_times (levers/families/waiting_times.py): waiting from registration to start over
-- trajectories started in P that have an aanmelddatum: wachttijd_mediaan (median days) and
-- tijdig_gestart (how many within N days, N per period; no N: no share).
-- A median of an even count is the mean of the two middle values (DuckDB median on numbers).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends, $norm_days (N per period, double[])
with periods as (
    select *, list_extract($norm_days::double[], ordinal + 1) as norm_days
    from periods($p_starts, $p_ends)
),

started as (
    select p.ordinal, p.norm_days, t.start_date - t.registration_date as waiting_days
    from periods as p
    inner join care_trajectories as t on t.start_date between p.p_start and p.p_end
    where t.registration_date is not null
      and in_scope(t.municipality, t.lot, t.provider, $municipalities, $lot, $providers)
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
        coalesce(w.within_norm, 0) as within_norm,
        case when p.norm_days is not null then ratio(coalesce(w.within_norm, 0), w.registered, 100) end
            as within_norm_pct
    from periods as p
    left join waits as w using (ordinal)
    order by p.ordinal
)

select * from final
