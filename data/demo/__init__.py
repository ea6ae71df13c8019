"""The demo database (design.md, "Demo data"): a seeded world, its care, money, reports and changes."""
