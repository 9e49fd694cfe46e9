"""Live clocks: time since the incident started and since the last contact.

The label sits above its value: side by side, 175% text squeezed the label into a
column one letter wide on a 360 px phone.
"""

from __future__ import annotations

import flet as ft

from app.incidents.clock import format_duration
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import hooks


def shown(label: str, value) -> str:
    if value is None:
        return L.CLOCK_NO_CONTACT
    if label == L.CLOCK_SINCE_CONTACT and value.total_seconds() == 0:
        return L.CLOCK_IN_CONTACT
    return format_duration(value)


@ft.component
def Clocks(state):
    """Time since start and since last contact; re-renders itself every second."""
    sz = Sizes(state.prefs.text_scale)
    hooks.use_tick(1.0)
    start, contact = state.incident.clocks()
    return ft.Column([
        ft.Column([
            ft.Text(label, size=sz.fs(15)),
            ft.Text(shown(label, value), size=sz.fs(24), weight=ft.FontWeight.BOLD),
        ], spacing=0)
        for label, value in ((L.CLOCK_SINCE_START, start), (L.CLOCK_SINCE_CONTACT, contact))
    ], spacing=8)
