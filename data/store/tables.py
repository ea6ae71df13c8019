"""The table each upload kind fills: named here once, for the contracts (data.ingest.contracts) and for readers
that need only the names (views.cache), without the contracts' pydantic (~0.1 s on a page's first run)."""

TABLE_OF_KIND = {
    "trajecten": "trajectories",
    "kosten": "costs",
    "budget": "budgets",
    "uitkomsten": "outcomes",
    "dialoog": "dialogues",
    "normen": "norms",
    "aanbieders": "providers",
    "gemeenten": "populations",
    "landelijk": "national_figures",
    "procesbreuken": "process_changes",
}
