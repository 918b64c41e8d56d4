"""What runs inside a benchmark child process: the product (`claimcheck run`) or the baseline.

`python -m bench.child product --input DIR --warehouse FILE --out TIMES.json [--profile OUT]`
runs what `claimcheck run` runs (`claimcheck.runner.run_flow`) with timers around the flow body, around each task call (what the
flow sees) and around each task body (what Prefect runs), so Prefect's own share is
call time minus body time.
`python -m bench.child baseline --input DIR --out TIMES.json --batch-size N` is bare spaCy.
"""
from __future__ import annotations

import argparse
import functools
import json
import resource
import sys
import time
import types
from pathlib import Path

PROCESS_START = time.perf_counter()

def _timed(fn, times, name):
    def wrapper(*args, **kwargs):
        with times.step(name):
            return fn(*args, **kwargs)

    # Prefect resolves the string annotations (`from __future__ import annotations`) in
    # the function's globals: give the wrapper those of the function it wraps.
    globals_ = getattr(fn, "__globals__", None)
    if globals_ is not None:
        wrapper = types.FunctionType(wrapper.__code__, globals_, fn.__name__, None, wrapper.__closure__)
    return functools.wraps(fn)(wrapper)


def instrument_flow(times, submitted: tuple[str, ...] = ()) -> None:
    """Wrap the flow body and every task flows.verify calls (call and body) with timers.

    Tasks in `submitted` go to a task runner (Dask), which needs the Task itself: only
    their bodies are timed (on the workers, so not in this process's figures)."""
    from prefect import Task

    import flows.verify as fv

    for name, task in list(vars(fv).items()):
        if isinstance(task, Task):
            task.fn = _timed(task.fn, times, f"body:{name}")
            if name not in submitted:
                setattr(fv, name, _timed(task, times, f"call:{name}"))
    fv.verify_articles.fn = _timed(fv.verify_articles.fn, times, "flow_body")


def peak_rss_mib() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self_peak_rss_mib": round(own, 1), "children_peak_rss_mib": round(kids, 1)}


def run_product(args) -> dict:
    from bench.timing import StepTimes

    times = StepTimes()
    from claimcheck.cli import quiet_prefect

    quiet_prefect()
    from claimcheck.runner import prepare_run, run_flow

    # What `claimcheck run` does before it imports Prefect and the flow (the workers'
    # forkserver starts loading the model here); the flow is imported earlier than in the
    # CLI only so that its tasks can be timed.
    idle = prepare_run(Path(args.input), Path(args.warehouse))
    with times.step("import"):
        import flows.verify  # noqa: F401  (what `claimcheck run` imports before the flow)
    instrument_flow(times, submitted=("extract_batch",) if args.dask else ())

    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
    with times.step("run_flow"):
        summary = run_flow(Path(args.input), Path(args.warehouse), args.dask, idle=idle)
    if profiler is not None:
        profiler.stop()
        out = Path(args.profile)  # the text tree is kept in bench/results/, the HTML in bench/work/
        out.with_suffix(".txt").write_text(profiler.output_text(unicode=False, color=False, show_all=False))
        html = Path(__file__).parent / "work" / (out.stem + ".html")
        html.parent.mkdir(exist_ok=True)
        html.write_text(profiler.output_html())
    from tasks.nlp import load_nlp

    return {
        "summary": {k: v for k, v in summary.items() if k != "rejected"},
        "steps": times.as_dict(),
        "model_loaded": load_nlp.cache_info().currsize > 0,
        "spacy_imported": "spacy" in sys.modules,
        **peak_rss_mib(),
    }


def run_baseline(args) -> dict:
    from bench.corpus import read_texts
    from bench.timing import StepTimes

    times = StepTimes()
    with times.step("read"):
        texts = list(read_texts(Path(args.input)))
    with times.step("load_model"):
        import spacy

        from tasks.nlp import MODEL_NAME

        nlp = spacy.load(MODEL_NAME)
    with times.step("pipe"):
        n = sum(1 for _ in nlp.pipe(texts, n_process=args.n_process, batch_size=args.batch_size))
    return {"articles": n, "words": sum(len(t.split()) for t in texts), "steps": times.as_dict(), **peak_rss_mib()}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="bench.child")
    parser.add_argument("mode", choices=["product", "baseline"])
    parser.add_argument("--input", required=True)
    parser.add_argument("--warehouse")
    parser.add_argument("--out", required=True)
    parser.add_argument("--profile")
    parser.add_argument("--dask", help="Dask scheduler address for the product run")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--n-process", type=int, default=2)
    args = parser.parse_args(argv)
    result = run_product(args) if args.mode == "product" else run_baseline(args)
    result["process_seconds"] = round(time.perf_counter() - PROCESS_START, 4)
    Path(args.out).write_text(json.dumps(result, indent=2, default=str))


if __name__ == "__main__":
    main()
