"""Live clocks: time since the incident started and since the last contact, and the
deadlines (on Home and the incident screen as well as the board: a deadline must not be
missed because the officer was on another screen).

The label sits above its value: side by side, 175% text squeezed the label into a
column one letter wide on a 360 px phone.
"""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.incidents.clock import format_duration, format_stamp
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import hooks


def shown(label: str, value) -> str:
    if value is None:
        return L.CLOCK_NO_CONTACT
    if label == L.CLOCK_SINCE_CONTACT and value.total_seconds() == 0:
        return L.CLOCK_IN_CONTACT
    return format_duration(value)


def deadline(d, now, sz: Sizes, size: float = 17) -> ft.Control:
    """"Come out by 05:30 — due 05:30 (0:12:24 left)"; overdue: in the error colour, bold,
    with a warning icon (never colour alone); handled: plain, with the time it was. The
    date shows when the time falls on another day than now (a call past midnight)."""
    if d.done_at is not None:
        return ft.Text(t("deadline_line_done", text=d.text, time=format_stamp(d.due, now, "%H:%M"),
                         done=format_stamp(d.done_at, now, "%H:%M")), size=sz.fs(size - 1))
    left = d.due - now
    late = left.total_seconds() < 0
    when = t("deadline_overdue", time=format_duration(-left)) if late \
        else t("deadline_left", time=format_duration(left))
    text = ft.Text(t("deadline_line", text=d.text, time=format_stamp(d.due, now, "%H:%M"),
                     when=when), size=sz.fs(size), expand=True,
                   weight=ft.FontWeight.BOLD if late else None,
                   color=ft.Colors.ERROR if late else None)
    if not late:
        return text
    return ft.Row([ft.Icon(ft.Icons.WARNING_AMBER, color=ft.Colors.ERROR, size=sz.fs(22)), text],
                  vertical_alignment=ft.CrossAxisAlignment.START)


@ft.component
def Clocks(state):
    """Time since start and since last contact, then the deadlines (three at most, the
    soonest); re-renders itself every second."""
    sz = Sizes(state.prefs.text_scale)
    hooks.use_tick(1.0)
    start, contact = state.incident.clocks()
    now = state.incident.now()
    soonest = state.incident.deadlines()[:3]
    return ft.Column([
        *[ft.Column([
            ft.Text(label, size=sz.fs(15)),
            ft.Text(shown(label, value), size=sz.fs(24), weight=ft.FontWeight.BOLD),
        ], spacing=0)
          for label, value in ((L.CLOCK_SINCE_START, start), (L.CLOCK_SINCE_CONTACT, contact))],
        # labelled as the clocks are: "Car by noon — due 05:30" did not say it was a deadline
        *([ft.Text(L.BOARD_DEADLINES, size=sz.fs(15))] if soonest else []),
        *[deadline(d, now, sz) for d in soonest],
    ], spacing=8)
