"""The warnings on top of every screen (`state.ui.notices`): a damaged file, a cut log, a
guide that could not be loaded. Each can be dismissed; a long one shows its first lines
and "Show all", so it does not push the screen's own work out of sight (at 175% text on a
360x640 phone one took half the screen). A screen reader reads the whole of it either way.
"""

from __future__ import annotations

import flet as ft

from app.said import local
from app.terminal import Lines, screen_safe
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c

BANNER_LINES = 3  # a long banner shows this many lines until it is opened
LINE_CHARS = 31  # characters a banner line holds on a 360 px phone at 100% text


def banners(state, sz: Sizes) -> list[ft.Control]:
    """One container per notice, in order (shell.py puts them above the screen's body)."""
    out = []
    for i, notice in enumerate(state.ui.notices):
        # paths, file names, a pack's words, a call's situation: shown as escapes where
        # they hold a control character or half a character (app/terminal.py)
        text = screen_safe(local(notice), lines=isinstance(notice, Lines))
        long = len(text) > BANNER_LINES * LINE_CHARS / sz.scale
        whole = not long or notice in state.ui.opened
        words = ft.Text(text, size=sz.fs(15), color=ft.Colors.ON_ERROR_CONTAINER,
                        max_lines=None if whole else BANNER_LINES,
                        # ellipsis with no line limit cuts Flutter's text to one line
                        overflow=ft.TextOverflow.VISIBLE if whole else ft.TextOverflow.ELLIPSIS,
                        semantics_label=text)
        toggle = [ft.TextButton(
            L.BANNER_LESS if whole else L.BANNER_MORE,
            on_click=lambda e, i=i: state.ui.toggle_notice(i),
            style=ft.ButtonStyle(color=ft.Colors.ON_ERROR_CONTAINER,  # 48 px tall to tap
                                 padding=ft.Padding.symmetric(vertical=14, horizontal=8)),
        )] if long else []
        out.append(ft.Container(
            ft.Row([
                ft.Icon(ft.Icons.WARNING_AMBER, color=ft.Colors.ON_ERROR_CONTAINER),
                ft.Column([words, *toggle], spacing=0, expand=True,
                          horizontal_alignment=ft.CrossAxisAlignment.START),
                c.icon_button(L.DISMISS_BANNER, ft.Icons.CLOSE,
                              lambda e, i=i: state.ui.dismiss_notice(i)),
            ], vertical_alignment=ft.CrossAxisAlignment.START),
            bgcolor=ft.Colors.ERROR_CONTAINER, padding=8, border_radius=8,
        ))
    return out
