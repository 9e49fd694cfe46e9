"""Parser driven by fixture files: Markdown in, expected model (JSON) out.

Each case drops one Markdown file from tests/fixtures/guide/parse/ into a copy of the
small valid tree (tests/fixtures/guide/valid/) and compares everything the guide took
from that file with `<case>.expected.json`. To rewrite the expected files after a
deliberate change: STAIRWAY_REGEN=1 pytest tests/test_guide_parse.py, then read the diff.
"""

from __future__ import annotations

import json
import os

import pytest

from app.guide import compile_guide
from app.guide.model import AVOID, SAY
from tests.guide_helpers import FIXTURES, VALID, copy_tree, edit, unit

PARSE = FIXTURES / "parse"

CASES = [
    # stage: Only for on ## Say and on ###, quote as phrase, skill by id and in capitals,
    # [x] item, two-line item, repeated item text gets a -2 id, "What to do" alias;
    # v2: reviewed_by / approved_by, Caution and Not for sub-items on a sign, Why on a Say
    # phrase, slots, Not for under ## Avoid, an Avoid phrase with no group and one in the
    # group "Promises", labels in any case
    ("stage-rich", "stairway/3-rapport.md"),
    # checklist: paragraphs and comments are not items, Only for covers its whole ##,
    # plain `-` items are reminders (tick False), order from front matter; an item's own
    # `Only for:` wins over its heading's, Caution sub-item, Not for under a ##
    ("checklist-sections", "checklists/first-officer.md"),
    # situation: summary from the intro, stages named by title, lower case, "Stage 3"
    # and number; optional #### skill (Say) or group (Avoid); phrases go to those stages
    # for this situation only; a slot
    ("situation-refs", "situations/suicidal.md"),
    # skills: one ## per skill, description, When to use, Examples; intro ignored
    ("skills-two", "skills/active-listening.md"),
    # sources: `key`: reference, also with a dash; intro paragraph ignored
    ("sources-list", "sources.md"),
]


def _compile_case(tmp_path, name: str, rel: str, transform=None):
    root = copy_tree(VALID, tmp_path / "c")
    data = (PARSE / f"{name}.md").read_bytes()
    (root / rel).write_bytes(transform(data) if transform else data)
    return compile_guide(root, shown="c")


