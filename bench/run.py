"""`python -m bench.run [--quick]`: every benchmark figure of issue 8 in one run.

Baseline and product run back to back in the same invocation and only their ratios are
headline figures: the machine is shared, so absolute seconds are noisy.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from bench import corpus, report
from bench.memory import ChildResult, run_child
from bench.prefect_server import local_server

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "bench" / "work"
RESULTS = ROOT / "bench" / "results" / "latest.json"


@dataclass(frozen=True)
class Sizes:
    throughput: int      # articles of the first run: re-runs, the Dask run (the 362 of issue 15)
    memory_small: int    # also the second throughput size (1k; its run is the memory baseline)
    memory_large: int
    crosscheck: tuple[int, ...]
    baseline_batch_size: int = 32
    dask_workers: int = 2


# Quick: two batches of 64 for the first run; memory compares 32 articles with those 128.
QUICK = Sizes(throughput=128, memory_small=32, memory_large=128, crosscheck=(10_000, 100_000, 1_000_000))
FULL = Sizes(throughput=362, memory_small=1000, memory_large=10_000, crosscheck=(10_000, 100_000, 1_000_000))


class Bench:
    def __init__(self, sizes: Sizes, work: Path, profile: bool):
        self.sizes = sizes
        self.work = work
        self.profile = profile
        self.base = corpus.load_base()
        self.server_env: dict[str, str] = {}
        self.raw: dict = {"sizes": sizes.__dict__ | {"crosscheck": list(sizes.crosscheck)}}
        self.notes: list[str] = []

    # -- helpers -----------------------------------------------------------------
    def folder(self, name: str, n: int, start: int = 0) -> tuple[Path, int, int]:
        path = self.work / "corpus" / name
        n_written, words = corpus.write_txt(corpus.replicate(self.base, n, start), path)
        return path, n_written, words

    def product(self, tag: str, input_dir: Path, warehouse: Path, warm: bool = True,
                profile: Path | None = None, dask: str | None = None) -> ChildResult:
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        env = dict(self.server_env) if warm else {"PREFECT_HOME": str(self.work / f"prefect-home-{tag}")}
        args = ["product", "--input", str(input_dir), "--warehouse", str(warehouse)]
        if profile:
            args += ["--profile", str(profile)]
        if dask:
            args += ["--dask", dask]
        child_env = {k: v for k, v in env.items() if k != "startup_seconds"}
        if not warm:
            os.environ.pop("PREFECT_API_URL", None)
        result = run_child(args, self.work / f"{tag}.json", env=child_env, cwd=ROOT)
        print(f"  {tag}: {result.wall_seconds:.1f} s ({result.tree_cpu_seconds:.0f} CPU-s), "
              f"peak tree RSS {result.peak_tree_rss_mib:.0f} MiB, "
              f"{result.report['summary'].get('articles_new')} new", flush=True)
        return result

    def baseline(self, input_dir: Path, tag: str = "baseline") -> ChildResult:
        args = ["baseline", "--input", str(input_dir), "--batch-size", str(self.sizes.baseline_batch_size),
                "--n-process", "2"]
        result = run_child(args, self.work / f"{tag}.json", cwd=ROOT)
        print(f"  baseline: {result.wall_seconds:.1f} s ({result.tree_cpu_seconds:.0f} CPU-s), "
              f"peak tree RSS {result.peak_tree_rss_mib:.0f} MiB", flush=True)
        return result

    # -- the measurements --------------------------------------------------------------
    def run_all(self, extras: bool = True) -> None:
        print("starting a local Prefect server ...", flush=True)
        with local_server() as server:
            self.server_env = server
            self.raw["prefect_server_startup_s"] = server["startup_seconds"]
            self.throughput_and_reruns()
            self.memory()
        if not extras:
            self.notes.append("cross-check scale and HTML extraction not run (--skip-extras)")
            return
        self.crosscheck()
        self.statements()
        self.html_extraction()
        self.date_finding()
        self.pathological()

    def date_finding(self) -> None:
        """Issue 12: date finding stays linear in the number of dates on one long text."""
        from bench.date_finding import measure

        print("date finding: 1k, 4k, 16k dates on one text ...", flush=True)
        self.raw["date_finding"] = measure()

    def statements(self) -> None:
        """Issue 17: statement grouping over synthetic quotes, 10k and 100k."""
        from bench.statements_scale import measure

        print("statement linking scale: 10,000 and 100,000 synthetic quotes", flush=True)
        self.raw["statements"] = measure((10_000, 100_000))

    def pathological(self) -> None:
        """Issue 16: quote-mark paths stay linear on adversarial articles."""
        from bench.pathological import measure

        print("pathological articles: unbalanced and dense quotation marks ...", flush=True)
        self.raw["pathological"] = measure(full=self.sizes is FULL)

    def html_extraction(self) -> None:
        """Issue 9: body extraction quality on the 181 AEB pages (not a speed figure)."""
        from bench.html_extraction import score_html_extraction

        print("HTML extraction: 181 AEB pages ...", flush=True)
        self.raw["html_extraction"] = score_html_extraction()

    def throughput_pair(self, n: int) -> tuple[Path, Path, dict]:
        """Bare nlp.pipe and a first `claimcheck run` on the same n articles, back to back."""
        inbox, n, words = self.folder(f"inbox-{n}", n)
        warehouse = self.work / "warehouse" / f"first-{n}.duckdb"
        print(f"throughput: {n} articles, {words:,} words", flush=True)
        base = self.baseline(inbox, f"baseline-{n}")
        first = self.product(f"first-{n}", inbox, warehouse)
        steps = first.report["steps"]
        raw = {
            "articles": n,
            "words": words,
            "baseline_wall_s": base.wall_seconds,
            "baseline_pipe_s": base.report["steps"]["pipe"]["seconds"],
            "baseline_load_s": base.report["steps"]["load_model"]["seconds"],
            "baseline_n_process": 2,
            "baseline_batch_size": self.sizes.baseline_batch_size,
            "product_wall_s": first.wall_seconds,
            "baseline_tree_cpu_s": base.tree_cpu_seconds,
            "product_tree_cpu_s": first.tree_cpu_seconds,
            "product_run_flow_s": steps["run_flow"]["seconds"],
            "product_peak_tree_rss_mib": first.peak_tree_rss_mib,
            "product_memory": memory_figures(first),
            "product_steps": steps,
            "product_summary": first.report["summary"],
        }
        return inbox, warehouse, raw

    def throughput_and_reruns(self) -> None:
        sizes = sorted({self.sizes.throughput, self.sizes.memory_small})
        by_size = {}
        for n in sizes:
            inbox, warehouse, raw = self.throughput_pair(n)
            by_size[n] = raw
            if n == self.sizes.throughput:
                first_inbox, first_warehouse = inbox, warehouse
                self.dask_throughput(inbox, n)
        self.raw["throughput_by_size"] = {str(n): raw for n, raw in by_size.items()}
        first = by_size[self.sizes.throughput]
        self.raw["throughput"] = first
        self.raw["prefect"] = prefect_overhead({"steps": first["product_steps"]}, first["articles"])
        self.first_memory = {n: raw["product_memory"] for n, raw in by_size.items()}
        self.reruns(first_inbox, first_warehouse, first["articles"])

    def dask_throughput(self, inbox: Path, n: int) -> None:
        """The same first run with extraction on a LocalCluster of worker processes on this machine."""
        from distributed import LocalCluster

        workers = self.sizes.dask_workers
        print(f"Dask LocalCluster ({workers} worker processes): {n} articles", flush=True)
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          dashboard_address=None) as cluster:
            result = self.product(f"dask-{n}", inbox, self.work / "warehouse" / f"dask-{n}.duckdb",
                                  dask=cluster.scheduler_address)
        self.raw["dask"] = {"articles": n, "workers": workers, "wall_s": result.wall_seconds,
                            "run_flow_s": result.report["steps"]["run_flow"]["seconds"],
                            "summary": result.report["summary"]}

    def reruns(self, inbox: Path, warehouse: Path, n: int) -> None:
        print(f"no-op re-runs over {n} files", flush=True)
        warm = self.product("noop-warm", inbox, warehouse)
        cold = self.product("noop-cold", inbox, warehouse, warm=False)
        self.raw["noop"] = {
            "files": n,
            "warm_wall_s": warm.wall_seconds,
            "warm_run_flow_s": warm.report["steps"]["run_flow"]["seconds"],
            "warm_model_loaded": warm.report["model_loaded"],
            "warm_spacy_imported": warm.report["spacy_imported"],
            "warm_steps": warm.report["steps"],
            "cold_wall_s": cold.wall_seconds,
            "cold_run_flow_s": cold.report["steps"]["run_flow"]["seconds"],
            "articles_skipped": warm.report["summary"].get("articles_skipped"),
        }

        new = max(1, round(n / 100))
        print(f"incremental: +{new} articles", flush=True)
        corpus.write_txt(corpus.replicate(self.base, new, start=n), inbox)
        inc = self.product("incremental", inbox, warehouse)
        self.raw["incremental"] = {
            "new_articles": new,
            "wall_s": inc.wall_seconds,
            "run_flow_s": inc.report["steps"]["run_flow"]["seconds"],
            "steps": inc.report["steps"],
            "summary": inc.report["summary"],
        }
        if self.profile:
            print("profiling a first run with pyinstrument ...", flush=True)
            out = ROOT / "bench" / "results" / "profile-first-run"
            self.product("profile", inbox, self.work / "warehouse" / "profile.duckdb", profile=out)
            self.notes.append(f"pyinstrument profile of a first run: {out.relative_to(ROOT)}.txt "
                              f"(HTML in bench/work/{out.name}.html)")

    def memory(self) -> None:
        sizes = self.sizes
        runs = {}
        for label, n in (("small", sizes.memory_small), ("large", sizes.memory_large)):
            if n in self.first_memory:
                runs[label] = {"articles": n, **self.first_memory[n], "reused": f"first run of {n}"}
                continue
            print(f"memory: {n} articles", flush=True)
            folder, n, _ = self.folder(f"memory-{n}", n)
            result = self.product(f"memory-{n}", folder, self.work / "warehouse" / f"memory-{n}.duckdb")
            runs[label] = {"articles": n, **memory_figures(result), "wall_s": result.wall_seconds}
            shutil.rmtree(folder)
        self.raw["memory"] = runs
        if (sizes.memory_small, sizes.memory_large) != (1000, 10_000):
            self.notes.append(f"memory compares {sizes.memory_small} and {sizes.memory_large} articles, "
                              "not 1k and 10k (`make bench` runs those)")

    def crosscheck(self) -> None:
        from bench.crosscheck_scale import measure

        print("cross-check scale: " + ", ".join(f"{n:,}" for n in self.sizes.crosscheck) + " claims", flush=True)
        try:
            self.raw["crosscheck"] = measure(self.sizes.crosscheck, self.work / "crosscheck")
        except ModuleNotFoundError as exc:
            self.notes.append(f"cross-check scale skipped: {exc}")


def memory_figures(result: ChildResult) -> dict:
    """The tree's peak (the target's figure), the run process's own high-water mark
    (ru_maxrss) and how the tree's peak split between the run process and its workers."""
    return {"peak_tree_rss_mib": result.peak_tree_rss_mib,
            "self_peak_rss_mib": result.report["self_peak_rss_mib"],
            "peak_split_mib": result.peak_split_mib}


