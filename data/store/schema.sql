-- Jeugdhulp monitor: the DuckDB store.
-- One table per upload kind (csv-contract.md), the reference lists, upload records and the audit log.
-- Column names are English; the CSV's Dutch names live only in data/ingest/contracts.py (validation_alias).
-- Stored values are exact; small-number suppression happens where figures are shown (levers/).
-- Every statement is idempotent so that ensure_schema() can run on every start.

-- reference data (data/reference/, copied from ../shared/reference/) --------------------------------
create table if not exists municipalities (
    municipality varchar primary key,       -- 'GM0392'
    name         varchar not null,
    province     varchar not null,
    region       varchar                    -- jeugdregio of the reference list; may be null
);

create table if not exists ijw_codes (
    list_code varchar not null,             -- 'JZ020', 'JZ588', 'COD327', ...
    list_name varchar not null,
    code      smallint not null,            -- '045' and '45' are the same code: stored as 45
    label     varchar not null,
    primary key (list_code, code)
);

create table if not exists dialogue_themes (
    theme smallint primary key,             -- 1..18
    name  varchar not null
);

create table if not exists vision_goals (
    goal        smallint primary key,       -- 1..5
    description varchar not null
);

-- upload records and audit log ----------------------------------------------------------------------
create sequence if not exists upload_id_seq start 1;

create table if not exists uploads (
    upload_id      integer primary key default nextval('upload_id_seq'),
    kind           varchar not null,        -- one of the nine kinds
    file_name      varchar not null,
    sha256         varchar not null,
    row_count      integer not null,
    uploader       varchar not null,
    uploaded_at    timestamp not null default timezone('UTC', current_timestamp),
    scope_replaced varchar not null         -- Dutch, human readable: which replace keys were replaced
);

create sequence if not exists audit_id_seq start 1;

create table if not exists audit_log (        -- append-only: never updated or deleted
    audit_id    integer primary key default nextval('audit_id_seq'),
    logged_at   timestamp not null default timezone('UTC', current_timestamp),
    actor       varchar not null,           -- user e-mail, 'demo' or 'cli:<name>'
    action      varchar not null,           -- 'upload', 'upload_refused', 'login', 'login_failed', 'export', ...
    details     varchar not null
);

-- 1. trajecten ---------------------------------------------------------------------------------------
create table if not exists trajectories (
    municipality      varchar not null,
    trajectory_id     varchar not null,
    client_id         varchar not null,     -- pseudonym, stable per municipality; never a BSN
    provider          varchar not null,
    lot               varchar not null,     -- 'complex' | 'enkelvoudig'
    product_category  smallint not null,    -- JZ020
    referrer          smallint,             -- COD327
    registration_date date,                 -- aanmelddatum
    start_date        date,                 -- startdatum; empty while the child still waits (aanmelddatum filled)
    end_date          date,
    end_reason        smallint,             -- JZ588
    age_group         varchar,              -- '0-3' | '4-11' | '12-17' | '18-22'
    upload_id         integer,
    primary key (municipality, trajectory_id)
);
-- A store from before waiting rows (csv-contract.md kind 1): startdatum may be empty.
alter table trajectories alter column start_date drop not null;

-- 2. kosten ------------------------------------------------------------------------------------------
create table if not exists costs (
    month            date not null,          -- first day of the month (periode JJJJ-MM)
    municipality     varchar not null,
    provider         varchar not null,
    lot              varchar not null,
    product_category smallint,
    kind             varchar not null,       -- 'declaratie' | 'lumpsum' | 'correctie'
    amount           decimal(14, 2) not null,
    upload_id        integer
);

-- kosten_versies (ahead.md §1): what each `kosten` upload replaced, as totals only (nothing personal).
-- One row per (periode, gemeente, perceel, aanbieder, soort) of every (periode, gemeente) the upload
-- replaced, for the keys stored before it or in its file: the total as known before it (0: none yet)
-- and the upload's date. From these the monitor knows each month's total as known L months after it.
create table if not exists cost_versions (
    month        date not null,
    municipality varchar not null,
    lot          varchar not null,
    provider     varchar not null,
    kind         varchar not null,
    amount       decimal(14, 2) not null,    -- the total before the upload
    upload_id    integer not null,           -- the upload that replaced it
    replaced_on  date not null               -- that upload's date
);

