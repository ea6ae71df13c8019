"""Ingest: a file or a form becomes rows — decode, privacy gate, contracts, validation, then one transaction."""
