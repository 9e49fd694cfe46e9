"""The incident's timeline, one note at a time (newest first, from the incident screen).

A long note shows its first lines and "Show all of #n" until opened: one 100 KB note
drawn whole put the hand-over buttons hundreds of screens down and made the note's
button read all of it aloud. The log and every export keep the whole text.
"""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.incidents import format_stamp
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c

FOLD_CHARS = 280  # a note longer than this shows its start until opened
FOLD_LINES = 6  # ... and so does one of more lines than this


def folded(text: str) -> str | None:
    """The start of a long note, ending in "…", or None when it shows whole."""
    lines = text.split("\n")
    if len(text) <= FOLD_CHARS and len(lines) <= FOLD_LINES:
        return None
    head = "\n".join(lines[:FOLD_LINES])[:FOLD_CHARS]
    if head[-1:].isalnum() and " " in head:  # end on a whole word
        head = head[:head.rindex(" ")]
    return head.rstrip() + " …"


def note_row(state, n, amended: list, sz: Sizes) -> ft.Control:
    """One note: a header line and the text; tapping it opens the amendment (while open).
    Few controls per note: the timeline is the app's longest screen."""
    inc = state.incident
    kind = str(n.kind)
    day = inc.current.opened_at if inc.current else None
    title = f"#{n.seq} · {format_stamp(n.at, day)} · {L.kind_label(kind)}"
    if kind == "amendment":
        seq = inc.seq_of(n.ref)
        title += " " + t("note_corrects", ref=f"#{seq}" if seq is not None else "?")
    whole = n.id in inc.unfolded

    def shown(text: str) -> str:
        return text if whole else folded(text) or text

    lines = [ft.Text(title, size=sz.fs(13), weight=ft.FontWeight.BOLD),
             ft.Text(shown(n.text), size=sz.fs(16))]  # selectable text leaves the a11y tree
    lines += [ft.Text(t("note_amended", time=format_stamp(a.at, day), text=shown(a.text)),
                      size=sz.fs(15), italic=True) for a in amended]
    body = ft.Column(lines, spacing=2)
    border = ft.Border.only(bottom=ft.BorderSide(1, ft.Colors.OUTLINE))
    if inc.is_open and kind != "amendment":
        row = c.tappable(L.amend_note(n.seq), body, lambda e: inc.open_amend(n), border=border)
    else:
        row = ft.Container(body, padding=8, border=border)
    if not any(folded(x) for x in (n.text, *(a.text for a in amended))):
        return row
    toggle = c.button(t("note_show_less" if whole else "note_show_all", seq=n.seq),
                      lambda e: inc.toggle_note(n.id),
                      ft.Icons.EXPAND_LESS if whole else ft.Icons.EXPAND_MORE)
    return ft.Column([row, toggle], spacing=4)  # outside the note: a tap here never amends
