"""Sub-items and slots: the notes an instructor indents under an item, and `[...]`.

A list item may carry sub-items (a nested list) that start with a label: `Why:`,
`Instead:`, `Caution:`, `Only for:`, `Not for:` (any case). `[text]` in a phrase is a
slot the officer fills in. A wrong sub-item or bracket is reported at its own line and
makes its item be left out (severity ITEM).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.guide.blocks import Block, scope_names
from app.guide.files import File
from app.guide.reference import Vocab

LABEL_RE = re.compile(r"^(why|instead|caution|only\s+for|not\s+for)\s*:(.*)$", re.I | re.S)
LABELS = {"why": "Why", "instead": "Instead", "caution": "Caution"}
LABELS.update({"only for": "Only for", "not for": "Not for"})
ITEM_LABELS = ("caution", "only for", "not for")
SAY_LABELS = ("why", *ITEM_LABELS)
AVOID_LABELS = ("why", "instead", *ITEM_LABELS)


@dataclass
class Extras:
    """What an item's sub-items say. `ok` False: one of them is wrong (reported)."""

    why: str = ""
    instead: str = ""
    instead_line: int = 0
    caution: str = ""
    only: tuple[str, ...] | None = None
    not_for: tuple[str, ...] = ()
    ok: bool = True
    seen: dict[str, int] = field(default_factory=dict)  # label -> line


def _short(text: str, n: int = 30) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _misplaced(label: str, allowed: tuple[str, ...]) -> str:
    name = LABELS[label]
    if not allowed:
        return f"`{name}:` has no meaning under this item: delete the line"
    if label == "instead" and "why" in allowed:
        return (
            "`Instead:` belongs under an Avoid phrase, not a Say phrase: delete it, or move "
            "the phrase under `## Avoid`"
        )
    return (
        f"`{name}:` belongs under a phrase, not under this list item: use `Caution:` for a "
        "warning, or delete the line"
    )


def read_subs(f: File, block: Block, vocab: Vocab, allowed: tuple[str, ...]) -> Extras:
    """Read an item's sub-items; report each wrong one at its own line."""
    ex = Extras()
    for sub in block.subs:
        if sub.level > 1:
            f.add(
                sub.line,
                "sub-item-nested",
                "a sub-item cannot have sub-items of its own: move this line one level out",
            )
            ex.ok = False
            continue
        m = LABEL_RE.match(sub.text)
        if not m:
            f.add(
                sub.line,
                "sub-item-label",
                f"sub-item '{_short(sub.text)}' must start with Why:, Instead:, Caution:, "
                "Only for: or Not for:",
            )
            ex.ok = False
            continue
        label, value = " ".join(m.group(1).lower().split()), m.group(2).strip()
        name = LABELS[label]
        if label not in allowed:
            f.add(sub.line, "sub-item-misplaced", _misplaced(label, allowed))
            ex.ok = False
        elif label in ex.seen:
            f.add(
                sub.line,
                "sub-item-twice",
                f"`{name}:` appears twice under this item (first on line {ex.seen[label]}): "
                "keep one",
            )
            ex.ok = False
        elif not value:
            f.add(
                sub.line,
                "sub-item-empty",
                f"`{name}:` is empty: write the text after the colon, or delete the line",
            )
            ex.ok = False
        elif label in ("only for", "not for"):
            names = scope_names(value)
            if vocab.check_situations(f, [(n, sub.line) for n in names]):
                ex.ok = False
            elif label == "only for":
                ex.only = names
            else:
                ex.not_for = names
        elif label == "instead":
            ex.instead, ex.instead_line = value, sub.line
        else:
            setattr(ex, label, value)
        ex.seen.setdefault(label, sub.line)
    return ex


def read_slots(f: File, line: int, text: str, what: str = "phrase") -> tuple[str, ...] | None:
    """The `[...]` slots of a text, in order; None (reported) when a bracket is wrong."""
    slots: list[str] = []
    start = None
    for i, ch in enumerate(text):
        if ch == "[":
            if start is not None:
                break
            start = i
        elif ch == "]":
            if start is None:
                start = -1
                break
            inner = " ".join(text[start + 1 : i].split())
            if not inner:
                f.add(
                    line,
                    "slot-empty",
                    f"{what} has an empty slot `[]`: write what to fill in, e.g. `[name]`",
                )
                return None
            slots.append(inner)
            start = None
    if start is not None:
        f.add(
            line,
            "slot-unbalanced",
            f"{what} has a `[` or `]` without its partner: a slot is written `[name]`",
        )
        return None
    return tuple(slots)
