"""Bad input: huge, empty, odd Unicode, DST, a full or read-only disk, retention."""

from __future__ import annotations

import errno
import json
import os
from datetime import UTC, datetime, timedelta

import pytest

from app.incidents import (
    IncidentLog,
    NoteKind,
    NoteRefused,
    StorageUnavailable,
    format_local,
    format_stamp,
)
from app.incidents import journal as journal_mod
from tests.incidents_helpers import common

log = common.log  # fixture: parametrized over memory and file storage


def test_a_100_kb_note_is_kept_whole(log):
    inc = log.open_incident("bridge", "x")
    text = ("Line of a long statement, é ü 語. " * 3200)[:100_000]
    note = log.add_note(inc.id, NoteKind.SUBJECT_INFO, text)
    again = common.reopen(log)
    assert again.note(inc.id, note.id).text == text
    assert json.loads(again.export(inc.id, "json"))["entries"][1]["text"] == text


def test_a_runaway_paste_is_refused_with_the_limit(log):
    inc = log.open_incident("bridge", "x")
    with pytest.raises(NoteRefused, match="too long .*split it"):
        log.add_note(inc.id, NoteKind.NOTE, "x" * 1_000_001)
    assert log.note_count(inc.id) == 0


@pytest.mark.parametrize(
    "text",
    [
        "",  # nothing typed
        "   ",  # spaces
        "\n\t \u00a0\u3000",  # newlines, tab, no-break and ideographic spaces
        None,  # no text at all
    ],
)
def test_an_empty_note_is_refused_with_a_message(log, text):
    inc = log.open_incident("bridge", "x")
    with pytest.raises(NoteRefused, match="The note is empty: type what happened"):
        log.add_note(inc.id, NoteKind.NOTE, text)
    assert log.note_count(inc.id) == 0


def test_event_kinds_need_no_text(log):
    inc = log.open_incident("bridge", "x")
    assert log.add_note(inc.id, NoteKind.CONTACT_START).text == ""


NAIVE = datetime(2026, 1, 1, 12, 0)


@pytest.mark.parametrize(
    "kind, fields, message",
    [
        ("deadline", {}, "needs the time it runs out"),  # no due time
        ("deadline", {"due": NAIVE}, "with a time zone"),  # naive time: we never guess
        ("demand_status", {"status": "granted"}, "which note"),  # no demand named
        ("amendment", {}, "which note"),  # amends nothing
        ("note", {"ref": "feedfeedfeed"}, "no note 'feedfeedfeed'"),  # dangling ref
        ("demand", {"status": "maybe"}, "Unknown demand status 'maybe'"),
        ("demand_status", {"ref": "FIRST", "status": "denied"}, "must refer to a demand"),
        ("deadline_done", {}, "which note"),  # handles no deadline
        ("deadline_done", {"ref": "FIRST"}, "Only a deadline can be marked handled"),
        ("note", {"due": datetime(2026, 1, 1, tzinfo=UTC)}, "Only a deadline has a due"),
        ("deadline", {"due": datetime(226, 11, 28, tzinfo=UTC)}, "between the years 1970"),
        ("deadline", {"due": datetime.max.replace(tzinfo=UTC)}, "between the years 1970"),
        ("note", {"at": datetime(1, 1, 1, tzinfo=UTC)}, "between the years 1970"),
        ("gossip", {}, "Unknown note kind 'gossip'"),
        ("note", {"colour": "red"}, "Unknown note field 'colour'"),
    ],
)
def test_invalid_notes_are_refused(log, kind, fields, message):
    inc = log.open_incident("bridge", "x")
    first = log.add_note(inc.id, NoteKind.NOTE, "first")
    fields = {k: first.id if v == "FIRST" else v for k, v in fields.items()}
    with pytest.raises(NoteRefused, match=message):
        log.add_note(inc.id, kind, "text", **fields)
    assert log.note_count(inc.id) == 1


CONTROL = "bell\x07 esc\x1b[31mred nul\x00 del\x7f c1\x85 rlo\u202egnp.exe tab\tend"


def test_control_characters_are_kept_and_exports_show_them_safely(log):
    inc = log.open_incident("bridge", "x")
    note = log.add_note(inc.id, NoteKind.NOTE, CONTROL)
    again = common.reopen(log)
    assert again.note(inc.id, note.id).text == CONTROL  # evidence: stored as typed
    assert json.loads(again.export(inc.id, "json"))["entries"][1]["text"] == CONTROL
    for fmt in ("md", "csv"):
        out = again.export(inc.id, fmt)
        for raw, shown in [
            ("\x07", r"\x07"),
            ("\x1b", r"\x1b"),
            ("\x00", r"\x00"),
            ("\x7f", r"\x7f"),
            ("\x85", r"\x85"),
            ("\u202e", r"\u202e"),
        ]:
            assert raw not in out and shown in out, (fmt, shown)
        assert "tab\tend" in out


