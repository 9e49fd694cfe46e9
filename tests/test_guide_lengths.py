"""`text-too-long`: a run-on sentence or a pasted wall of text, at its line (app/guide/lengths.py).

A 100 KB paragraph above the first skill was shown whole on the Phrases screen with no
word from `check`. The limits sit above anything the shipped guides hold.
"""

from __future__ import annotations

import pytest

from app.guide.lengths import MAX_BLOCK_CHARS, MAX_SENTENCE_WORDS
from tests.guide_helpers import REAL, check_cli, copy_tree

SKILLS, CHECKLIST = "skills/active-listening.md", "checklists/first-officer.md"
STAGE, SOURCES = "stairway/1-active-listening.md", "sources.md"
INTRO = "Listen far more than you talk. Keep your voice slow, low and calm: tone and pace " \
    "matter as much as words."  # the whole paragraph, line 12
SHOOTER = "- Never treat an active shooter as a barricaded subject. That was the failure at Uvalde."
WHY = "  - Why: It orders a feeling away. Most people get louder, not calmer."
WALL = "Calm. " * 20_000  # 120,000 characters; 119,999 once the last space goes


def words(n: int) -> str:
    return " ".join(["calm"] * n) + "."


def edit(root, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def sentence(what: str, n: int) -> str:
    return (f"a sentence of this {what} has {n} words, more than the {MAX_SENTENCE_WORDS} an "
            "officer reads at a glance: split it into shorter sentences")


def chars(what: str, n: int) -> str:
    return (f"this {what} has {n:,} characters, more than the {MAX_BLOCK_CHARS} an officer "
            "reads at a glance: cut it, or split it into list items")


@pytest.mark.parametrize(
    "rel, old, new, line, message",
    [
        # the skills file's advice above the first skill: a run-on sentence
        (SKILLS, INTRO, words(46), 12, sentence("paragraph", 46)),
        # a pasted wall of text there (what was shown whole)
        (SKILLS, INTRO, WALL, 12, chars("paragraph", 119_999)),
        # a checklist item
        (CHECKLIST, SHOOTER, f"{SHOOTER} {words(50)}", 16, sentence("list item", 50)),
        # an Avoid phrase's Why:, a sub-item, at its own line
        (STAGE, WHY, f"  - Why: {words(47)}", 69, sentence("list item", 47)),
        # many short sentences still make a wall: one item of 700 characters
        (CHECKLIST, SHOOTER, "- " + "Calm down now. " * 41, 16, chars("list item", 15 * 41 - 1)),
        # a script written without spaces is one "word": its length still counts
        (SKILLS, INTRO, "\u8bf7" * 601, 12, chars("paragraph", 601)),
    ],
)
def test_too_long_is_a_warning_at_its_line(tmp_path, monkeypatch, capsys, rel, old, new, line,
                                           message):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, rel, old, new)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/{rel}:{line}: {message}"])  # nothing else


@pytest.mark.parametrize(
    "rel, old, new",
    [
        # at the limits: fine
        (SKILLS, INTRO, words(MAX_SENTENCE_WORDS)),
        (SKILLS, INTRO, ("x" * 99 + " ") * 5 + "x" * (MAX_BLOCK_CHARS - 500)),
        # two sentences of 40 words: each is read alone
        (SKILLS, INTRO, words(40) + " " + words(40)),
        # a note for instructors in a checklist is never shown
        (CHECKLIST, "# First officer on scene\n", f"# First officer on scene\n\n{WALL}\n"),
        # a reference in sources.md is as long as its title
        (SOURCES, "Origin of the Behavioral Change Stairway Model;",
         "Origin of the Behavioral Change Stairway Model; " + words(120)),
    ],
)
def test_text_within_the_limits_or_a_reference_is_fine(tmp_path, monkeypatch, capsys, rel,
                                                       old, new):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, rel, old, new)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, [x for x in out if "at a glance" in x]) == (0, [])


def test_a_line_blamed_already_is_not_blamed_again(tmp_path, monkeypatch, capsys):
    """A Say phrase of 50 words is `phrase-too-long` (20 words at most), not also this."""
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, STAGE, "- What happened today?", f"- What happened today? {words(50)}")
    code, out = check_cli(root, monkeypatch, capsys)
    assert code == 1 and [x.split(": ")[1][:13] for x in out[:-1]] == ["phrase has 53"]
