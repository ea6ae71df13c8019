-- Family waiting_list (levers/families/waiting_list.py): the children still waiting on the last day of
-- each period. A person waits at p_end when one or more of their jeugdhulp trajectories in scope is waiting
-- then (the schema macro is_waiting: registered by p_end, not started by p_end, not withdrawn by p_end);
-- they wait since the aanmelddatum of the earliest of those (the schema macro waiting_persons).
-- wachtenden counts them, lang_wachtenden those waiting more than N days (N per period: the norm of
-- wachttijd_mediaan; no N: no count).
-- params: $municipalities, $lot, $providers, $p_starts, $p_ends, $norm_days (N per period, double[])
with periods as (
    select *, list_extract($norm_days::double[], ordinal + 1) as norm_days
    from periods($p_starts, $p_ends)
),

counts as (
    select
        w.ordinal,
        count(*) as waiting,
        count(*) filter (where w.waiting_days > p.norm_days) as long_waiting
    from waiting_persons($p_starts, $p_ends, $municipalities, $lot, $providers) as w
    inner join periods as p using (ordinal)
    group by w.ordinal
),

final as (
    select
        p.ordinal,
        coalesce(c.waiting, 0) as waiting,
        case when p.norm_days is not null then coalesce(c.long_waiting, 0) end as long_waiting
    from periods as p
    left join counts as c using (ordinal)
    order by p.ordinal
)

select * from final
