-- Demo trajectories from the staged numpy draw (temp table demo_staged).
-- traject_id: start year and a running number per municipality; client_id: 'JH' and 11 hex digits,
-- so a pseudonym can never be a 9-digit BSN.
-- params: $upload_id
insert into trajectories
with numbered as (
    select
        s.*,
        row_number() over (partition by s.municipality, year(s.start_date) order by s.seq) as number
    from demo_staged as s
),

final as (
    select
        municipality,
        year(start_date)::varchar || '-' || lpad(number::varchar, 6, '0') as trajectory_id,
        'JH' || printf('%011X', pseudonym) as client_id,
        provider,
        lot,
        product_category,
        referrer,
        registration_date,
        start_date,
        end_date,
        end_reason,
        age_group,
        $upload_id::integer as upload_id
    from numbered
)

select * from final order by municipality, trajectory_id;
