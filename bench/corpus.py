"""Benchmark corpora: the 181 AEB articles, replicated to any size as a folder of files.

Copy k of an article gets a new id and one changed line, so its content hash (and file
name) differ from every other copy: the pipeline must treat it as a new article.
"""
from __future__ import annotations

import json
import string
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BASE_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "bench" / "corpus" / "aeb-181.jsonl"


@dataclass(frozen=True)
class BenchArticle:
    article_id: str
    url: str
    text: str

    @property
    def words(self) -> int:
        return len(self.text.split())


def load_base(path: Path = BASE_CORPUS) -> list[BenchArticle]:
    with path.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return [BenchArticle(r["id"], r.get("url") or "", r["text"]) for r in rows]


def copy_tag(k: int) -> str:
    """A letters-only tag for copy k (digits would add number claims to every copy)."""
    letters = string.ascii_lowercase
    out = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        out = letters[r] + out
    return out


def replicate(base: list[BenchArticle], n: int, start: int = 0) -> Iterator[BenchArticle]:
    """Articles start..start+n-1 of the endless replication of `base` (copy 0 is the original)."""
    for i in range(start, start + n):
        copy, idx = divmod(i, len(base))
        art = base[idx]
        if copy == 0:
            yield art
            continue
        lines = art.text.rstrip("\n").split("\n")
        lines[-1] = f"{lines[-1]} (Filed again, edition {copy_tag(copy)}.)"
        yield BenchArticle(f"{art.article_id}-r{copy}", art.url, "\n".join(lines))


def write_txt(articles: Iterator[BenchArticle], folder: Path) -> tuple[int, int]:
    """One `<id>.txt` per article with a URL header; returns (articles, words)."""
    folder.mkdir(parents=True, exist_ok=True)
    n = words = 0
    for art in articles:
        header = f"URL: {art.url}\n\n" if art.url else ""
        (folder / f"{art.article_id}.txt").write_text(header + art.text + "\n", encoding="utf-8")
        n += 1
        words += art.words
    return n, words


def read_texts(folder: Path) -> Iterator[str]:
    """The article texts of a bench folder as the baseline sees them (header stripped)."""
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith("URL: "):
            text = text.split("\n\n", 1)[1]
        yield text.rstrip("\n")
