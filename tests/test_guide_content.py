"""The shipped guide: content/ passes check, and defects planted in a copy come back.

Plantings find their place in the real files (by heading or key), so they keep working
as instructors edit the guide.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import run_check
from app.guide import compile_guide
from app.guide.model import FILE, ITEM, WARNING
from tests.guide_helpers import REAL, copy_tree

HEADER = '---\nid: {id}\ntitle: Planted\nversion: "1.0"\nreviewed: 2026-01-01\nsources: []\n---\n'


def test_shipped_content_passes_check_with_only_the_summary_line():
    proc = subprocess.run(
        [sys.executable, "-m", "app", "check", "content"],
        cwd=REAL.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = proc.stdout.splitlines()
    assert proc.returncode == 0, proc.stdout
    assert len(lines) == 1 and re.fullmatch(r"checked \d+ files: no problems", lines[0])


@pytest.mark.parametrize(
    "folder",
    [
        "content",  # the built-in English guide (translations/ and keys/ are not part of it)
        "content/translations/es",  # the Spanish guide, checked like the English one
    ],
)
def test_each_shipped_guide_passes_check(folder):
    proc = subprocess.run(
        [sys.executable, "-m", "app", "check", folder],
        cwd=REAL.parent,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout
    assert proc.stdout.strip().endswith("no problems"), proc.stdout


def test_a_translation_beside_the_guide_is_not_read_as_part_of_it(tmp_path):
    root = copy_tree(REAL, tmp_path / "c")
    english = compile_guide(root)
    copy_tree(root / "stairway", root / "translations" / "xx" / "stairway")
    assert compile_guide(root).problems == english.problems == ()
    assert len(compile_guide(root).stages) == len(english.stages)


def test_shipped_content_loads_the_whole_guide():
    guide = compile_guide(REAL)
    assert [s.order for s in guide.stages] == [1, 2, 3, 4, 5]
    assert guide.skipped == ()
    assert all(any(p.kind == "say" for p in s.phrases) for s in guide.stages)
    assert guide.checklists and guide.situations and guide.skills and guide.sources


class Tree:
    """A copy of content/ to plant defects in; remembers where each should be reported."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.expected: list[str] = []

    def lines(self, rel: str) -> list[str]:
        return (self.root / rel).read_text(encoding="utf-8").split("\n")

    def save(self, rel: str, lines: list[str]) -> None:
        (self.root / rel).write_text("\n".join(lines), encoding="utf-8")

    def find(self, rel: str, pattern: str, start: int = 0) -> int:
        """0-based index of the first line from `start` matching the regex."""
        lines = self.lines(rel)
        for i in range(start, len(lines)):
            if re.search(pattern, lines[i]):
                return i
        raise AssertionError(f"{pattern!r} not in {rel}")

    def replace_line(
        self, rel: str, pattern: str, new: str, message: str, start_at: str | None = None
    ) -> None:
        start = self.find(rel, start_at) if start_at else 0
        i = self.find(rel, pattern, start)
        lines = self.lines(rel)
        lines[i] = new
        self.save(rel, lines)
        self.expect(rel, i + 1, message)

    def write(self, rel: str, text: str, line: int, message: str) -> None:
        (self.root / rel).parent.mkdir(parents=True, exist_ok=True)
        (self.root / rel).write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
        self.expect(rel, line, message)

    def expect(self, rel: str, line: int, message: str) -> None:
        self.expected.append(f"content/{rel}:{line}: {message}")


def _one_of(root: Path, folder: str, n: int) -> str:
    return sorted(
        p.relative_to(root).as_posix()
        for p in (root / folder).glob("*.md")
        if p.name != "README.md"
    )[n]