-- What the year-end forecast learns from all kosten (ahead.md §1), kept beside them: derived from
-- `costs` and `cost_versions` by the macros completion_factors() and forecast_backtest() below, written
-- again with every kosten write (data/store/forecast_basis.py), so that a page reads them at once.
create table if not exists cost_completion (
    region  varchar not null,
    lot     varchar not null,
    lag     integer not null,                -- 0 … 11; from 12 on the factor is 1
    factor  double not null,                 -- c_L
    pooled  boolean not null                 -- from all regions (fewer than 6 mature months of its own)
);

create table if not exists cost_backtest (
    region        varchar not null,
    lot           varchar not null,
    year          integer not null,
    month_of_year integer not null,          -- the month of p_end the forecast was made at
    old           double,                    -- Σ so far / m × 12, as known then
    new           double,                    -- the corrected forecast, as known then
    actual        double not null            -- the year as stored now
);

-- 3. budget ------------------------------------------------------------------------------------------
create table if not exists budgets (
    year         smallint not null,
    municipality varchar not null,
    lot          varchar not null,
    provider     varchar,                    -- null = the whole perceel
    budget       decimal(14, 2) not null,
    upload_id    integer
);

-- 4. uitkomsten --------------------------------------------------------------------------------------
create table if not exists outcomes (
    quarter_start          date not null,    -- periode JJJJ-Kn as its first day
    quarter_end            date not null,    -- and its last day
    region                 varchar,          -- the region the numbers are about; null: a row from before
                                             -- regio existed of a provider in several regions (counts nowhere)
    provider               varchar not null,
    lot                    varchar not null,
    closed_trajectories    integer not null,
    goals_achieved         integer not null,
    satisfaction_responses integer not null,
    satisfaction_positive  integer not null,
    refusals               integer not null, -- weigeringen (acceptatieplicht)
    comment                varchar,
    upload_id              integer
);   -- replace key (quarter_start, region, provider, lot): no primary key, as region may be null

-- 5. dialoog -----------------------------------------------------------------------------------------
create table if not exists dialogues (
    session_date date not null,
    region       varchar not null,
    provider     varchar,                    -- null = a region-wide session
    theme        smallint not null,          -- 1..18
    subject      varchar not null,
    signal       varchar,
    action       varchar,
    owner        varchar,
    deadline     date,
    status       varchar,                    -- 'open' | 'afgerond'
    upload_id    integer
);

-- 6. normen ------------------------------------------------------------------------------------------
create table if not exists norms (
    region    varchar,                       -- null = a default for every region (csv-contract.md kind 6)
    indicator varchar not null,
    year      smallint not null,
    lot       varchar,                       -- null = both
    provider  varchar,                       -- null = all
    norm      double not null,
    margin    double not null default 0,
    upload_id integer
);
-- A store from before norms had a region: its norms become empty-regio defaults.
alter table norms add column if not exists region varchar;

-- 7. aanbieders --------------------------------------------------------------------------------------
create table if not exists providers (
    provider            varchar primary key,
    name                varchar not null,
    lot                 varchar not null,    -- 'complex' | 'enkelvoudig' | 'beide'
    role                varchar not null,    -- 'strategisch_partner' | 'ontwikkelpartner' | 'overig'
    consortium          varchar,
    regions             varchar not null,    -- one jeugdregio, or several separated by '/'
    certificate_valid_until date,
    upload_id           integer
);

-- 8. gemeenten (youth population) --------------------------------------------------------------------
create table if not exists populations (
    municipality  varchar not null,
    year          smallint not null,
    youths_0_17   integer not null,
    region        varchar,                   -- overrides the region of the reference list
    upload_id     integer,
    primary key (municipality, year)
);

