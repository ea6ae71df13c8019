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
    start_date        date not null,
    end_date          date,
    end_reason        smallint,             -- JZ588
    age_group         varchar,              -- '0-3' | '4-11' | '12-17' | '18-22'
    upload_id         integer,
    primary key (municipality, trajectory_id)
);

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
    provider               varchar not null,
    lot                    varchar not null,
    closed_trajectories    integer not null,
    goals_achieved         integer not null,
    satisfaction_responses integer not null,
    satisfaction_positive  integer not null,
    refusals               integer not null, -- weigeringen (acceptatieplicht)
    comment                varchar,
    upload_id              integer,
    primary key (quarter_start, provider, lot)
);

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

-- The trajectories every indicator counts: the jeugdhulp ones (is_jeugdhulp). levers/sql reads this view,
-- never the table, so no query can forget the rule.
create or replace view care_trajectories as
select * from trajectories where is_jeugdhulp(product_category);

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

-- The providers in scope (indicators.md): their regio includes the region, their perceel matches
-- (`beide` matches both) and, with a provider filter, they are among the filtered ones.
create or replace macro providers_in_scope(region_name, scope_lot, scope_providers) as table
    select p.*
    from providers as p
    where p.provider in (select r.provider from provider_regions as r where r.region = region_name)
      and (scope_lot::varchar is null or p.lot in (scope_lot::varchar, 'beide'))
      and (len(scope_providers::varchar[]) = 0 or list_contains(scope_providers::varchar[], p.provider));

-- The dialogue rows of a region in scope: with a provider filter those providers' rows plus the
-- region-wide ones. A region-wide row has no aanbieder (NULL or blank, returned as NULL).
create or replace macro region_dialogues(region_name, scope_providers) as table
    select d.* replace (nullif(trim(d.provider), '') as provider)
    from dialogues as d
    where d.region = region_name
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
