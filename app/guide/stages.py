"""Stage files (stairway/) and situation files (situations/) -> Stage, Situation, Phrase.

Both carry phrases under `## Say` / `## Avoid`. In a stage file each `###` names a skill;
in a situation file each `###` names a stage (title or number) and an optional `####`
names the skill.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.guide.blocks import Block, Entry, entries, section_key, slug
from app.guide.files import File
from app.guide.model import AVOID, SAY, Item, Meta, Phrase, Situation, Stage
from app.guide.reference import Vocab

STAGE_PARTS = {
    "purpose": "purpose",
    "do": "do",
    "what to do": "do",
    "move up when": "signs",
    "step back if": "warnings",
    "say": SAY,
    "avoid": AVOID,
}
SITUATION_PARTS = {
    "priorities": "priorities",
    "questions to ask": "questions",
    "questions": "questions",
    "danger signs": "danger_signs",
    "say": SAY,
    "avoid": AVOID,
}


class ItemIds:
    """Item.id = slug of the text (its first 60 characters), unique within a file:
    `-2`, `-3` on repeats. Stable while the text stays the same."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, text: str) -> str:
        base = slug(text)[:60].rstrip("-") or "item"
        new, n = base, 1
        while new in self.used:
            n += 1
            new = f"{base}-{n}"
        self.used.add(new)
        return new


def meta_of(f: File) -> Meta:
    v = f.header.values
    return Meta(
        id=str(v.get("id", "")),
        title=str(v.get("title", "")),
        version=str(v.get("version", "")),
        reviewed=str(v.get("reviewed", "")),
        sources=tuple(v.get("sources", ())),
        file=f.rel,
    )


@dataclass
class Parts:
    """Blocks of one file sorted into its `##` sections."""

    by_part: dict[str, list[Entry]] = field(default_factory=dict)
    heads: dict[str, Block] = field(default_factory=dict)  # part -> its `##` heading
    intro: list[Entry] = field(default_factory=list)  # before the first `##`


def split_parts(f: File, known: dict[str, str], vocab: Vocab) -> Parts:
    items, names = entries(f.doc)
    vocab.check_situations(f, names)
    parts = Parts()
    for b in f.doc.blocks:
        if b.kind == "heading" and b.level == 2 and b.text:
            part = known.get(section_key(b.text))
            if part is None:
                shown = ", ".join(dict.fromkeys(k.capitalize() for k in known))
                f.add(
                    b.line,
                    f"unknown section '{b.text}' (known: {shown}): the app would not show it",
                )
            elif part in parts.heads:
                f.add(
                    b.line,
                    f"section '{b.text}' appears twice (first on line "
                    f"{parts.heads[part].line}): merge them",
                )
            else:
                parts.heads[part] = b
    for e in items:
        h2 = e.heads.get(2)
        if h2 is None:
            parts.intro.append(e)
            continue
        part = known.get(section_key(h2.text))
        if part is not None and parts.heads.get(part) is h2:
            parts.by_part.setdefault(part, []).append(e)
    return parts


def make_items(
    f: File, ids: ItemIds, es: list[Entry], section: str, ticks: bool = False
) -> list[Item]:
    out = []
    for e in es:
        b = e.block
        if b.kind != "item":
            f.add(
                b.line,
                f"text under '## {section}' is not a list item, so the app would "
                "not show it: start the line with `- `",
            )
            continue
        if not b.text:
            f.add(b.line, "list item is empty: write the text or delete the line")
            continue
        if ticks and not b.tick:
            f.add(b.line, f"'## {section}' items must be tickable: write `- [ ] {b.text}`")
            continue
        out.append(Item(ids.make(b.text), b.text, section, b.tick, e.only, f.rel, b.line))
    return out


