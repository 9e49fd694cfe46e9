"""app/guide/names.py: the one rule for file names, held by `check` (name-unsafe) and by
`pack`. Before it, `check` passed names `pack` then refused (a QA pass, 2026-11-30)."""

from __future__ import annotations

import os

import pytest

from app.guide.checks import check
from tests.guide_helpers import VALID, copy_tree


@pytest.mark.parametrize(
    "name, why",
    [
        (b"situations/a:b.md", "it holds a colon"),  # a Windows stream, a drive on FAT
        (b"situations/x\\y.md", "it holds a backslash"),  # a folder on Windows
        (b"situations/" + b"l" * 236 + b".md", "it is longer than 240 characters"),
        (b"situations/tab\tname.md", "it holds a control character (U+0009)"),  # a tab
        (b"situations/caf\xe9.md", "it is not valid Unicode"),  # Latin-1 bytes, not UTF-8
        (b"situations/dot./x.md", "a part of it ends with a space or a dot"),  # Windows drops it
    ],
)
def test_check_names_what_pack_refuses(tmp_path, name, why):
    content = copy_tree(VALID, tmp_path / "c")
    source = next((content / "situations").glob("*.md")).read_bytes()
    path = os.fsencode(content) + b"/" + name
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:  # the same situation under another id
        f.write(source.replace(b"id: ", b"id: x", 1))
    report = check(content, "c")
    found = [p for p in report.guide.problems if p.code == "name-unsafe"]
    assert [(p.path, p.line) for p in found] == [(os.path.join("c", os.fsdecode(name)), 1)]
    assert f"cannot go in a guide pack ({why})" in found[0].message
    assert report.exit_code == 1


@pytest.mark.parametrize("name", ["situations/bridge.md", "stairway/3-rapport.md", "a b/c.md"])
def test_plain_names_pass(name):
    from app.guide.names import unsafe_reason

    assert unsafe_reason(name) is None


def test_packs_keep_their_name_api():
    from app.guide.names import unsafe_reason
    from app.packs import names

    assert names.unsafe_reason is unsafe_reason and names.fold("A\u0301") == "\u00e1"
