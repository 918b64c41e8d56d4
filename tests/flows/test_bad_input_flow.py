"""One bad file never stops the run (issue 16): every kind through the real flow at once."""
from __future__ import annotations

import gzip
import os

import pytest

from flows import verify
from tests.flows.test_html_jsonl_flow import query, run

pytestmark = pytest.mark.usefixtures("prefect_server")
GOOD = "Bridge to reopen\n\nThe mayor, Jane Roe, said the bridge would reopen on 3 May 2021.\n"


def test_every_bad_input_kind_is_a_rejected_row_and_the_good_article_loads(workdir, monkeypatch):
    inbox = workdir / "data" / "articles"
    (inbox / "good.txt").write_text(GOOD)
    (inbox / "long.txt").write_text("Long\n\n" + "word " * 220_000)
    with gzip.open(inbox / "bomb.html.gz", "wb") as out:
        for _ in range(30):
            out.write(b" " * (1 << 20))
    (inbox / "wide.txt").write_bytes(GOOD.encode("utf-16"))
    (inbox / "dump.jsonl").write_text('{"text": 42}\n')
    os.mkfifo(inbox / "pipe.txt")
    (inbox / "folder.txt").mkdir()
    (inbox / "locked.txt").write_text(GOOD + "locked\n")
    real_hash = verify.hash_file

    def hash_file(path):  # the tests run as root, for whom chmod 000 reads anyway
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_hash(path)

    monkeypatch.setattr(verify, "hash_file", hash_file)
    summary = run(workdir)
    assert summary["articles_new"] == 2  # good.txt and the UTF-16 copy of it
    reasons = {os.path.basename(p): r for p, r in query(workdir, "SELECT source_path, reason FROM rejected_inputs")}
    assert set(reasons) == {"long.txt", "bomb.html.gz", "dump.jsonl:1", "pipe.txt", "folder.txt", "locked.txt"}
    assert "article too long" in reasons["long.txt"]
    assert "unpacks to more than" in reasons["bomb.html.gz"]
    assert "got a number" in reasons["dump.jsonl:1"]
    assert reasons["pipe.txt"] == "not a regular file (FIFO)"
    assert reasons["locked.txt"] == "unreadable: Permission denied"
    assert sorted(a for (a,) in query(workdir, "SELECT article_id FROM articles")) == ["good", "wide"]


def test_same_file_name_in_two_folders_gives_two_articles_and_old_ids_stay(workdir):
    inbox = workdir / "data" / "articles"
    (inbox / "a").mkdir()
    (inbox / "b").mkdir()
    (inbox / "a" / "story.txt").write_text(GOOD)
    run(workdir)
    assert query(workdir, "SELECT article_id FROM articles") == [("story",)]
    (inbox / "b" / "story.txt").write_text(GOOD.replace("Jane Roe", "John Doe"))
    (inbox / "b" / "story.jsonl").write_text('{"text": "The mayor said the bridge would reopen."}\n')
    summary = run(workdir)
    assert summary["articles_new"] == 2
    assert sorted(query(workdir, "SELECT article_id, source_path FROM articles")) == [
        ("b/story.txt", str(inbox / "b" / "story.txt")), ("b/story:1", str(inbox / "b" / "story.jsonl")),
        ("story", str(inbox / "a" / "story.txt"))]
    (inbox / "a" / "story.txt").write_text(GOOD + "\nAn update.\n")
    run(workdir)
    assert sorted(a for (a,) in query(workdir, "SELECT article_id FROM articles")) == ["b/story.txt", "b/story:1", "story"]
