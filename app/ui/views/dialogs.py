"""The dialogs the state asks for (`state.dialog`): start, override, amend, close, export,
retention.

Shown full screen in place of the current screen (a phone's full-screen dialog): always
in view whatever the scroll position, and each has an explicit cancel.
"""

from __future__ import annotations

import flet as ft

from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c


@ft.component
def StartForm(state):
    sz = Sizes(state.prefs.text_scale)
    location, get_location, on_location = c.use_field("")
    sit, set_sit = ft.use_state(state.prefs.situation)
    chosen = ft.use_ref(state.prefs.situation)

    def pick(sid):
        chosen.current = sid
        set_sit(sid)

    return ft.Column([
        c.para("What is the call?", sz.fs, 16),
        c.wrap_row([c.choice(L.situation_choice(s.title), lambda e, s=s: pick(s.id),
                             sit == s.id, text=s.title) for s in state.guide.situations]),
        ft.TextField(label=L.START_LOCATION, value=location, text_size=sz.fs(17),
                     on_change=on_location),
        *([c.para(state.message, sz.fs, color=ft.Colors.ERROR)] if state.message else []),
        c.button(L.START_CONFIRM, lambda e: state.start_incident(chosen.current, get_location()),
                 ft.Icons.PLAY_ARROW, primary=True),
        c.button(L.START_CANCEL, lambda e: state.close_dialog()),
    ], tight=True, spacing=10, scroll=ft.ScrollMode.AUTO)


@ft.component
def ReasonForm(state, label: str, confirm: str, cancel: str, on_confirm, error, intro: str,
               initial: str = ""):
    sz = Sizes(state.prefs.text_scale)
    text, get_text, on_text = c.use_field(initial)
    return ft.Column([
        c.para(intro, sz.fs, 16),
        ft.TextField(label=label, value=text, multiline=True, min_lines=2, max_lines=5,
                     text_size=sz.fs(17), error=error,
                     on_change=on_text),
        c.button(confirm, lambda e: on_confirm(get_text()), ft.Icons.CHECK, primary=True),
        c.button(cancel, lambda e: state.close_dialog()),
    ], tight=True, spacing=10, scroll=ft.ScrollMode.AUTO)


def build(state) -> ft.Control | None:
    d = state.dialog
    if d == "start":
        return _frame(L.START_INCIDENT, StartForm(state))
    if d == "override":
        return _frame(L.OVERRIDE, ReasonForm(
            state, L.OVERRIDE_REASON, L.OVERRIDE_CONFIRM, L.OVERRIDE_CANCEL, state.override,
            state.override_error,
            "Not every sign is there yet. Moving up early is recorded with your reason."))
    if d == "amend" and state.amend_target is not None:
        n = state.amend_target
        return _frame(L.AMEND, ReasonForm(
            state, L.AMEND_FIELD, L.AMEND_CONFIRM, L.AMEND_CANCEL, state.amend, state.message,
            f"The original stays in the log: “{n.text}”", initial=n.text))
    if d == "close":
        return _frame(L.CLOSE_INCIDENT, ft.Column([
            ft.Text("Close this incident? Notes can no longer be added."),
            c.button(L.CLOSE_CONFIRM, lambda e: state.close_incident(), primary=True),
            c.button(L.CLOSE_CANCEL, lambda e: state.close_dialog()),
        ], tight=True, spacing=10))
    if d == "retention" and state.retention_choice:
        days, n = state.retention_choice, state.retention_count
        return _frame("Delete old incidents?", ft.Column([
            ft.Text(f"Closed incidents will be deleted from this device {days} days after "
                    f"they were closed. {n} would be deleted now. Export anything the team "
                    "needs first: this cannot be undone. Open incidents are never deleted."),
            c.button(L.RETENTION_CONFIRM, lambda e: state.confirm_retention(), primary=True),
            c.button(L.RETENTION_CANCEL, lambda e: state.close_dialog()),
        ], tight=True, spacing=10))
    if d == "export" and state.export_file is not None:
        f = state.export_file
        where = f"Saved to {f.saved_to}." if f.saved_to else f"Downloading {f.name}."
        return _frame(f"Export ({f.fmt})", content=ft.Column([
            ft.Text(where + " The text is below to copy."),
            ft.TextField(label=L.EXPORT_TEXT, value=f.text, multiline=True, read_only=True,
                         min_lines=6, max_lines=14, text_size=13),
            c.button(L.EXPORT_CLOSE, lambda e: state.close_dialog(), primary=True),
        ], tight=True, spacing=10, scroll=ft.ScrollMode.AUTO))
    return None


def _frame(title: str, content: ft.Control) -> ft.Control:
    return ft.Container(
        ft.Column([ft.Text(title, size=22, weight=ft.FontWeight.BOLD), content], spacing=12),
        padding=16,
        border_radius=16,
        border=ft.Border.all(2, ft.Colors.PRIMARY),
    )


@ft.component
def DialogView(state):
    return build(state) or ft.Container(height=0)
