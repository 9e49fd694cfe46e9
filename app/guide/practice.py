"""Practice scenarios (content/practice/*.md) -> Scenario, with every mistake at its line.

The format is plain Markdown (content/practice/README.md): the `#` title and a paragraph
setting the scene; each `##` heading starts a turn; in a turn, one blockquote is what
the person says, a paragraph is what the officer sees happen, and each list item is an
answer starting `Best:`, `Acceptable:` or `Harmful:` with sub-items `Skill:` and `Why:`.

A turn with a problem is left out (ITEM) and the rest of the scenario plays; a scenario
with no good turn, or for a situation that does not exist, is left out (FILE). Best and
Acceptable answers are things to say, so the writing rules (style.md) apply to them;
Harmful answers show real mistakes and may break them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.guide.blocks import UNSHOWN, Block, slug
from app.guide.files import File
from app.guide.headervalues import short
from app.guide.items import _banned, _length
from app.guide.model import ACCEPTABLE, BEST, Answer, Scenario, Turn
from app.guide.reference import Vocab
from app.guide.stages import meta_of
from app.guide.style import plain
from app.guide.subitems import _short

GRADE_RE = re.compile(r"^(best|acceptable|harmful)\s*:(.*)$", re.I | re.S)
SUB_RE = re.compile(r"^(skill|why)\s*:(.*)$", re.I | re.S)
QUOTE_LINE_RE = re.compile(r"^\s{0,3}>")
NO_SKILL = ("none", "no skill", "-")
MAX_ANSWERS = 6  # more do not fit a phone's screen with the line above them; 3 or 4 is best


@dataclass
class _Turn:
    head: Block
    quotes: list[Block] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    items: list[Block] = field(default_factory=list)
    ok: bool = True


def parse_practice(f: File, vocab: Vocab) -> Scenario | None:
    """One scenario file; None when nothing in it can be played (reported)."""
    sid = str(f.header.values.get("id", ""))
    situation = str(f.header.values.get("situation", "")).strip().lower()
    # A value reported in the header (too long, a bad character) is not blamed twice.
    if "situation" in f.header.values and situation not in vocab.situations:
        if situation not in vocab.pending_situations:
            f.add(
                f.header.line("situation"),
                "practice-situation-unknown",
                vocab.unknown_situation(situation),
            )
    summary: list[str] = []
    turns: list[_Turn] = []
    for b in f.doc.blocks:
        if b.kind in UNSHOWN:
            continue  # never shown: app.guide.unshown reports it
        if b.kind == "heading":
            if b.level == 2:
                turns.append(_Turn(b))
            elif b.level > 2 and b.text:
                f.add(b.line, "block-not-shown",
                      f"a heading '{'#' * b.level} {short(b.text)}' is never shown in the app: "
                      "a scenario has its `#` title and `## Turn` headings only. Delete the "
                      "line, or make it a paragraph (what the officer sees happen)")
            continue
        if not turns:
            if b.kind == "para":
                summary.append(b.text)
            else:
                what = "answer" if b.kind == "item" else "the person's line"
                f.add(
                    b.line,
                    "practice-outside-turn",
                    f"{what} is not under a turn heading: add `## Turn 1` above it",
                )
            continue
        t = turns[-1]
        {"quote": t.quotes, "item": t.items}.get(b.kind, t.notes).append(
            b.text if b.kind == "para" else b
        )
    played = [turn for t in turns if (turn := _turn(f, vocab, t)) is not None]
    if not played:
        top = next((b.line for b in f.doc.blocks if b.kind == "heading"), 1)
        f.add(
            top,
            "practice-no-turns",
            "scenario has no turns that can be played: add `## Turn 1`, the person's line "
            "as `> ...` and answers starting `Best:`, `Acceptable:` or `Harmful:`",
        )
        return None
    return Scenario(
        id=sid,
        title=str(f.header.values.get("title", "")),
        situation=situation,
        summary="\n".join(summary),
        turns=tuple(played),
        meta=meta_of(f),
    )


def _turn(f: File, vocab: Vocab, t: _Turn) -> Turn | None:
    line = _line(f, vocab, t)
    items = _answer_items(f, t)
    _repeats(f, t, items)
    answers = [a for b in items if not b.ordered and (a := _answer(f, vocab, b, t)) is not None]
    graded = len(items)
    if graded > MAX_ANSWERS:  # a warning: the turn still plays
        f.add(
            t.head.line,
            "practice-many-answers",
            f"this turn has {graded} answers: give three or four (at most {MAX_ANSWERS}), "
            "so the officer can read them all",
        )
    if graded < 2:
        f.add(
            t.head.line,
            "practice-few-answers",
            f"turn has fewer than two answers ({graded}): add answers, three or four is best",
        )
        t.ok = False
    elif not any(b for b in t.items if GRADE_RE.match(b.text) and _grade(b) == BEST):
        f.add(
            t.head.line,
            "practice-no-best",
            "turn has no Best: answer: start the best answer with `Best:`",
        )
        t.ok = False
    if not t.ok or line is None:
        return None
    return Turn(line, tuple(answers), " ".join(t.notes))


def _answer_items(f: File, t: _Turn) -> list[Block]:
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
            grade = _grade(b).capitalize() or "Best"
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


def _repeats(f: File, t: _Turn, items: list[Block]) -> None:
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


def _line(f: File, vocab: Vocab, t: _Turn) -> str | None:
    """The person's line: one blockquote (its paragraphs joined), not empty."""
    groups: list[list[Block]] = []
    for q in t.quotes:
        if groups and _same_quote(f, groups[-1][-1], q):
            groups[-1].append(q)
        else:
            groups.append([q])
    if len(groups) > 1:
        f.add(
            groups[1][0].line,
            "practice-line-twice",
            f"turn has two lines for the person (first on line {groups[0][0].line}): "
            "one `> ` line per turn, so start a new turn for the second",
        )
        t.ok = False
        return None
    if not groups:
        empty = _empty_quote(f, t)
        if empty:
            f.add(empty, "practice-line-empty", "the person's line is empty: write it after `> `")
        else:
            f.add(
                t.head.line,
                "practice-no-line",
                "turn has no line for the person: add what they say as `> ...` under the "
                "turn heading",
            )
        t.ok = False
        return None
    text = " ".join(q.text for q in groups[0])
    if vocab.style.word_count(text) == 0:
        f.add(
            groups[0][0].line,
            "practice-line-empty",
            "the person's line is empty: write it after `> `",
        )
        t.ok = False
        return None
    return text


def _same_quote(f: File, a: Block, b: Block) -> bool:
    """True when two quoted paragraphs are one blockquote (every line between is `>`)."""
    between = f.lines[a.line : b.line - 1]  # 1-based lines a.line+1 .. b.line-1
    return all(QUOTE_LINE_RE.match(x) for x in between)


def _empty_quote(f: File, t: _Turn) -> int | None:
    """The line of a `>` with nothing after it inside the turn, if any."""
    start = t.head.line
    ends = [b.line for b in t.items] + [len(f.lines) + 1]
    for n in range(start + 1, min(ends)):
        text = f.lines[n - 1] if n - 1 < len(f.lines) else ""
        if text.lstrip().startswith("#"):
            break
        if QUOTE_LINE_RE.match(text):
            return n
    return None


def _grade(b: Block) -> str:
    m = GRADE_RE.match(b.text)
    return m.group(1).lower() if m else ""


def _answer(f: File, vocab: Vocab, b: Block, t: _Turn) -> Answer | None:
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


def _subs(f: File, b: Block, t: _Turn) -> dict[str, tuple[int, str]]:
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
    f: File, vocab: Vocab, b: Block, subs: dict[str, tuple[int, str]], t: _Turn
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