-- 9. landelijk (reference figures published by CBS; shown beside ours, never mixed in) ---------------
create table if not exists national_figures (
    source       varchar not null,           -- 'CBS 85099NED'
    area         varchar not null,           -- 'GM0392', a jeugdregio name, or 'NL'
    period       varchar not null,           -- '2025', '2025-H1' or '2025-K3'
    period_start date not null,              -- the period's first day
    period_end   date not null,              -- and its last day
    indicator    varchar not null,           -- a catalogue code
    value        double not null,
    definition   varchar,                    -- CBS's definition where it differs from ours
    upload_id    integer,
    primary key (source, area, period, indicator)
);

-- 10. procesbreuken (dates at which the way of working changed; signals.md §3a, levers.process_changes) -
create table if not exists process_changes (
    region       varchar not null,
    day          date not null,
    indicator    varchar,                    -- a catalogue code; null: every indicator
    description  varchar not null,           -- shown on the charts, e.g. 'nieuwe contracten'
    upload_id    integer
);

-- 11. contracten (the contracts the region steers; ahead.md §3, levers.contracts) ------------------------
create table if not exists contracts (
    contract_id       varchar not null,
    regions           varchar not null,     -- one jeugdregio, or several separated by '/'
    lot               varchar not null,
    provider          varchar,              -- null: every provider of the perceel
    funding           varchar not null,     -- lumpsum | pxq | taakgericht | resultaatgericht
    start_date        date not null,
    end_date          date not null,
    extension_until   date,                 -- the latest end date the options allow
    evaluation_dates  date[],
    agreements        varchar,
    upload_id         integer
);

-- toelichtingen: the story behind a number, written in the app (issue 13 §4; data/ingest/notes.py) ---------
-- A note belongs to one indicator, one scope (region; one municipality, one perceel and one provider,
-- each or none) and one period label. Its text passed the privacy gate (data.ingest.privacy.free_text_error).
create sequence if not exists note_ids;
create table if not exists notes (
    note_id      integer primary key default nextval('note_ids'),
    indicator    varchar not null,           -- a catalogue code
    region       varchar not null,
    municipality varchar,                    -- null: the whole region
    lot          varchar,                    -- null: both percelen
    provider     varchar,                    -- null: all providers
    period       varchar not null,           -- '2026-10', '2026-K3' or '2026'
    text         varchar not null,
    author_role  varchar not null,           -- the role of who wrote it (never a name)
    written_on   date not null,              -- first written
    changed_on   date                        -- last edited; null: never
);

-- derived views --------------------------------------------------------------------------------------
-- The region of a municipality: the latest uploaded override, else the reference list.
create or replace view municipality_regions as
with overrides as (
    select municipality, arg_max(region, year) as region
    from populations
    where region is not null
    group by municipality
),

final as (
    select m.municipality, m.name, coalesce(o.region, m.region) as region
    from municipalities as m
    left join overrides as o using (municipality)
)

select * from final;

-- One row per (provider, region) it works in.
create or replace view provider_regions as
with final as (
    select p.provider, trim(unnest(string_split(p.regions, '/'))) as region
    from providers as p
)

select * from final;

-- scope macros ---------------------------------------------------------------------------------------
-- The building blocks every per-period query of levers/sql shares (tests/test_data_macros.py).

-- One row per period of a series: ordinal 0, 1, ... in the order of the lists, first and last day.
create or replace macro periods(starts, ends) as table
    select
        unnest(range(len(ends::date[]))) as ordinal,
        unnest(starts::date[]) as p_start,
        unnest(ends::date[]) as p_end;

-- part / whole × scale in floating point, in this order (as Python's a / b * scale); NULL when there
-- is nothing to divide by (whole NULL or 0) or no part.
create or replace macro ratio(part, whole, scale) as
    part::double / nullif(whole, 0)::double * scale;

-- Does a row (trajectory, cost, budget) lie in the scope: its municipality among `municipalities`,
-- its perceel the scope's (`scope_lot` NULL: both) and its provider among `scope_providers` (empty
-- list: every provider).
create or replace macro in_scope(row_municipality, row_lot, row_provider, municipalities, scope_lot, scope_providers) as
    list_contains(municipalities::varchar[], row_municipality)
    and (scope_lot::varchar is null or row_lot = scope_lot::varchar)
    and (len(scope_providers::varchar[]) = 0 or list_contains(scope_providers::varchar[], row_provider));

