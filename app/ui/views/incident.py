"""The incident screen: the note field first, then the clocks, unsaved notes and the
timeline (newest first). Every error shows beside the field it is about.

The timeline shows the pages loaded so far (50 notes each); older notes load on demand.
"""

from __future__ import annotations

import flet as ft

from app import drafts
from app.i18n import text as t
from app.incidents import MORE_KINDS, QUICK_KINDS, format_local, format_stamp
from app.terminal import terminal_safe
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views import hooks
from app.ui.views.clocks import Clocks
from app.ui.views.timeline import folded, note_row

# from the note-kind table (app.incidents.kinds): the kinds an officer taps most sit in
# view; a deadline has its minutes field right there; the rest fold under "More note kinds"
QUICK = tuple(str(k) for k in QUICK_KINDS)
MORE = tuple(str(k) for k in MORE_KINDS)
FOLDED = tuple(k for k in MORE if k != "deadline")  # deadline sits by its minutes field
DEADLINE = ("deadline",)


def group_of(kind: str | None) -> tuple[str, ...]:
    """The button group a kind's button is in (QUICK, DEADLINE or FOLDED)."""
    return DEADLINE if kind == "deadline" else FOLDED if kind in FOLDED else QUICK


def more_text() -> str:
    """ "More: subject info, weapon, ..." in the language in use."""
    return t("more_kinds_list", kinds=", ".join(L.kind_label(k).lower() for k in FOLDED))


def errors_of(state, label: str, sz: Sizes) -> list[ft.Control]:
    error = state.ui.errors.get(label)
    return [c.field_error(error, sz.fs)] if error else []


@ft.component
def QuickNotes(state):
    sz = Sizes(state.prefs.text_scale)
    inc = state.incident
    inc_id = inc.current.id if inc.current else None
    text, get_text, on_text = hooks.use_field("", state.ui.drafts, drafts.key("note", inc_id))
    minutes, get_minutes, on_minutes = hooks.use_field("", state.ui.drafts,
                                                       drafts.key("minutes", inc_id))
    more, set_more = ft.use_state(False)

    def save(kind):
        due = get_minutes() if kind == "deadline" else None
        if inc.add_note(kind, get_text(), due_minutes=due):
            get_text.reset()
            if kind == "deadline":
                get_minutes.reset()

    def buttons(kinds):
        return c.wrap_row([c.button(L.note_kind(k), lambda e, k=k: save(k), primary=k == "note")
                           for k in kinds])

    def saved(kinds) -> list[ft.Control]:
        """"Saved as #12" under the button that saved it: at the largest text, a line at
        the top was out of view of the deadline button and the folded kinds."""
        if not inc.saved or group_of(inc.saved_kind) != kinds:
            return []
        return [ft.Row([ft.Icon(ft.Icons.CHECK_CIRCLE, color=ft.Colors.PRIMARY),
                        c.para(inc.saved, sz.fs, 15, expand=True)])]

    return ft.Column([
        ft.Row([ft.TextField(label=L.NOTE_FIELD, value=text, multiline=True, min_lines=1,
                             max_lines=4, text_size=sz.fs(17), on_change=on_text, expand=True)]),
        *errors_of(state, L.NOTE_FIELD, sz),
        buttons(QUICK),
        *saved(QUICK),
        ft.Row([
            ft.TextField(label=L.DEADLINE_MINUTES, value=minutes, text_size=sz.fs(16),
                         keyboard_type=ft.KeyboardType.NUMBER, on_change=on_minutes,
                         expand=True),
        ]),
        *errors_of(state, L.DEADLINE_MINUTES, sz),
        c.button(L.note_kind("deadline"), lambda e: save("deadline"), ft.Icons.ALARM),
        *saved(DEADLINE),
        c.button(L.MORE_KINDS, lambda e: set_more(not more),
                 ft.Icons.EXPAND_LESS if more else ft.Icons.EXPAND_MORE,
                 text=L.FEWER_KINDS if more else more_text()),
        *([buttons(FOLDED), *saved(FOLDED)] if more else []),
    ], spacing=8)


