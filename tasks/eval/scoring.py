"""Score extracted quotes, claims and discrepancies against an answer key.

The rules are those of the key's README (shared/gold/README.md): text is compared in its
folded form (straight quotes, one space per white-space run).
"""
from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tasks.ingest.textnorm import fold_for_matching


@dataclass
class KindScore:
    required: int = 0
    found: int = 0
    attributed: int = 0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else float("nan")

    @property
    def attribution(self) -> float:
        return self.attributed / self.found if self.found else float("nan")


@dataclass
class EvalReport:
    quote_recall: float = float("nan")
    quote_precision: float = float("nan")
    attribution_accuracy: float = float("nan")
    quotes_extracted: int = 0
    quotes_required: int = 0
    by_kind: dict[str, KindScore] = field(default_factory=dict)
    claim_recall: float = float("nan")
    claims_required: int = 0
    required_discrepancies: int = 0
    required_discrepancies_found: int = 0
    false_discrepancies: int = 0
    consistent_violations: int = 0
    corroborated_consistent: int = 0
    details: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out = {k: v for k, v in self.__dict__.items() if k not in ("by_kind", "details")}
        out["by_kind"] = {
            k: {"required": s.required, "found": s.found, "recall": s.recall, "attribution": s.attribution}
            for k, s in self.by_kind.items()
        }
        return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in out.items()}


def _fold(text: str | None) -> str:
    return fold_for_matching(text or "")


def quote_matches(extracted_text: str, contains: str) -> bool:
    """Found when the extracted text contains the key's piece, or lies in it covering half."""
    ext, key = _fold(extracted_text), _fold(contains)
    if not ext or not key:
        return False
    return key in ext or (ext in key and len(ext) * 2 >= len(key))


def _speaker_ok(extracted: str | None, entry: dict) -> bool:
    if entry.get("speaker") is None:  # a "no speaker" row ("analysts said"): right only unattributed
        return not extracted
    if not extracted:
        return False
    wanted = {entry["speaker"], *entry.get("speaker_alternatives", [])}
    return _fold(extracted).lower() in {_fold(w).lower() for w in wanted}


def _required(entry: dict) -> bool:
    return not entry.get("optional", False) and entry.get("required", True)


def score_quotes(gold: dict, quotes: list[dict], report: EvalReport) -> None:
    """`quotes`: dicts with article_id, text, speaker_name, kind."""
    entries = gold.get("quotes", [])
    scored = set(gold.get("articles") or {e["article"] for e in entries})
    by_article: dict[str, list[dict]] = defaultdict(list)
    for q in quotes:
        if q["article_id"] in scored:
            by_article[q["article_id"]].append(q)
    gold_by_article: dict[str, list[dict]] = defaultdict(list)
    for e in entries:
        gold_by_article[e["article"]].append(e)

    found = attributed = required = 0
    for e in entries:
        if not _required(e):
            continue
        ks = report.by_kind.setdefault(e["kind"], KindScore())
        required += 1
        ks.required += 1
        hits = [q for q in by_article[e["article"]] if quote_matches(q["text"], e["contains"])]
        if not hits:
            report.details.append(f"MISS  {e['article']} [{e['kind']}] {e['speaker']}: {e['contains']}")
            continue
        found += 1
        ks.found += 1
        if any(_speaker_ok(q.get("speaker_name"), e) for q in hits):
            attributed += 1
            ks.attributed += 1
        else:
            got = sorted({str(q.get("speaker_name")) for q in hits})
            report.details.append(f"WHO   {e['article']} [{e['kind']}] want {e['speaker']} got {got}: {e['contains']}")

    extracted = sum(len(v) for v in by_article.values())
    good = 0
    for article, qs in by_article.items():
        for q in qs:
            if any(quote_matches(q["text"], e["contains"]) for e in gold_by_article[article]):
                good += 1
            else:
                report.details.append(f"EXTRA {article} [{q['kind']}] {q.get('speaker_name')}: {q['text'][:90]}")
    report.quotes_required = required
    report.quotes_extracted = extracted
    report.quote_recall = found / required if required else float("nan")
    report.quote_precision = good / extracted if extracted else float("nan")
    report.attribution_accuracy = attributed / found if found else float("nan")


_PLURAL = re.compile(r"(?<=[a-z])s$")


def singular(unit: str | None) -> str:
    u = (unit or "").strip().lower()
    if u.endswith("ies") and len(u) > 4:
        return u[:-3] + "y"
    return _PLURAL.sub("", u) if not u.endswith("ss") else u


def _claim_value_matches(claim: dict, value: Any) -> bool:
    if isinstance(value, str):
        if claim.get("date_value") is None:
            return False
        precision = {4: "year", 7: "month", 10: "day"}[len(value)]
        iso = str(claim["date_value"])[: len(value)]
        return claim.get("date_precision") == precision and iso == value
    if claim.get("value_num") is None:
        return False
    return (
        math.isclose(float(claim["value_num"]), float(value["value"]), rel_tol=1e-6)
        and claim.get("hedge", "exact") == value.get("hedge", "exact")
        and singular(claim.get("unit")) == singular(value.get("unit"))
    )


