"""IncidentLog: incidents, notes, paging, amendments, the board (memory and file)."""

from __future__ import annotations

import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta

import pytest
from tinydb import TinyDB

from app.incidents import (
    DemandStatus,
    IncidentLog,
    IncidentNotFound,
    NoteKind,
    NoteRefused,
    format_duration,
)
from tests.incidents_helpers import common

log = common.log  # fixture: parametrized over memory and file storage
T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def test_open_list_close(log):
    a = log.open_incident("  suicidal person on a bridge ", "Elm St bridge", at=T0)
    b = log.open_incident("barricaded subject", "12 Oak Rd", at=T0 + timedelta(hours=1))
    assert a.situation == "suicidal person on a bridge" and a.is_open and a.closed_at is None
    assert [i.id for i in log.incidents()] == [b.id, a.id]  # newest first
    closed = log.close_incident(a.id, at=T0 + timedelta(hours=2))
    assert not closed.is_open and closed.closed_at == T0 + timedelta(hours=2)
    assert common.reopen(log).incident(a.id) == closed


def test_notes_survive_reopen_without_close(log):
    inc = log.open_incident("bridge", "x")
    saved = [log.add_note(inc.id, NoteKind.NOTE, f"note {i}") for i in range(30)]
    again = common.reopen(log)  # no close(): as after a crash
    assert again.all_notes(inc.id) == saved
    assert [n.seq for n in saved] == list(range(1, 31))


def test_paging_newest_first(log):
    inc = log.open_incident("bridge", "x")
    for i in range(120):
        log.add_note(inc.id, NoteKind.NOTE, f"n{i}")
    pages, before = [], None
    while True:
        page = log.notes(inc.id, before_seq=before, limit=50)
        if not page:
            break
        pages.append([n.seq for n in page])
        before = page[-1].seq
    assert [len(p) for p in pages] == [50, 50, 20]
    assert sum(pages, []) == list(range(120, 0, -1))
    assert log.note_count(inc.id) == 120


def test_amendment_keeps_original(log):
    inc = log.open_incident("bridge", "x")
    orig = log.add_note(inc.id, NoteKind.HOOK, "Loves his dog Rex")
    fix = log.amend(inc.id, orig.id, "Loves his dog Max")
    fix2 = log.amend(inc.id, fix.id, "Loves his dogs Max and Rex")  # amending the amendment
    assert log.note(inc.id, orig.id) == orig and orig.text == "Loves his dog Rex"
    assert fix.kind == NoteKind.AMENDMENT and fix.ref == orig.id
    assert fix2.ref == orig.id  # always points at the original
    assert [a.id for a in log.amendments(inc.id)[orig.id]] == [fix.id, fix2.id]
    (hook,) = log.board(inc.id).hooks
    assert hook.text == "Loves his dogs Max and Rex" and hook.amended


def test_closed_incident_refuses_notes_but_not_amendments(log):
    inc = log.open_incident("bridge", "x")
    n = log.add_note(inc.id, NoteKind.NOTE, "first")
    log.close_incident(inc.id)
    with pytest.raises(NoteRefused, match="closed"):
        log.add_note(inc.id, NoteKind.NOTE, "late")
    assert log.amend(inc.id, n.id, "first, corrected").ref == n.id


@pytest.mark.parametrize(
    "kind, text, board_field",
    [
        (NoteKind.HOOK, "his daughter", "hooks"),  # what he cares about
        (NoteKind.TRIGGER, "mention of police", "triggers"),  # what sets him off
        (NoteKind.SUBJECT_INFO, "34, ex-army", "subject_info"),
        (NoteKind.WEAPON, "kitchen knife", "weapons"),
        (NoteKind.PERSON, "neighbour at door 3", "people"),
        (NoteKind.POSITIVE_ACTION, "water delivered", "positive_actions"),
        (NoteKind.LIE_TOLD, "said the car is coming", "lies"),
    ],
)
def test_board_lists(log, kind, text, board_field):
    inc = log.open_incident("bridge", "x")
    log.add_note(inc.id, NoteKind.NOTE, "unrelated")
    note = log.add_note(inc.id, kind, text)
    items = getattr(log.board(inc.id), board_field)
    assert [(i.note_id, i.text) for i in items] == [(note.id, text)]


