"""Typed, not saved: a note, the Start incident place and a reason come back after
another screen, Back or a restart, and go once saved, cancelled or the call is closed
(app/drafts.py through the screens). Also what the officer sees after a save, and long
notes folded in the timeline so the hand-over buttons stay within reach."""

from __future__ import annotations

import asyncio
import json

import flet as ft

from app import drafts as D
from app.ui import labels as L
from app.ui.views.timeline import FOLD_CHARS, folded
from tests.ui_harness import CONTENT, label_of, open_incident, start

TYPED = "He said his sister Dana lives on Oak Road"


def field(app, label: str) -> str:
    return app.find(label).value or ""


async def test_a_half_typed_note_survives_other_screens_back_and_a_restart(app, tmp_path):
    await open_incident(app)
    inc_id = app.state.incident.current.id
    await app.type(L.NOTE_FIELD, TYPED)
    await app.type(L.DEADLINE_MINUTES, "15")
    await app.nav(L.NAV_PHRASES)
    await app.nav(L.NAV_INCIDENT)
    assert field(app, L.NOTE_FIELD) == TYPED and field(app, L.DEADLINE_MINUTES) == "15"
    await app.click(L.OPEN_BOARD)
    await app.back()
    assert field(app, L.NOTE_FIELD) == TYPED
    app.close()

    again = await start(CONTENT, tmp_path / "data", route=f"/incident/{inc_id}")
    try:  # a reload, or a phone that killed the app in the background
        assert field(again, L.NOTE_FIELD) == TYPED
        assert TYPED not in [n.text for n in again.state.log.all_notes(inc_id)]  # not a note
        await again.click(L.note_kind("note"))
        assert field(again, L.NOTE_FIELD) == ""
        assert D.Drafts(tmp_path / "data").get(D.key("note", inc_id)) == ""
        assert again.state.log.all_notes(inc_id)[-1].text == TYPED
    finally:
        again.close()


