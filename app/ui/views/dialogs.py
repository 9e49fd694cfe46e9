"""The dialogs the state asks for (`state.ui.dialog`): start, override, amend, location,
handover, close, export, retention, erase (practice history), leave. Their forms are in
app/ui/views/forms.py.

Shown full screen in place of the current screen (a phone's full-screen dialog): always
in view whatever the scroll position, each with an explicit cancel; the phone's Back
closes them too. Errors show under their field and wrap; they are never cut off.
"""

from __future__ import annotations

import flet as ft

from app import drafts
from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views.forms import (
    ReasonForm,
    StartForm,
    choice_form,
    draft_start,
    export_form,
    handover_form,
    while_open,
)


def build(state) -> ft.Control | None:
    d, ui, sz = state.ui.dialog, state.ui, Sizes(state.prefs.text_scale)
    inc_id = state.incident.current.id if state.incident.is_open else None
    once = while_open(state)  # a question's yes acts once, while it is asked

    def frame(title: str, content: ft.Control) -> ft.Control:
        return _frame(title, content, sz)

    if d == "start":
        return frame(L.START_INCIDENT, StartForm(state))
    if d == "override":
        intro, unticked = state.stairway.override_intro()
        return frame(L.OVERRIDE, ReasonForm(
            state, L.OVERRIDE_REASON, L.OVERRIDE_CONFIRM, L.OVERRIDE_CANCEL,
            state.stairway.override, intro, drafts.key("override", inc_id), after=unticked))
    if d == "amend" and state.incident.amend_target is not None:
        n = state.incident.amend_target
        return frame(L.AMEND, ReasonForm(
            state, L.AMEND_FIELD, L.AMEND_CONFIRM, L.AMEND_CANCEL, state.incident.amend,
            t("amend_intro", text=n.text), drafts.key(f"amend-{n.id}", inc_id),
            initial=n.text))
    if d == "location" and state.incident.is_open:
        return frame(L.CHANGE_LOCATION, ReasonForm(
            state, L.LOCATION_FIELD, L.LOCATION_CONFIRM, L.LOCATION_CANCEL,
            lambda text: state.incident.change_details(location=text), L.LOCATION_INTRO,
            drafts.key("location", inc_id), initial=state.incident.current.location))
    if d == "handover" and state.incident.current is not None:
        return frame(L.HAND_OVER, handover_form(state, sz))
    if d == "close":
        typed = state.ui.drafts.get(drafts.key("note", inc_id)) if inc_id else ""
        return frame(L.CLOSE_INCIDENT, choice_form(
            L.CLOSE_QUESTION + ("\n\n" + t("close_drops_draft", text=draft_start(typed)) if typed
                                else ""),
            L.CLOSE_CONFIRM, once(lambda e: state.close_incident()), L.CLOSE_CANCEL,
            lambda e: ui.close_dialog(), sz))
    if d == "retention" and state.retention.choice:
        days, n = state.retention.choice, state.retention.count
        return frame(L.RETENTION_TITLE, choice_form(
            t("retention_question", days=days, n=n),
            L.RETENTION_CONFIRM, once(lambda e: state.retention.confirm()), L.RETENTION_CANCEL,
            lambda e: ui.close_dialog(), sz))
    if d == "erase" and (n := state.practice.erase_count) is not None:
        return frame(L.ERASE_PRACTICE, choice_form(
            t("erase_ask", n=n), L.ERASE_PRACTICE_CONFIRM,
            once(lambda e: state.practice.confirm_erase()), L.ERASE_PRACTICE_CANCEL,
            lambda e: state.practice.cancel_erase(), sz))
    if d == "export" and state.export.file is not None:
        titles = {"md": L.EXPORT_MD, "json": L.EXPORT_JSON, "csv": L.EXPORT_CSV}
        fmt = state.export.file.fmt
        return frame(titles.get(fmt, fmt), export_form(state))
    if d == "leave":
        return frame(L.LEAVE_TITLE, choice_form(
            L.LEAVE_QUESTION, L.LEAVE_STAY, lambda e: state.leave(False), L.LEAVE_GO,
            once(lambda e: state.leave(True)), sz))
    return None


def _frame(title: str, content: ft.Control, sz: Sizes) -> ft.Control:
    return ft.Container(
        ft.Column([ft.Text(title, size=sz.fs(22), weight=ft.FontWeight.BOLD), content],
                  spacing=12),
        padding=16,
        border_radius=16,
        border=ft.Border.all(2, ft.Colors.PRIMARY),
    )


@ft.component
def DialogView(state):
    return build(state) or ft.Container(height=0)