def score_claims(gold: dict, claims: list[dict], bodies: dict[str, str], report: EvalReport) -> None:
    """`claims`: dicts with article_id, sentence, surface, start_char, end_char and values."""
    by_article: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        by_article[c["article_id"]].append(c)
    required = found = 0
    for e in gold.get("claims", []):
        if not _required(e):
            continue
        required += 1
        key = _fold(e["contains"])
        body = bodies.get(e["article"], "")
        where = _locate(body, key)
        ok = False
        for c in by_article[e["article"]]:
            in_sentence = key in _fold(c.get("sentence")) or (
                where is not None and c["start_char"] < where[1] and c["end_char"] > where[0]
            )
            if in_sentence and _claim_value_matches(c, e["value"]):
                ok = True
                break
        if ok:
            found += 1
        else:
            report.details.append(f"CLAIM {e['article']} [{e['kind']}] {e['value']}: {e['contains']}")
    report.claims_required = required
    report.claim_recall = found / required if required else float("nan")


def _locate(body: str, folded_key: str) -> tuple[int, int] | None:
    """Position of a folded phrase in the (unfolded) body: folds with an index map."""
    chars: list[str] = []
    index: list[int] = []
    previous_space = False
    for i, ch in enumerate(body):
        if ch.isspace():
            if previous_space:
                continue
            ch, previous_space = " ", True
        else:
            previous_space = False
        chars.append(ch)
        index.append(i)
    folded = "".join(chars)
    pos = folded.find(folded_key)
    if pos < 0 or not folded_key:
        return None
    return index[pos], index[pos + len(folded_key) - 1] + 1


def _side_key(label: str) -> str:
    return " ".join(singular(w) for w in _fold(label).lower().split())


def score_discrepancies(gold: dict, discrepancies: list[dict], facts: list[dict], report: EvalReport) -> None:
    """`discrepancies`: dicts with discrepancy_id, severity and members [(article_id, side)]."""
    gold_items = gold.get("discrepancies", [])
    matched_ids: set[str] = set()
    for g in gold_items:
        wanted = {_side_key(side): set(arts) for side, arts in g["sides"].items()}
        hit = None
        for d in discrepancies:
            sides: dict[str, set[str]] = defaultdict(set)
            for article_id, side in d["members"]:
                sides[_side_key(side)].add(article_id)
            if all(key in sides and arts <= sides[key] for key, arts in wanted.items()):
                hit = d
                break
        if g.get("required"):
            report.required_discrepancies += 1
        if hit is None:
            if g.get("required"):
                report.details.append(f"DISC  missing required {g['id']}")
            continue
        severity_ok = hit["severity"] == g["severity"] if g.get("required") else (
            g["severity"] != "low" or hit["severity"] != "high"
        )
        if severity_ok:
            matched_ids.add(hit["discrepancy_id"])
            if g.get("required"):
                report.required_discrepancies_found += 1
        else:
            report.details.append(f"DISC  {g['id']} found with severity {hit['severity']}, want {g['severity']}")
    for d in discrepancies:
        if d["discrepancy_id"] not in matched_ids:
            report.false_discrepancies += 1
            report.details.append(f"FALSE {d['severity']} {d.get('explanation', '')[:160]}")
    _score_consistent(gold, discrepancies, facts, report)


def _score_consistent(gold: dict, discrepancies: list[dict], facts: list[dict], report: EvalReport) -> None:
    """A consistent fact is corroborated when one corroborated fact spans all its articles."""
    for c in gold.get("consistent", []):
        arts = set(c["articles"])
        if len(arts) > 1 and any(f["status"] == "corroborated" and arts <= set(f["articles"]) for f in facts):
            report.corroborated_consistent += 1


def format_report(report: EvalReport, verbose: bool = False) -> str:
    def pct(x: float) -> str:
        return "  n/a" if isinstance(x, float) and math.isnan(x) else f"{x:5.3f}"

    lines = [
        f"quotes   recall {pct(report.quote_recall)}  precision {pct(report.quote_precision)}  "
        f"attribution {pct(report.attribution_accuracy)}  "
        f"(required {report.quotes_required}, extracted {report.quotes_extracted})",
    ]
    for kind, s in sorted(report.by_kind.items()):
        lines.append(f"  {kind:<9} recall {pct(s.recall)}  attribution {pct(s.attribution)}  ({s.found}/{s.required})")
    if report.claims_required:
        lines.append(f"claims   recall {pct(report.claim_recall)}  (required {report.claims_required})")
    if report.required_discrepancies or report.false_discrepancies:
        lines.append(
            f"discrepancies required found {report.required_discrepancies_found}/{report.required_discrepancies}"
            f"  false {report.false_discrepancies}  consistent corroborated {report.corroborated_consistent}"
        )
    if verbose:
        lines.extend(sorted(report.details))
    return "\n".join(lines)
