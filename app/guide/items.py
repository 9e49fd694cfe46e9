"""List items -> Item and Phrase, with the writing rules applied to phrases.

Sub-items and slots are read in app.guide.subitems. Every problem here is about one
item: it is reported at its line and that item alone is left out (severity ITEM), the
rest of the file loads. A phrase that is too long is a WARNING: it is kept.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.guide.blocks import UNSHOWN, Block, Entry, slug
from app.guide.files import File
from app.guide.model import AVOID, SAY, Item, Phrase
from app.guide.reference import Vocab
from app.guide.subitems import (
    AVOID_LABELS,
    ITEM_LABELS,
    SAY_LABELS,
    Extras,
    read_slots,
    read_subs,
)


class ItemIds:
    """Item.id = slug of the text (its first 60 characters), unique within a file:
    `-2`, `-3` on repeats (skipping an id another text already has). Stable while the
    text stays the same.

    Each base id remembers the next suffix to try, so n repeats cost n steps, not n*n/2:
    a pasted file of 50,000 identical items took minutes to check when every repeat
    tried -2, -3, ... from the start."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self._next: dict[str, int] = {}  # base id -> the next suffix to try

    def make(self, text: str) -> str:
        base = slug(text)[:60].rstrip("-") or "item"
        new = base
        if new in self.used:
            n = self._next.get(base, 2)
            while (new := f"{base}-{n}") in self.used:
                n += 1
            self._next[base] = n + 1
        self.used.add(new)
        return new


def make_items(
    f: File,
    ids: ItemIds,
    es: list[Entry],
    section: str,
    vocab: Vocab,
    ticks: bool = False,
    spoken: bool = False,
) -> list[Item]:
    """List items of one section; `spoken` items (questions the officer asks aloud) obey
    the writing rules like a Say phrase."""
    out = []
    for e in es:
        b = e.block
        if b.kind != "item":
            what, fix = UNSHOWN.get(b.kind, ("text", "start the line with `- `"))
            f.add(
                b.line,
                "not-a-list-item",
                f"{what} under '## {section}' is not a list item, so the app would "
                f"not show it: {fix}",
            )
            continue
        ex = read_subs(f, b, vocab, ITEM_LABELS)
        if not b.text:
            f.add(b.line, "item-empty", "list item is empty: write the text or delete the line")
            continue
        if ticks and not b.tick:
            f.add(
                b.line,
                "move-up-not-tickable",
                f"'## {section}' items must be tickable: write `- [ ] {b.text}`",
            )
            continue
        if spoken:
            if not _banned(f, b.line, b.text, vocab, "Question"):
                continue
            _length(f, b.line, vocab.style.word_count(b.text), vocab, "Question")
        if ex.ok:
            out.append(item_of(ids, b, e, ex, section, f.rel))
    return out


def item_of(ids: ItemIds, b: Block, e: Entry, ex: Extras, section: str, rel: str) -> Item:
    only = ex.only if ex.only is not None else e.only
    not_for = tuple(dict.fromkeys(e.not_for + ex.not_for))
    return Item(ids.make(b.text), b.text, section, b.tick, only, rel, b.line, ex.caution, not_for)


@dataclass
class Where:
    """Where the phrases of one `## Say` / `## Avoid` part go."""

    kind: str  # SAY or AVOID
    stage: int | None  # the stage of a stage file; None in a situation file (`###` says)
    situation: str | None  # the situation of a situation file