RTL = "هو على الجسر 🙏🏽 שלום 👨‍👩‍👧 ok"


def test_right_to_left_text_and_emoji_round_trip(log, tmp_path):
    inc = log.open_incident("جسر", "תל אביב")
    note = log.add_note(inc.id, NoteKind.HOOK, RTL)
    again = common.reopen(log)
    assert again.note(inc.id, note.id).text == RTL
    assert again.incident(inc.id).situation == "جسر"
    assert RTL in again.export(inc.id, "md") and RTL in again.export(inc.id, "csv")
    other = IncidentLog(tmp_path / "import")
    other.import_json(again.export(inc.id, "json"))
    assert IncidentLog(tmp_path / "import").note(inc.id, note.id).text == RTL


@pytest.mark.parametrize(
    "utc, zone, shown",
    [
        ("2026-03-29T00:59:59Z", "Europe/London", "2026-03-29 00:59:59 GMT"),  # before spring
        ("2026-03-29T01:00:00Z", "Europe/London", "2026-03-29 02:00:00 BST"),  # hour skipped
        ("2026-10-25T00:30:00Z", "Europe/London", "2026-10-25 01:30:00 BST"),  # first 01:30
        ("2026-10-25T01:30:00Z", "Europe/London", "2026-10-25 01:30:00 GMT"),  # second 01:30
        ("2026-03-08T06:59:00Z", "America/New_York", "2026-03-08 01:59:00 EST"),
        ("2026-03-08T07:00:00Z", "America/New_York", "2026-03-08 03:00:00 EDT"),
        ("2026-04-04T15:59:00Z", "Australia/Sydney", "2026-04-05 02:59:00 AEDT"),  # south
        ("2026-04-04T16:00:00Z", "Australia/Sydney", "2026-04-05 02:00:00 AEST"),  # ends
    ],
)
def test_local_time_across_daylight_saving(utc, zone, shown):
    assert format_local(datetime.fromisoformat(utc), zone) == shown


@pytest.mark.parametrize(
    "utc, zone, shown",
    [
        ("2026-11-29T00:10:00Z", "America/New_York", "19:10:00"),  # still the 28th there
        ("2026-11-29T05:10:00Z", "America/New_York", "2026-11-29 00:10:00"),  # past midnight
        ("2026-11-29T00:10:00Z", "UTC", "2026-11-29 00:10:00"),
        ("2026-11-28T23:59:59Z", "UTC", "23:59:59"),
    ],
)
def test_a_time_on_another_local_day_than_the_start_shows_its_date(utc, zone, shown):
    opened = datetime.fromisoformat("2026-11-28T23:40:00Z")
    assert format_stamp(datetime.fromisoformat(utc), opened, tz=zone) == shown


@pytest.mark.parametrize("fmt, shown", [
    ("%Y-%m-%d %H:%M", "2026-11-29 00:10"),  # a date asked for is not given twice
    ("%d/%m %H:%M", "29/11 00:10"),
    ("%H:%M", "2026-11-29 00:10"),  # a time alone gets its date on another day
])
def test_a_format_with_its_own_date_shows_it_once(fmt, shown):
    opened = datetime.fromisoformat("2026-11-28T23:40:00Z")
    at = datetime.fromisoformat("2026-11-29T00:10:00Z")
    assert format_stamp(at, opened, fmt=fmt, tz="UTC") == shown


@pytest.mark.parametrize("tz", [5, 5.5, b"UTC", ["UTC"]])
def test_a_zone_that_is_not_a_name_is_a_clear_value_error(tz):
    """`tz=5` raised a TypeError from deep inside zoneinfo; now it says what a zone is."""
    at = datetime.fromisoformat("2026-11-29T00:10:00Z")
    with pytest.raises(ValueError, match="use an IANA name"):
        format_stamp(at, at, tz=tz)


