"""Re-runs over an unchanged inbox keep the warehouse usable (real flow, real DuckDB)."""
from __future__ import annotations

import os

import duckdb
import pytest

from tests.conftest import copy_seeds
from tests.flows.test_speaker_linking import run

pytestmark = pytest.mark.usefixtures("prefect_server")


def test_runs_after_no_op_runs_whose_checkpoint_cut_free_blocks_off_the_file(workdir):
    """Two no-op runs leave free blocks that DuckDB cuts off the end of the file while still
    counting them in `total_blocks`; the next run must not call the file damaged."""
    copy_seeds(workdir / "data" / "articles")
    db = workdir / "warehouse" / "claimcheck.duckdb"
    for _ in range(3):
        run(workdir)
    con = duckdb.connect(str(db), read_only=True)
    block_size, total, used = con.execute(
        "SELECT block_size, total_blocks, used_blocks FROM pragma_database_size()").fetchone()
    con.close()
    assert os.path.getsize(db) < 3 * 4096 + total * block_size  # the case this test is about
    assert os.path.getsize(db) >= 3 * 4096 + used * block_size
    assert run(workdir)["articles_skipped"] == 5