def test_every_defect_planted_in_a_copy_comes_back_on_its_own_line(tmp_path, monkeypatch):
    t = Tree(copy_tree(REAL, tmp_path / "content"))
    st = [_one_of(t.root, "stairway", n) for n in range(5)]
    sit = [_one_of(t.root, "situations", n) for n in range(3)]
    chk = _one_of(t.root, "checklists", 0)
    chk_id = t.lines(chk)[t.find(chk, r"^id:")].split(":", 1)[1].strip()

    # front matter: missing, not closed, not YAML, a required key missing
    t.write("checklists/zz-a.md", "# No header\n\n## A\n- [ ] x\n", 1, "front matter is missing")
    t.write(
        "checklists/zz-b.md",
        "---\nid: zz-b\ntitle: Open\n\n# Open\n",
        1,
        "front matter is not closed",
    )
    t.write(
        "checklists/zz-c.md",
        HEADER.format(id="zz-c").replace("Planted", "[Planted") + "## A\n- [ ] x\n",
        3,
        "front matter is not valid YAML",
    )
    lines = t.lines(sit[0])
    t.save(sit[0], [ln for ln in lines if not ln.startswith("version:")])
    t.expect(sit[0], 1, "front matter has no 'version'")
    # reviewed not a date / in the future; the version trap
    t.replace_line(st[0], r"^reviewed:", "reviewed: someday", "reviewed 'someday' is not a date")
    t.replace_line(
        st[1], r"^reviewed:", "reviewed: 2999-01-01", "reviewed 2999-01-01 is in the future"
    )
    t.replace_line(sit[1], r"^version:", "version: 1.10", "version 1.10 must be in quotes")
    # two files with the same id: the later path is reported
    t.write(
        "checklists/zz-d.md",
        HEADER.format(id=chk_id) + "## A\n- [ ] x\n",
        2,
        f"id '{chk_id}' is already used by {chk}",
    )
    # stages: stage 5's file says 4, so 4 repeats and 5 is missing
    t.replace_line(st[4], r"^stage:", "stage: 4", f"stage 4 is also used by {st[3]}")
    t.expect(st[0], 1, "no file for stage 5")
    # unknown source key, situation, skill, stage
    t.replace_line(chk, r"^sources:", "sources: [nobody-2000]", "unknown source 'nobody-2000'")
    i = t.find(st[2], r"^### ", t.find(st[2], r"^## Say"))
    lines = t.lines(st[2])
    t.save(st[2], lines[: i + 1] + ["Only for: nowhere"] + lines[i + 1 :])
    t.expect(st[2], i + 2, "unknown situation 'nowhere'")
    t.replace_line(
        st[3], r"^### ", "### Mind reading", "unknown skill 'Mind reading'", start_at=r"^## Say"
    )
    t.replace_line(
        sit[2], r"^### ", "### Stage Nine", "unknown stage 'Stage Nine'", start_at=r"^## Say"
    )
    # empty checklist item, phrase, heading
    t.replace_line(chk, r"^- \[ \] ", "- [ ]", "checklist item is empty")
    t.replace_line(st[4], r"^- ", "-", "phrase is empty", start_at=r"^## Say")
    t.replace_line(sit[2], r"^## Danger signs", "##", "heading is empty")
    # a stage without any Say phrase: drop everything from `## Say` to `## Avoid`
    lines = t.lines(st[1])
    say, avoid = t.find(st[1], r"^## Say"), t.find(st[1], r"^## Avoid")
    t.save(st[1], lines[:say] + lines[avoid:])
    t.expect(st[1], t.find(st[1], r"^# ") + 1, "stage '")
    # not UTF-8: the line of the bad byte
    t.write(
        "checklists/zz-e.md",
        HEADER.format(id="zz-e").encode() + b"## A\n- [ ] caf\xe9\n",
        9,
        "file is not valid UTF-8 (byte 0xe9)",
    )
    # a link to a content file that does not exist, under the title of a situation
    h1 = t.find(sit[1], r"^# ")
    lines = t.lines(sit[1])
    t.save(sit[1], lines[: h1 + 1] + ["", "See [this](../checklists/gone.md)."] + lines[h1 + 1 :])
    t.expect(sit[1], h1 + 3, "link '../checklists/gone.md' points to a file that does not exist")

    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    code = run_check("content", out)
    got = out.getvalue().splitlines()
    assert code == 1
    missing = [e for e in t.expected if not any(g.startswith(e) for g in got[:-1])]
    assert missing == [], "\n".join(got)
    # each defect is its own line
    matched = [next(g for g in got if g.startswith(e)) for e in t.expected]
    assert len(set(matched)) == len(t.expected)


# The severity of a problem decides what the officer still gets: a WARNING keeps the
# stage whole, an ITEM problem drops only what it is about, a FILE problem drops the stage.
@pytest.mark.parametrize(
    "old, new, severity",
    [
        # a dead link: reported, the stage still loads whole
        ("## Do\n", "## Do\n- See [the notes](../nowhere.md).\n", WARNING),
        # an unknown source key: reported, the stage still loads whole
        ("sources: [", "sources: [no-such-source, ", WARNING),
        # a reviewed date ahead of every clock on Earth: reported, the stage still loads
        (re.compile(r"reviewed: .*"), "reviewed: 2999-01-01", WARNING),
        # an unknown skill heading: its phrase is left out, the rest of the stage loads
        ("## Say\n\n### ", "## Say\n\n### No such skill\n- Planted.\n\n### ", ITEM),
        # a sub-item with no label: that phrase is left out, the rest of the stage loads
        ("## Say\n\n### ", "## Say\n\n### Open-ended questions\n- Planted.\n  - so?\n\n### ", ITEM),
        # nobody said who reviewed the file: the stage is left out
        (re.compile(r"reviewed_by: .*\n"), "", FILE),
    ],
)
def test_severity_decides_what_the_app_keeps(tmp_path, old, new, severity):
    root = copy_tree(REAL, tmp_path / "c")
    path = next((root / "stairway").glob("3-*.md"))
    text = path.read_text(encoding="utf-8")
    planted = (
        old.sub(new, text, count=1) if isinstance(old, re.Pattern) else text.replace(old, new, 1)
    )
    assert planted != text
    before = compile_guide(root)
    path.write_text(planted, encoding="utf-8")
    guide = compile_guide(root)
    mine = [p for p in guide.problems if p.path.endswith(path.name)]
    assert mine and {p.severity for p in mine} == {severity}, mine
    third = [s for s in guide.stages if s.order == 3]
    assert bool(third) is (severity != FILE)
    if severity == ITEM:
        texts = [p.text for p in third[0].phrases]
        assert "Planted." not in texts
        assert len(texts) == len(before.stages[2].phrases)  # nothing else went missing
        assert [x.file for x in guide.skipped if x.partial] == [f"stairway/{path.name}"]
