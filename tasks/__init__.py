"""Pure, Prefect-free pipeline steps."""
