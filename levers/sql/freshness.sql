-- The data date of each kind for the scope's regions (signals.md §4): the latest day with trajectory data (a start,
-- an end, or the aanmelddatum of a child still waiting), the
-- latest month of spending, the last day of the latest `uitkomsten` quarter about the region,
-- the latest dialogue session; and the latest upload (stored in UTC).
-- params: $regions, $region_municipalities
with trajectory_days as (
    select max(greatest(registration_date, start_date, end_date)) as latest
    from trajectories
    where list_contains($region_municipalities::varchar[], municipality)
),

cost_months as (
    select max(month) as latest
    from costs
    where list_contains($region_municipalities::varchar[], municipality)
),

outcome_quarters as (
    select max(o.quarter_end) as latest
    from outcomes as o
    where list_contains($regions::varchar[], o.region)
),

sessions as (
    select max(session_date) as latest
    from dialogues
    where list_contains($regions::varchar[], region)
),

final as (
    select
        t.latest as trajecten,
        c.latest as kosten,
        o.latest as uitkomsten,
        s.latest as dialoog,
        (select max(uploaded_at) from uploads) as last_upload
    from trajectory_days as t, cost_months as c, outcome_quarters as o, sessions as s
)

select * from final
