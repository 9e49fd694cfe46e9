"""Checklist files (checklists/) -> Checklist: `##` sections of `- [ ]` and `-` items."""

from __future__ import annotations

from app.guide.blocks import entries
from app.guide.files import File
from app.guide.headervalues import short
from app.guide.items import ItemIds, item_of
from app.guide.model import Checklist, Item
from app.guide.reference import Vocab
from app.guide.stages import meta_of
from app.guide.subitems import ITEM_LABELS, read_subs


def parse_checklist(f: File, vocab: Vocab) -> Checklist:
    es, names = entries(f.doc)
    bad = vocab.check_situations(f, names)
    ids = ItemIds()
    sections: list[str] = [
        b.text for b in f.doc.blocks if b.kind == "heading" and b.level == 2 and b.text
    ]
    h2_text = ""
    for b in f.doc.blocks:  # a checklist has `##` sections only: a `###` one lost its text
        if b.kind == "heading" and b.level == 2:
            h2_text = b.text
        elif b.kind == "heading" and b.level > 2 and b.text and h2_text:
            f.add(b.line, "block-not-shown",
                  f"a heading '{'#' * b.level} {short(b.text)}' under '## {short(h2_text)}' "
                  "is never shown in the app: a checklist has only `##` sections. Delete the "
                  f"line (what is under it stays in '## {short(h2_text)}')")
    items: list[Item] = []
    written = False
    for e in es:
        b = e.block
        h2 = e.heads.get(2)
        if b.kind != "item":
            continue  # paragraphs explain; only list items become checklist items
        written = True
        if h2 is None:
            f.add(
                b.line,
                "item-outside-section",
                "checklist item is not under a `##` section: add e.g. `## Isolate` above it",
            )
            continue
        ex = read_subs(f, b, vocab, ITEM_LABELS)
        if not b.text:
            f.add(
                b.line, "item-empty", "checklist item is empty: write the text or delete the line"
            )
            continue
        if ex.ok and not bad & set(e.only + e.not_for):
            items.append(item_of(ids, b, e, ex, h2.text, f.rel))
    if not written and f.doc.yaml is not None:
        f.add(
            1,
            "checklist-empty",
            "checklist has no items: add `- [ ] ...` lines under `## Section` headings",
        )
    v = f.header.values
    return Checklist(
        id=str(v.get("id", "")),
        title=str(v.get("title", "")),
        order=int(v.get("order", 0) or 0),
        sections=tuple(sections),
        items=tuple(items),
        meta=meta_of(f),
    )