def test_board_demands_deadlines_contacts_stage(log):
    inc = log.open_incident("hostage", "bank")
    d1 = log.add_note(inc.id, NoteKind.DEMAND, "a car")
    d2 = log.add_note(inc.id, NoteKind.DEMAND, "talk to his sister", status="pending")
    log.add_note(inc.id, NoteKind.DEMAND_STATUS, "", ref=d1.id, status=DemandStatus.DENIED)
    log.add_note(inc.id, NoteKind.DEMAND_STATUS, "she is on the phone", ref=d2.id, status="granted")
    late, soon = T0 + timedelta(hours=2), T0 + timedelta(minutes=30)
    log.add_note(inc.id, NoteKind.DEADLINE, "car by 14:00", due=late)
    log.add_note(inc.id, NoteKind.DEADLINE, "pizza in 30 min", due=soon)
    log.add_note(inc.id, NoteKind.CONTACT_START, at=T0)
    log.add_note(inc.id, NoteKind.CONTACT_END, at=T0 + timedelta(minutes=5))
    log.add_note(inc.id, NoteKind.CONTACT_START, at=T0 + timedelta(minutes=9))
    log.add_note(inc.id, NoteKind.STAGE_CHANGE, "", stage="rapport")
    log.add_note(inc.id, NoteKind.OVERRIDE, "skipped to influence: time critical")
    board = log.board(inc.id)
    assert [(d.text, d.status) for d in board.demands] == [
        ("a car", DemandStatus.DENIED),
        ("talk to his sister", DemandStatus.GRANTED),
    ]
    assert board.open_demands == ()
    assert [d.due for d in board.deadlines] == [soon, late]  # soonest first
    assert len(board.contacts) == 2 and board.in_contact
    assert log.last_contact(inc.id) == T0 + timedelta(minutes=9)
    assert board.stage == "rapport" and board.overrides == 1



def test_board_signs_are_those_ticked_and_not_taken_back_each_at_its_last_tick(log):
    inc = log.open_incident("suicidal", "bridge")
    at = iter(T0 + timedelta(minutes=m) for m in range(60))

    def sign(kind, stage, item, text):
        return log.add_note(inc.id, kind, text, stage=stage, item=item, at=next(at))

    tick, untick = NoteKind.SIGN_TICK, NoteKind.SIGN_UNTICK
    sign(tick, "listening", "talk-more", "Stage 1: They talk more.")
    slower = sign(tick, "listening", "slower", "Stage 1: Slower voice.")
    sign(tick, "listening", "answers", "Stage 1: They answer.")
    sign(untick, "listening", "talk-more", "Stage 1: They talk more.")  # taken back
    sign(untick, "empathy", "answers", "not this stage's")  # another stage's: no effect
    log.add_note(inc.id, NoteKind.STAGE_CHANGE, "Moved up to stage 2", stage="empathy")
    again = sign(tick, "empathy", "labels", "Stage 2: They correct labels.")
    sign(untick, "empathy", "labels", "Stage 2: They correct labels.")
    again = sign(tick, "empathy", "labels", "Stage 2: They correct labels.")  # its new time
    sign(tick, "empathy", "same-id-other-stage", "Stage 2: x")
    sign(tick, "rapport", "same-id-other-stage", "Stage 3: x")  # a stage's own sign
    board = log.board(inc.id)
    assert [s.text for s in board.signs] == [
        "Stage 1: Slower voice.", "Stage 1: They answer.", "Stage 2: They correct labels.",
        "Stage 2: x", "Stage 3: x"]
    assert board.signs[0].note_id == slower.id and board.signs[2].at == again.at
    assert [s.text for s in board.signs_taken_back] == ["Stage 1: They talk more."]



def test_board_checklist_ticks_are_those_not_taken_back_old_unticks_included(log):
    inc = log.open_incident("hostage", "bank")
    at = iter(T0 + timedelta(minutes=m) for m in range(60))

    def note(kind, text, item=None):
        return log.add_note(inc.id, kind, text, item=item, at=next(at))

    tick, untick = NoteKind.CHECKLIST_TICK, NoteKind.CHECKLIST_UNTICK
    note(tick, "Done before the incident was opened (ticked 09:40): Keep cover.", "f/cover")
    note(tick, "Set the inner perimeter.", "f/inner")
    note(tick, "Call EMS.", "f/ems")
    note(tick, "Clear the crowd.", "f/crowd")
    note(untick, "Call EMS.", "f/ems")
    # unticks logged before they had their own kind: plain notes, in either language
    note(NoteKind.NOTE, "Checklist item unticked: Keep cover.")
    note(NoteKind.NOTE, "Punto de la lista desmarcado: Clear the crowd.")
    # a note that names an item is not an old untick
    note(NoteKind.NOTE, "Checklist item unticked: Set the inner perimeter.", "f/x")
    ems = note(tick, "Call EMS.", "f/ems")  # ticked again: at its new time
    board = log.board(inc.id)
    assert [(d.text, d.at) for d in board.ticked] == [
        ("Set the inner perimeter.", T0 + timedelta(minutes=1)), ("Call EMS.", ems.at)]
    assert [d.text for d in board.ticked_taken_back] == [
        "Checklist item unticked: Keep cover.", "Punto de la lista desmarcado: Clear the crowd."]


