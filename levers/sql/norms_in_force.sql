-- Uploaded norms in force in one year: per (regio, indicator, perceel, aanbieder) the row that
-- levers.norms.resolve_norm would pick (latest upload first, then the lowest norm), with its upload.
-- params: $year
with uploaded as (
    select n.region, n.indicator, n.lot, n.provider, n.norm, n.margin, n.upload_id, u.file_name, u.uploaded_at
    from norms as n
    left join uploads as u using (upload_id)
    where n.year = $year
),

final as (
    select indicator, lot, provider, norm, margin, file_name, uploaded_at, region
    from uploaded
    qualify row_number() over (
        partition by region, indicator, lot, provider order by upload_id desc nulls last, norm
    ) = 1
)

select * from final order by indicator, region nulls first, lot nulls first, provider nulls first
