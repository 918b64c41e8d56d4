"""Untrusted paths: `..`, symlinks and look-alike prefixes must not leave the allowed roots."""
from __future__ import annotations

import pytest

from models.errors import InputNotFound, PathOutsideRoot
from tasks.ingest.paths import is_inside, require_input, resolve_inside


@pytest.fixture()
def tree(tmp_path):
    (tmp_path / "data" / "articles").mkdir(parents=True)
    (tmp_path / "data" / "articles" / "a.txt").write_text("Title\n\nBody.")
    (tmp_path / "data2").mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    return tmp_path


def test_paths_inside_resolve_to_absolute_paths(tree):
    root = tree / "data"
    assert resolve_inside(root / "articles", [root], "input path") == (root / "articles").resolve()
    assert resolve_inside(root, [root], "input path") == root.resolve()
    # `..` that stays inside is fine
    assert resolve_inside(root / "articles" / ".." / "articles" / "a.txt", [root], "input path") == (
        root / "articles" / "a.txt"
    ).resolve()


@pytest.mark.parametrize("relative", ["data/../secret.txt", "data/articles/../../secret.txt", "data2", "/etc"])
def test_paths_outside_are_refused_with_the_allowed_folders_named(tree, relative):
    with pytest.raises(PathOutsideRoot) as err:
        resolve_inside(tree / relative, [tree / "data"], "input path")
    message = str(err.value)
    assert message.startswith("input path ") and "outside the allowed folders" in message
    assert str((tree / "data").resolve()) in message


def test_symlinks_are_judged_by_their_target(tree):
    (tree / "data" / "articles" / "leak.txt").symlink_to(tree / "secret.txt")
    (tree / "data" / "outside").symlink_to(tree / "data2", target_is_directory=True)
    (tree / "elsewhere").symlink_to(tree / "data" / "articles", target_is_directory=True)
    with pytest.raises(PathOutsideRoot):
        resolve_inside(tree / "data" / "articles" / "leak.txt", [tree / "data"], "input path")
    with pytest.raises(PathOutsideRoot):
        resolve_inside(tree / "data" / "outside", [tree / "data"], "input path")
    # a link from outside pointing inside is allowed: what counts is where the bytes are
    assert resolve_inside(tree / "elsewhere", [tree / "data"], "input path") == (tree / "data" / "articles").resolve()


def test_no_roots_means_nothing_is_allowed(tree):
    with pytest.raises(PathOutsideRoot, match=r"\(none configured\)"):
        resolve_inside(tree / "data", [], "warehouse path")


def test_missing_input_is_named(tree):
    with pytest.raises(InputNotFound, match="does not exist"):
        require_input(tree / "data" / "nope")
    assert require_input(tree / "data") == tree / "data"


def test_is_inside_follows_links(tree):
    (tree / "data" / "articles" / "leak.txt").symlink_to(tree / "secret.txt")
    assert is_inside(tree / "data" / "articles" / "a.txt", [tree / "data"])
    assert not is_inside(tree / "data" / "articles" / "leak.txt", [tree / "data"])
    assert not is_inside(tree / "data2", [tree / "data"])  # a look-alike prefix is not inside
    assert is_inside(tree / "data2", [tree / "data", tree / "data2"])
