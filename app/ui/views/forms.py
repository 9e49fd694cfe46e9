"""The forms inside the dialogs (app/ui/views/dialogs.py): start an incident, a reason,
a yes/no question, hand over, an export. Typed words are kept as drafts (app/drafts.py).
"""

from __future__ import annotations

import flet as ft

from app import drafts
from app.i18n import text as t
from app.incidents import format_local
from app.ui import labels as L
from app.ui.theme import Sizes
from app.ui.views import common as c
from app.ui.views import hooks


@ft.component
def StartForm(state):
    sz = Sizes(state.prefs.text_scale)
    location, get_location, on_location = hooks.use_field("", state.ui.drafts, drafts.START)
    # the situation picked is kept like the place: Back then Start must not open another
    kept = state.ui.drafts.get(drafts.START_SITUATION)  # a situation of this guide only
    picked = kept if any(s.id == kept for s in state.guide.situations) else \
        state.prefs.situation
    sit, set_sit = ft.use_state(picked)
    chosen = ft.use_ref(picked)

    def pick(sid):
        chosen.current = sid
        state.ui.drafts.put(drafts.START_SITUATION, sid)
        set_sit(sid)

    @while_open(state)
    def start(e):
        state.start_incident(chosen.current, get_location())

    still_open = [c.para(_still_open(state.incident.current), sz.fs, 16,
                         weight=ft.FontWeight.BOLD)] if state.incident.is_open else []
    return ft.Column([
        *still_open,
        c.para(L.WHAT_IS_THE_CALL, sz.fs, 16),
        c.wrap_row([c.choice(L.situation_choice(s.title), lambda e, s=s: pick(s.id),
                             sit == s.id, text=s.title) for s in state.guide.situations]),
        ft.TextField(label=L.START_LOCATION, value=location, text_size=sz.fs(17),
                     on_change=on_location),
        *([c.field_error(state.ui.message, sz.fs)] if state.ui.message else []),
        c.button(L.START_CONFIRM, start, ft.Icons.PLAY_ARROW, primary=True),
        c.button(L.START_CANCEL, lambda e: cancel(state, drafts.START, drafts.START_SITUATION)),
    ], tight=True, spacing=10)


def while_open(state):
    """A form's confirm acts only while the form it was drawn on is open. A second tap, or a
    tap on a frame drawn before the form closed (a slow phone, a stalled screen), arrives
    after the first closed it: it logged a second override with the same reason, and a
    second Start closed the incident just opened and opened another."""
    drawn_for = state.ui.dialog

    def wrap(act):
        def guarded(*args):
            return act(*args) if state.ui.dialog == drawn_for else None
        return guarded
    return wrap


def cancel(state, *keys: str) -> None:
    """An explicit Cancel throws the typed words away (Back keeps them for later)."""
    for draft in keys:
        state.ui.drafts.drop(draft)
    state.ui.close_dialog()


def _still_open(inc) -> str:
    """"An incident is still open (Hostage · Elm St · since 06:01)...": which one it is."""
    return t("start_closes_open", situation=inc.situation, location=inc.location or
             L.NO_LOCATION, time=format_local(inc.opened_at, fmt="%H:%M"))


@ft.component
def ReasonForm(state, label: str, confirm: str, cancel_label: str, on_confirm, intro: str,
               draft: str, initial: str = "", after: str = ""):
    sz = Sizes(state.prefs.text_scale)
    text, get_text, on_text = hooks.use_field(initial, state.ui.drafts, draft,
                                              lambda _: state.ui.clear_error(label))
    error = state.ui.errors.get(label)

    @while_open(state)
    def done(e) -> None:
        on_confirm(get_text())
        if state.ui.dialog is None:  # taken: the words are in the log now
            state.ui.drafts.drop(draft)

    return ft.Column([
        c.para(intro, sz.fs, 16),
        ft.TextField(label=label, value=text, multiline=True, min_lines=2, max_lines=5,
                     text_size=sz.fs(17), on_change=on_text),
        *([c.field_error(error, sz.fs)] if error else []),
        c.button(confirm, done, ft.Icons.CHECK, primary=True),
        c.button(cancel_label, lambda e: cancel(state, draft)),
        *([c.para(after, sz.fs, 16)] if after else []),
    ], tight=True, spacing=10)


def choice_form(text: str, yes: str, on_yes, no: str, on_no, sz: Sizes) -> ft.Control:
    return ft.Column([c.para(text, sz.fs, 17), c.button(yes, on_yes, primary=True),
                      c.button(no, on_no)], tight=True, spacing=10)


def export_form(state) -> ft.Control:
    f = state.export.file
    # on a phone, a file not written is said below (the message), never "downloading"
    where = t("export_saved_to", path=f.saved_to) if f.saved_to else \
        t("export_downloading", name=f.name) if state.device.browser else ""
    return ft.Column([
        *([c.para(where, Sizes(state.prefs.text_scale).fs, 15)] if where else []),
        c.wrap_row([
            c.button(L.EXPORT_COPY, lambda e: state.export.copied(), ft.Icons.COPY,
                     primary=True, action=ft.CopyToClipboard(f.text)),
            c.button(L.EXPORT_SHARE, None, ft.Icons.SHARE,
                     action=ft.ShareText(f.text, subject=f.name)),
            *([] if state.device.browser else  # a browser has downloaded it already
              [c.button(L.EXPORT_SAVE, lambda e: state.export.save_file(), ft.Icons.SAVE)]),
        ]),
        *c.share_hint(state, Sizes(state.prefs.text_scale)),
        *([c.para(state.ui.message, Sizes(state.prefs.text_scale).fs, 15)]
          if state.ui.message else []),
        ft.TextField(label=L.EXPORT_TEXT, value=f.text, multiline=True, read_only=True,
                     min_lines=6, max_lines=14, text_size=Sizes(state.prefs.text_scale).fs(13)),
        c.button(L.EXPORT_CLOSE, lambda e: state.ui.close_dialog()),
    ], tight=True, spacing=10)


def handover_form(state, sz: Sizes) -> ft.Control:
    """Export and Close in reach from the top of the incident screen (the same buttons sit
    under the timeline, which at 175% text can be many screens down)."""
    export = state.export.export
    return ft.Column([
        c.button(L.EXPORT_MD, lambda e: export("md"), ft.Icons.DOWNLOAD, primary=True),
        c.button(L.EXPORT_JSON, lambda e: export("json")),
        c.button(L.EXPORT_CSV, lambda e: export("csv")),
        *([c.button(L.CLOSE_INCIDENT, lambda e: state.ui.ask("close"), ft.Icons.STOP_CIRCLE)]
          if state.incident.is_open else []),
        c.button(L.HAND_OVER_CANCEL, lambda e: state.ui.close_dialog()),
    ], tight=True, spacing=10)


def draft_start(text: str, most: int = 80) -> str:
    """The start of a draft, to name it in one line."""
    one = " ".join(text.split())
    return one if len(one) <= most else one[:most].rstrip() + "…"
