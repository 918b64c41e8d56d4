"""Statement linking at scale: synthetic quotes, the real grouping code (issue 17).

A corpus grows over time: more quotes means more days and more speakers, not more quotes
per speaker per day, so the number of true candidates per quote stays the same and the
per-quote time should too (target: 10k -> 100k quotes, at most 1.5x per quote). Each
synthetic statement is reported about four times: verbatim, with words dropped, with a
changed number, truncated, now and then credited to another speaker.
"""
from __future__ import annotations

import datetime as dt
import random
import time

QUOTES_PER_DAY = 200
QUOTES_PER_SPEAKER = 50
FUNCTION = ["we", "will", "the", "and", "of", "to", "in", "that", "is", "not", "for", "our", "with", "it", "they"]
VOCABULARY = 20_000


def synthetic_quotes(n: int, seed: int = 17) -> list:
    from models import StatementQuote

    rng = random.Random(seed)
    days = max(1, n // QUOTES_PER_DAY)
    speakers = max(1, n // QUOTES_PER_SPEAKER)
    start = dt.date(2020, 1, 1)
    out: list = []
    s = 0
    while len(out) < n:
        day = start + dt.timedelta(days=rng.randrange(days))
        speaker = rng.randrange(speakers)
        words = [rng.choice(FUNCTION) if rng.random() < 0.4 else f"w{int(rng.paretovariate(1.0) * 200) % VOCABULARY}"
                 for _ in range(rng.randint(8, 20))]
        variants = [words, [w for i, w in enumerate(words) if i % 5 != 3], words[: max(4, len(words) * 2 // 3)],
                    words + [str(rng.randint(2, 99))]]
        for k, v in enumerate(variants[: rng.randint(1, 4)]):
            who = speaker if rng.random() > 0.05 else rng.randrange(speakers)
            out.append(StatementQuote(f"q{s}-{k}", f"a{len(out) // 8}", f"sp{who}", f"Speaker {who}", "direct",
                                      " ".join(v), day + dt.timedelta(days=rng.randint(0, 1)), None, None,
                                      f"Speaker {who}", 0.87))
        s += 1
    return out[:n]


def measure(sizes=(10_000, 100_000)) -> dict:
    from tasks.linking.quote_words import quote_words
    from tasks.linking.statements import link_statements

    out: dict = {"seconds_by_quotes": {}, "wall_seconds_by_quotes": {}, "statements": {}, "discrepancies": {}}
    for n in sizes:
        quotes = synthetic_quotes(n)
        quote_words.cache_clear()
        # CPU time of this process: on a shared machine wall time measures the neighbours too.
        started, cpu = time.perf_counter(), time.process_time()
        links = link_statements(quotes, [q.quote_id for q in quotes])
        out["seconds_by_quotes"][n] = round(time.process_time() - cpu, 3)
        out["wall_seconds_by_quotes"][n] = round(time.perf_counter() - started, 3)
        out["statements"][n] = len(links.statements)
        out["discrepancies"][n] = len(links.discrepancies)
        print(f"  {n:>9,} quotes: {out['seconds_by_quotes'][n]:.2f} s CPU ({out['wall_seconds_by_quotes'][n]:.2f} s wall), "
              f"{len(links.statements):,} statements, "
              f"{len(links.discrepancies):,} quote discrepancies", flush=True)
    out["incremental"] = measure_incremental(quotes, links)
    first, last = sizes[0], sizes[-1]
    out["growth_per_quote"] = round((out["seconds_by_quotes"][last] / last) / (out["seconds_by_quotes"][first] / first), 3)
    return out


def measure_incremental(known: list, links, n_new: int = 1000) -> dict:
    """A later run: `n_new` quotes of the latest week into the grouped `known` ones (what a
    scheduled run does); only the weeks around them are tokenised and regrouped."""
    from tasks.linking.quote_words import quote_words
    from tasks.linking.statements import link_statements

    where = {q: (s, r) for q, s, r in links.assignments}
    stored = [q._replace(statement_id=where[q.quote_id][0], statement_relation=where[q.quote_id][1]) for q in known]
    last = max(q.published_date for q in known)
    new = [q._replace(quote_id="new-" + q.quote_id, article_id="new-" + q.article_id, published_date=last)
           for q in synthetic_quotes(n_new, seed=71)]
    quote_words.cache_clear()
    cpu = time.process_time()
    again = link_statements(stored + new, [q.quote_id for q in new])
    seconds = round(time.process_time() - cpu, 3)
    print(f"  +{n_new:,} new quotes into {len(known):,}: {seconds:.2f} s CPU, {again.quotes_indexed:,} quotes "
          f"indexed, {len(again.replaced):,} statements rewritten", flush=True)
    return {"known": len(known), "new": n_new, "seconds": seconds, "quotes_indexed": again.quotes_indexed,
            "statements_rewritten": len(again.replaced)}


if __name__ == "__main__":
    print(measure())
