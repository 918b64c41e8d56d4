"""Date finding on long texts: seconds per call at 1k, 4k and 16k dates (issue 12).

The overlap check between patterns was quadratic in the number of dates found (16k
dates: 12.7 s per call); it is now linear, so 4x the dates should cost about 4x.

    python -m bench.date_finding
"""
from __future__ import annotations

import json
import time

# Made-up sentence with two dates and a weekday, repeated.
SENTENCE = "On March 3, 2021 and 4 May 2020 the talks began, and they resume on Monday. "
SIZES = (1_000, 4_000, 16_000)


def measure(sizes=SIZES) -> dict:
    from tasks.claims.dates import _find_dates

    out: dict = {"seconds_by_dates": {}}
    for n in sizes:
        text = SENTENCE * (n // 2)
        start = time.perf_counter()
        found = len(_find_dates(text))
        out["seconds_by_dates"][n] = round(time.perf_counter() - start, 4)
        out.setdefault("found", {})[n] = found
    small, large = out["seconds_by_dates"][sizes[0]], out["seconds_by_dates"][sizes[-1]]
    out["growth_per_size_step"] = round((large / small) ** (1 / (len(sizes) - 1)), 2) if small else None
    return out


if __name__ == "__main__":
    print(json.dumps(measure(), indent=1))
