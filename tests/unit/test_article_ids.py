"""Unique, stable article ids for files of the same name in different folders (issue 16)."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tasks.ingest.ids import assign_keys, relative_key

ROOT = Path("/in")


@pytest.mark.parametrize("paths, known, expected", [
    # unique stems stay the contract's id
    (["/in/a/story.txt", "/in/b/other.txt"], {}, {"/in/a/story.txt": "story", "/in/b/other.txt": "other"}),
    # two new files with one stem: both by relative path
    (["/in/a/story.txt", "/in/b/story.html"], {}, {"/in/a/story.txt": "a/story", "/in/b/story.html": "b/story"}),
    # a file already loaded keeps its key; the newcomer takes its relative path
    (["/in/b/story.txt"], {"/in/a/story.txt": "story"}, {"/in/b/story.txt": "b/story"}),
    # a changed file keeps the key it had
    (["/in/a/story.txt"], {"/in/a/story.txt": "story", "/in/b/story.txt": "b/story"}, {"/in/a/story.txt": "story"}),
    # the relative path taken as well (an earlier run from another root): with its suffix, then a path hash
    (["/in/b/story.txt"], {"/in/a/story.txt": "story", "/other/b/story.txt": "b/story"}, {"/in/b/story.txt": "b/story.txt"}),
    (["/in/b/story.txt"], {"/in/a/story.txt": "story", "/other/b/story.txt": "b/story", "/x/b/story.txt": "b/story.txt"},
     {"/in/b/story.txt": "story-" + __import__("hashlib").sha1(b"/in/b/story.txt").hexdigest()[:8]}),
    (["/in/dump.jsonl.gz"], {}, {"/in/dump.jsonl.gz": "dump"}),
    # same stem in the same folder: the second keeps its suffix
    (["/in/a/story.txt", "/in/a/story.html"], {}, {"/in/a/story.html": "a/story", "/in/a/story.txt": "a/story.txt"}),
])
def test_assign_keys(paths, known, expected):
    assert assign_keys([Path(p) for p in paths], ROOT, known) == expected
    assert assign_keys([Path(p) for p in reversed(paths)], ROOT, known) == expected  # order-free


def test_relative_key_drops_the_suffix():
    assert relative_key(Path("/in/x/y/page.html.gz"), ROOT) == "x/y/page"
    assert relative_key(Path("/elsewhere/page.txt"), ROOT) == "page"


def test_migration_005_keeps_the_ids_of_an_existing_warehouse():
    from warehouse.schema import migrate, migration_files

    con = duckdb.connect()
    [(_, first)] = [(v, p) for v, p in migration_files() if v == 1]
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP DEFAULT current_timestamp)")
    con.execute(first.read_text())
    con.execute("INSERT INTO schema_version (version, name) VALUES (1, '001_initial')")
    con.execute("INSERT INTO source_files VALUES ('/in/a/Story.TXT', 'h1', 'r1'), ('/in/w/dump.jsonl.gz', 'h2', 'r1')")
    migrate(con)
    assert sorted(con.execute("SELECT source_path, article_key FROM source_files").fetchall()) == [
        ("/in/a/Story.TXT", "Story"), ("/in/w/dump.jsonl.gz", "dump")]
