"""One call at a time: closing an incident ends the call (the next starts with no ticks, at
stage 1), opening one while another is open closes the first, and what the officer did
before opening an incident goes into its log."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.incidents import IncidentLog
from app.incidents.chain import ChainStatus
from app.ui.state import AppState
from tests.test_ui_state import GUIDE, T0


class Clock:
    def __init__(self) -> None:
        self.at = T0

    def __call__(self):
        return self.at


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def st(tmp_path, clock):
    return AppState(GUIDE, tmp_path, IncidentLog(None), now=clock)


def keep_cover(st):
    cl = GUIDE.checklists[0]
    return cl, next(i for i in cl.items if i.text == "Keep cover")


def work_a_call(st):
    """Tick an item, tick a sign, move up with an override: what a call leaves behind."""
    cl, item = keep_cover(st)
    st.checklist.tick(cl.id, item)
    st.stairway.tick_sign(GUIDE.stages[0].signs[0].id)
    assert st.stairway.override("negotiator said go")
    assert st.prefs.checklist and st.prefs.signs and st.stairway.number == 2


def notes(st, inc_id):
    return [(str(n.kind), n.text) for n in st.log.all_notes(inc_id)]


def test_closing_an_incident_ends_the_call_and_its_log_keeps_what_was_done(st):
    assert st.start_incident("hostage", "Bank")
    first = st.incident.current.id
    work_a_call(st)
    assert st.close_incident()
    assert not st.incident.is_open
    assert st.prefs.checklist == {} and st.prefs.signs == {}
    assert st.stairway.number == 1 and st.stairway.overrides == []
    kinds = [k for k, _ in notes(st, first)]
    assert "checklist_tick" in kinds and "override" in kinds and "stage_change" in kinds
    # the next call starts clean: nothing from the last one is logged into it
    assert st.start_incident("hostage", "Park")
    second = st.incident.current.id
    assert [k for k, _ in notes(st, second) if k in ("checklist_tick", "stage_change")] == []
    assert st.checklist.progress()[0] == 0


def test_a_close_that_fails_keeps_the_call(st, monkeypatch):
    assert st.start_incident("hostage", "Bank")
    work_a_call(st)
    from app.incidents import StorageUnavailable

    def refuse(*a, **kw):
        raise StorageUnavailable("disk full")

    monkeypatch.setattr(st.log, "close_incident", refuse)
    assert not st.close_incident()
    assert st.incident.is_open and st.prefs.checklist and st.stairway.number == 2


def test_opening_an_incident_while_one_is_open_closes_the_first(st):
    assert st.start_incident("hostage", "Bank")
    first = st.incident.current.id
    assert st.start_incident(None, "Park")
    open_ones = [i.id for i in st.log.incidents() if i.is_open]
    assert open_ones == [st.incident.current.id] and first not in open_ones
    assert st.prefs.incident_id == st.incident.current.id
    assert not st.log.incident(first).is_open


def test_what_was_done_before_the_incident_was_opened_is_logged_with_its_time(st, clock):
    cl, item = keep_cover(st)
    st.checklist.tick(cl.id, item)  # no incident yet: kept in the prefs only
    assert st.stairway.override("he came out on the ledge")
    clock.at = T0 + timedelta(minutes=7)
    assert st.start_incident("hostage", "Bridge")
    inc = st.incident.current.id
    said = notes(st, inc)
    ticked = [text for kind, text in said if kind == "checklist_tick"]
    assert len(ticked) == 1 and "Keep cover" in ticked[0] and "before the incident" in ticked[0]
    assert T0.astimezone().strftime("%H:%M") in ticked[0]  # when it was ticked, not now
    assert ("stage_change", "Working stage 2 when the incident was opened: Stage2") in said
    assert st.log.board(inc).stage == "s2"  # the hand-over brief reads the stage
    assert st.prefs.checklist  # still ticked on screen: this is the same call


def test_an_unreadable_tick_time_is_left_out_not_a_crash(st):
    st.prefs.checklist["first/keep-cover"] = "not a time"
    st.prefs.checklist["first/gone-item"] = T0.isoformat()  # an item the guide dropped
    assert st.start_incident("hostage", "Bank")
    ticked = [x for k, x in notes(st, st.incident.current.id) if k == "checklist_tick"]
    # the dropped item's tick was still made: logged, in its id read as words
    assert len(ticked) == 1 and ticked[0].endswith(": Gone item"), ticked


@pytest.mark.parametrize("entries, says", [(1, "1 entry, "), (2, "2 entries, ")])
def test_one_entry_is_one_entry(entries, says):
    assert ChainStatus(entries, None, None).sentence.startswith(says)


def test_a_situation_picked_during_the_call_is_the_incidents(st):
    assert st.start_incident(None, "Bank")
    assert st.incident.current.situation == "Not chosen yet"
    st.situations.choose("hostage")
    inc = st.log.incident(st.incident.current.id)
    assert inc.situation == "Hostage" == st.incident.current.situation
    st.situations.choose(None)  # "any situation" filters the guide; the call stays a hostage
    assert st.log.incident(inc.id).situation == "Hostage"
    assert "Situation: Hostage" in st.log.export(inc.id, "md")


def test_no_incident_open_then_picking_a_situation_changes_only_the_guide(st):
    st.situations.choose("hostage")
    assert st.prefs.situation == "hostage" and list(st.log.incidents()) == []


@pytest.mark.parametrize("place, saved, error", [
    ("  Elm St bridge, north rail ", "Elm St bridge, north rail", None),
    ("   ", "Bank", "Write the place first."),
    ("\udcff../../etc", None, "any"),  # a lone surrogate: refused or kept, never a traceback
    ("x" * 100_000, None, "any"),
])
def test_the_place_can_be_corrected_and_a_bad_one_is_refused_beside_its_field(
        st, place, saved, error):
    from app.ui import labels as L

    assert st.start_incident("hostage", "Bank")
    st.ui.ask("location")
    done = st.incident.change_details(location=place)
    now = st.log.incident(st.incident.current.id).location
    if saved is not None:
        assert now == saved and done == (error is None)
    if error is None:
        assert st.ui.dialog is None
    elif error != "any":
        assert st.ui.errors[L.LOCATION_FIELD] == error and st.ui.dialog == "location"
    else:
        assert done or st.ui.errors[L.LOCATION_FIELD]


def seen(st, inc_id):
    return [(n.text, n.stage, n.item) for n in st.log.all_notes(inc_id)
            if str(n.kind) == "sign_tick"]


def test_a_sign_tick_during_the_call_is_logged_in_its_words_and_an_untick_too(st):
    assert st.start_incident("hostage", "Bridge")
    inc = st.incident.current.id
    a, b = GUIDE.stages[0].signs
    st.stairway.tick_sign(a.id)
    assert seen(st, inc) == [("Stage 1 (Stage1): Sign A", "s1", a.id)]
    st.stairway.tick_sign(a.id, True)  # already ticked: nothing new happened
    st.stairway.tick_sign(b.id, False)  # already unticked
    assert len(seen(st, inc)) == 1
    st.stairway.tick_sign(a.id)  # a tick taken back is logged, never erased
    assert ("sign_untick", "Stage 1 (Stage1): Sign A") in notes(st, inc)
    assert len(seen(st, inc)) == 1
    st.stairway.tick_sign(a.id)
    st.stairway.tick_sign(b.id)
    assert st.stairway.move_up()
    st.stairway.tick_sign(GUIDE.stages[1].signs[1].id)
    said = [text for _, text in notes(st, inc)]
    # the handover reads the signs the move rested on, then the move, then the next stage's
    assert said[-4:] == ["Stage 1 (Stage1): Sign A",
                         "Stage 1 (Stage1): Sign B",
                         "Moved up to stage 2: Stage2",
                         "Stage 2 (Stage2): Sign B"]
    brief = st.log.export(inc, "md")
    assert "Stage 2 (Stage2): Sign B" in brief and "Sign tick" in brief


def test_signs_ticked_before_the_incident_are_logged_when_it_opens_stage_by_stage(st):
    st.stairway.tick_sign(GUIDE.stages[0].signs[1].id)
    assert st.stairway.override("he asked for water")
    st.stairway.tick_sign(GUIDE.stages[1].signs[0].id)
    st.prefs.signs["2"].append("a-sign-the-guide-dropped")  # counts for nothing: not logged
    assert st.start_incident("hostage", "Bridge")
    said = notes(st, st.incident.current.id)
    logged = [(k, x) for k, x in said if k in ("sign_tick", "stage_change")]
    assert logged == [
        ("sign_tick", "Seen before the incident was opened, stage 1 (Stage1): Sign B"),
        ("sign_tick", "Seen before the incident was opened, stage 2 (Stage2): Sign A"),
        ("stage_change", "Working stage 2 when the incident was opened: Stage2")]
    assert [(s, i) for _, s, i in seen(st, st.incident.current.id)] == [
        ("s1", GUIDE.stages[0].signs[1].id), ("s2", GUIDE.stages[1].signs[0].id)]



def test_a_checklist_untick_is_logged_as_one_and_the_brief_counts_what_stands(st):
    assert st.start_incident("hostage", "Bank")
    inc = st.incident.current.id
    cl, item = keep_cover(st)
    st.checklist.tick(cl.id, item)
    st.checklist.tick(cl.id, item)  # taken back
    assert notes(st, inc)[-2:] == [("checklist_tick", "Keep cover"),
                                   ("checklist_untick", "Keep cover")]
    assert [n.item for n in st.log.all_notes(inc)][-1] == "first/keep-cover"
    assert "- Checklist items still ticked: none" in st.log.export(inc, "md").splitlines()
    st.checklist.tick(cl.id, item)
    assert "- Checklist items still ticked: 1" in st.log.export(inc, "md").splitlines()


def test_a_sign_with_a_caution_is_logged_with_it_and_an_override_names_what_was_not_seen(
        tmp_path, clock):
    import dataclasses

    warned = dataclasses.replace(GUIDE.stages[0].signs[0], caution="Calm can mean a decision.")
    first = dataclasses.replace(GUIDE.stages[0], signs=(warned, GUIDE.stages[0].signs[1]))
    guide = dataclasses.replace(GUIDE, stages=(first, *GUIDE.stages[1:]))
    st = AppState(guide, tmp_path, IncidentLog(None), now=clock)
    st.stairway.tick_sign(warned.id)  # before the incident: logged when it opens
    assert st.start_incident("hostage", "Bridge")
    inc = st.incident.current.id
    st.stairway.tick_sign(warned.id)
    st.stairway.tick_sign(warned.id)
    said = [x for k, x in notes(st, inc) if k.startswith("sign_")]
    assert said == [
        "Seen before the incident was opened, stage 1 (Stage1): Sign A Caution: Calm can mean "
        "a decision.",
        "Stage 1 (Stage1): Sign A Caution: Calm can mean a decision.",
        "Stage 1 (Stage1): Sign A Caution: Calm can mean a decision."]
    assert [k for k, _ in notes(st, inc) if k.startswith("sign_")] == [
        "sign_tick", "sign_untick", "sign_tick"]
    assert st.stairway.override("negotiator said go")
    assert notes(st, inc)[-2] == (
        "override",
        "Moved up from stage 1 to 2 with 1 of 2 signs ticked. Reason: negotiator said go — "
        "Not ticked: Sign B.")
    # the stage it left, in its own field (the CSV's stage column was empty for it)
    override = [n for n in st.log.all_notes(inc) if str(n.kind) == "override"][-1]
    assert override.stage == st.stairway.stage(1).id