-- Is a trajectory active in a period (indicators.md): started by its last day and not ended before its
-- first; started and ended trajectories are active too. The open end as a far date makes it one range
-- condition, so a join on it stays a fast range join.
create or replace macro is_active(start_day, end_day, first_day, last_day) as
    start_day <= last_day and coalesce(end_day, '9999-12-31'::date) >= first_day;

-- Only jeugdhulp counts (indicators.md, "Scope and period"): transport (JZ020 42), jeugdreclassering (47),
-- jeugdbescherming (48) and the preventive justice frame (49) are stored as delivered but count nowhere.
create or replace macro is_jeugdhulp(product_category) as
    product_category not in (42, 47, 48, 49);

-- The trajectories every indicator of care counts: the jeugdhulp ones (is_jeugdhulp) that have started (a row
-- without startdatum is a child still waiting, not care). levers/sql reads this view, never the table, so no
-- query can forget either rule.
create or replace view care_trajectories as
select * from trajectories where is_jeugdhulp(product_category) and start_date is not null;

-- The jeugdhulp trajectories that have an aanmelddatum: the ones that may be waiting (is_waiting), started
-- or not. The waiting-list queries read this view; a row without startdatum is in no other.
create or replace view registered_trajectories as
select * from trajectories where is_jeugdhulp(product_category) and registration_date is not null;

-- Is a trajectory waiting at `day` (indicators.md): registered by then, not started by then, and not ended
-- (withdrawn) by then. A withdrawal on `day` itself ends the wait.
create or replace macro is_waiting(registration_day, start_day, end_day, day) as
    registration_day <= day
    and coalesce(start_day, '9999-12-31'::date) > day
    and coalesce(end_day, '9999-12-31'::date) > day;

-- The persons waiting at the last day of each period, in scope (indicators.md, "waiting at day d"): one row
-- per (ordinal, person) with the days they wait at p_end, counted from the aanmelddatum of the earliest of
-- their waiting trajectories. The waiting list's indicators and its bands read this one macro.
create or replace macro waiting_persons(starts, ends, municipalities, scope_lot, scope_providers) as table
    select p.ordinal, t.municipality, t.client_id, p.p_end - min(t.registration_date) as waiting_days
    from periods(starts, ends) as p
    inner join registered_trajectories as t on is_waiting(t.registration_date, t.start_date, t.end_date, p.p_end)
    where in_scope(t.municipality, t.lot, t.provider, municipalities, scope_lot, scope_providers)
    group by p.ordinal, p.p_end, t.municipality, t.client_id;

-- The derived-total rule's count (levers/contributors.py): per period and row set, how many providers
-- other than `own` have rows in it, per perceel and for both percelen (lot NULL: the grouping set without
-- lot). `row_sets` names a relation of (ordinal, provider, lot, base) rows: each family declares its row
-- sets beside its query (levers/sql/<family>.rows.sql) and counts them through this one macro.
create or replace macro providers_per_row_set(row_sets, own) as table
    select ordinal, base, lot, count(distinct provider) as providers
    from query_table(row_sets)
    where not list_contains(own::varchar[], provider)
    group by grouping sets ((ordinal, base, lot), (ordinal, base))
    having lot is not null or grouping(lot) = 1;

-- The providers in scope (indicators.md): their regio includes one of the scope's regions (a list: a
-- joint scope has several), their perceel matches (`beide` matches both) and, with a provider filter,
-- they are among the filtered ones.
create or replace macro providers_in_scope(region_names, scope_lot, scope_providers) as table
    select p.*
    from providers as p
    where p.provider in (select r.provider from provider_regions as r
                         where list_contains(region_names::varchar[], r.region))
      and (scope_lot::varchar is null or p.lot in (scope_lot::varchar, 'beide'))
      and (len(scope_providers::varchar[]) = 0 or list_contains(scope_providers::varchar[], p.provider));

