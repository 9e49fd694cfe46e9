"""Live clocks: time since the incident started and since the last contact."""

from __future__ import annotations

import flet as ft

from app.incidents.clock import format_duration
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


@ft.component
def Clocks(state):
    """Time since start and since last contact; re-renders itself every second."""
    sz = Sizes(state.prefs.text_scale)
    c.use_tick(1.0)
    start, contact = state.clocks()
    rows = []
    for label, value in ((L.CLOCK_SINCE_START, start), (L.CLOCK_SINCE_CONTACT, contact)):
        shown = format_duration(value) if value is not None else "no contact yet"
        if value is not None and label == L.CLOCK_SINCE_CONTACT and value.total_seconds() == 0:
            shown = "in contact now"
        rows.append(ft.Semantics(label=f"{label}: {shown}", content=ft.Row([
            ft.Text(label, size=sz.fs(15), expand=True),
            ft.Text(shown, size=sz.fs(24), weight=ft.FontWeight.BOLD),
        ])))
    return ft.Column(rows, spacing=4)
