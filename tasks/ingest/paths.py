"""Untrusted paths (UI parameters) must resolve inside configured roots."""
from __future__ import annotations

from pathlib import Path

from models.errors import InputNotFound, PathOutsideRoot


def is_inside(path: Path, roots: list[Path]) -> bool:
    """Does `path`, symlinks and `..` resolved, sit under one of `roots`?"""
    resolved = Path(path).expanduser().resolve()
    return any(resolved.is_relative_to(Path(root).expanduser().resolve()) for root in roots)


def resolve_inside(path: Path, roots: list[Path], what: str) -> Path:
    """Resolve symlinks and `..` first, then require the result to sit under one of `roots`."""
    resolved = Path(path).expanduser().resolve()
    if is_inside(resolved, roots):
        return resolved
    allowed = ", ".join(str(Path(r).resolve()) for r in roots) or "(none configured)"
    raise PathOutsideRoot(f"{what} {path} resolves to {resolved}, outside the allowed folders: {allowed}")


def require_input(path: Path) -> Path:
    if not Path(path).exists():
        raise InputNotFound(f"input path {path} does not exist")
    return Path(path)
