"""The DuckDB warehouse: migrations, views, connections and the run loader."""
