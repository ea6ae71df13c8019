-- What a computation reads besides its families' queries (levers.runner.Basis), in one round trip:
-- the region's municipalities, the quarters its providers delivered `uitkomsten` rows about it for, and the
-- uploaded norm rows, latest upload first (as levers.scope and levers.norms read the first and last alone).
-- params: $regions
select
    (select list(m.municipality order by m.municipality)
     from municipality_regions as m
     where list_contains($regions::varchar[], m.region)) as municipalities,
    (select list_sort(list(distinct o.quarter_start))
     from outcomes as o
     where list_contains($regions::varchar[], o.region)) as delivered,
    (select list({'indicator': n.indicator, 'region': n.region, 'year': n.year, 'lot': n.lot, 'provider': n.provider,
                  'norm': n.norm, 'margin': n.margin} order by n.upload_id desc nulls last, n.norm)
     from norms as n) as norms
