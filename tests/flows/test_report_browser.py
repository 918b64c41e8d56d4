"""The HTML report of the seed articles, rendered by a real headless Chromium.

`make test` installs Debian's `chromium` when it is missing; run alone, the test is
skipped without it (and fails in CI, where it must run).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import duckdb
import lxml.html
import pytest

from flows.verify import RunConfig, verify_articles
from tasks.report.build import build_report
from tests.conftest import copy_seeds
from warehouse.report_rows import read_report_rows

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.usefixtures("prefect_server")]

CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-extensions",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (make test installs it with apt-get)")
        pytest.skip("chromium is not installed; `make test` installs it")
    return found


def dump_dom(page_path, profile_dir) -> str:
    out = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}", "--dump-dom", page_path.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_seed_report_shows_the_ceasefire_date_discrepancy_with_both_sides(workdir, tmp_path):
    copy_seeds(workdir / "data" / "articles")
    warehouse = workdir / "warehouse" / "claimcheck.duckdb"
    verify_articles(RunConfig(input_path=workdir / "data" / "articles", warehouse_path=warehouse))
    con = duckdb.connect(str(warehouse), read_only=True)
    page = tmp_path / "report.html"
    page.write_text(build_report(read_report_rows(con), "html"), encoding="utf-8")
    con.close()

    dom = lxml.html.fromstring(dump_dom(page, tmp_path / "profile"))
    assert dom.findtext(".//h1") == "claimcheck report"
    sections = [s.get("id") for s in dom.xpath("//body/section")]
    assert sections[:3] == ["discrepancies", "quotes-differ", "timeline"] and "speakers" in sections

    [ceasefire] = [d for d in dom.xpath('//article[contains(@class, "discrepancy")]')
                   if d.xpath('.//div[@data-value="2020-11-09"]') and d.xpath('.//div[@data-value="2020-11-10"]')]
    assert ceasefire.get("data-severity") == "high"
    sides = {side.get("data-value"): {m.get("data-article-id") for m in side.xpath('.//li[@class="member"]')}
             for side in ceasefire.xpath('.//div[@class="side"]')}
    assert sides["2020-11-09"] == {"000_a0fdcd33e81b8070"}
    assert sides["2020-11-10"] == {"001_1f898c961dd7184c", "002_780e885c75eae896"}
    marked = {m.text_content() for m in ceasefire.xpath(".//mark")}
    assert any("November 9" in t for t in marked) and any("10" in t and "Nov" in t for t in marked)
    # Links back to the sentences resolve inside the page.
    ids = set(dom.xpath("//@id"))
    for href in ceasefire.xpath('.//a[@class="to-source"]/@href'):
        assert href[1:] in ids
    # The timeline chart is inline SVG and the quotes section names the seed speakers.
    assert dom.xpath('//section[@id="timeline"]//*[local-name()="svg"]')
    speakers = {s.get("data-speaker") for s in dom.xpath('//section[@class="speaker"]')}
    assert {"Maria Zakharova", "Mikhail Galuzin"} <= speakers


STATEMENTS = Path(__file__).resolve().parent.parent / "data" / "statement_scenarios" / "articles"


def test_report_shows_quotes_reported_differently_with_the_changed_words_marked(workdir, tmp_path):
    inbox = workdir / "data" / "articles"
    for f in STATEMENTS.glob("*.txt"):
        shutil.copy(f, inbox / f.name)
    warehouse = workdir / "warehouse" / "claimcheck.duckdb"
    verify_articles(RunConfig(input_path=inbox, warehouse_path=warehouse))
    con = duckdb.connect(str(warehouse), read_only=True)
    page = tmp_path / "report.html"
    page.write_text(build_report(read_report_rows(con), "html"), encoding="utf-8")
    con.close()

    dom = lxml.html.fromstring(dump_dom(page, tmp_path / "profile"))
    [section] = dom.xpath('//section[@id="quotes-differ"]')
    assert section.findtext("h2") == "Quotes reported differently (4)"
    found = {(a.get("data-kind"), a.get("data-severity")): a for a in section.xpath('.//article')}
    assert set(found) == {("wording", "high"), ("wording", "medium"), ("wording", "low"), ("attribution", "high")}
    reworded = found[("wording", "medium")]
    reference, variant = reworded.xpath('.//div[contains(@class, "variant")]')
    assert "reference" in reference.get("class")
    assert [m.text_content() for m in reference.xpath('.//mark[@class="diff"]')] == ["and", "punish"]
    assert variant.xpath('.//blockquote')[0].text_content().startswith("We will find those responsible")
    assert {li.get("data-article-id") for li in variant.xpath('.//li')} == {"st3_river_post"}
    number = found[("wording", "high")]
    confirmed = number.xpath('.//div[contains(@class, "reference")]')[0]
    assert "two weeks" in confirmed.text_content() and "as in the official transcript" in confirmed.text_content()
    assert sorted(m.text_content() for m in number.xpath('.//mark[@class="diff"]')) == ["three", "two"]
    credited = {s.get("data-side") for s in found[("attribution", "high")].xpath('.//div[@data-side]')}
    assert credited == {"Ilse Marrow", "Dario Fenn"}
    verdicts = {li.get("data-verdict") for li in section.xpath('.//li[@class="transcript-check"]')}
    assert verdicts == {"altered", "not_found"}
    assert dom.xpath('//nav/a[@href="#quotes-differ"]')
