"""The store: where the database lives, its schema, the write path, published snapshots, the audit log and accounts."""