def test_contact_across_the_change_keeps_its_true_length(log):
    inc = log.open_incident("bridge", "x", at=datetime(2026, 3, 29, 0, 40, tzinfo=UTC))
    log.add_note(inc.id, NoteKind.CONTACT_START, at=datetime(2026, 3, 29, 0, 50, tzinfo=UTC))
    log.add_note(inc.id, NoteKind.CONTACT_END, at=datetime(2026, 3, 29, 1, 10, tzinfo=UTC))
    md = log.export(inc.id, "md", tz="Europe/London")
    assert "1. 2026-03-29 00:50:00 GMT to 2026-03-29 02:10:00 BST (0:20:00)" in md


def _full_disk_partial_write(fd, data):
    os.write(fd, data[: len(data) // 2])  # half a line reaches the file...
    raise OSError(errno.ENOSPC, "No space left on device")


def _fsync_enospc(fd):
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize(
    "target, fake",
    [
        ("write_all", _full_disk_partial_write),  # the write itself runs out of space
        ("sync", _fsync_enospc),  # the write is cached, fsync reports the loss
    ],
)
def test_full_disk_keeps_the_note_and_retries(tmp_path, monkeypatch, target, fake):
    lg = IncidentLog(tmp_path)
    inc = lg.open_incident("bridge", "x")
    lg.add_note(inc.id, NoteKind.NOTE, "before")
    monkeypatch.setattr(journal_mod, target, fake)
    with pytest.raises(StorageUnavailable) as err:
        lg.add_note(inc.id, NoteKind.DEMAND, "a car")
    assert "disk is full" in str(err.value) and str(tmp_path) in str(err.value)
    assert str(err.value).count(". ") == 0  # one sentence
    with pytest.raises(StorageUnavailable, match=r"2 waiting"):
        lg.add_note(inc.id, NoteKind.NOTE, "still typing")
    assert [p.text for p in lg.pending(inc.id)] == ["a car", "still typing"]
    assert lg.note_count(inc.id) == 1
    with pytest.raises(StorageUnavailable):
        lg.retry()
    with pytest.raises(StorageUnavailable, match="2 notes could not be written"):
        lg.close()  # closing does not drop them either
    monkeypatch.undo()  # space freed
    written = lg.retry()
    assert [(n.seq, n.text) for n in written] == [(2, "a car"), (3, "still typing")]
    assert lg.pending() == []
    again = IncidentLog(tmp_path)
    assert [n.text for n in again.all_notes(inc.id)] == ["before", "a car", "still typing"]
    assert again.warnings == [] and lg.warnings == []  # no half line was left behind
    assert not [p for p in (lg.root / inc.id).iterdir() if "corrupt" in p.name]


def test_read_only_data_dir(tmp_path, monkeypatch):
    # Simulated: these tests run as root, for whom chmod cannot make a folder read-only.
    lg = IncidentLog(tmp_path)
    inc = lg.open_incident("bridge", "x")
    lg.add_note(inc.id, NoteKind.NOTE, "before")
    common.read_only_disk(monkeypatch, tmp_path)
    with pytest.raises(StorageUnavailable, match="read-only"):
        lg.add_note(inc.id, NoteKind.NOTE, "during")
    with pytest.raises(StorageUnavailable, match="read-only"):
        lg.open_incident("another", "y")
    assert [n.text for n in lg.notes(inc.id)] == ["before"]  # reading still works
    assert [p.text for p in lg.pending(inc.id)] == ["during"]
    monkeypatch.undo()
    lg.retry()
    assert [n.text for n in IncidentLog(tmp_path).all_notes(inc.id)] == ["before", "during"]


def test_retention_purges_only_old_closed_incidents_and_only_when_confirmed(log):
    now = datetime(2026, 6, 1, tzinfo=UTC)
    old = log.open_incident("old", "x", at=now - timedelta(days=60))
    log.close_incident(old.id, at=now - timedelta(days=40))
    recent = log.open_incident("recent", "x", at=now - timedelta(days=6))
    log.close_incident(recent.id, at=now - timedelta(days=5))
    running = log.open_incident("still open", "x", at=now - timedelta(days=100))
    assert log.purge_closed(30, now=now) == [old.id]  # a dry run: nothing deleted
    assert len(log.incidents()) == 3
    assert log.purge_closed(30, now=now, confirm=True) == [old.id]
    assert {i.id for i in common.reopen(log).incidents()} == {recent.id, running.id}
    if not log.in_memory:
        assert not (log.root / old.id).exists()
    with pytest.raises(ValueError):
        log.purge_closed(0, confirm=True)  # "0 days" would purge everything closed


def test_retention_never_deletes_a_call_its_entries_say_is_open(tmp_path):
    """incident.json is outside the chain: "closed in 2000" there alone deletes nothing."""
    log = IncidentLog(tmp_path)
    inc = log.open_incident("Suicidal subject", "Elm St")
    log.add_note(inc.id, NoteKind.NOTE, "He is on the rail")
    log.close()
    record = tmp_path / "incidents" / inc.id / "incident.json"
    data = json.loads(record.read_text())
    data["incident"]["1"].update(status="closed", closed_at="2000-01-01T00:00:00Z")
    record.write_text(json.dumps(data))

    again = IncidentLog(tmp_path)
    assert again.purge_closed(30, confirm=True) == []
    assert [n.text for n in again.all_notes(inc.id)] == ["He is on the rail"]
    again.close()


def test_damage_found_on_a_read_only_disk_is_recovered_in_memory_then_repaired(
    tmp_path, monkeypatch
):
    lg = IncidentLog(tmp_path)
    inc = lg.open_incident("bridge", "x")
    for i in range(5):
        lg.add_note(inc.id, NoteKind.NOTE, f"n{i}")
    journal = tmp_path / "incidents" / inc.id / "journal.jsonl"
    with open(journal, "ab") as f:
        f.write(b'12345678 {"half a li')  # torn by a power cut
    common.read_only_disk(monkeypatch, tmp_path)
    monkeypatch.setattr(os, "rename", lambda *a: os.open(str(journal), os.O_WRONLY))  # EROFS
    ro = IncidentLog(tmp_path)  # opens: nothing can be moved or rewritten
    assert [n.text for n in ro.all_notes(inc.id)] == [f"n{i}" for i in range(5)]
    assert any("could not be saved yet (the storage is read-only)" in w for w in ro.warnings)
    with pytest.raises(StorageUnavailable):
        ro.add_note(inc.id, NoteKind.NOTE, "n5")
    monkeypatch.undo()
    ro.retry()  # repairs first (journal kept aside), then appends: no merged line
    again = IncidentLog(tmp_path)
    assert [n.text for n in again.all_notes(inc.id)] == [f"n{i}" for i in range(6)]
    assert again.warnings == []
    assert len([p for p in journal.parent.iterdir() if ".corrupt-" in p.name]) == 1


def test_a_file_that_cannot_be_read_is_told_as_a_read_not_a_write(tmp_path):
    """A journal replaced by a folder was reported as "Could not write to ... (Is a
    directory)" while nothing was being written."""
    from app.incidents import StorageUnreadable

    log = IncidentLog(tmp_path)
    inc = log.open_incident("bridge", "x")
    log.add_note(inc.id, NoteKind.NOTE, "first")
    folder = tmp_path / "incidents" / inc.id
    (folder / "journal.jsonl").unlink()
    (folder / "journal.jsonl").mkdir()

    again = IncidentLog(tmp_path)

    assert again.warnings == [
        f"Incident {inc.id} could not be read: Could not read {folder} because a folder named "
        "journal.jsonl is where one of its files should be."
    ]
    with pytest.raises(StorageUnreadable):
        again.add_note(inc.id, NoteKind.NOTE, "second")
    assert again.pending(inc.id) == []  # nothing was taken in, so nothing waits


@pytest.mark.parametrize(
    "err, reading, said",
    [
        (errno.EACCES, True, "the app is not allowed to read there"),
        (errno.EACCES, False, "the app is not allowed to write there"),
        (errno.ENOTDIR, True, "a file is where one of its folders should be"),
        (errno.ENOSPC, False, "the disk is full"),
    ],
)
def test_the_reason_says_read_or_write(err, reading, said):
    from app.incidents.storage import reason

    assert reason(OSError(err, os.strerror(err)), reading) == said


def test_a_folder_in_a_files_place_is_named():
    """"a folder is where one of its files should be" did not say which: the officer (or
    whoever helps) could not know what to move."""
    from app.incidents.storage import reason

    err = IsADirectoryError(errno.EISDIR, "Is a directory", "/data/practice.lock")
    assert reason(err) == "a folder named practice.lock is where one of its files should be"
    assert reason(IsADirectoryError(errno.EISDIR, "Is a directory")) == (
        "a folder is where one of its files should be")


def test_a_time_before_year_1000_is_stored_with_four_digits():
    """strftime wrote year 226 as "226", which fromisoformat cannot read back: an
    incident holding such a time could not be opened again."""
    from app.incidents.clock import from_iso, to_iso

    old = datetime(226, 11, 28, 12, 0, tzinfo=UTC)
    assert to_iso(old) == "0226-11-28T12:00:00.000000Z" and from_iso(to_iso(old)) == old

