"""The benchmark's arithmetic and table on made-up timings (nothing here is timed)."""
from __future__ import annotations

import json

from bench import corpus
from bench.report import figures, markdown_table, write_results
from bench.run import prefect_overhead

RAW = {
    "throughput": {"articles": 100, "words": 73_000, "baseline_wall_s": 40.0, "baseline_pipe_s": 30.0, "baseline_load_s": 1.0,
                   "baseline_n_process": 2, "product_wall_s": 50.0, "product_run_flow_s": 45.0},
    "throughput_by_size": {"1000": {"articles": 1000, "words": 730_000, "baseline_wall_s": 300.0,
                                    "product_wall_s": 240.0, "baseline_n_process": 2,
                                    "baseline_tree_cpu_s": 500.0, "product_tree_cpu_s": 400.0,
                                    "product_summary": {"articles_new": 1000, "quotes_new": 9000, "claims_new": 10000},
                                    "product_steps": {"body:load_batch": {"seconds": 4.0, "calls": 16}}}},
    "dask": {"articles": 100, "workers": 2, "wall_s": 62.5},
    "noop": {"files": 100, "warm_wall_s": 2.0, "cold_wall_s": 10.0, "warm_run_flow_s": 0.5},
    "incremental": {"new_articles": 1, "wall_s": 3.0},
    "crosscheck": {"seconds_by_claims": {"10000": 0.1, "100000": 1.0, "1000000": 12.0}},
    "memory": {"small": {"articles": 1000, "peak_tree_rss_mib": 500.0},
               "large": {"articles": 10000, "peak_tree_rss_mib": 600.0}},
    "prefect": {"articles": 100, "overhead_s": 5.0, "run_flow_s": 45.0},
}


def test_figures_are_ratios_of_the_raw_timings():
    f = figures(RAW)
    assert f["throughput_ratio"] == 0.8
    assert f["throughput_ratio_1000"] == 1.25
    assert f["cpu_ratio_1000"] == 1.25  # baseline CPU-s over product CPU-s
    assert f["dask_throughput_ratio"] == 0.8  # one-process wall over the cluster's
    assert f["noop_wall_s"] == 2.0
    assert f["writer_rows_per_s"] == 5000.0  # 20,000 rows in 4 s of load-batch, at the largest size
    assert f["noop_rerun_fraction"] == 0.04
    assert f["noop_rerun_fraction_cold"] == 0.2
    assert f["noop_rerun_fraction_in_flow"] == 0.0111
    assert f["incremental_fraction"] == 0.06
    # 0.05 + (model load 1 s + the baseline's NLP time of one article 0.3 s) over the first run (50 s)
    assert f["incremental_target"] == 0.076
    assert f["crosscheck_growth_100k_1m"] == 1.2
    assert f["memory_growth_1k_10k"] == 1.2
    assert f["prefect_overhead_s_per_article"] == 0.05


def test_missing_measurements_give_none_not_errors():
    f = figures({})
    assert f["throughput_ratio"] is None and f["crosscheck_growth_100k_1m"] is None
    assert f["dask_throughput_ratio"] is None and f["noop_wall_s"] is None
    assert f["memory_growth_1k_10k"] is None and f["prefect_overhead_s_per_article"] is None


def test_table_shows_each_figure_with_its_verdict(tmp_path):
    results = {"mode": "quick", "raw": RAW, **figures(RAW)}
    table = markdown_table(results)
    rows = {line.split(" | ")[0].lstrip("| "): line for line in table.splitlines() if line.startswith("| ")}
    assert rows["Throughput, 100 articles (ratio of rates)"].endswith("| 0.8 | ≥ 1.0 | NO |")
    assert rows["Throughput, 1000 articles (ratio of rates)"].endswith("| 1.25 | ≥ 1.2 | yes |")
    assert rows["CPU, 1000 articles (process tree CPU-s, baseline over product)"].endswith("| 1.25 | (report) | – |")
    dask_row = next(v for k, v in rows.items() if k.startswith("Throughput on a Dask LocalCluster"))
    assert dask_row.endswith("| 0.8 | (report) | – |")
    assert rows["No-op re-run over 100 files, warm Prefect server (wall s)"].endswith("| 2 | ≤ 2.0 s | yes |")
    assert rows["No-op re-run, warm Prefect server (share of first run)"].endswith("| 0.04 | ≤ 0.02 | NO |")
    assert "2.00 art/s, 1,460 words/s (50.0 s)" in rows["Throughput, 100 articles (ratio of rates)"]
    assert rows["Incremental run, +1 articles"].endswith("| 0.06 | ≤ 0.076 (0.05 + model load + NLP of new) | yes |")
    assert rows["Cross-check scale (time per claim, 1M vs 100k)"].endswith("| 1.2 | ≤ 1.5 | yes |")
    write_results(results, tmp_path / "latest.json")
    assert json.loads((tmp_path / "latest.json").read_text())["throughput_ratio"] == 0.8


def test_prefect_overhead_splits_engine_time_from_the_flow_body():
    steps = {"run_flow": {"seconds": 10.0, "calls": 1}, "flow_body": {"seconds": 8.0, "calls": 1},
             "call:extract_batch": {"seconds": 6.5, "calls": 2}, "body:extract_batch": {"seconds": 6.0, "calls": 2}}
    out = prefect_overhead({"steps": steps}, 20)
    assert out["flow_engine_s"] == 2.0 and out["task_engine_s"] == 0.5
    assert out["overhead_s"] == 2.5 and out["flow_body_outside_tasks_s"] == 1.5
    assert out["outside_task_bodies_s"] == 4.0


def test_replicas_get_new_ids_and_one_changed_line():
    base = [corpus.BenchArticle("x", "u", "First line.\n\nLast line.")]
    arts = list(corpus.replicate(base, 28))
    assert arts[0] == base[0]
    assert arts[1].article_id == "x-r1" and arts[1].text == "First line.\n\nLast line. (Filed again, edition b.)"
    assert arts[27].text.endswith("edition ab.)")
    assert not any(ch.isdigit() for a in arts for ch in a.text)
    assert len({a.text for a in arts}) == 28


def test_statement_growth_is_the_per_quote_time_ratio():
    raw = {**RAW, "statements": {"seconds_by_quotes": {"10000": 10.0, "100000": 120.0}}}
    assert figures(raw)["statements_growth_10k_100k"] == 1.2
    assert figures({})["statements_growth_10k_100k"] is None
    assert "Statement linking scale" in markdown_table({"raw": raw, **figures(raw)})


def test_synthetic_quotes_are_deterministic_and_sized():
    from bench.statements_scale import synthetic_quotes

    a, b = synthetic_quotes(500), synthetic_quotes(500)
    assert a == b and len(a) == 500 and len({q.quote_id for q in a}) == 500
