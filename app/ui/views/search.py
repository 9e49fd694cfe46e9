"""Search the whole guide; a result opens the place it came from.

An Avoid phrase found by search shows what to say instead, right in the result.
"""

from __future__ import annotations

import flet as ft

from app.guide.words import MAX_QUERY_CHARS, MAX_QUERY_WORDS
from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


@ft.component
def SearchView(state):
    sz = Sizes(state.prefs.text_scale)
    part = state.search
    out: list[ft.Control] = [
        ft.TextField(
            label=L.SEARCH_FIELD,
            value=part.query,
            autofocus=True,
            text_size=sz.fs(18),
            prefix_icon=ft.Icons.SEARCH,
            on_change=lambda e: part.run(e.control.value or ""),
            on_submit=lambda e: part.run(e.control.value or ""),
        )
    ]
    if part.cut:  # a paste: say it, or an officer takes "nothing found" for the whole text
        out.append(c.para(t("search_cut", chars=MAX_QUERY_CHARS, words=MAX_QUERY_WORDS),
                          sz.fs, 15, italic=True))
    if part.query.strip() and not part.results:
        out.append(c.para(L.SEARCH_NOTHING, sz.fs))
    for hit in part.results:
        said = [hit.snippet] + ([t("search_instead", text=hit.instead)] if hit.instead else [])
        lines = [ft.Text(hit.title, size=sz.fs(16), weight=ft.FontWeight.BOLD),
                 ft.Text(said[0], size=sz.fs(15))]
        if hit.instead:  # an Avoid phrase: what to say in its place, right here
            lines.append(ft.Text(said[1], size=sz.fs(15), weight=ft.FontWeight.W_500))
        out.append(c.tappable(
            L.search_result(hit.title), ft.Column(lines, spacing=2),
            lambda e, h=hit: part.open(h), said="\n".join(said),
            border=ft.Border.all(1, ft.Colors.OUTLINE),
        ))
    return ft.Column(out, spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
