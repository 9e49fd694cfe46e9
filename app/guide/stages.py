"""Stage files (stairway/) and situation files (situations/) -> Stage, Situation, Phrase.

Both carry phrases under `## Say` / `## Avoid`. In a stage file each `###` under Say
names a skill, and each `###` under Avoid a free group name ("Promises"); in a situation
file each `###` names a stage (title or number) and an optional `####` names the skill
(Say) or the group (Avoid). Items and phrases themselves are read in app.guide.items.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.guide.blocks import NOT_RE, ONLY_RE, UNSHOWN, Block, Entry, entries, section_key
from app.guide.files import File
from app.guide.headervalues import short
from app.guide.items import ItemIds, Where, make_items, make_phrases
from app.guide.model import AVOID, SAY, Meta, Phrase, Situation, Stage
from app.guide.reference import Vocab, _no_subs

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


def meta_of(f: File) -> Meta:
    v = f.header.values
    return Meta(
        id=str(v.get("id", "")),
        title=str(v.get("title", "")),
        version=str(v.get("version", "")),
        reviewed=str(v.get("reviewed", "")),
        sources=tuple(v.get("sources", ())),
        file=f.rel,
        reviewed_by=str(v.get("reviewed_by", "")),
        approved_by=str(v.get("approved_by", "")),
    )


@dataclass
class Parts:
    """Blocks of one file sorted into its `##` sections."""

    by_part: dict[str, list[Entry]] = field(default_factory=dict)
    heads: dict[str, Block] = field(default_factory=dict)  # part -> its `##` heading
    intro: list[Entry] = field(default_factory=list)  # before the first `##`


def split_parts(f: File, known: dict[str, str], vocab: Vocab, anywhere: str = "") -> Parts:
    """`anywhere`: why an `Only for:` has no meaning anywhere in this file (a situation's)."""
    items, names = entries(f.doc)
    parts = Parts()
    for b in f.doc.blocks:
        if b.kind == "heading" and b.level == 2 and b.text:
            part = known.get(section_key(b.text))
            if part is None:
                shown = ", ".join(dict.fromkeys(k.capitalize() for k in known))
                f.add(
                    b.line,
                    "section-unknown",
                    f"unknown section '{b.text}' (known: {shown}): the app would not show it",
                )
            elif part in parts.heads:
                f.add(
                    b.line,
                    "section-twice",
                    f"section '{b.text}' appears twice (first on line "
                    f"{parts.heads[part].line}): merge them",
                )
            else:
                parts.heads[part] = b
    unscoped = _not_used(f, known, parts, anywhere)
    bad = vocab.check_situations(f, [(n, line) for n, line in names if line not in unscoped])
    for e in items:
        if bad & set(e.only + e.not_for):
            continue  # under an `Only for:` naming an unknown situation (reported there)
        h2 = e.heads.get(2)
        if h2 is None:
            parts.intro.append(e)
            continue
        part = known.get(section_key(h2.text))
        if part is not None and parts.heads.get(part) is h2:
            parts.by_part.setdefault(part, []).append(e)
    return parts


# The parts whose `###` headings mean something: a skill or a group (a stage file), a
# stage (a situation file). Anywhere else a `###` heading was dropped with no word, so an
# instructor's `### Before you speak` under `## Do` never reached the officer.
HEADED = (SAY, AVOID)
# The parts the app shows in every situation: an `Only for:` there did nothing.
UNSCOPED = {"purpose": "the purpose is shown in every situation"}


def _not_used(f: File, known: dict[str, str], parts: Parts, anywhere: str = "") -> set[int]:
    """Report the headings and the `Only for:` / `Not for:` lines the app never uses.
    Returns the lines of those `Only for:` lines: their names are not checked as well."""
    done = {line for line, code, _ in f.problems if code.startswith("only-for-")}
    lines: set[int] = _scope_lines(f, anywhere) if anywhere else set()
    h2: Block | None = None
    for b in f.doc.blocks:
        if b.kind == "heading" and b.level <= 2:
            h2 = b if b.level == 2 else None
        part = known.get(section_key(h2.text)) if h2 is not None else None
        if part is None or parts.heads.get(part) is not h2:
            continue  # before the first section, or a section already reported
        if b.kind == "heading" and b.level > 2 and b.text and part not in HEADED:
            f.add(
                b.line,
                "block-not-shown",
                f"a heading '{'#' * b.level} {short(b.text)}' under '## {short(h2.text)}' is "
                "never shown in the app: only `## Say` and `## Avoid` have headings inside "
                f"them. Delete the line (what is under it stays in '## {short(h2.text)}')",
            )
        scope = ONLY_RE.match(b.text) or NOT_RE.match(b.text) if b.kind == "para" else None
        if scope and part in UNSCOPED and not anywhere:
            lines.add(b.line)
            if b.line not in done:
                label = "Only for" if ONLY_RE.match(b.text) else "Not for"
                f.add(
                    b.line,
                    "only-for-misplaced",
                    f"`{label}:` has no meaning under '## {short(h2.text)}': "
                    f"{UNSCOPED[part]}. Delete the line",
                )
    return lines


def _scope_lines(f: File, why: str) -> set[int]:
    """Report every `Only for:` / `Not for:` line of a file where none has a meaning, under
    a heading or under an item; returns their lines."""
    lines: set[int] = set()
    for b in f.doc.blocks:
        found = [(b.line, b.text)] if b.kind == "para" else []
        found += [(sub.line, sub.text) for sub in b.subs] if b.kind == "item" else []
        for line, text in found:
            if ONLY_RE.match(text) or NOT_RE.match(text):
                lines.add(line)
                label = "Only for" if ONLY_RE.match(text) else "Not for"
                f.add(line, "only-for-misplaced",
                      f"`{label}:` has no meaning in a situation's file: {why}. Delete the line")
        if b.kind == "item":  # reported: the item is read as if the line were not there
            b.subs = [x for x in b.subs if x.line not in lines]
    return lines


def _written(parts: Parts, part: str) -> bool:
    return any(e.block.kind in ("item", "quote") for e in parts.by_part.get(part, []))


def _texts(es: list[Entry]) -> str:
    """A purpose or a summary; a code or HTML block is reported by app.guide.unshown."""
    return "\n".join(e.block.text for e in es if e.block.text and e.block.kind not in UNSHOWN)


def parse_stage(f: File, vocab: Vocab) -> Stage:
    order = int(f.header.values.get("stage", 0) or 0)
    parts = split_parts(f, STAGE_PARTS, vocab)
    ids = ItemIds()
    for e in parts.intro:
        if e.block.kind == "item":
            f.add(
                e.block.line,
                "item-outside-section",
                "list item is not under a `##` section: add e.g. `## Do` above it",
            )
        elif e.block.kind in ("para", "quote") and e.block.text:  # a stage has no summary
            head = e.heads[max(e.heads)] if e.heads else None
            where = f"under '{'#' * head.level} {short(head.text)}'" if head else "at the top"
            f.add(
                e.block.line,
                "block-not-shown",
                f"text {where} is never shown in the app: move it under `## Purpose` (a note "
                "only instructors read goes in <!-- -->)",
            )
    titles = {"do": "Do", "signs": "Move up when", "warnings": "Step back if"}
    lists = {
        p: make_items(
            f,
            ids,
            parts.by_part.get(p, []),
            parts.heads[p].text if p in parts.heads else t,
            vocab,
            p == "signs",
        )
        for p, t in titles.items()
    }
    for e in parts.by_part.get("purpose", []):  # its items are lines of text: a sub-item
        _no_subs(f, e.block.subs, f"'## {parts.heads['purpose'].text}'")  # was dropped
    phrases = []
    for kind in (SAY, AVOID):
        phrases += make_phrases(f, vocab, parts.by_part.get(kind, []), Where(kind, order, None))
    title = str(f.header.values.get("title", ""))
    top = next((b for b in f.doc.blocks if b.kind == "heading"), None)
    where = top.line if top else 1
    # Written but left out for a problem of their own is that problem, not this one.
    if not _written(parts, SAY):
        at = parts.heads[SAY].line if SAY in parts.heads else where
        f.add(
            at,
            "stage-no-say",
            f"stage '{title}' has no Say phrase: add `## Say`, a `### <skill>` heading "
            "and `- ` phrases under it",
        )
    if order and order < 5 and not _written(parts, "signs"):
        at = parts.heads["signs"].line if "signs" in parts.heads else where
        f.add(
            at,
            "stage-no-move-up",
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
    parts = split_parts(f, SITUATION_PARTS, vocab,
                        "everything in it is shown for this situation alone")
    sid = str(f.header.values.get("id", ""))
    ids = ItemIds()
    for e in parts.intro:
        if e.block.kind == "item":
            f.add(
                e.block.line,
                "item-outside-section",
                "list item is not under a `##` section: add e.g. `## Priorities` above it",
            )
    titles = {
        "priorities": "Priorities",
        "questions": "Questions to ask",
        "danger_signs": "Danger signs",
    }
    lists = {
        p: make_items(
            f,
            ids,
            parts.by_part.get(p, []),
            parts.heads[p].text if p in parts.heads else t,
            vocab,
            spoken=p == "questions",  # asked aloud: the writing rules apply
        )
        for p, t in titles.items()
    }
    phrases = []
    for kind in (SAY, AVOID):
        phrases += make_phrases(f, vocab, parts.by_part.get(kind, []), Where(kind, None, sid))
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