async def test_a_damaged_drafts_file_is_said_in_a_banner_and_its_whole_drafts_come_back(
        tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    full = json.dumps({D.START: "12 Elm Street", D.key("note", "x"): "He has a knife in his"})
    (data / D.FILE_NAME).write_text(full[:-10])  # cut short
    app = await start(CONTENT, data)
    try:
        warned = [n for n in app.state.ui.notices if n.startswith("Unsaved typing (drafts)")]
        assert len(warned) == 1 and "Recovered: 1 draft." in warned[0], app.state.ui.notices
        assert app.has(L.DISMISS_BANNER)
        await app.click(L.START_INCIDENT)
        assert field(app, L.START_LOCATION) == "12 Elm Street"
        assert len(list(data.glob("drafts.json.corrupt-*"))) == 1
    finally:
        app.close()


async def test_a_saved_note_is_said_saved_by_the_field(app):
    await open_incident(app)
    await app.type(L.NOTE_FIELD, "Subject on the rail")
    await app.click(L.note_kind("note"))
    note = app.state.log.all_notes(app.state.incident.current.id)[-1]
    saved = [x for x in app.texts() if x.startswith(f"Saved as #{note.seq} (Note) at ")]
    assert saved, app.texts()
    await app.click(L.note_kind("note"))  # nothing typed: the refusal replaces it
    assert not any(x.startswith("Saved as #") for x in app.texts())
    await app.nav(L.NAV_HOME)
    await app.nav(L.NAV_INCIDENT)
    assert not any(x.startswith("Saved as #") for x in app.texts())


async def test_the_start_place_survives_a_tab_and_goes_on_cancel_or_start(app):
    await app.click(L.START_INCIDENT)
    await app.type(L.START_LOCATION, "12 Elm Street")
    await app.nav(L.NAV_PHRASES)
    await app.nav(L.NAV_HOME)
    await app.click(L.START_INCIDENT)
    assert field(app, L.START_LOCATION) == "12 Elm Street"
    await app.click(L.START_CANCEL)
    await app.click(L.START_INCIDENT)
    assert field(app, L.START_LOCATION) == ""
    await app.type(L.START_LOCATION, "14 Elm Street")
    await app.click(L.START_CONFIRM)
    assert app.state.incident.current.location == "14 Elm Street"
    assert app.state.ui.drafts.get(D.START) == ""


async def test_an_override_reason_survives_back_and_goes_once_logged(app):
    await open_incident(app)
    await app.nav(L.NAV_STAIRWAY)
    await app.click(L.OVERRIDE)
    await app.type(L.OVERRIDE_REASON, "Negotiator on the phone asked for it")
    await app.back()  # the phone's Back closes the dialog and keeps the words
    await app.click(L.OVERRIDE)
    assert field(app, L.OVERRIDE_REASON) == "Negotiator on the phone asked for it"
    await app.click(L.OVERRIDE_CONFIRM)
    assert app.state.stairway.number == 2
    await app.click(L.OVERRIDE)
    assert field(app, L.OVERRIDE_REASON) == ""


async def test_a_reason_typed_after_its_error_takes_the_error_away(app):
    await open_incident(app)
    await app.nav(L.NAV_STAIRWAY)
    await app.click(L.OVERRIDE)
    await app.click(L.OVERRIDE_CONFIRM)  # no reason
    error = app.state.ui.errors.get(L.OVERRIDE_REASON)
    assert error and error in app.texts()
    await app.type(L.OVERRIDE_REASON, "Negotiator asked for it")
    assert L.OVERRIDE_REASON not in app.state.ui.errors and error not in app.texts()


async def test_closing_the_call_drops_what_was_typed_for_it(app):
    await open_incident(app)
    inc_id = app.state.incident.current.id
    await app.type(L.NOTE_FIELD, TYPED)
    await app.call(app.state.close_incident)
    assert app.state.ui.drafts.get(D.key("note", inc_id)) == ""
    await open_incident(app, "Second call")
    await app.nav(L.NAV_INCIDENT)
    assert field(app, L.NOTE_FIELD) == ""


def test_folding_keeps_short_notes_whole_and_cuts_long_ones_on_a_word():
    assert folded("Subject on the rail") is None
    assert folded("a\nb\nc\nd\ne\nf") is None  # six lines fit
    assert folded("a\nb\nc\nd\ne\nf\ng") == "a\nb\nc\nd\ne\nf …"
    long = "word " * 200
    cut = folded(long)
    assert cut.endswith("word …") and len(cut) <= FOLD_CHARS + 2
    assert folded("x" * 1000) == "x" * FOLD_CHARS + " …"  # no space: cut where it must


async def test_a_long_note_is_folded_in_the_timeline_until_opened(app):
    await open_incident(app)
    big = "Long note line. " * 6400  # about 100 KB
    await app.type(L.NOTE_FIELD, big)
    await app.click(L.note_kind("note"))
    seq = app.state.log.all_notes(app.state.incident.current.id)[-1].seq
    texts = app.texts()
    assert big.strip() not in texts and folded(big.strip()) in texts
    assert app.has(L.amend_note(seq))  # the note is still a button, holding its start only
    assert sum(len(x) for x in app.texts()) < 5_000
    await app.click(f"Show all of #{seq}")
    assert big.strip() in app.texts() and app.has(f"Show less of #{seq}")
    await app.click(f"Show less of #{seq}")
    assert big.strip() not in app.texts()
    assert app.has(L.EXPORT_MD) and app.has(L.CLOSE_INCIDENT)


async def test_move_up_sits_right_under_its_signs(app):
    """Before, it came after "Step back if": about nine screens down at stage 4 at 175%."""
    await app.nav(L.NAV_STAIRWAY)
    step_back_if = next(c for c in app.controls()
                        if isinstance(c, ft.Text) and c.value == L.STEP_BACK_IF)
    column = step_back_if.parent
    names = [label for c in column.controls for label in [*label_of(c), getattr(c, "value", "")]]
    move_up = L.move_up(app.state.stairway.signs_left())
    assert names.index(move_up) < names.index(L.STEP_BACK_IF)
    assert names.index(L.WHAT_TO_DO) < names.index(move_up)


async def test_hand_over_is_one_tap_from_the_top_of_the_log(app):
    await open_incident(app)
    await app.click(L.OPEN_HAND_OVER)
    assert app.has(L.EXPORT_MD) and app.has(L.CLOSE_INCIDENT) and app.has(L.HAND_OVER_CANCEL)
    await app.click(L.EXPORT_MD)
    assert app.find(L.EXPORT_TEXT).value.startswith("# ")  # the brief, ready to share
    await app.click(L.EXPORT_CLOSE)
    await app.click(L.OPEN_HAND_OVER)
    await app.click(L.HAND_OVER_CANCEL)
    assert app.has(L.NOTE_FIELD) and app.state.incident.is_open
    await app.click(L.OPEN_HAND_OVER)
    await app.click(L.CLOSE_INCIDENT)
    await app.click(L.CLOSE_CONFIRM)
    assert not app.state.incident.is_open


async def test_closing_with_a_half_typed_note_says_it_will_be_dropped(app):
    await open_incident(app)
    await app.click(L.CLOSE_INCIDENT)
    assert not any("not saved and will be dropped" in x for x in app.texts())
    await app.click(L.CLOSE_CANCEL)
    await app.type(L.NOTE_FIELD, "Sister   Dana\non Oak Road " + "x" * 200)
    await app.click(L.CLOSE_INCIDENT)
    said = [x for x in app.texts() if "not saved and will be dropped" in x]
    assert said and "“Sister Dana on Oak Road xxx" in said[0] and said[0].endswith("…”")
    await app.click(L.CLOSE_CANCEL)
    assert field(app, L.NOTE_FIELD).startswith("Sister")  # cancel keeps it


async def test_the_browser_back_closes_a_form_and_keeps_its_words_and_the_screen(app):
    """The browser's Back with the Start incident form open left the whole screen (the
    form is no address of its own). It closes the form, as the phone's Back does."""
    await app.nav(L.NAV_PHRASES)
    await app.nav(L.NAV_HOME)
    await app.click(L.START_INCIDENT)
    await app.type(L.START_LOCATION, "Bank on 5th")
    await app.browser_back()
    assert app.state.nav.screen == "home" and app.state.ui.dialog is None
    assert app.session.connection.history[-1] == "/"  # the address is Home's again
    await app.click(L.START_INCIDENT)
    assert field(app, L.START_LOCATION) == "Bank on 5th"
    await app.click(L.START_CONFIRM)
    await app.click(L.CHANGE_LOCATION)
    await app.type(L.LOCATION_FIELD, "Elm St bridge, south end")
    await app.browser_back()
    assert app.state.nav.screen == "incident" and app.state.ui.dialog is None
    await app.click(L.CHANGE_LOCATION)
    assert field(app, L.LOCATION_FIELD) == "Elm St bridge, south end"
    await app.browser_back()  # no form open: Back leaves the screen as before
    await app.browser_back()
    assert app.state.nav.screen != "incident"


async def test_the_situation_picked_in_the_start_form_survives_back(app):
    """Back from the Start incident form kept the place but not the situation picked:
    Start then opened the call as the app-wide situation, so the wrong one was logged."""
    picked = app.state.guide.situations[-1]
    assert picked.id != app.state.prefs.situation
    await app.nav(L.NAV_PHRASES)
    await app.nav(L.NAV_HOME)
    await app.click(L.START_INCIDENT)
    await app.click(L.situation_choice(picked.title))
    await app.type(L.START_LOCATION, "First National Bank, 5th Ave")
    await app.browser_back()
    await app.click(L.START_INCIDENT)
    await app.click(L.START_CONFIRM)
    assert app.state.incident.current.situation == picked.title
    assert app.state.ui.drafts.get(D.START_SITUATION) == ""  # started: the draft goes
    await app.click(L.CLOSE_INCIDENT)
    await app.click(L.CLOSE_CONFIRM)
    await app.nav(L.NAV_HOME)
    await app.click(L.START_INCIDENT)
    await app.click(L.situation_choice(picked.title))
    await app.click(L.START_CANCEL)  # Cancel throws the pick away
    assert app.state.ui.drafts.get(D.START_SITUATION) == ""
    app.state.ui.drafts.put(D.START_SITUATION, "../no-such-situation")  # an old guide's
    await app.click(L.START_INCIDENT)
    await app.click(L.START_CONFIRM)
    assert app.state.incident.current.situation != "../no-such-situation"


async def test_the_situation_picked_is_said_selected_not_only_ticked(app):
    """A screen reader heard every situation alike: the tick was only seen."""
    await app.click(L.START_INCIDENT)
    picked = app.state.guide.situations[2]
    await app.click(L.situation_choice(picked.title))
    marks = {label_of(c.content)[0]: c.selected for c in app.controls()
             if isinstance(c, ft.Semantics) and c.selected is not None and label_of(c.content)}
    assert marks[L.situation_choice(picked.title)] is True
    assert [k for k, v in marks.items() if v and k.startswith("Situation: ")] == [
        L.situation_choice(picked.title)]


async def _twice(app, label: str) -> None:
    """Two taps on one button, the second landing after the first closed its form (a
    double tap on a slow phone, or a tap on a frame drawn before the form went)."""
    button = app.find(label)
    if isinstance(button, ft.Semantics):
        button = button.content
    first = asyncio.ensure_future(app.session.dispatch_event(button._i, "click", None))
    try:  # the second arrives before the first has redrawn the screen
        await app.session.dispatch_event(button._i, "click", None)
    except RuntimeError:  # flet: the control is no longer on the page (it is not run)
        pass
    await first
    await app.settle()


async def test_a_second_tap_on_record_reason_logs_one_override_not_two(app):
    """Seen once in a walk: the override was logged, the form still showed, and a second
    tap logged a second override (stage 2 to 3) with the same reason."""
    await open_incident(app)
    await app.nav(L.NAV_STAIRWAY)
    await app.click(L.OVERRIDE)
    await app.type(L.OVERRIDE_REASON, "Negotiator on the phone asked for it")
    await _twice(app, L.OVERRIDE_CONFIRM)
    assert app.state.stairway.number == 2 and len(app.state.stairway.overrides) == 1
    kinds = [n.kind for n in app.state.log.all_notes(app.state.incident.current.id)]
    assert kinds.count("override") == 1


async def test_a_second_tap_on_start_opens_one_incident_not_two(app):
    """A second Start closed the incident just opened and opened another."""
    await app.click(L.START_INCIDENT)
    await app.type(L.START_LOCATION, "14 Elm Street")
    await _twice(app, L.START_CONFIRM)
    assert [i.location for i in app.state.log.incidents()] == ["14 Elm Street"]
    assert app.state.incident.is_open