def make_phrases(f: File, vocab: Vocab, es: list[Entry], where: Where) -> list[Phrase]:
    """Phrases under `## Say` / `## Avoid` (ids are given later, across the guide)."""
    out = []
    reported: set[int] = set()

    def once(head: Block, code: str, message: str) -> None:
        if head.line not in reported:
            reported.add(head.line)
            f.add(head.line, code, message)

    in_stage_file = where.stage is not None
    for e in es:
        b = e.block
        if b.kind == "para" or b.kind in UNSHOWN:
            what, fix = UNSHOWN.get(b.kind, ("text", "start the line with `- `"))
            f.add(
                b.line,
                "not-a-list-item",
                f"{what} under a Say/Avoid heading is not a phrase: {fix}",
            )
            continue
        ex = read_subs(f, b, vocab, SAY_LABELS if where.kind == SAY else AVOID_LABELS)
        good = ex.ok and _text_ok(f, b, vocab, where.kind)
        order = where.stage
        if not in_stage_file:
            h3 = e.heads.get(3)
            if h3 is None:
                f.add(
                    b.line,
                    "phrase-no-stage",
                    "phrase is not under a stage heading: add `### Active "
                    "Listening` (a stage title or number) above it",
                )
                continue
            order = vocab.stage(h3.text)
            if order is None:
                if not vocab.stage_pending(h3.text):
                    once(h3, "stage-unknown", vocab.unknown_stage(h3.text))
                continue  # a stage that failed to load: its phrases are simply absent
        inner = e.heads.get(3 if in_stage_file else 4)
        skill = group = None
        if where.kind == AVOID:
            group = inner.text if inner is not None and inner.text else None
        elif inner is not None:
            skill = vocab.skill(inner.text)
            if skill is None and vocab.skills_pending:
                skill = slug(inner.text)  # the skills file is broken: keep the phrase
            elif skill is None:
                once(inner, "skill-unknown", vocab.unknown_skill(inner.text))
                continue
        elif in_stage_file:
            f.add(
                b.line,
                "phrase-no-skill",
                "phrase is not under a skill heading: add `### <skill>` above it, "
                "e.g. `### Emotion labeling`",
            )
            continue
        if where.kind == AVOID and ex.ok:
            good = _avoid_ok(f, b, vocab, ex) and good
        slots = read_slots(f, b.line, b.text) if b.text else ()
        if not good or slots is None:
            continue
        # in a situation's file, its phrases are for it alone (a scope line is reported)
        only = (where.situation,) if where.situation else (ex.only or e.only)
        not_for = () if where.situation else tuple(dict.fromkeys(e.not_for + ex.not_for))
        out.append(
            Phrase(
                "",
                b.text,
                where.kind,
                order,
                skill,
                group,
                only,
                not_for,
                ex.why,
                ex.instead,
                ex.caution,
                slots,
                f.rel,
                b.line,
            )
        )
    return out


def _text_ok(f: File, b: Block, vocab: Vocab, kind: str) -> bool:
    """The phrase's own text: not empty, and (for Say) within the writing rules."""
    rules = vocab.style
    n = rules.word_count(b.text)
    if n == 0:
        why = " (it has no words, only marks)" if b.text else ""
        f.add(b.line, "phrase-empty", f"phrase is empty{why}: write the text or delete the line")
        return False
    ok = True
    if kind == SAY:
        ok = _banned(f, b.line, b.text, vocab, "Say phrase")
    _length(f, b.line, n, vocab, "phrase")
    return ok


def _avoid_ok(f: File, b: Block, vocab: Vocab, ex: Extras) -> bool:
    """Every Avoid phrase says why it hurts and what to say instead (a Say text)."""
    ok = True
    if not ex.why:
        f.add(
            b.line,
            "avoid-no-why",
            "Avoid phrase has no `Why:`: add a sub-item `  - Why: ...` saying why it hurts",
        )
        ok = False
    if not ex.instead:
        f.add(
            b.line,
            "avoid-no-instead",
            "Avoid phrase has no `Instead:`: add a sub-item `  - Instead: ...` with what to "
            "say instead",
        )
        return False
    line, text = ex.instead_line, ex.instead
    n = vocab.style.word_count(text)
    if n == 0:
        f.add(line, "sub-item-empty", "`Instead:` has no words: write what to say instead")
        return False
    ok = _banned(f, line, text, vocab, "`Instead:`") and ok
    _length(f, line, n, vocab, "`Instead:`")
    return read_slots(f, line, text, "`Instead:`") is not None and ok


def _banned(f: File, line: int, text: str, vocab: Vocab, what: str) -> bool:
    rules = vocab.style
    ok = True
    for rule in rules.breaches(text):
        where = f"{rules.file}:{rule.line}" if rules.file else "the writing rules"
        f.add(
            line,
            "style-banned",
            f"{what} uses '{rule.find(text)}', which the writing rules forbid ({where}): "
            f"{rule.advice}",
        )
        ok = False
    return ok


def _length(f: File, line: int, n: int, vocab: Vocab, what: str) -> None:
    limit = vocab.style.max_words
    if n > limit:
        f.add(
            line,
            "phrase-too-long",
            f"{what} has {n} words, more than the {limit} the writing rules allow: "
            "cut it, or split it into two phrases",
        )