def test_a_deadline_marked_handled_leaves_the_countdown(log):
    inc = log.open_incident("hostage", "bank")
    car = log.add_note(inc.id, NoteKind.DEADLINE, "car by 14:00", due=T0 + timedelta(hours=2))
    log.add_note(inc.id, NoteKind.DEADLINE, "pizza in 30 min", due=T0 + timedelta(minutes=30))
    first = log.add_note(inc.id, NoteKind.DEADLINE_DONE, "", ref=car.id, at=T0)

    board = log.board(inc.id)

    assert [(d.text, d.done_at) for d in board.deadlines] == [
        ("pizza in 30 min", None),
        ("car by 14:00", first.at),
    ]
    assert [d.text for d in board.open_deadlines] == ["pizza in 30 min"]


def test_a_deadline_moved_after_it_was_handled_runs_again(log):
    inc = log.open_incident("hostage", "bank")
    car = log.add_note(inc.id, NoteKind.DEADLINE, "car by 14:00", due=T0 + timedelta(hours=2))
    log.add_note(inc.id, NoteKind.DEADLINE_DONE, "", ref=car.id, at=T0)
    later = T0 + timedelta(hours=3)
    log.amend(inc.id, car.id, "car by 15:00 now", due=later)

    (moved,) = log.board(inc.id).open_deadlines  # counted down again, to the new time
    assert (moved.text, moved.due, moved.done_at) == ("car by 15:00 now", later, None)
    again = log.add_note(inc.id, NoteKind.DEADLINE_DONE, "", ref=car.id)
    assert log.board(inc.id).deadlines[0].done_at == again.at
    with pytest.raises(NoteRefused, match="already marked handled"):  # once per due time
        log.add_note(inc.id, NoteKind.DEADLINE_DONE, "", ref=car.id)


def test_unknown_incident(log):
    for bad in ("nope", "../../etc", ""):
        with pytest.raises(IncidentNotFound):
            log.add_note(bad, NoteKind.NOTE, "x")


def test_threads_never_lose_a_note(log):
    inc = log.open_incident("bridge", "x")

    def write(tag: int) -> None:
        for i in range(50):
            log.add_note(inc.id, NoteKind.NOTE, f"thread {tag} note {i}")

    threads = [threading.Thread(target=write, args=(t,)) for t in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    notes = common.reopen(log).all_notes(inc.id)
    assert [n.seq for n in notes] == list(range(1, 201))
    assert len({n.text for n in notes}) == 200


@pytest.mark.parametrize(
    "fold_min",
    [
        1,  # every append sets the journal aside: the other log must notice each time,
        # even when the journal it knew is gone both before and after (seen losing notes)
        3,  # the journal is folded into notes.json under the other log's feet
        2000,  # no fold: each log reads the other's journal lines
    ],
)
def test_two_logs_in_one_process_share_the_file(tmp_path, fold_min):
    a = IncidentLog(tmp_path, fold_min=fold_min)  # e.g. two app sessions
    b = IncidentLog(tmp_path, fold_min=fold_min)
    inc = a.open_incident("bridge", "x")
    for i in range(60):
        (a if i % 2 else b).add_note(inc.id, NoteKind.NOTE, f"n{i}")
    assert [n.text for n in a.all_notes(inc.id)] == [f"n{i}" for i in range(60)]
    assert b.note_count(inc.id) == 60
    again = IncidentLog(tmp_path)
    assert again.chain_status(inc.id).intact and again.warnings == []


@pytest.mark.parametrize(
    "seconds, shown",
    [
        (0, "0:00:00"),  # start
        (247, "0:04:07"),  # minutes and seconds
        (43200, "12:00:00"),  # a long standoff
        (-90, "-0:01:30"),  # a deadline passed
    ],
)
def test_format_duration(seconds, shown):
    assert format_duration(timedelta(seconds=seconds)) == shown


def test_core_does_not_import_flet():
    code = "import sys, app.incidents, app.incidents.export; print('flet' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_tinydb_is_the_store(tmp_path):
    lg = IncidentLog(tmp_path)
    inc = lg.open_incident("bridge", "x")
    notes = [lg.add_note(inc.id, NoteKind.NOTE, f"n{i}") for i in range(7)]
    lg.close()  # folds the journal into notes.json
    folder = tmp_path / "incidents" / inc.id
    with TinyDB(folder / "notes.json") as db:  # plain TinyDB reads what we wrote
        docs = db.table("notes").all()
    assert [(d.doc_id, d["kind"], d["text"]) for d in docs[:1]] == [(0, "incident_opened",
                                                                      "bridge")]
    assert [(d.doc_id, d["id"], d["text"]) for d in docs[1:]] == [
        (n.seq, n.id, n.text) for n in notes
    ]
    assert all(len(d["hash"]) == 64 for d in docs)  # every entry chained
    with TinyDB(folder / "incident.json") as db:
        assert db.table("incident").get(doc_id=1)["situation"] == "bridge"
    assert sorted(p.name for p in folder.iterdir()) == [  # folded: no journal left over
        "fold.lock", "incident.json", "lock", "notes.json"]
