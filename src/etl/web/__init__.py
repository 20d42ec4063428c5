"""The reports downloads site (Starlette): reads only the reports folder, never DuckDB."""
