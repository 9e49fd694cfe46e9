"""Degrade per item, and instructor errors in the order to fix them (issue 10).

An item-level problem leaves out that item alone; a stage that fails takes only its own
guidance with it (a situation that refers to it still loads). A file's own syntax
problem is listed first with "fix this first", and what only follows from it (unknown
references to its names, a missing stage number) is not listed at all.
"""

from __future__ import annotations

import re

import pytest

from app.guide import compile_guide
from app.guide.model import AVOID, SAY, Skipped
from tests.guide_helpers import REAL, VALID, check_cli, copy_tree, edit

FIX_FIRST = "(fix this first: other problems may follow from it)"


def test_an_item_problem_leaves_out_that_phrase_only(tmp_path):
    root = copy_tree(VALID, tmp_path / "c")
    edit(
        root,
        "stairway/2-empathy.md",
        "  - Why: An order to feel calm makes them feel unheard.\n",
        "",
    )
    guide = compile_guide(root)
    empathy = next(s for s in guide.stages if s.order == 2)
    assert [p.kind for p in empathy.phrases if p.file == "stairway/2-empathy.md"] == [SAY, SAY]
    assert empathy.signs and empathy.do  # the rest of the file is there
    assert guide.skipped == (Skipped("stairway/2-empathy.md", "stage", "Empathy", partial=True),)


def test_a_situation_whose_stage_failed_still_loads(tmp_path):
    root = copy_tree(VALID, tmp_path / "c")
    edit(root, "stairway/4-influence.md", "reviewed: 2026-11-01", "reviewed: soon")
    guide = compile_guide(root)
    assert [s.order for s in guide.stages] == [1, 2, 3, 5]
    assert [s.id for s in guide.situations] == ["hostage", "suicidal"]
    from_situation = [p for s in guide.stages for p in s.phrases if p.file.startswith("situ")]
    assert [p.stage for p in from_situation] == [1, 2]  # its stage-4 Avoid phrase is absent
    assert guide.skipped == (Skipped("stairway/4-influence.md", "stage", "Influence"),)
    assert [p.code for p in guide.problems] == ["reviewed-not-date"]


def _without_closing_dashes(root, rel: str) -> None:
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.pop([i for i, ln in enumerate(lines) if ln == "---"][1])
    path.write_text("\n".join(lines), encoding="utf-8")


def _replace_line(root, rel: str, pattern: str, new: str) -> int:
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    i = next(k for k, ln in enumerate(lines) if re.match(pattern, ln))
    lines[i] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return i + 1


def _most_named_situation(root) -> str:
    """The situation id named most often in `Only for:` / `Not for:` lines and sub-items."""
    names: dict[str, int] = {}
    for p in root.rglob("*.md"):
        for m in re.finditer(r"(?im)^\s*(?:- )?(?:only|not) for:(.*)$", p.read_text("utf-8")):
            for n in m.group(1).split(","):
                names[n.strip()] = names.get(n.strip(), 0) + 1
    return max(sorted(names), key=names.get)


def _bad_byte(root, rel: str) -> tuple[str, int]:
    """A byte that is not UTF-8 on the line after the front matter."""
    path = root / rel
    data = path.read_bytes()
    end = data.index(b"\n---\n", 3) + 5
    path.write_bytes(data[:end] + b"\xff\n" + data[end:])
    return rel, data[:end].count(b"\n") + 1


def _stage3(root) -> str:
    return next(root.glob("stairway/3-*.md")).relative_to(root).as_posix()


