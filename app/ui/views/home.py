"""Home: start an incident, the current stage and situation at a glance, the clocks."""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views.clocks import Clocks


@ft.component
def HomeView(state):
    sz = Sizes(state.prefs.text_scale)
    stage = state.stairway.stage()
    sit = state.situations.get()
    go = state.nav.go
    out: list[ft.Control] = []
    if state.incident.is_open:
        inc = state.incident.current
        out += [
            c.heading(t("home_incident_open", situation=inc.situation), sz.fs, 2),
            c.para(inc.location or L.HOME_NO_LOCATION, sz.fs, 15),
            Clocks(state),
            c.button(L.QUICK_INCIDENT, lambda e: go("incident"), ft.Icons.EDIT_NOTE, primary=True),
            c.button(L.START_INCIDENT, lambda e: state.ui.ask("start"), ft.Icons.ADD),
        ]
    else:
        out.append(
            ft.FilledButton(
                content=ft.Text(L.START_INCIDENT, size=sz.fs(24), weight=ft.FontWeight.BOLD),
                icon=ft.Icons.PLAY_ARROW,
                on_click=lambda e: state.ui.ask("start"),
                height=max(72, sz.fs(24) * 2 + 24),
                style=ft.ButtonStyle(shape=ft.RoundedRectangleBorder(radius=16)),
                tooltip=None,
            )
        )
    out.append(c.tappable(
        L.QUICK_STAIRWAY,
        ft.Column([
            ft.Text(L.stage_indicator(state.stairway.number, state.stairway.total or 5),
                    size=sz.fs(15)),
            ft.Text(stage.title if stage else L.STAGE_NOT_LOADED, size=sz.fs(26),
                    weight=ft.FontWeight.BOLD),
            ft.Text(stage.purpose if stage else L.STAGE_WORK_FROM_TRAINING, size=sz.fs(15)),
        ], spacing=2),
        lambda e: go("stairway"),
        bgcolor=ft.Colors.PRIMARY_CONTAINER,
    ))
    out.append(c.tappable(
        L.QUICK_SITUATION,
        ft.Row([ft.Icon(ft.Icons.PERSON_SEARCH),
                ft.Text(t("home_situation", title=sit.title) if sit else L.HOME_SITUATION_NONE,
                        size=sz.fs(17), expand=True)]),
        lambda e: go("situations"),
        border=ft.Border.all(1, ft.Colors.OUTLINE),
    ))
    out.append(c.wrap_row([
        c.button(L.QUICK_PHRASES, lambda e: go("phrases"), ft.Icons.RECORD_VOICE_OVER),
        c.button(L.QUICK_CHECKLIST, lambda e: go("checklist"), ft.Icons.CHECKLIST),
        c.button(L.OPEN_CONTACTS, lambda e: go("contacts"), ft.Icons.PHONE),
        c.button(L.OPEN_INCIDENTS, lambda e: go("incidents"), ft.Icons.LIST),
        c.button(L.OPEN_PRACTICE, lambda e: go("practice"), ft.Icons.SCHOOL_OUTLINED),
    ]))
    return ft.Column(out, spacing=12)