@pytest.mark.parametrize(("name", "rel"), CASES)
def test_fixture_parses_to_expected_model(tmp_path, name, rel):
    guide = _compile_case(tmp_path, name, rel)
    assert [str(p) for p in guide.problems] == []
    got = unit(guide, rel)
    expected_path = PARSE / f"{name}.expected.json"
    if os.environ.get("STAIRWAY_REGEN"):
        expected_path.write_text(
            json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    assert got == json.loads(expected_path.read_text(encoding="utf-8"))


ENCODINGS = [
    # Windows line endings: same model, same lines
    ("crlf", lambda b: b.replace(b"\n", b"\r\n")),
    # a UTF-8 byte order mark (Notepad) is not part of the front matter
    ("bom", lambda b: b"\xef\xbb\xbf" + b),
]


@pytest.mark.parametrize(("label", "transform"), ENCODINGS)
def test_line_endings_and_bom_do_not_change_the_model(tmp_path, label, transform):
    plain = unit(
        _compile_case(tmp_path / "a", "stage-rich", "stairway/3-rapport.md"),
        "stairway/3-rapport.md",
    )
    guide = _compile_case(tmp_path / "b", "stage-rich", "stairway/3-rapport.md", transform)
    assert [str(p) for p in guide.problems] == []
    assert unit(guide, "stairway/3-rapport.md") == plain


def test_stage_phrases_merge_stage_file_and_situation_files(tmp_path):
    guide = _compile_case(tmp_path, "situation-refs", "situations/suicidal.md")
    third = next(s for s in guide.stages if s.order == 3)
    files = [p.file for p in third.phrases]
    # the stage's own phrases come first, then the situation's, each in file order
    assert files == ["stairway/3-rapport.md"] * 3 + ["situations/suicidal.md"]
    extra = third.phrases[-1]
    assert (extra.text, extra.kind, extra.skill, extra.situations, extra.slots) == (
        "Tell me about [their kids].",
        SAY,
        None,
        ("suicidal",),
        ("their kids",),
    )
    fourth = next(s for s in guide.stages if s.order == 4)
    got = [(p.kind, p.skill, p.group) for p in fourth.phrases if p.file.startswith("situations")]
    assert got == [(AVOID, None, "Questions that judge")]


YAML_TRAPS = [
    # `no` stays the word, not False
    ("title: no", "title", "no"),
    # a quoted version keeps its trailing zero
    ('version: "1.10"', "version", "1.10"),
    # a title that YAML would read as a number stays as written
    ("title: 08", "title", "08"),
    # a quoted date is still a date
    ('reviewed: "2026-01-05"', "reviewed", "2026-01-05"),
]


@pytest.mark.parametrize(("line", "key", "value"), YAML_TRAPS)
def test_front_matter_values_are_read_as_written(tmp_path, line, key, value):
    root = copy_tree(VALID, tmp_path / "c")
    path = root / "situations" / "hostage.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines = [line if ln.startswith(f"{key}:") else ln for ln in lines]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    guide = compile_guide(root, shown="c")
    assert [str(p) for p in guide.problems] == []
    meta = next(m for m in guide.files if m.file == "situations/hostage.md")
    assert getattr(meta, key) == value


def test_readme_files_are_skipped_and_every_file_keeps_its_meta(tmp_path):
    root = copy_tree(VALID, tmp_path / "c")
    (root / "stairway" / "README.md").write_text("not front matter\n", encoding="utf-8")
    guide = compile_guide(root, shown="c")
    assert guide.problems == ()
    assert [m.file for m in guide.files] == sorted(
        p.relative_to(root).as_posix() for p in root.rglob("*.md") if p.name != "README.md"
    )


def _ids(root) -> dict[str, str]:
    guide = compile_guide(root, shown="c")
    assert guide.problems == ()
    return {p.id: p.text for s in guide.stages for p in s.phrases}


def test_phrase_ids_do_not_depend_on_lines_or_files(tmp_path):
    root = copy_tree(VALID, tmp_path / "c")
    before = _ids(root)
    # lines move: a new Do item and blank lines above every phrase of the stage file
    edit(root, "stairway/3-rapport.md", "## Do\n", "## Do\n- Breathe.\n\n\n")
    # the same phrase moves to another file: a situation that adds it to stage 3
    edit(root, "stairway/3-rapport.md", "- You sound worn out (3).\n", "- Other (3).\n")
    edit(
        root,
        "situations/hostage.md",
        "## Priorities",
        "## Say\n### 3\n#### Emotion labeling\n- You sound worn out (3).\n\n## Priorities",
    )
    after = _ids(root)
    assert after["3-say-you-sound-worn-out-3"] == "You sound worn out (3)."
    assert set(before) - set(after) == set() and set(after) - set(before) == {"3-say-other-3"}


def test_phrase_ids_are_unique_across_the_guide(tmp_path):
    root = copy_tree(VALID, tmp_path / "c")
    # the same Say phrase twice in stage 3: once in the stage file, once for a situation
    edit(
        root,
        "situations/hostage.md",
        "## Priorities",
        "## Say\n### Rapport\n#### Emotion labeling\n- You sound worn out (3).\n\n## Priorities",
    )
    guide = compile_guide(root, shown="c")
    ids = [p.id for s in guide.stages for p in s.phrases]
    assert len(ids) == len(set(ids))
    assert [i for i in ids if i.startswith("3-say-you-sound-worn-out-3")] == [
        "3-say-you-sound-worn-out-3",
        "3-say-you-sound-worn-out-3-2",
    ]
    # a long phrase is cut, with a hash of the whole text so ids do not depend on order
    long_a = "It sounds like " + "very " * 12 + "tired today."
    long_b = "It sounds like " + "very " * 12 + "angry today."
    edit(root, "stairway/2-empathy.md", "- You sound worn out (2).", f"- {long_a}\n- {long_b}")
    guide = compile_guide(root, shown="c")
    cut = [p.id for s in guide.stages for p in s.phrases if p.text in (long_a, long_b)]
    assert len(set(cut)) == 2 and all(len(i) <= 2 + 6 + 60 + 7 for i in cut)