BROKEN_HEADERS = [
    # the closing `---` is missing: the file's one syntax problem, listed first
    (
        lambda root: _without_closing_dashes(root, _stage3(root)) or (_stage3(root), 1),
        "front matter is not closed: add a line `---` after the last key " + FIX_FIRST,
    ),
    # the stage number is not a number: situations still name the stage by its title
    (
        lambda root: (
            _stage3(root),
            _replace_line(root, _stage3(root), r"^stage:", "stage: three"),
        ),
        "stage 'three' is not a number: write 1 to 5",
    ),
    # "³" (AltGr+3 on a German keyboard) passes isdigit() but is no number: no traceback
    (
        lambda root: (
            _stage3(root),
            _replace_line(root, _stage3(root), r"^stage:", "stage: ³"),
        ),
        "stage '³' is not a number: write 1 to 5",
    ),
    # a YAML escape for half a character: it read fine, and then no guide could be saved or
    # shown ("The guide could not be loaded") while check said "no problems"
    (
        lambda root: (
            _stage3(root),
            _replace_line(root, _stage3(root), r"^title:", 'title: "Rap\\udcffport"'),
        ),
        "'title' holds \\udcff, which no screen can show: write the character itself, or "
        "remove it",
    ),
    (
        lambda root: (
            _stage3(root),
            _replace_line(root, _stage3(root), r"^reviewed_by:", 'reviewed_by: "A\\0B"'),
        ),
        "'reviewed_by' holds \\u0000, which no screen can show: write the character itself, "
        "or remove it",
    ),
    # the most referenced situation's id is broken: `Only for:` lines that name it are fine
    (
        lambda root: (
            rel := f"situations/{_most_named_situation(root)}.md",
            _replace_line(root, rel, r"^id:", "id: Broken Id"),
        ),
        "id 'Broken Id' must be lower case letters, digits and dashes, e.g. `id: active-listening`",
    ),
    # sources.md is not UTF-8: no file is blamed for citing a key it cannot read
    (
        lambda root: _bad_byte(root, "sources.md"),
        "file is not valid UTF-8 (byte 0xff): save it as UTF-8 in your editor " + FIX_FIRST,
    ),
]


@pytest.mark.parametrize("break_it, message", BROKEN_HEADERS)
def test_a_broken_header_is_the_only_line(tmp_path, monkeypatch, capsys, break_it, message):
    root = copy_tree(REAL, tmp_path / "content")
    rel, line = break_it(root)
    code, lines = check_cli(root, monkeypatch, capsys)
    assert code == 1
    assert lines[0] == f"content/{rel}:{line}: {message}"
    assert re.fullmatch(r"checked \d+ files: 1 problem in 1 file", lines[1]) and len(lines) == 2


def test_a_syntax_problem_is_listed_before_every_other_file(tmp_path, monkeypatch, capsys):
    root = copy_tree(REAL, tmp_path / "content")
    stage = _stage3(root)
    _without_closing_dashes(root, stage)
    checklist = next(root.glob("checklists/*.md")).relative_to(root).as_posix()
    line = _replace_line(root, checklist, r"^reviewed:", "reviewed: soon")
    code, lines = check_cli(root, monkeypatch, capsys)
    assert code == 1
    assert lines[:2] == [
        f"content/{stage}:1: front matter is not closed: add a line `---` after the last key "
        + FIX_FIRST,
        f"content/{checklist}:{line}: reviewed 'soon' is not a date: write it as YYYY-MM-DD, "
        f"e.g. `reviewed: {lines[1].rsplit('reviewed: ', 1)[-1][:10]}`",
    ]
    assert len(lines) == 3


def test_a_broken_skills_file_keeps_every_phrase(tmp_path):
    root = copy_tree(VALID, tmp_path / "c")
    (root / "skills" / "active-listening.md").write_bytes(b"---\nid: x\n\xff\n")
    guide = compile_guide(root, shown="c")
    assert [p.code for p in guide.problems] == ["not-utf8"]
    say = [p for s in guide.stages for p in s.phrases if p.kind == SAY and p.file[0] == "s"]
    assert {p.skill for p in say if p.file.startswith("stairway")} == {
        "emotion-labeling",
        "open-ended-questions",
    }
    assert len([p for s in guide.stages for p in s.phrases if p.kind == AVOID]) == 6
