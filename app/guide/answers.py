"""A practice turn's answers: each list item graded `Best:`, `Acceptable:` or `Harmful:`,
with its `Skill:` and `Why:` sub-items, checked with every mistake at its line.

`t` is the turn being read (app.guide.practice): a problem sets `t.ok = False`, and the
turn is left out. Best and Acceptable answers are things to say, so the writing rules
(style.md) apply to them; Harmful answers show real mistakes and may break them.
"""

from __future__ import annotations

import re
from typing import Protocol

from app.guide.blocks import Block, slug
from app.guide.files import File
from app.guide.items import _banned, _length
from app.guide.model import ACCEPTABLE, BEST, Answer
from app.guide.reference import Vocab
from app.guide.style import plain
from app.guide.subitems import _short

GRADE_RE = re.compile(r"^(best|acceptable|harmful)\s*:(.*)$", re.I | re.S)
SUB_RE = re.compile(r"^(skill|why)\s*:(.*)$", re.I | re.S)
NO_SKILL = ("none", "no skill", "-")
MAX_ANSWERS = 6  # more do not fit a phone's screen with the line above them; 3 or 4 is best


class TurnRead(Protocol):
    """The turn being read (app.guide.practice._Turn)."""

    items: list[Block]
    ok: bool


def answer_items(f: File, t: TurnRead) -> list[Block]:
    """The turn's answers. One written as a numbered list item (`1. Best: ...`) is reported
    once: its `- Skill:` and `- Why:` lines, indented for a `- ` item, fall out of it as
    items of their own and are not reported again (nor is what they leave it without)."""
    out: list[Block] = []
    numbered = False
    for b in t.items:
        if numbered and SUB_RE.match(b.text):
            continue  # the numbered answer's own sub-item, out of its place
        numbered = b.ordered
        if numbered:
            grade = grade_of(b).capitalize() or "Best"
            f.add(
                b.line,
                "practice-answer-numbered",
                f"this answer starts with a number (1. {grade}:). Start it with a dash "
                f"instead (- {grade}: ...), and put its - Skill: and - Why: lines under it, "
                "two spaces in",
            )
            t.ok = False
        out.append(b)
    return out


def repeats(f: File, t: TurnRead, items: list[Block]) -> None:
    """The same answer twice in one turn (whatever its grades): the officer would see two
    buttons saying one thing, one of them perhaps Best and the other Harmful."""
    seen: dict[str, tuple[int, str]] = {}
    for b in items:
        m = GRADE_RE.match(b.text)
        text = " ".join(m.group(2).split()) if m else ""
        if not text:
            continue
        key = plain(text).casefold()
        if key not in seen:
            seen[key] = (b.line, m.group(1).capitalize())
            continue
        first, grade = seen[key]
        f.add(
            b.line,
            "practice-answer-twice",
            f"answer '{_short(text)}' is already in this turn (line {first}, graded "
            f"{grade}): the officer would see the same answer twice; delete one",
        )
        t.ok = False


def grade_of(b: Block) -> str:
    m = GRADE_RE.match(b.text)
    return m.group(1).lower() if m else ""


def answer(f: File, vocab: Vocab, b: Block, t: TurnRead) -> Answer | None:
    m = GRADE_RE.match(b.text)
    if not m:
        f.add(
            b.line,
            "practice-grade-unknown",
            "answer must start with Best:, Acceptable: or Harmful:, e.g. "
            "`- Best: You sound really scared.`",
        )
        t.ok = False
        return None
    grade, text = m.group(1).lower(), " ".join(m.group(2).split())
    subs = _subs(f, b, t)
    if not text or vocab.style.word_count(text) == 0:
        f.add(
            b.line,
            "practice-answer-empty",
            f"answer is empty: write what the officer says after `{grade.capitalize()}:`",
        )
        t.ok = False
        return None
    skill = _skill(f, vocab, b, subs, t)
    why = subs.get("why", (0, ""))[1]
    if "why" not in subs:
        f.add(
            b.line,
            "practice-why-missing",
            "answer has no Why: add a sub-item `  - Why: ...` saying why it helps or hurts",
        )
        t.ok = False
    if grade in (BEST, ACCEPTABLE):
        what = f"{grade.capitalize()} answer"
        if not _banned(f, b.line, text, vocab, what):
            t.ok = False
        _length(f, b.line, vocab.style.word_count(text), vocab, what)
    return Answer(text, grade, skill, why) if t.ok else None


def _subs(f: File, b: Block, t: TurnRead) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    for sub in b.subs:
        if sub.level > 1:
            f.add(
                sub.line,
                "sub-item-nested",
                "a sub-item cannot have sub-items of its own: move this line one level out",
            )
            t.ok = False
            continue
        m = SUB_RE.match(sub.text)
        if not m:
            f.add(
                sub.line,
                "sub-item-label",
                f"sub-item '{_short(sub.text)}' must start with Skill: or Why:",
            )
            t.ok = False
            continue
        label, value = m.group(1).lower(), " ".join(m.group(2).split())
        if label in out:
            f.add(
                sub.line,
                "sub-item-twice",
                f"`{label.capitalize()}:` appears twice under this answer (first on line "
                f"{out[label][0]}): keep one",
            )
            t.ok = False
        elif not value:
            fix = (
                "name a skill, or write `Skill: none`"
                if label == "skill"
                else ("write one line saying why it helps or hurts")
            )
            f.add(sub.line, "sub-item-empty", f"`{label.capitalize()}:` is empty: {fix}")
            t.ok = False
            out[label] = (sub.line, "")
        else:
            out[label] = (sub.line, value)
    return out


def _skill(
    f: File, vocab: Vocab, b: Block, subs: dict[str, tuple[int, str]], t: TurnRead
) -> str | None:
    if "skill" not in subs:
        f.add(
            b.line,
            "practice-skill-missing",
            "answer has no Skill: add a sub-item `  - Skill: Emotion labeling` (or `Skill: none`)",
        )
        t.ok = False
        return None
    line, name = subs["skill"]
    if not name or name.lower() in NO_SKILL:
        return None
    skill = vocab.skill(name)
    if skill is None and vocab.skills_pending:
        return slug(name)  # the skills file is broken: that problem comes first
    if skill is None:
        f.add(line, "skill-unknown", vocab.unknown_skill(name) + ", or `none`")
        t.ok = False
    return skill
