"""Issue 11, section 1: hostile input and recovery defects, one test each.

Every test here failed on the code before the fix (run and seen failing first).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from app.incidents import (
    ImportRefused,
    IncidentError,
    IncidentLog,
    IncidentNotFound,
    IncidentStatus,
    NoteKind,
    NoteRefused,
)
from app.incidents import book as book_mod
from tests.incidents_helpers import common

log = common.log  # fixture: parametrized over memory and file storage

LONE = "bad \ud800 half"  # a lone surrogate, as a broken keyboard or a paste gives
SHOWN = "bad \ufffd half"  # what is kept: the replacement character, said in the docs


@pytest.mark.parametrize(
    "text, kept",
    [
        (LONE, SHOWN),  # a high surrogate alone
        ("x\udc00y", "x\ufffdy"),  # a low surrogate alone
        ("\udbff\udfff ok", "\U0010ffff ok"),  # a valid pair stays one character
    ],
)
def test_a_lone_surrogate_is_replaced_and_never_blocks_later_notes(log, text, kept):
    inc = log.open_incident("bridge", "x")
    note = log.add_note(inc.id, NoteKind.NOTE, text)
    assert note.text == kept.replace("\udbff\udfff", "\U0010ffff")
    after = log.add_note(inc.id, NoteKind.NOTE, "the next note")
    assert log.pending(inc.id) == []
    again = common.reopen(log)
    assert [n.text for n in again.all_notes(inc.id)][-2:] == [note.text, after.text]
    for fmt in ("md", "json", "csv"):
        again.export(inc.id, fmt).encode("utf-8")  # every export can be written


@pytest.mark.parametrize(
    "situation, location",
    [
        (LONE, "Elm St"),  # in the situation
        ("bridge", LONE),  # in the location
    ],
)
def test_a_lone_surrogate_in_situation_or_location_opens_the_incident(log, situation, location):
    inc = log.open_incident(situation, location)
    again = common.reopen(log).incident(inc.id)
    assert SHOWN in again.situation + again.location


@pytest.mark.parametrize(
    "field, value",
    [
        ("situation", None),  # no situation at all
        ("location", 42),  # not text
    ],
)
def test_situation_and_location_must_be_text(log, field, value):
    args = {"situation": "bridge", "location": "x", field: value}
    if value is None:
        inc = log.open_incident(**args)  # nothing typed is allowed
        assert inc.situation == ""
    else:
        with pytest.raises(NoteRefused, match=f"The {field} must be text"):
            log.open_incident(**args)


def test_an_import_with_a_lone_surrogate_neither_crashes_nor_leaves_an_empty_incident(
    log, tmp_path
):
    inc = log.open_incident("bridge", "x")
    log.add_note(inc.id, NoteKind.NOTE, "first")
    doc = json.loads(log.export(inc.id, "json"))
    entries = doc.get("entries") or doc["notes"]
    entries[-1]["text"] = LONE  # as a hand-edited or foreign file might carry
    other = IncidentLog(tmp_path / "other")
    try:
        other.import_json(json.dumps(doc))
    except ImportRefused as err:
        assert "\ud800" not in str(err)
        assert not (tmp_path / "other" / "incidents" / inc.id).exists()
    else:
        assert SHOWN in [n.text for n in other.all_notes(inc.id)]


def test_a_failed_import_leaves_no_empty_incident_behind(tmp_path, monkeypatch):
    src = IncidentLog(None)
    inc = src.open_incident("bridge", "x")
    src.add_note(inc.id, NoteKind.NOTE, "first")
    text = src.export(inc.id, "json")

    def boom(self, *a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(book_mod.Book, "bulk_load", boom)
    other = IncidentLog(tmp_path)
    with pytest.raises(IncidentError):
        other.import_json(text)
    monkeypatch.undo()
    assert other.incidents() == []
    assert not (tmp_path / "incidents" / inc.id).exists()
    assert other.import_json(text).id == inc.id  # and it can be imported once there is room


def test_a_note_that_fails_for_a_non_disk_reason_never_blocks_the_queue(log, monkeypatch):
    inc = log.open_incident("bridge", "x")
    real = book_mod.Book.append

    def poisoned(self, note, *a, **k):
        if note.text == "poison":
            raise RuntimeError("a bug, not a disk problem")
        return real(self, note, *a, **k)

    monkeypatch.setattr(book_mod.Book, "append", poisoned)
    with pytest.raises(NoteRefused, match="could not be saved"):
        log.add_note(inc.id, NoteKind.NOTE, "poison")
    later = log.add_note(inc.id, NoteKind.NOTE, "written after it")  # not blocked
    assert later.text == "written after it"
    (stuck,) = log.pending(inc.id)
    assert stuck.text == "poison" and "could not be saved" in stuck.error
    monkeypatch.undo()
    assert [n.text for n in log.retry()] == ["poison"]  # kept, and saved once it can be
    assert [n.text for n in common.reopen(log).all_notes(inc.id)] == [
        "written after it",
        "poison",
    ]


BAD_IDS = [
    "../../x",  # climbs out of the data folder
    "ABSOLUTE",  # an absolute path (made under tmp_path below)
    "a/b",  # a sub folder
    "20260101-0000-abcd\n",  # a valid id and a trailing newline
    "",  # nothing
    ".hidden",  # starts with a dot
]


@pytest.mark.parametrize("bad", BAD_IDS)
def test_import_refuses_an_incident_id_that_is_not_a_plain_name(tmp_path, bad):
    bad = str(tmp_path / "abs") if bad == "ABSOLUTE" else bad
    src = IncidentLog(None)
    inc = src.open_incident("bridge", "x")
    src.add_note(inc.id, NoteKind.NOTE, "first")
    doc = json.loads(src.export(inc.id, "json"))
    doc["incident"]["id"] = bad
    data = tmp_path / "deep" / "data"
    with pytest.raises(ImportRefused, match="not a valid incident id"):
        IncidentLog(data).import_json(json.dumps(doc))
    assert not (data / "incidents" / bad).exists() or bad == ""
    outside = [p for p in tmp_path.rglob("*") if p not in (tmp_path / "deep", data)
               and data not in p.parents]
    assert outside == []  # nothing written outside the data folder


@pytest.mark.parametrize("bad", BAD_IDS)
def test_every_call_refuses_an_incident_id_that_is_not_a_plain_name(log, bad):
    log.open_incident("bridge", "x")
    with pytest.raises(IncidentNotFound):
        log.notes(bad)
    with pytest.raises(IncidentNotFound):
        log.incident(bad)


def _closed_incident(data: Path) -> tuple[str, list]:
    lg = IncidentLog(data)
    inc = lg.open_incident("barricaded subject", "12 Oak Rd")
    for i in range(30):
        lg.add_note(inc.id, NoteKind.NOTE, f"note {i}")
    lg.close_incident(inc.id)
    lg.close()
    return inc.id, IncidentLog(data).all_notes(inc.id)


def test_lost_notes_file_is_reported_with_how_many_entries_are_missing(tmp_path):
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc = lg.open_incident("bridge", "x")
    for i in range(25):
        lg.add_note(inc.id, NoteKind.NOTE, f"note {i}")
    lg.close()  # folded: every entry so far is in notes.json
    lg = IncidentLog(data, fold_min=10**9)
    for i in range(3):
        lg.add_note(inc.id, NoteKind.NOTE, f"after {i}")  # only in the journal
    notes_file = data / "incidents" / inc.id / "notes.json"
    folded = len(json.loads(notes_file.read_text("utf-8"))["notes"])
    notes_file.unlink()
    again = IncidentLog(data)
    assert [n.text for n in again.all_notes(inc.id)] == ["after 0", "after 1", "after 2"]
    (warning,) = [w for w in again.warnings if "missing" in w]
    assert f"{folded} entries are missing" in warning and inc.id in warning


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_bytes(p.read_bytes()[:40]),  # truncated
        lambda p: p.unlink(),  # lost
        lambda p: p.write_text('{"incident": {"1": {"id": 5}}}'),  # parses, wrong shape
    ],
)
def test_a_damaged_incident_record_is_rebuilt_as_it_was(tmp_path, damage):
    data = tmp_path / "data"
    inc_id, notes = _closed_incident(data)
    before = IncidentLog(data).incident(inc_id)
    damage(data / "incidents" / inc_id / "incident.json")
    again = IncidentLog(data)
    rebuilt = again.incident(inc_id)
    assert rebuilt == before
    assert rebuilt.status == IncidentStatus.CLOSED and rebuilt.location == "12 Oak Rd"
    assert again.all_notes(inc_id) == notes


def test_leftover_temp_files_are_cleaned_at_open(tmp_path):
    data = tmp_path / "data"
    inc_id, _ = _closed_incident(data)
    folder = data / "incidents" / inc_id
    for name in ("notes.json.tmp", ".notes.json.x1y2.tmp", "incident.json.tmp"):
        (folder / name).write_bytes(b'{"half a wri')  # as a killed write leaves them
        os.utime(folder / name, (time.time() - 120, time.time() - 120))  # from a past run
    (folder / ".incident.json.f00d.tmp").write_bytes(b'{"inc')  # another process writing now
    again = IncidentLog(data)
    again.all_notes(inc_id)
    left = sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))
    assert left == [".incident.json.f00d.tmp"]  # deleting it would fail that write
    assert again.warnings == []
