"""The store: schema, CSV contracts, decoding, loading, reference data and demo data."""
