-- Jeugdhulp monitor: the DuckDB store.
-- One table per upload kind (csv-contract.md), the reference lists, upload records and the audit log.
-- Column names are English; the CSV's Dutch names live only in data/contracts.py (validation_alias).
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
    kind           varchar not null,        -- one of the eight kinds
    file_name      varchar not null,
    sha256         varchar not null,
    row_count      integer not null,
    uploader       varchar not null,
    uploaded_at    timestamp not null default current_timestamp,
    scope_replaced varchar not null         -- Dutch, human readable: which replace keys were replaced
);

create sequence if not exists audit_id_seq start 1;

create table if not exists audit_log (        -- append-only: never updated or deleted
    audit_id    integer primary key default nextval('audit_id_seq'),
    logged_at   timestamp not null default current_timestamp,
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
    indicator varchar not null,
    year      smallint not null,
    lot       varchar,                       -- null = both
    provider  varchar,                       -- null = all
    norm      double not null,
    margin    double not null default 0,
    upload_id integer
);

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

-- ====================================================================================================
-- local accounts (auth/accounts.py, data/users.py) — appended section, owned by the access work
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
    created_at      timestamp not null default current_timestamp
);
