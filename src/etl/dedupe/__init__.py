"""Near-duplicate detection: one story republished by many outlets."""
