-- Bookkeeping of the store itself (data/store/db.py), beside the product schema in schema.sql.
-- Idempotent, like schema.sql: runs only when the stored schema fingerprint differs.

create table if not exists store_meta (       -- 'schema': fingerprint of schema.sql + this file
    key   varchar primary key,
    value varchar not null
);

create table if not exists table_generations ( -- bumped by every write that touched the table:
    table_name varchar primary key,            -- cached figures are keyed on these numbers
    generation bigint not null
);

create table if not exists audit_imports (     -- how much of each read-only process's audit file
    file_name      varchar primary key,        -- is in audit_log: imported exactly once
    imported_bytes bigint not null
);
