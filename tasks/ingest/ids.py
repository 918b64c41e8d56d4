"""Article ids that stay unique when files in different folders share a name.

The contract's id is the file stem (JSONL: `<stem>:<line>`), and it stays so whenever the
stem is unique. `a/story.txt` and `b/story.txt` used to both become `story`, the second
silently replacing the first. Now a file keeps the key it was first given (stored in
`source_files.article_key`, migration 005, filled with the stems for existing warehouses
so their ids do not change); a new file whose stem another file has, or had, takes its path
relative to the input folder instead (`b/story`, or `b/story.txt` beside `b/story.html`),
and failing that the stem with a short hash of its full path.
"""
from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from tasks.ingest.raw import article_stem


def relative_key(path: Path, root: Path, keep_suffix: bool = False) -> str:
    """`b/story` for `<root>/b/story.txt` (the suffix dropped as for the stem, unless kept:
    `b/story.txt` beside `b/story.html`)."""
    name = Path(path).name if keep_suffix else article_stem(Path(path))
    try:
        rel = Path(path).relative_to(root)
    except ValueError:
        return name
    return str(PurePosixPath(*rel.parent.parts, name))


def assign_keys(paths: Iterable[Path], root: Path, known: dict[str, str]) -> dict[str, str]:
    """Article key per new or changed file path (`known`: source path -> key already given).

    Deterministic: the same folder and warehouse give the same keys in any order.
    """
    paths = sorted(str(p) for p in paths)
    root = Path(root).parent if Path(root).is_file() else Path(root)
    owner = {key: path for path, key in known.items() if key}
    stems = Counter(article_stem(Path(p)) for p in paths)
    keys: dict[str, str] = {}
    for path in paths:
        if known.get(path):
            keys[path] = known[path]
            continue
        stem = article_stem(Path(path))
        candidates = [relative_key(Path(path), root), relative_key(Path(path), root, keep_suffix=True),
                      f"{stem}-{hashlib.sha1(path.encode()).hexdigest()[:8]}"]
        if stems[stem] == 1:
            candidates.insert(0, stem)
        key = next((c for c in candidates if owner.get(c, path) == path), candidates[-1])
        owner[key] = path
        keys[path] = key
    return keys
