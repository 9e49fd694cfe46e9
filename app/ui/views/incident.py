"""The incident screen: quick-note bar, unsaved notes, and the timeline (newest first).

The timeline shows the pages loaded so far (50 notes each); older notes load on demand.
"""

from __future__ import annotations

import flet as ft

from app.incidents import KIND_LABELS, MORE_KINDS, QUICK_KINDS, format_local
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views.clocks import Clocks

# from the note-kind table: the kinds an officer taps most sit in view; the rest fold
# under "More note kinds"
QUICK = tuple(str(k) for k in QUICK_KINDS)
MORE = tuple(str(k) for k in MORE_KINDS)
MORE_TEXT = "More: " + ", ".join(KIND_LABELS[k].lower() for k in MORE_KINDS)


@ft.component
def QuickNotes(state):
    sz = Sizes(state.prefs.text_scale)
    text, get_text, on_text = c.use_field("")
    minutes, get_minutes, on_minutes = c.use_field("")
    more, set_more = ft.use_state(False)

    def save(kind):
        due = get_minutes() if kind == "deadline" else None
        if state.add_note(kind, get_text(), due_minutes=due):
            get_text.reset()
            if kind == "deadline":
                get_minutes.reset()

    def buttons(kinds):
        return c.wrap_row([c.button(L.NOTE_KINDS[k], lambda e, k=k: save(k),
                                    primary=k == "note") for k in kinds])

    return ft.Column([
        ft.TextField(label=L.NOTE_FIELD, value=text, multiline=True, min_lines=1, max_lines=4,
                     text_size=sz.fs(17), on_change=on_text),
        buttons(QUICK),
        c.button(L.MORE_KINDS, lambda e: set_more(not more),
                 ft.Icons.EXPAND_LESS if more else ft.Icons.EXPAND_MORE,
                 text="Fewer kinds" if more else MORE_TEXT),
        *([ft.TextField(label=L.DEADLINE_MINUTES, value=minutes, text_size=sz.fs(16),
                        keyboard_type=ft.KeyboardType.NUMBER, on_change=on_minutes),
           buttons(MORE)] if more else []),
    ], spacing=8)


def note_row(state, n, amended: list, sz: Sizes) -> ft.Control:
    kind = str(n.kind)
    title = f"#{n.seq} · {format_local(n.at, fmt='%H:%M:%S')} · {KIND_LABELS.get(n.kind, kind)}"
    if kind == "amendment":
        title += f" (corrects {n.ref})"
    parts = [
        ft.Row([ft.Text(title, size=sz.fs(13), weight=ft.FontWeight.BOLD, expand=True),
                *([c.icon_button(L.AMEND, ft.Icons.EDIT, lambda e: state.open_amend(n))]
                  if state.incident_open and kind != "amendment" else [])]),
        ft.Text(n.text, size=sz.fs(16)),  # selectable text drops out of the a11y tree
    ]
    for a in amended:
        parts.append(ft.Container(
            ft.Text(f"Amended {format_local(a.at, fmt='%H:%M:%S')}: {a.text}", size=sz.fs(15),
                    italic=True),
            border=ft.Border.only(left=ft.BorderSide(4, ft.Colors.PRIMARY)), padding=6))
    return ft.Container(ft.Column(parts, spacing=2), padding=8,
                        border=ft.Border.only(bottom=ft.BorderSide(1, ft.Colors.OUTLINE)))


@ft.component
def IncidentView(state):
    sz = Sizes(state.prefs.text_scale)
    if state.incident is None:
        return ft.Column([
            c.para("No incident is open.", sz.fs, 18),
            c.button(L.START_INCIDENT, lambda e: state.open_start(), ft.Icons.PLAY_ARROW,
                     primary=True),
            c.button(L.OPEN_INCIDENTS, lambda e: state.go("incidents"), ft.Icons.LIST),
        ], spacing=12)
    inc = state.incident
    status = "open" if state.incident_open else "closed"
    out: list[ft.Control] = [
        c.heading(f"{inc.situation} ({status})", sz.fs, 2),
        c.para(f"{inc.location or 'No location'} · since "
               f"{format_local(inc.opened_at, fmt='%Y-%m-%d %H:%M')}", sz.fs, 14),
        *([Clocks(state)] if state.incident_open else []),
        c.para(state.chain_line(), sz.fs, 13),
        c.wrap_row([
            c.button(L.OPEN_BOARD, lambda e: state.go("board"), ft.Icons.DASHBOARD),
            c.button(L.OPEN_INCIDENTS, lambda e: state.go("incidents"), ft.Icons.LIST),
        ]),
    ]
    if state.incident_open:
        out.append(QuickNotes(state))
    if state.message:
        out.append(c.para(state.message, sz.fs, color=ft.Colors.ERROR))
    pending = state.pending()
    if state.save_error or pending:
        out.append(ft.Container(ft.Column([
            c.para(state.save_error or "Some notes are not saved yet.", sz.fs,
                   color=ft.Colors.ON_ERROR_CONTAINER),
            *[c.para(f"Unsaved: {p.text}", sz.fs, 15, color=ft.Colors.ON_ERROR_CONTAINER)
              for p in pending],
            c.button(L.RETRY_SAVE, lambda e: state.retry_save(), ft.Icons.REFRESH, primary=True),
        ]), bgcolor=ft.Colors.ERROR_CONTAINER, padding=10, border_radius=8))
    amended = state.amendments()
    out += [note_row(state, n, amended.get(n.id, []), sz) for n in state.timeline]
    if state.has_older:
        out.append(c.button(L.LOAD_OLDER, lambda e: state.load_older(), ft.Icons.EXPAND_MORE))
    out.append(c.heading("Hand over", sz.fs, 3))
    out.append(c.wrap_row([
        c.button(L.EXPORT_MD, lambda e: state.export("md", state.browser), ft.Icons.DOWNLOAD),
        c.button(L.EXPORT_JSON, lambda e: state.export("json", state.browser)),
        c.button(L.EXPORT_CSV, lambda e: state.export("csv", state.browser)),
        *([c.button(L.CLOSE_INCIDENT, lambda e: state.ask("close"), ft.Icons.STOP_CIRCLE)]
          if state.incident_open else []),
    ]))
    return ft.Column(out, spacing=8)
