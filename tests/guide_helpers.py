"""Shared helpers for the guide tests: a tmp copy of a fixture tree, one unit's dict."""

from __future__ import annotations

import shutil
from pathlib import Path

from app.guide.bundle import to_dict
from app.guide.model import Guide

FIXTURES = Path(__file__).parent / "fixtures" / "guide"
VALID = FIXTURES / "valid"
REAL = Path(__file__).resolve().parent.parent / "content"


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in one file; fails loudly if `old` is not there."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def insert_after(root: Path, rel: str, line: str, block: str) -> None:
    """Put `block` right after the first line of `rel` that starts with `line`."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(n for n, text in enumerate(lines) if text.startswith(line))
    lines.insert(at + 1, block)
    path.write_text("\n".join(lines), encoding="utf-8")


def line_of(root: Path, rel: str, needle: str) -> int:
    """1-based line of the first line of `rel` that contains `needle`."""
    for n, line in enumerate((root / rel).read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(f"{needle!r} not in {rel}")


def unit(guide: Guide, rel: str) -> dict:
    """Everything in the guide that came from one file, as plain dicts."""
    d = to_dict(guide)
    out: dict = {}
    for kind in ("stages", "checklists", "situations"):
        out[kind] = [x for x in d[kind] if x["meta"]["file"] == rel]
    for st in out["stages"]:
        st["phrases"] = [p for p in st["phrases"] if p["file"] == rel]
    out["phrases"] = [
        p
        for st in d["stages"]
        if st["meta"]["file"] != rel
        for p in st["phrases"]
        if p["file"] == rel
    ]
    out["skills"] = [s for s in d["skills"] if s["file"] == rel]
    out["sources"] = [s for s in d["sources"] if s["file"] == rel]
    out["meta"] = [m for m in d["files"] if m["file"] == rel]
    return {k: v for k, v in out.items() if v}


def check_cli(root: Path, monkeypatch, capsys) -> tuple[int, list[str]]:
    """`python -m app check <root's name>` run from root's parent, in process (app.cli.main
    is what `python -m app` runs): its exit code and printed lines."""
    from app.cli import main

    monkeypatch.chdir(root.parent)
    code = main(["check", root.name])
    return code, capsys.readouterr().out.splitlines()
