"""Text too long to read at a glance: one warning per paragraph or list item.

Officers read the guide under stress, a line at a time. A sentence of more than
`MAX_SENTENCE_WORDS` words, or a paragraph or list item of more than `MAX_BLOCK_CHARS`
characters, is a warning at its line (`text-too-long`): the app still shows it. A line
that already has a problem (a phrase too long, a contact's label) is not blamed again. The
limits sit well above the shipped guides' longest (40 words, 403 characters on
2026-11-29), so they catch a paste or a run-on, not an instructor's plain sentence.
`sources.md` is left out: a reference is as long as its title. So is a paragraph in a
checklist, `contacts.md` or `style.md`: a note for instructors there, never shown.
"""

from __future__ import annotations

import re

from app.guide.style import WORD_RE

MAX_SENTENCE_WORDS = 45
MAX_BLOCK_CHARS = 600
_SHOWN = {"para": "paragraph", "item": "list item", "sub": "list item", "quote": "quote"}
_NOTES = {"checklist", "contacts", "style"}  # kinds whose paragraphs are instructors' notes
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+")


def long_text(f) -> None:
    """Report each too-long paragraph or list item of File `f` once, at its line."""
    if f.kind == "sources" or f.doc is None:
        return
    blamed = {line for line, _, _ in f.problems}
    for b in (x for top in f.doc.blocks for x in (top, *top.subs)):  # subs are flat
        what = _SHOWN.get(b.kind)
        if what is None or not b.text or b.line in blamed or (
                b.kind == "para" and f.kind in _NOTES):
            continue
        if len(b.text) > MAX_BLOCK_CHARS:
            f.add(b.line, "text-too-long",
                  f"this {what} has {len(b.text):,} characters, more than the "
                  f"{MAX_BLOCK_CHARS} an officer reads at a glance: cut it, or split it "
                  "into list items")
            continue
        words = max(len(WORD_RE.findall(s)) for s in _SENTENCE_END.split(b.text))
        if words > MAX_SENTENCE_WORDS:
            f.add(b.line, "text-too-long",
                  f"a sentence of this {what} has {words} words, more than the "
                  f"{MAX_SENTENCE_WORDS} an officer reads at a glance: split it into "
                  "shorter sentences")
