"""Checklist files (checklists/) -> Checklist: `##` sections of `- [ ]` and `-` items."""

from __future__ import annotations

from app.guide.blocks import entries
from app.guide.files import File
from app.guide.model import Checklist, Item
from app.guide.reference import Vocab
from app.guide.stages import ItemIds, meta_of


def parse_checklist(f: File, vocab: Vocab) -> Checklist:
    es, names = entries(f.doc)
    vocab.check_situations(f, names)
    ids = ItemIds()
    sections: list[str] = [
        b.text for b in f.doc.blocks if b.kind == "heading" and b.level == 2 and b.text
    ]
    items: list[Item] = []
    for e in es:
        b = e.block
        h2 = e.heads.get(2)
        if b.kind != "item":
            continue  # paragraphs explain; only list items become checklist items
        if h2 is None:
            f.add(
                b.line, "checklist item is not under a `##` section: add e.g. `## Isolate` above it"
            )
            continue
        if not b.text:
            f.add(b.line, "checklist item is empty: write the text or delete the line")
            continue
        items.append(Item(ids.make(b.text), b.text, h2.text, b.tick, e.only, f.rel, b.line))
    if not items and f.doc.yaml is not None:
        f.add(1, "checklist has no items: add `- [ ] ...` lines under `## Section` headings")
    v = f.header.values
    return Checklist(
        id=str(v.get("id", "")),
        title=str(v.get("title", "")),
        order=int(v.get("order", 0) or 0),
        sections=tuple(sections),
        items=tuple(items),
        meta=meta_of(f),
    )