def prefect_overhead(report_: dict, articles: int) -> dict:
    """Run time outside task bodies, split into Prefect's share and the flow body's own work."""
    steps = report_["steps"]

    def secs(key: str) -> float:
        return steps.get(key, {}).get("seconds", 0.0)

    run_flow = secs("run_flow")
    body = secs("flow_body")
    calls = sum(v["seconds"] for k, v in steps.items() if k.startswith("call:"))
    bodies = sum(v["seconds"] for k, v in steps.items() if k.startswith("body:"))
    return {
        "articles": articles,
        "run_flow_s": round(run_flow, 4),
        "flow_engine_s": round(run_flow - body, 4),      # flow run creation, states, logging set-up
        "task_engine_s": round(calls - bodies, 4),       # task runs: creation, state changes
        "flow_body_outside_tasks_s": round(body - calls, 4),  # warehouse open/commit, summaries (not Prefect)
        "overhead_s": round(run_flow - body + calls - bodies, 4),
        "outside_task_bodies_s": round(run_flow - bodies, 4),
        "task_calls": sum(v["calls"] for k, v in steps.items() if k.startswith("call:")),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, under 3 minutes")
    parser.add_argument("--profile", action="store_true", help="also profile a first run with pyinstrument")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--skip-extras", action="store_true",
                        help="skip the cross-check scale and HTML extraction figures (not NLP throughput)")
    parser.add_argument("--articles", type=int, help="override the first run's size (throughput, re-runs, Dask)")
    parser.add_argument("--memory-sizes", type=int, nargs=2, metavar=("SMALL", "LARGE"),
                        help="override the two memory sizes (full mode: 1000 10000)")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    if args.articles:
        sizes = replace(sizes, throughput=args.articles)
    if args.memory_sizes:
        sizes = replace(sizes, memory_small=args.memory_sizes[0], memory_large=args.memory_sizes[1])
    mode = "quick" if args.quick else "full"
    work = WORK / mode
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    started = dt.datetime.now(dt.UTC)
    results: dict = {"mode": mode, "created_at": started.strftime("%Y-%m-%d %H:%M UTC"),
                     "machine": report.machine_info(), "versions": report.versions()}
    bench = Bench(sizes, work, args.profile)
    bench.run_all(extras=not args.skip_extras)
    results.update(report.figures(bench.raw))
    if html := bench.raw.get("html_extraction"):
        # published for trafilatura 2.0.0 by the benchmark's README: F1 0.958
        results["html_extraction_f1"] = round(html["f1"], 4)
        results["html_extraction_f1_published_trafilatura"] = 0.958
    results["targets"] = {k: {"op": op, "value": v} for k, (op, v) in report.TARGETS.items()}
    results["notes"] = bench.notes
    results["raw"] = bench.raw
    results["bench_seconds"] = round((dt.datetime.now(dt.UTC) - started).total_seconds(), 1)
    report.write_results(results, args.out)
    print()
    print(report.markdown_table(results))
    print(f"\nwrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out} "
          f"in {results['bench_seconds']:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