-- The dialogue rows of the scope's regions (a list): with a provider filter those providers' rows plus
-- the region-wide ones. A region-wide row has no aanbieder (NULL or blank, returned as NULL).
create or replace macro region_dialogues(region_names, scope_providers) as table
    select d.* replace (nullif(trim(d.provider), '') as provider)
    from dialogues as d
    where list_contains(region_names::varchar[], d.region)
      and (
          nullif(trim(d.provider), '') is null
          or len(scope_providers::varchar[]) = 0
          or list_contains(scope_providers::varchar[], d.provider)
      );

-- The `uitkomsten` quarters that count for each period (signals.md §1), as levers.quarters chose them:
-- one row per (ordinal of the period, first day of a counted quarter), from two lists of equal length.
create or replace macro counted_quarters(ordinals, starts) as table
    select
        unnest(ordinals::bigint[]) as ordinal,
        unnest(starts::date[]) as quarter_start;

-- late claims and the year-end forecast (ahead.md §1; levers/families/budget.py) ----------------------
-- A month as one number (year × 12 + month − 1): a lag is the difference of two.
create or replace macro month_number(day) as year(day) * 12 + month(day) - 1;

-- Each (periode, gemeente, perceel)'s total as known at lag L = 0 … max_lag (at most its current lag):
-- the state after the uploads made up to the end of month periode + L + 1. The newest month in `costs`
-- has lag 0. A version (what an upload replaced, cost_versions) held for the lags between the
-- replacement before it and its own; the stored rows hold since the last replacement. `known` is NULL
-- for the lags before a month's first upload when that came later (a history loaded at once tells
-- nothing about lags); `now` is the stored total.
create or replace macro cost_known(max_lag) as table
with newest as (
    select month_number(max(month)) as newest from costs
),

versions as (
    select month, municipality, lot, upload_id, replaced_on, sum(amount)::double as amount
    from cost_versions
    group by all
),

stored as (
    select month, municipality, lot, sum(amount)::double as amount
    from costs
    group by all
),

cells as (
    select month, municipality, lot from stored
    union
    select month, municipality, lot from versions
),

states as (  -- each state of a cell, with the replacement that began it and the one that ended it (NULL: stored)
    select *, lag(ended) over (partition by month, municipality, lot order by ended nulls last, upload_id) as began
    from (
        select month, municipality, lot, amount, replaced_on as ended, upload_id from versions
        union all
        select c.month, c.municipality, c.lot, coalesce(s.amount, 0), null, null
        from cells as c
        left join stored as s using (month, municipality, lot)
    )
),

first_upload as (
    select month, municipality, min(replaced_on) as first_on
    from cost_versions
    group by all
),

lags as (
    select
        s.month, s.municipality, s.lot, s.amount,
        unnest(range(
            greatest(coalesce(month_number(s.began) - month_number(s.month) - 1, 0), 0),
            least(coalesce(month_number(s.ended) - month_number(s.month) - 2, n.newest - month_number(s.month)),
                  max_lag) + 1
        )) as lag
    from states as s, newest as n
),

final as (
    select
        l.month, l.municipality, l.lot, l.lag,
        case when l.lag > month_number(f.first_on) - month_number(l.month) - 2 or f.first_on is null
             then l.amount end as known,
        coalesce(s.amount, 0) as now
    from lags as l
    left join first_upload as f using (month, municipality)
    left join stored as s using (month, municipality, lot)
)

select * from final;

-- Completion factor c_L per region, perceel and lag 0 … 11: the median over months at least 12 months
-- old of (total now / total known at lag L). Fewer than 6 such months: the median over all regions of
-- the database (`pooled`); none at all: 1. Lags from 12 on have factor 1 (not listed).
create or replace macro completion_factors() as table
with newest as (
    select month_number(max(month)) as newest from costs
),

ratios as (
    select r.region, k.lot, k.lag, k.month, sum(k.now) / sum(k.known) as ratio
    from cost_known(11) as k
    inner join municipality_regions as r using (municipality)
    cross join newest as n
    where n.newest - month_number(k.month) >= 12 and k.known is not null
    group by all
    having sum(k.known) > 0
),

own as (
    select region, lot, lag, median(ratio) as factor, count(*) as months
    from ratios
    group by all
),

pooled as (
    select lot, lag, median(ratio) as factor
    from ratios
    group by all
),

