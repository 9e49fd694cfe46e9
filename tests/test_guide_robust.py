"""Whatever an instructor's editor does to a file, compiling reports problems, never crashes.

Deterministic random edits (fixed seeds) of the fixture tree and of the shipped guide:
the compile must finish, the parser's own safety net must never fire (that would be a
bug), and every problem must point at a real line of a real file.
"""

from __future__ import annotations

import io
import random

import pytest

from app.cli import run_check
from app.guide import compile_guide
from app.guide.codes import CODES
from app.guide.model import FILE, ITEM
from tests.guide_helpers import REAL, VALID, copy_tree

SNIPPETS = [
    "---",
    "#",
    "##",
    "###",
    "####",
    "- [ ]",
    "- [x] done",
    "-",
    "- ",
    "Only for: nowhere",
    "Only for:",
    ">",
    "> quoted",
    "```",
    "~~~",
    "[a](missing.md)",
    "[b](../sources.md#x)",
    "id: x",
    "stage: 9",
    "version: 1.10",
    "  - [ ] nested",
    "\t- tabbed",
    "\x00",
    "é ü 文字",
    "* * *",
    "1. one",
    "<div>",
    "## Say",
    "## Avoid",
    "### Rapport",
    "reviewed: 2999-01-01",
    "title: [open",
    'title: "open',
    "sources: [a, b",
    "? [x]\n: y",
    "&a x",
    "*a",
    "\ufeff",
    "\r",
    "## Move up when",
    "## Only for: x",
    "[ ]",
    "- [ ]\n- [ ]",
]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 4)):
        op = rng.randrange(6)
        i = rng.randrange(len(lines) + 1)
        if op == 0 and lines:
            del lines[min(i, len(lines) - 1)]
        elif op == 1 and lines:
            j = min(i, len(lines) - 1)
            lines.insert(j, lines[j])
        elif op == 2 and len(lines) > 1:
            j, k = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[j], lines[k] = lines[k], lines[j]
        elif op == 3:
            cut = rng.randrange(len(data) + 1)  # may cut a UTF-8 sequence in half
            return b"\n".join(lines)[:cut]
        elif op == 4 and lines:
            j = min(i, len(lines) - 1)
            lines[j] = lines[j][: rng.randrange(len(lines[j]) + 1)]
        else:
            lines.insert(i, rng.choice(SNIPPETS).encode())
    return b"\n".join(lines)


@pytest.mark.parametrize("source", [VALID, REAL], ids=["fixture", "shipped"])
@pytest.mark.parametrize("seed", range(25))
def test_random_edits_never_crash_and_point_at_real_lines(tmp_path, monkeypatch, source, seed):
    rng = random.Random(seed)
    root = copy_tree(source, tmp_path / "c")
    files = sorted(p for p in root.rglob("*.md") if p.name != "README.md")
    for path in rng.sample(files, rng.randint(1, 3)):
        path.write_bytes(_mutate(path.read_bytes(), rng))
    guide = compile_guide(root, shown="c")
    for p in guide.problems:
        assert "tell a developer" not in p.message, p
        assert p.severity == CODES[p.code].severity, p  # every problem is registered data
        rel = p.path[2:]
        target = root / rel
        if target.is_file():
            n_lines = target.read_bytes().count(b"\n") + 1
            assert 1 <= p.line <= n_lines, p
        else:
            assert (rel, p.code) == ("stairway", "stage-missing"), p
    # Severity alone decides what is kept: a file with a FILE problem of its own is left out
    # whole; a file with only ITEM problems loads in part; WARNINGs leave everything in.
    # (A missing stage is reported on a stage file but is the guide's problem.)
    own = [p for p in guide.problems if p.code != "stage-missing"]
    whole = {p.path[2:] for p in own if p.severity == FILE}
    part = {p.path[2:] for p in own if p.severity == ITEM} - whole
    assert {s.file for s in guide.skipped if not s.partial} == whole
    assert {s.file for s in guide.skipped if s.partial} == part
    assert whole.isdisjoint(m.file for m in guide.files)
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    code = run_check("c", out)
    assert code == (1 if guide.problems else 0)
    assert out.getvalue().splitlines()[-1].startswith("checked ")
