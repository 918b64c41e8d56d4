"""The run machinery's pure parts: joining the speakers articles learned, the no-op hint,
finding a running Prefect server (made-up speakers and files; no spaCy, no flow)."""
from __future__ import annotations

import http.server
import threading

import duckdb
import pytest

from claimcheck import runner
from models import Speaker
from tasks.analyse import run_speakers
from tasks.quotes.registry import SpeakerRegistry


def _speaker(name: str, **fields) -> Speaker:
    return Speaker(speaker_id=name.lower().replace(" ", "-"), canonical_name=name, origin="text", **fields)


@pytest.fixture()
def registry():
    reg = SpeakerRegistry()
    reg.register("Ada Quill", role=None, kind="person")
    return reg


@pytest.mark.parametrize("learned,expected", [
    # nothing learned: the registry as loaded
    ([], {"ada-quill": (None, "unknown")}),
    # a new speaker joins; the first form of a speaker two articles learned wins
    ([_speaker("Bo Tern", role="mayor"), _speaker("Bo Tern", role="governor")],
     {"ada-quill": (None, "unknown"), "bo-tern": ("mayor", "unknown")}),
    # a field the registry left empty is filled by the first article that knows it
    ([_speaker("Ada Quill", role="minister"), _speaker("Ada Quill", role="envoy", gender="female")],
     {"ada-quill": ("minister", "female")}),
])
def test_run_speakers_joins_learned_speakers_in_article_order(registry, learned, expected):
    speakers, aliases = run_speakers(registry, learned)
    assert {s.speaker_id: (s.role, s.gender) for s in speakers} == expected
    assert {(a.speaker_id, a.alias) for a in aliases} >= {(s.speaker_id, s.canonical_name) for s in speakers}


def test_run_speakers_keeps_new_aliases_and_leaves_the_registry_alone(registry):
    extra = _speaker("Ada Quill", aliases=["A. Quill"])
    _, aliases = run_speakers(registry, [extra])
    assert ("ada-quill", "A. Quill") in {(a.speaker_id, a.alias) for a in aliases}
    assert registry.get("ada-quill").aliases == []


def _warehouse(path, rows):
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE source_files (source_path VARCHAR, content_sha256 VARCHAR)")
    con.executemany("INSERT INTO source_files VALUES (?, ?)", rows)
    con.close()


def test_nothing_new_only_when_every_file_is_known_with_its_hash(tmp_path):
    from tasks.ingest.files import hash_file

    inbox = tmp_path / "in"
    inbox.mkdir()
    a, b = inbox / "a.txt", inbox / "b.txt"
    a.write_text("One.\n")
    b.write_text("Two.\n")
    db = tmp_path / "w.duckdb"
    assert not runner.nothing_new(inbox, db)  # no warehouse yet
    _warehouse(db, [(str(p.resolve()), hash_file(p.resolve()).content_sha256) for p in (a, b)])
    assert runner.nothing_new(inbox, db)
    b.write_text("Two, changed.\n")
    assert not runner.nothing_new(inbox, db)
    b.unlink()
    (inbox / "c.txt").write_text("Three.\n")
    assert not runner.nothing_new(inbox, db)


def test_nothing_new_is_false_for_a_warehouse_it_cannot_read(tmp_path):
    inbox = tmp_path / "in"
    inbox.mkdir()
    db = tmp_path / "w.duckdb"
    db.write_text("not a database")
    assert not runner.nothing_new(inbox, db)


def _no_api_url(monkeypatch) -> None:
    """Unset the API URLs so that whatever the test sets is undone afterwards."""
    for key in ("PREFECT_API_URL", "PREFECT_UI_API_URL"):
        monkeypatch.setenv(key, "")
        monkeypatch.delenv(key)


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200 if self.path == "/api/health" else 404)
        self.end_headers()
        self.wfile.write(b"true")

    def log_message(self, *args):
        pass


def test_a_server_on_the_ui_port_is_used_unless_an_api_url_is_set(monkeypatch):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Health)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        _no_api_url(monkeypatch)
        runner.use_running_server(port)
        assert runner.os.environ["PREFECT_API_URL"] == f"http://127.0.0.1:{port}/api"
        monkeypatch.setenv("PREFECT_API_URL", "http://127.0.0.1:1/api")
        runner.use_running_server(port)
        assert runner.os.environ["PREFECT_API_URL"] == "http://127.0.0.1:1/api"
    finally:
        server.shutdown()
        server.server_close()


def test_no_server_on_the_ui_port_leaves_prefect_to_start_its_own(monkeypatch):
    from tests.conftest import free_port

    _no_api_url(monkeypatch)
    runner.use_running_server(free_port())
    assert "PREFECT_API_URL" not in runner.os.environ
