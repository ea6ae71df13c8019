-- Toelichtingen of a scope and period (levers/notes.py): the notes written in the app for exactly this
-- scope (its region, or a joint scope's regions as one name; the one municipality, perceel and provider, or none) and period label, and, when the
-- scope is narrowed to providers, those providers' own `toelichting` from uitkomsten about the region, of
-- the quarters that overlap P or ended in the 3 months before it (a month's quarter is reported after it
-- ends), for each quarterly indicator.
-- params: $note_region, $regions, $lot, $providers, $p_start, $p_end, $period_label, $municipality, $provider, $quarterly
with written as (
    select
        note_id,
        indicator,
        text,
        author_role as author,
        coalesce(changed_on, written_on) as written_on,
        'regio' as source
    from notes
    where region = $note_region
      and period = $period_label
      and municipality is not distinct from $municipality::varchar
      and lot is not distinct from $lot::varchar
      and provider is not distinct from $provider::varchar
),

from_providers as (
    select
        null::integer as note_id,
        code.indicator,
        o.comment as text,
        coalesce(p.name, o.provider) || ' (' || o.lot || ', ' || year(o.quarter_start) || '-K'
            || quarter(o.quarter_start) || ')' as author,
        null::date as written_on,
        'aanbieder' as source
    from outcomes as o
    left join providers as p using (provider)
    cross join (select unnest($quarterly::varchar[]) as indicator) as code
    where o.comment is not null
      and list_contains($regions::varchar[], o.region)
      and list_contains($providers::varchar[], o.provider)
      and ($lot::varchar is null or o.lot = $lot::varchar)
      and o.quarter_start <= $p_end
      and o.quarter_end >= $p_start::date - interval 3 month
)

select * from written
union all
select * from from_providers
order by source desc, indicator, written_on, author
