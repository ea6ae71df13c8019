-- The latest day with trajectory or spending data in the scope's municipalities, and the latest upload.
with trajectory_days as (
    select max(greatest(start_date, coalesce(end_date, start_date))) as latest
    from trajectories
    where list_contains($municipalities::varchar[], municipality)
),

cost_days as (
    select max(month) as latest
    from costs
    where list_contains($municipalities::varchar[], municipality)
),

final as (
    select
        greatest(t.latest, c.latest) as data_until,
        (select max(uploaded_at) from uploads) as last_upload
    from trajectory_days as t, cost_days as c
)

select * from final
