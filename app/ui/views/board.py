"""The negotiation board: demands (with status), deadlines (countdown), hooks, triggers,
subject information, weapons, people, the phrases used, derived from the notes."""

from __future__ import annotations

import flet as ft

from app.i18n import text as t
from app.incidents import DemandStatus, format_stamp
from app.incidents.kinds import BOARD_SECTIONS
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views import hooks
from app.ui.views.clocks import deadline
from app.ui.views.incident import head
from app.ui.views.timeline import folded


def demand_row(state, d, sz: Sizes) -> ft.Control:
    buttons = [c.choice(L.demand_status(d.text, s.value),
                        lambda e, s=s: state.incident.set_demand_status(d, s.value),
                        d.status == s, text=L.demand_state(s.value)) for s in DemandStatus]
    return ft.Column([
        c.para(t("demand_line", text=d.text, status=L.demand_state(d.status.value)), sz.fs, 17,
               weight=ft.FontWeight.BOLD),
        *([c.wrap_row(buttons)] if state.incident.is_open else []),
    ], spacing=4)


@ft.component
def Deadlines(state):
    """Each deadline with a live countdown (re-rendered every second)."""
    hooks.use_tick(1.0)
    sz = Sizes(state.prefs.text_scale)
    now = state.incident.now()
    out = [deadline_row(state, d, now, sz) for d in state.incident.board.deadlines]
    return ft.Column(out or [c.para(L.BOARD_NONE, sz.fs, 15)], spacing=8)


def deadline_row(state, d, now, sz: Sizes) -> ft.Control:
    """The countdown, and under it "Mark handled" while it runs: a deadline that passed
    quietly or was met stops counting on every screen."""
    if d.done_at is not None or not state.incident.is_open:
        return deadline(d, now, sz)
    mark = c.button(t("deadline_mark_done", text=d.text),
                    lambda e: state.incident.deadline_done(d), ft.Icons.CHECK,
                    text=t("deadline_mark_done_short"))
    return ft.Column([deadline(d, now, sz), mark], spacing=4)


def standing(b, day, sz: Sizes) -> list[ft.Control]:
    """Where the stairway stands, each override with its reason, the signs seen and the
    checklist items done, each at its latest tick, then those unticked since: what a negotiator
    taking over asks first (the handover brief's Status, on the phone). A long entry shows its
    start, as in the timeline, which keeps it whole."""
    def at(key: str, items) -> list[ft.Control]:
        return [c.para(t(key, time=format_stamp(i.at, day), since=format_stamp(i.ticked_at, day),
                         text=folded(i.text) or i.text), sz.fs, 16) for i in items]

    said = b.stage_said
    if said is not None and said.text.strip():
        stage = t("board_stage_now", text=folded(said.text) or said.text,
                  time=format_stamp(said.at, day))
    else:  # no move up logged (or one with no words: its stage id)
        stage = b.stage or t("board_stage_first")
    return [
        c.heading(t("board_stairway"), sz.fs),
        c.para(stage, sz.fs, 16, weight=ft.FontWeight.BOLD),
        *at("board_override", b.overrides_said),
        c.heading(t("board_signs"), sz.fs, 3),
        *(at("board_at", b.signs) + at("board_unticked", b.signs_taken_back)
          or [c.para(L.BOARD_NONE, sz.fs, 15)]),
        c.heading(t("board_checklist"), sz.fs),
        *(at("board_at", b.ticked) + at("board_unticked", b.ticked_taken_back)
          or [c.para(L.BOARD_NONE, sz.fs, 15)]),
    ]


@ft.component
def BoardView(state):
    sz = Sizes(state.prefs.text_scale)
    b = state.incident.board
    if state.incident.current is None or b is None:
        return c.para(L.INCIDENT_NONE, sz.fs)
    out: list[ft.Control] = [
        *head(state.incident, sz),
        c.para(L.BOARD_IN_CONTACT if b.in_contact else L.BOARD_NO_CONTACT, sz.fs, 16,
               weight=ft.FontWeight.BOLD),
        c.button(L.OPEN_TIMELINE, lambda e: state.nav.go("incident"), ft.Icons.VIEW_LIST),
        c.heading(L.BOARD_DEMANDS, sz.fs),
        *([demand_row(state, d, sz) for d in b.demands] or [c.para(L.BOARD_NONE, sz.fs, 15)]),
        c.heading(L.BOARD_DEADLINES, sz.fs),
    ]
    out.append(Deadlines(state))
    day = state.incident.current.opened_at
    out += standing(b, day, sz)
    for name, _ in BOARD_SECTIONS:  # the note-kind table's board lists, in its order
        items = getattr(b, name)
        out.append(c.heading(t(f"board_{name}"), sz.fs))
        out.append(c.bullets(items, sz.fs) if items else c.para(L.BOARD_NONE, sz.fs, 15))
    out.append(c.heading(L.BOARD_CONTACTS, sz.fs))
    for i, ct in enumerate(b.contacts, 1):
        end = format_stamp(ct.end, day) if ct.end else L.CONTACT_GOING_ON
        out.append(c.para(t("contact_span", n=i, start=format_stamp(ct.start, day),
                            end=end), sz.fs, 16))
    if not b.contacts:
        out.append(c.para(L.BOARD_NONE, sz.fs, 15))
    return ft.Column(out, spacing=8)
