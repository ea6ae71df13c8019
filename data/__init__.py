"""Data by job: `store` (where the database lives, schema, write path, snapshots, audit, accounts), `ingest`
(a file or a form becomes rows) and `demo` (the seeded demo database); `reference/` holds the public code lists."""
