"""Fixtures shared by unit tests: the made-up report warehouse."""
from tests.report_fixture import demo_con  # noqa: F401 (a fixture, used by name)
