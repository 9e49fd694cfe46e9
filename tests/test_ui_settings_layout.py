"""Settings reads in sections: each button sits under the heading it belongs to."""

from __future__ import annotations

import flet as ft

from app.ui import labels as L
from tests.ui_harness import label_of


async def test_the_guide_buttons_sit_under_their_own_heading(app):
    app.state.nav.go("settings")
    await app.settle()
    seen: list[str] = []
    for c in app.controls():  # in the order they are drawn, top to bottom
        seen += [c.value] if isinstance(c, ft.Text) and c.value else label_of(c)
    order = [seen.index(x) for x in
             ("Practice", L.ERASE_PRACTICE, "The guide", L.OPEN_GUIDE, L.OPEN_ABOUT)]
    assert order == sorted(order), seen
