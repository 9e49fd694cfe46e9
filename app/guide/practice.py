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

from app.guide.answers import MAX_ANSWERS, answer, answer_items, grade_of, repeats
from app.guide.blocks import UNSHOWN, Block
from app.guide.files import File
from app.guide.headervalues import short
from app.guide.model import BEST, Scenario, Turn
from app.guide.reference import Vocab
from app.guide.stages import meta_of

QUOTE_LINE_RE = re.compile(r"^\s{0,3}>")


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
    items = answer_items(f, t)
    repeats(f, t, items)
    answers = [a for b in items if not b.ordered and (a := answer(f, vocab, b, t)) is not None]
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
    elif not any(b for b in t.items if grade_of(b) == BEST):
        f.add(
            t.head.line,
            "practice-no-best",
            "turn has no Best: answer: start the best answer with `Best:`",
        )
        t.ok = False
    if not t.ok or line is None:
        return None
    return Turn(line, tuple(answers), " ".join(t.notes))


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


