"""Extraction on a real Dask cluster writes the warehouse a one-process run writes."""
from __future__ import annotations

import duckdb
import pytest

from flows.verify import RunConfig, verify_articles
from tests.conftest import copy_seeds

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_server")]


def _varies_per_run(column: str) -> bool:
    """Columns that name the run or its clock: they differ between any two runs."""
    return column.endswith(("run_id", "_run", "_at"))


def warehouse_tables(db) -> dict[str, list[tuple]]:
    """Every base table's rows (sorted, without the run's own ids and times)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' ORDER BY 1").fetchall()]
        out = {}
        for table in tables:
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                [table]).fetchall()]
            kept = ", ".join(f'"{c}"' for c in columns if not _varies_per_run(c))
            out[table] = sorted(con.execute(f'SELECT {kept} FROM "{table}"').fetchall(), key=repr)
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def cluster():
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        yield c


def _run(workdir, name: str, dask_address: str | None):
    db = workdir / "warehouse" / f"{name}.duckdb"
    summary = verify_articles(RunConfig(input_path=workdir / "data" / "articles", warehouse_path=db,
                                        dask_address=dask_address))
    return db, summary


def test_cluster_run_writes_the_one_process_warehouse_table_by_table(workdir, cluster, monkeypatch):
    copy_seeds(workdir / "data" / "articles")
    # batches of 2: the five articles travel in three batches, over both workers
    monkeypatch.setenv("CLAIMCHECK_BATCH_SIZE", "2")
    here_db, here = _run(workdir, "here", None)
    dask_db, there = _run(workdir, "dask", cluster.scheduler_address)
    assert there["articles_new"] == here["articles_new"] == 5
    assert here["quotes_new"] > 0 and here["claims_new"] > 0
    assert {k: v for k, v in there.items() if k not in ("run_id", "flow_run_id")} == \
        {k: v for k, v in here.items() if k not in ("run_id", "flow_run_id")}
    here_tables, dask_tables = warehouse_tables(here_db), warehouse_tables(dask_db)
    assert here_tables.keys() == dask_tables.keys()
    for table in here_tables:
        assert dask_tables[table] == here_tables[table], table
    assert here_tables["quotes"] and here_tables["speakers"] and here_tables["discrepancies"]
    # each worker loaded the model exactly once (the plugin, before its first batch)
    from distributed import Client

    # not the default client: prefect-dask would take a default client's cluster over an address
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        loaded = client.run(lambda: __import__("tasks.nlp").nlp.load_nlp.cache_info().misses)
    assert sorted(loaded.values()) == [1, 1]


def test_an_unreachable_scheduler_is_a_clear_error_and_writes_nothing(workdir, monkeypatch):
    import flows.cluster
    from models.errors import ClaimcheckError

    monkeypatch.setattr(flows.cluster, "CONNECT_SECONDS", 2)
    copy_seeds(workdir / "data" / "articles")
    with pytest.raises(ClaimcheckError, match="Dask scheduler"):
        _run(workdir, "nowhere", "tcp://127.0.0.1:9")
    con = duckdb.connect(str(workdir / "warehouse" / "nowhere.duckdb"), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    con.close()
