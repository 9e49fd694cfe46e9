"""Search the whole guide; a result opens the place it came from."""

from __future__ import annotations

import flet as ft

from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


@ft.component
def SearchView(state):
    sz = Sizes(state.prefs.text_scale)
    out: list[ft.Control] = [
        ft.TextField(
            label=L.SEARCH_FIELD,
            value=state.query,
            autofocus=True,
            text_size=sz.fs(18),
            prefix_icon=ft.Icons.SEARCH,
            on_change=lambda e: state.search(e.control.value or ""),
            on_submit=lambda e: state.search(e.control.value or ""),
        )
    ]
    if state.query.strip() and not state.results:
        out.append(c.para("Nothing found. Try fewer or shorter words.", sz.fs))
    for hit in state.results:
        out.append(
            c.tappable(
                L.search_result(hit.title),
                ft.Column([
                    ft.Text(hit.title, size=sz.fs(16), weight=ft.FontWeight.BOLD),
                    ft.Text(hit.snippet, size=sz.fs(15)),
                ], spacing=2),
                lambda e, h=hit: state.open_result(h),
                border=ft.Border.all(1, ft.Colors.OUTLINE),
            )
        )
    return ft.Column(out, spacing=8, horizontal_alignment=ft.CrossAxisAlignment.STRETCH)