def make_phrases(
    f: File, vocab: Vocab, es: list[Entry], kind: str, stage: int | None, situation: str | None
) -> list[Phrase]:
    """Phrases under `## Say` / `## Avoid`. `stage` None: a situation file (`###` = stage)."""
    out = []
    reported: set[int] = set()

    def once(head: Block, message: str) -> None:
        if head.line not in reported:
            reported.add(head.line)
            f.add(head.line, message)

    for e in es:
        b = e.block
        if b.kind == "para":
            f.add(
                b.line, "text under a Say/Avoid heading is not a phrase: start the line with `- `"
            )
            continue
        if not b.text:
            f.add(b.line, "phrase is empty: write the text or delete the line")
            continue
        h3, skill_head = e.heads.get(3), e.heads.get(4 if stage is None else 3)
        order = stage
        if stage is None:
            if h3 is None:
                f.add(
                    b.line,
                    "phrase is not under a stage heading: add `### Active "
                    "Listening` (a stage title or number) above it",
                )
                continue
            order = vocab.stage(h3.text)
            if order is None:
                once(h3, vocab.unknown_stage(h3.text))
                continue
        skill = None
        if skill_head is not None:
            skill = vocab.skill(skill_head.text)
            if skill is None:
                once(skill_head, vocab.unknown_skill(skill_head.text))
                continue
        elif stage is not None:
            f.add(
                b.line,
                "phrase is not under a skill heading: add `### <skill>` above it, "
                "e.g. `### Emotion labeling`",
            )
            continue
        situations = (situation,) if situation else e.only
        out.append(Phrase(b.text, kind, order, skill, situations, f.rel, b.line))
    return out


def _texts(es: list[Entry]) -> str:
    return "\n".join(e.block.text for e in es if e.block.text)


def parse_stage(f: File, vocab: Vocab) -> Stage:
    order = int(f.header.values.get("stage", 0) or 0)
    parts = split_parts(f, STAGE_PARTS, vocab)
    ids = ItemIds()
    for e in parts.intro:
        if e.block.kind == "item":
            f.add(e.block.line, "list item is not under a `##` section: add e.g. `## Do` above it")
    titles = {"do": "Do", "signs": "Move up when", "warnings": "Step back if"}
    lists = {
        p: make_items(
            f,
            ids,
            parts.by_part.get(p, []),
            parts.heads[p].text if p in parts.heads else t,
            p == "signs",
        )
        for p, t in titles.items()
    }
    phrases = []
    for kind in (SAY, AVOID):
        phrases += make_phrases(f, vocab, parts.by_part.get(kind, []), kind, order, None)
    title = str(f.header.values.get("title", ""))
    top = next((b for b in f.doc.blocks if b.kind == "heading"), None)
    where = top.line if top else 1
    if not any(p.kind == SAY for p in phrases):
        at = parts.heads[SAY].line if SAY in parts.heads else where
        f.add(
            at,
            f"stage '{title}' has no Say phrase: add `## Say`, a `### <skill>` heading "
            "and `- ` phrases under it",
        )
    if order and order < 5 and not lists["signs"]:
        at = parts.heads["signs"].line if "signs" in parts.heads else where
        f.add(
            at,
            f"stage '{title}' has no `- [ ]` item under `## Move up when`: the officer "
            "could never move up",
        )
    return Stage(
        id=str(f.header.values.get("id", "")),
        title=title,
        order=order,
        purpose=_texts(parts.by_part.get("purpose", [])),
        do=tuple(lists["do"]),
        signs=tuple(lists["signs"]),
        warnings=tuple(lists["warnings"]),
        phrases=tuple(phrases),
        meta=meta_of(f),
    )


def parse_situation(f: File, vocab: Vocab) -> tuple[Situation, list[Phrase]]:
    parts = split_parts(f, SITUATION_PARTS, vocab)
    sid = str(f.header.values.get("id", ""))
    ids = ItemIds()
    for e in parts.intro:
        if e.block.kind == "item":
            f.add(
                e.block.line,
                "list item is not under a `##` section: add e.g. `## Priorities` above it",
            )
    titles = {
        "priorities": "Priorities",
        "questions": "Questions to ask",
        "danger_signs": "Danger signs",
    }
    lists = {
        p: make_items(
            f, ids, parts.by_part.get(p, []), parts.heads[p].text if p in parts.heads else t
        )
        for p, t in titles.items()
    }
    phrases = []
    for kind in (SAY, AVOID):
        phrases += make_phrases(f, vocab, parts.by_part.get(kind, []), kind, None, sid)
    situation = Situation(
        id=sid,
        title=str(f.header.values.get("title", "")),
        summary=_texts([e for e in parts.intro if e.block.kind != "item"]),
        priorities=tuple(lists["priorities"]),
        questions=tuple(lists["questions"]),
        danger_signs=tuple(lists["danger_signs"]),
        meta=meta_of(f),
    )
    return situation, phrases