grid as (
    select r.region, l.lot, unnest(range(0, 12)) as lag
    from (select distinct region from municipality_regions where region is not null) as r
    cross join (values ('complex'), ('enkelvoudig')) as l(lot)
),

final as (
    select
        g.region, g.lot, g.lag,
        case when coalesce(o.months, 0) >= 6 then o.factor else coalesce(p.factor, 1) end as factor,
        coalesce(o.months, 0) < 6 and p.factor is not null as pooled
    from grid as g
    left join own as o using (region, lot, lag)
    left join pooled as p using (lot, lag)
)

select * from final;

-- The forecast of the year of each case's p_end, per month (ahead.md §1). `cells` names a relation of
-- (ordinal, p_end, municipality, lot, kind, month, amount, lag): per case the month totals as known then,
-- for the year of p_end through p_end and the whole year before, with each month's lag. Per case,
-- (gemeente, perceel), soort and month of the year 1 … 12: realised and corrected (known × c_L) through
-- p_end; after it the expected total: the same month a year earlier (corrected) × the growth of the
-- (gemeente, perceel)'s corrected months so far against the same months last year; without a last year,
-- the mean of the months so far.
create or replace macro year_forecast(cells) as table
with factors as (
    select * from cost_completion
),

corrected as (
    select
        x.ordinal, x.p_end, x.municipality, x.lot, x.kind, x.month, x.amount,
        x.amount * coalesce(f.factor, 1) as corrected,
        coalesce(f.pooled, false) as pooled
    from query_table(cells) as x
    left join municipality_regions as r using (municipality)
    left join factors as f on f.region = r.region and f.lot = x.lot and f.lag = x.lag
    where x.month <= x.p_end and year(x.month) >= year(x.p_end) - 1
),

growth as (
    select
        ordinal, municipality, lot,
        sum(corrected) filter (where year(month) = year(p_end)) as this_year,
        sum(corrected) filter (where year(month) < year(p_end) and month(month) <= month(p_end)) as last_year
    from corrected
    group by all
),

months as (
    select
        ordinal, p_end, municipality, lot, kind, month(month) as month_of_year,
        sum(amount) filter (where year(month) = year(p_end)) as realised,
        sum(corrected) filter (where year(month) = year(p_end)) as corrected,
        sum(corrected) filter (where year(month) < year(p_end)) as last_year,
        bool_or(pooled) as pooled
    from corrected
    group by all
),

so_far as (
    select ordinal, municipality, lot, kind, sum(corrected) as corrected
    from months
    group by all
),

grid as (
    select k.*, unnest(range(1, 13)) as month_of_year
    from (select distinct ordinal, p_end, municipality, lot, kind from months) as k
),

final as (
    select
        g.ordinal, g.p_end, g.municipality, g.lot, g.kind, g.month_of_year,
        m.realised, m.corrected,
        case when g.month_of_year > month(g.p_end) then
            case when gr.last_year > 0 then coalesce(m.last_year, 0) * gr.this_year / gr.last_year
                 else coalesce(s.corrected, 0) / month(g.p_end) end
        end as expected,
        coalesce(m.pooled, false) as pooled,
        gr.this_year / nullif(gr.last_year, 0) as growth  -- NULL without a last year
    from grid as g
    left join months as m using (ordinal, municipality, lot, kind, month_of_year)
    left join growth as gr using (ordinal, municipality, lot)
    left join so_far as s using (ordinal, municipality, lot, kind)
)

select * from final;

-- year_forecast's input for a scope (levers/sql/budget.sql, scenario.sql): per period the scope's months as
-- stored, for the year of p_end through p_end and the whole year before, each with its lag (months before
-- the newest month in `costs`).
create or replace macro scope_cost_cells(municipalities, scope_lot, scope_providers, p_starts, p_ends) as table
    select
        p.ordinal, p.p_end, c.municipality, c.lot, c.kind, c.month, sum(c.amount)::double as amount,
        (select month_number(max(month)) from costs) - month_number(c.month) as lag
    from periods(p_starts, p_ends) as p
    inner join costs as c on c.month between make_date(year(p.p_end) - 1, 1, 1) and p.p_end
    where in_scope(c.municipality, c.lot, c.provider, municipalities, scope_lot, scope_providers)
    group by all;

