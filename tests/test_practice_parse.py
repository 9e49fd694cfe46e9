"""Practice scenarios: the parser, one `check` row per rule with its exact PATH:LINE, the
`dump` shape, and the shipped scenarios."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from app.cli import run_check
from app.guide import compile_guide
from app.guide.bundle import from_dict, pack, to_dict, unpack
from app.guide.model import BEST, HARMFUL
from tests.guide_helpers import REAL, VALID, copy_tree, edit

HERE = Path(__file__).parent / "fixtures" / "practice"
P = "practice/test.md"


@pytest.fixture
def root(tmp_path):
    """The valid guide fixture plus one two-turn scenario, as `c/`."""
    r = copy_tree(VALID, tmp_path / "c")
    (r / "practice").mkdir()
    shutil.copy(HERE / "test.md", r / P)
    return r


def check(root: Path, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(root.parent)
    out = io.StringIO()
    code = run_check(root.name, out)
    return code, out.getvalue().splitlines()


def test_fixture_parses_to_the_expected_scenario(root):
    guide = compile_guide(root)
    assert guide.problems == ()
    (scenario,) = to_dict(guide)["practice"]
    assert scenario == json.loads((HERE / "test.expected.json").read_text())


def test_scenarios_survive_the_bundle_both_ways(root):
    guide = compile_guide(root)
    assert from_dict(json.loads(json.dumps(to_dict(guide)))).practice == guide.practice
    assert unpack(json.loads(json.dumps(pack(guide)))).practice == guide.practice


def test_harmful_answers_may_break_the_writing_rules(root, monkeypatch):
    assert "- Harmful: Calm down." in (root / P).read_text()  # "calm down" is banned
    assert check(root, monkeypatch) == (0, ["checked 13 files: no problems"])


SAY = "- Best: You sound scared."
WHY = "  - Why: Names the feeling.\n"
TURN2_HARMFUL = "- Harmful: That's not true.\n  - Skill: none\n  - Why: Arguing starts a fight.\n"

CASES = [
    # the header needs `situation:` ...
    (("situation: suicidal\n", ""), 1, "front matter has no 'situation'", "key-missing"),
    # ... naming a situation file
    (("situation: suicidal", "situation: nowhere"), 4, "unknown situation 'nowhere'", None),
    # a turn without the person's line
    (("> Stay back!\n", ""), 15, "turn has no line for the person", "practice-no-line"),
    # an empty `>`
    (("> Stay back!", ">"), 16, "the person's line is empty", "practice-line-empty"),
    # only quote marks: no words
    (("> Stay back!", '> ""'), 16, "the person's line is empty", "practice-line-empty"),
    # two blockquotes in one turn
    (
        ("> Stay back!\n", "> Stay back!\n\n> Go away!\n"),
        18,
        "turn has two lines for the person (first on line 16)",
        "practice-line-twice",
    ),
    # an answer with no grade
    ((SAY, "- You sound scared."), 18, "answer must start with Best:", "practice-grade-unknown"),
    # a grade with no answer
    ((SAY, "- Best:"), 18, "answer is empty", "practice-answer-empty"),
    # one answer left in turn 2
    ((TURN2_HARMFUL, ""), 28, "turn has fewer than two answers (1)", "practice-few-answers"),
    # no Best: in turn 2
    (
        ("- Best: Are you thinking", "- Acceptable: Are you thinking"),
        28,
        "turn has no Best: answer",
        "practice-no-best",
    ),
    # Skill: missing
    (("  - Skill: Emotion labeling\n", ""), 18, "answer has no Skill", "practice-skill-missing"),
    # Why: missing
    ((WHY, ""), 18, "answer has no Why", "practice-why-missing"),
    # a skill the skills file does not define
    (("Skill: Emotion labeling", "Skill: Telepathy"), 19, "unknown skill 'Telepathy'", None),
    # a sub-item with another label
    (
        ("  - Why: Names the feeling.", "  - Note: Names the feeling."),
        20,
        "sub-item 'Note: Names the feeling.' must start with Skill: or Why:",
        "sub-item-label",
    ),
    # Why: twice
    ((WHY, WHY + "  - Why: Again.\n"), 21, "`Why:` appears twice", "sub-item-twice"),
    # Skill: with nothing after it
    (("  - Skill: Emotion labeling", "  - Skill:"), 19, "`Skill:` is empty", "sub-item-empty"),
    # a sub-item under a sub-item
    ((WHY, WHY + "    - Why: deeper\n"), 21, "a sub-item cannot have sub-items", None),
    # a banned word in a Best answer
    ((SAY, "- Best: Calm down, you sound scared."), 18, "Best answer uses 'Calm down'", None),
    # more than one breath in a Best answer (a warning: the turn stays)
    (
        (SAY, "- Best: " + "very " * 20 + "scared."),
        18,
        "Best answer has 21 words, more than the 20",
        "phrase-too-long",
    ),
    # an answer before the first turn
    (
        ("A man on a bridge. You have cover.\n", "A man on a bridge.\n\n- Best: Hello.\n"),
        15,
        "answer is not under a turn heading",
        "practice-outside-turn",
    ),
    # the Best answer again, graded Harmful: two buttons saying one thing (was no problem)
    (
        ("- Harmful: Calm down.", "- Harmful: you sound  scared."),
        24,
        "answer 'you sound scared.' is already in this turn (line 18, graded Best): the officer "
        "would see the same answer twice; delete one",
        "practice-answer-twice",
    ),
    # seven answers in one turn: a warning, the turn still plays (103 passed)
    (
        (WHY, WHY + "".join(f"- Acceptable: Okay {n}.\n  - Skill: none\n  - Why: Filler.\n"
                            for n in range(4))),
        15,
        "this turn has 7 answers: give three or four (at most 6)",
        "practice-many-answers",
    ),
    # a numbered answer (was "answer has no Skill" here, and "answer must start with Best:"
    # on its own `- Skill:` and `- Why:` lines, which fell out of the numbered item)
    (
        (SAY, "1. Best: You sound scared."),
        18,
        "this answer starts with a number (1. Best:). Start it with a dash instead",
        "practice-answer-numbered",
    ),
]


@pytest.mark.parametrize("change, line, message, code", CASES)
def test_each_defect_is_reported_at_its_line(root, monkeypatch, change, line, message, code):
    edit(root, P, *change)
    status, lines = check(root, monkeypatch)
    assert status == 1
    assert any(ln.startswith(f"c/{P}:{line}: {message}") for ln in lines), "\n".join(lines)
    if code:
        problems = [p for p in compile_guide(root).problems if p.path.endswith(P)]
        assert code in {p.code for p in problems}


def test_one_answer_three_times_is_named_twice_at_its_lines(root, monkeypatch):
    """The same answer graded Acceptable, Harmful and Best in one turn passed check."""
    for grade, old in (("Acceptable", SAY), ("Harmful", "- Acceptable: What's happening?"),
                       ("Best", "- Harmful: Calm down.")):
        edit(root, P, old, f"- {grade}: You sound scared.")
    assert check(root, monkeypatch) == (1, [
        f"c/{P}:21: answer 'You sound scared.' is already in this turn (line 18, graded "
        "Acceptable): the officer would see the same answer twice; delete one",
        f"c/{P}:24: answer 'You sound scared.' is already in this turn (line 18, graded "
        "Acceptable): the officer would see the same answer twice; delete one",
        "checked 13 files: 2 problems in 1 file",
    ])
    (scenario,) = compile_guide(root).practice
    assert len(scenario.turns) == 1  # the turn is left out, the rest plays


def test_too_many_answers_keep_the_turn(root):
    extra = "".join(f"- Acceptable: Okay {n}.\n  - Skill: none\n  - Why: Filler.\n"
                    for n in range(100))
    edit(root, P, WHY, WHY + extra)
    guide = compile_guide(root)
    assert [(p.line, p.code, p.severity) for p in guide.problems] == [
        (15, "practice-many-answers", "warning")]
    assert "this turn has 103 answers" in guide.problems[0].message
    assert len(guide.practice[0].turns[0].answers) == 103


@pytest.mark.parametrize("numbered, sub", [
    ("1. Best: You sound scared.", "  - Skill:"),  # sub-items indented for `- `: fall out
    ("1) Best: You sound scared.", "   - Skill:"),  # indented under the number: kept
])
def test_a_numbered_answer_is_one_problem_at_its_line(root, monkeypatch, numbered, sub):
    edit(root, P, "  - Skill: Emotion labeling", sub + " Emotion labeling")
    edit(root, P, SAY, numbered)
    if sub.startswith("   "):
        edit(root, P, WHY, " " + WHY)
    assert check(root, monkeypatch) == (1, [
        f"c/{P}:18: this answer starts with a number (1. Best:). Start it with a dash instead "
        "(- Best: ...), and put its - Skill: and - Why: lines under it, two spaces in",
        "checked 13 files: 1 problem in 1 file",
    ])


def test_a_broken_turn_is_left_out_and_the_rest_plays(root):
    edit(root, P, "Skill: Emotion labeling", "Skill: Telepathy")
    guide = compile_guide(root)
    (scenario,) = guide.practice
    assert [t.line for t in scenario.turns] == ["Nobody would miss me. Nobody at all."]
    assert [(s.file, s.partial) for s in guide.skipped] == [(P, True)]


@pytest.mark.parametrize(
    "change",
    [
        ("situation: suicidal", "situation: nowhere", 1),  # unknown situation: no home in the app
        ("- Best:", "- Good:", 2),  # every turn broken: nothing left to play
    ],
)
def test_a_scenario_that_cannot_play_is_left_out(root, change):
    edit(root, P, *change)
    guide = compile_guide(root)
    assert guide.practice == ()
    assert [(s.file, s.kind, s.partial) for s in guide.skipped] == [(P, "practice", False)]


def test_no_turns_at_all_is_reported_at_the_title(root, monkeypatch):
    text = (root / P).read_text()
    (root / P).write_text(text.split("## Turn 1")[0])
    status, lines = check(root, monkeypatch)
    assert status == 1
    assert lines[0].startswith(f"c/{P}:11: scenario has no turns that can be played")


# --- the shipped scenarios ---


@pytest.fixture(scope="module")
def real():
    return compile_guide(REAL)


def test_shipped_scenarios_pass_check(real):
    assert [str(p) for p in real.problems if "/practice/" in p.path] == []


def test_every_situation_has_a_scenario_of_eight_turns_or_more(real):
    assert len(real.practice) >= 7
    by_situation = {s.situation for s in real.practice}
    assert by_situation == {s.id for s in real.situations}
    for s in real.practice:
        assert len(s.turns) >= 8, s.id
        assert s.meta.sources and s.meta.reviewed_by, s.id
        for t in s.turns:
            assert 3 <= len(t.answers) <= 4, (s.id, t.line)
            grades = [a.grade for a in t.answers]
            assert BEST in grades and HARMFUL in grades, (s.id, t.line)
            assert all(a.why for a in t.answers), (s.id, t.line)