def head(inc, sz: Sizes) -> list[ft.Control]:
    """Which call this is: situation, place, when it opened (and closed). The board shows it
    too: a negotiator taking over from it had to go back to the log to learn them."""
    cur = inc.current
    return [
        c.heading(t("incident_open" if inc.is_open else "incident_closed",
                    situation=cur.situation), sz.fs, 2),
        c.para(t("incident_since", location=cur.location or L.NO_LOCATION,
                 time=format_local(cur.opened_at, fmt="%Y-%m-%d %H:%M")), sz.fs, 14),
        *([c.para(t("incident_closed_at", time=format_stamp(cur.closed_at, cur.opened_at,
                                                            "%H:%M")), sz.fs, 14)]
          if cur.closed_at is not None and not inc.is_open else []),
    ]


@ft.component
def IncidentView(state):
    sz = Sizes(state.prefs.text_scale)
    inc = state.incident
    go = state.nav.go
    if inc.current is None:
        return ft.Column([
            c.para(L.INCIDENT_NONE, sz.fs, 18),
            c.button(L.START_INCIDENT, lambda e: state.ui.ask("start"), ft.Icons.PLAY_ARROW,
                     primary=True),
            c.button(L.OPEN_INCIDENTS, lambda e: go("incidents"), ft.Icons.LIST),
        ], spacing=12)
    out: list[ft.Control] = [QuickNotes(state)] if inc.is_open else []
    if state.ui.message:
        out.append(c.para(state.ui.message, sz.fs, color=ft.Colors.ERROR))
    pending = inc.pending()
    if inc.save_error or pending:
        out.append(ft.Container(ft.Column([
            c.para(terminal_safe(inc.save_error or L.NOTES_NOT_SAVED), sz.fs,  # a path
                   color=ft.Colors.ON_ERROR_CONTAINER),
            *[c.para(terminal_safe(t("note_unsaved", text=folded(p.text) or p.text)), sz.fs, 15,
                     color=ft.Colors.ON_ERROR_CONTAINER)
              for p in pending],
            c.button(L.RETRY_SAVE, lambda e: inc.retry_save(), ft.Icons.REFRESH, primary=True),
        ]), bgcolor=ft.Colors.ERROR_CONTAINER, padding=10, border_radius=8))
    out += [
        *head(inc, sz),
        *([Clocks(state),
           c.button(L.CHANGE_LOCATION, lambda e: state.ui.ask("location"), ft.Icons.PLACE)]
          if inc.is_open else []),
        c.para(inc.chain_line(), sz.fs, 13),
        c.wrap_row([
            c.button(L.OPEN_BOARD, lambda e: go("board"), ft.Icons.DASHBOARD),
            c.button(L.OPEN_HAND_OVER, lambda e: state.ui.ask("handover"), ft.Icons.SEND),
            c.button(L.OPEN_INCIDENTS, lambda e: go("incidents"), ft.Icons.LIST),
        ]),
    ]
    amended = inc.amendments()
    out += [note_row(state, n, amended.get(n.id, []), sz) for n in inc.timeline]
    if inc.has_older:
        out.append(c.button(L.LOAD_OLDER, lambda e: inc.load_older(), ft.Icons.EXPAND_MORE))
    out.append(c.heading(L.HAND_OVER, sz.fs, 3))
    out.append(c.wrap_row([
        c.button(L.EXPORT_MD, lambda e: state.export.export("md"), ft.Icons.DOWNLOAD),
        c.button(L.EXPORT_JSON, lambda e: state.export.export("json")),
        c.button(L.EXPORT_CSV, lambda e: state.export.export("csv")),
        *([c.button(L.CLOSE_INCIDENT, lambda e: state.ui.ask("close"), ft.Icons.STOP_CIRCLE)]
          if inc.is_open else []),
    ]))
    return ft.Column(out, spacing=8)