-- The budget of each (jaar, gemeente, perceel) in scope (indicators.md, budgetuitputting): without a provider
-- filter the perceel-level rows (empty aanbieder), or, where a (jaar, gemeente, perceel) has none, the sum
-- of its provider rows; with a provider filter only those providers' rows (none: NULL).
create or replace macro scope_budgets(municipalities, scope_lot, scope_providers) as table
    select
        year, municipality, lot,
        case when len(scope_providers::varchar[]) = 0 then coalesce(lot_budget, provider_budget) else filtered_budget end
            ::double as budget
    from (
        select
            b.year, b.municipality, b.lot,
            sum(b.budget) filter (where b.provider is null) as lot_budget,
            sum(b.budget) filter (where b.provider is not null) as provider_budget,
            sum(b.budget) filter (where list_contains(scope_providers::varchar[], b.provider)) as filtered_budget
        from budgets as b
        where in_scope(b.municipality, b.lot, b.provider, municipalities, scope_lot, [])
        group by b.year, b.municipality, b.lot
    );

-- The backtest (ahead.md §1): the forecast run at every month of every past year whose months are all
-- at least 6 months old, with the months as known then (cost_known at lag p_end − month), per region
-- and perceel. `old` is Σ so far / m × 12, `new` the corrected forecast, `actual` the year as stored now.
create or replace macro forecast_backtest() as table
with newest as (
    select month_number(max(month)) as newest from costs
),

cases as (
    select y.year * 100 + k.m as ordinal, make_date(y.year, k.m, 1) as p_end
    from (select distinct year(month) as year from costs) as y
    cross join range(1, 13) as k(m)
    cross join newest as n
    where n.newest - month_number(make_date(y.year, 12, 1)) >= 6
),

known as (
    select * from cost_known(23)
),

cells as (
    select c.ordinal, c.p_end, k.municipality, k.lot, 'alle' as kind, k.month, k.known as amount, k.lag
    from cases as c
    inner join known as k
        on k.month <= c.p_end and year(k.month) >= year(c.p_end) - 1
       and k.lag = month_number(c.p_end) - month_number(k.month)
),

forecast as (
    select f.ordinal, f.p_end, r.region, f.lot,
        sum(f.realised) as realised, sum(f.corrected) as corrected, sum(f.expected) as expected
    from year_forecast('cells') as f
    inner join municipality_regions as r using (municipality)
    group by all
),

actual as (
    select r.region, c.lot, year(c.month) as year, sum(c.amount)::double as actual
    from costs as c
    inner join municipality_regions as r using (municipality)
    group by all
),

final as (
    select
        f.region, f.lot, year(f.p_end) as year, month(f.p_end) as month_of_year,
        f.realised / month(f.p_end) * 12 as old,
        f.corrected + coalesce(f.expected, 0) as new,
        a.actual
    from forecast as f
    inner join actual as a on a.region = f.region and a.lot = f.lot and a.year = year(f.p_end)
    where a.actual > 0
)

select * from final;

-- ====================================================================================================
-- local accounts (auth/accounts.py, data/store/users.py) — appended section, owned by the access work
-- One row per person who may log in. Passwords only as bcrypt hashes ('$2b$...'). Roles and rights
-- also serve OIDC identities (st.login), looked up by e-mail. No accounts at all = demo mode.
create table if not exists users (
    email           varchar primary key,     -- lower case
    role            varchar not null,        -- 'bestuurder' | 'contractmanager' | 'aanbieder' | 'beheerder'
    regions         varchar[] not null default [],  -- empty: aanbieder → its providers' regions; beheerder → all
    providers       varchar[] not null default [],  -- aanbieder: its own provider code(s)
    password_hash   varchar not null,        -- bcrypt, never the password
    failed_attempts integer not null default 0,      -- consecutive failures since the last success or lock
    locked_until    timestamp,               -- UTC; no login before this moment
    created_at      timestamp not null default timezone('UTC', current_timestamp)
);
