-- The data date of each kind for a region (signals.md §4): the latest day with trajectory data, the
-- latest month of spending, the last day of the latest `uitkomsten` quarter of the region's providers,
-- the latest dialogue session; the latest day with trajectory or spending data in the scope's
-- municipalities; and the latest upload (stored in UTC).
-- params: $region, $region_municipalities, $municipalities
with trajectory_days as (
    select
        max(greatest(start_date, coalesce(end_date, start_date))) as region_latest,
        max(greatest(start_date, coalesce(end_date, start_date))) filter (
            where list_contains($municipalities::varchar[], municipality)
        ) as scope_latest
    from trajectories
    where list_contains($region_municipalities::varchar[], municipality)
),

cost_months as (
    select
        max(month) as region_latest,
        max(month) filter (where list_contains($municipalities::varchar[], municipality)) as scope_latest
    from costs
    where list_contains($region_municipalities::varchar[], municipality)
),

outcome_quarters as (
    select max(o.quarter_end) as latest
    from outcomes as o
    semi join providers_in_scope($region, null, []) as p on p.provider = o.provider
),

sessions as (
    select max(session_date) as latest
    from region_dialogues($region, [])
),

final as (
    select
        t.region_latest as trajecten,
        c.region_latest as kosten,
        o.latest as uitkomsten,
        s.latest as dialoog,
        greatest(t.scope_latest, c.scope_latest) as data_until,
        (select max(uploaded_at) from uploads) as last_upload
    from trajectory_days as t, cost_months as c, outcome_quarters as o, sessions as s
)

select * from final
