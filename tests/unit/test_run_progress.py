"""`claimcheck run` progress: plain lines when piped, a rich bar on a terminal."""
import io

from claimcheck.run_progress import PlainProgress, show_progress
from flows.progress import report_progress


def test_plain_lines_on_stage_change_at_the_end_and_at_most_every_interval():
    out, now = io.StringIO(), [0.0]
    progress = PlainProgress(out, every=5.0, clock=lambda: now[0])
    for done, t in [(0, 0.0), (1, 1.0), (2, 2.0), (3, 6.0), (4, 7.0), (10, 8.0)]:
        now[0] = t
        progress("files", done, 10)
    progress("cross-check", 0, 1)
    progress("files", 0, 0)  # nothing to do: no line
    assert out.getvalue().splitlines() == [
        "progress: files 0/10 (0%)", "progress: files 3/10 (30%)", "progress: files 10/10 (100%)",
        "progress: cross-check 0/1 (0%)",
    ]


def test_show_progress_listens_only_while_open():
    out = io.StringIO()
    with show_progress(out, tty=False):
        report_progress("files", 2, 2)
    report_progress("files", 1, 2)
    assert out.getvalue() == "progress: files 2/2 (100%)\n"


def test_terminal_gets_a_bar():
    out = io.StringIO()
    with show_progress(out, tty=True):
        report_progress("files", 0, 6)
        report_progress("files", 6, 6)
    text = out.getvalue()
    assert "files" in text and "6/6" in text and "progress:" not in text
