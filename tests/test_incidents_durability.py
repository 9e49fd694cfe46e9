"""Evidence-grade durability: kill -9, damaged files, two writing processes."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sys
import time
from pathlib import Path

import pytest

from app.incidents import IncidentLog, NoteKind
from app.incidents import chain as C
from tests.incidents_helpers.common import (
    acked,
    closed_and_amended,
    cut_last,
    read_only_disk,
    start_writer,
)

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX")

KILLS = 50


def test_kill_minus_nine_never_loses_an_acknowledged_note(tmp_path):
    data = tmp_path / "data"
    inc = IncidentLog(data).open_incident("kill test", "lab")
    rng = random.Random(20261126)
    all_acked: list[str] = []
    cut_short = 0  # rounds where the kill stopped a save mid-line
    for round_no in range(KILLS):
        child = start_writer(data, inc.id, 0, fold_min=rng.choice([5, 40, 2000]))
        if round_no % 5 == 0:  # sometimes while it opens (recovery, fold at open)
            time.sleep(rng.uniform(0.0, 0.25))
        else:  # mostly while it appends (and folds)
            assert child.stdout.readline() == "READY\n", child.stderr.read()
            time.sleep(rng.uniform(0.0, 0.15))
        os.kill(child.pid, signal.SIGKILL)
        out, err = child.communicate()
        assert child.returncode == -signal.SIGKILL, err
        all_acked += acked(out)

        log = IncidentLog(data, fold_min=10**9)  # opens: the files are readable
        notes = log.all_notes(inc.id)
        ids = [n.id for n in notes]
        missing = set(all_acked) - set(ids)
        assert not missing, f"round {round_no}: acknowledged notes lost: {missing}"
        assert len(set(ids)) == len(ids)
        assert [n.seq for n in notes] == list(range(1, len(notes) + 1))
        # a kill alone damages nothing: at most it stops a save mid-line (the write ends at
        # a page boundary), and that entry was never acknowledged; it is told as such
        unfinished = [w for w in log.warnings if "that entry was never shown as saved" in w]
        assert log.warnings == unfinished, log.warnings
        cut_short += len(unfinished)
    assert len(all_acked) > KILLS  # the writer really was killed mid-stream, many times
    folder = data / "incidents" / inc.id
    leftovers = [p for p in folder.iterdir() if "corrupt" in p.name]
    assert len(leftovers) == cut_short  # only the journals a kill cut short, kept as found
    assert all(not p.read_bytes().endswith(b"\n") for p in leftovers)


def test_two_processes_500_notes_each(tmp_path):
    data = tmp_path / "data"
    inc = IncidentLog(data).open_incident("two writers", "lab")
    children = [start_writer(data, inc.id, 500, fold_min=150) for _ in range(2)]
    outs = []
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        outs.append(acked(out))
    assert [len(o) for o in outs] == [500, 500]
    notes = IncidentLog(data).all_notes(inc.id)
    assert len(notes) == 1000
    assert [n.seq for n in notes] == list(range(1, 1001))  # unique, no gaps
    assert {n.id for n in notes} == set(outs[0]) | set(outs[1])


def _build(data: Path) -> tuple[str, list]:
    """200 notes folded into notes.json, 20 more only in the journal (entry #0 is the
    incident's opening, so notes are #1 to #220)."""
    log = IncidentLog(data)
    inc = log.open_incident("recovery", "lab")
    for i in range(200):
        log.add_note(inc.id, NoteKind.NOTE, f"stored note {i} " + "s" * (i % 40))
    log.close()
    log = IncidentLog(data)
    for i in range(20):
        log.add_note(inc.id, NoteKind.NOTE, f"journal note {i}")
    return inc.id, IncidentLog(data).all_notes(inc.id)


def _truncate_half(p: Path) -> None:
    p.write_bytes(p.read_bytes()[: p.stat().st_size // 2])


def _garble_middle(p: Path) -> None:
    b = bytearray(p.read_bytes())
    mid = len(b) // 2
    b[mid : mid + 40] = b"\x00#garbage}{]" * 3 + b"xxxx"
    p.write_bytes(bytes(b))


def _change_a_letter(p: Path) -> None:  # still valid JSON: only a checksum can tell
    p.write_bytes(p.read_bytes().replace(b"stored note 7 ", b"stored note 9 ", 1))


def _torn_tail(p: Path) -> None:  # half a line, as after a power cut mid-write
    with open(p, "ab") as f:
        f.write(b'0badc0de {"id":"aaaaaaaaaaaa","seq":221,"te')


def _garble_line(p: Path) -> None:
    lines = p.read_bytes().split(b"\n")
    lines[5] = lines[5][:20] + b"~~~" + lines[5][23:]
    p.write_bytes(b"\n".join(lines))


def _empty(p: Path) -> None:
    p.write_bytes(b"")


@pytest.mark.parametrize(
    "filename, damage, lost_at_most",
    [
        ("notes.json", _truncate_half, 200),  # the first half's notes are salvaged
        ("notes.json", _garble_middle, 3),  # notes around the garbage are lost, not more
        ("notes.json", _change_a_letter, 1),  # parses, but the checksum catches it
        ("notes.json", _empty, 200),  # emptied file: moved aside, journal notes kept
        ("journal.jsonl", _torn_tail, 0),  # the torn line was never acknowledged
        ("journal.jsonl", _garble_line, 1),  # one bad line costs one note
        ("incident.json", _garble_middle, 0),  # record rebuilt from the notes
    ],
)
def test_damaged_file_is_moved_aside_and_readable_notes_recovered(
    tmp_path, filename, damage, lost_at_most
):
    data = tmp_path / "data"
    inc_id, before = _build(data)
    folder = data / "incidents" / inc_id
    damage(folder / filename)
    damaged_bytes = (folder / filename).read_bytes()

    log = IncidentLog(data)
    after = log.all_notes(inc_id)

    (aside,) = [p for p in folder.iterdir() if p.name.startswith(filename + ".corrupt-")]
    assert aside.read_bytes() == damaged_bytes  # kept exactly as found
    assert str(folder / filename) in log.warnings[0]
    if damage is _torn_tail:  # a save cut short is told as one, not as damage
        assert "that entry was never shown as saved" in log.warnings[0]
    else:
        assert "damaged" in log.warnings[0]
    lost = 221 - len(log.entries(inc_id))  # entries #0 to #220 were written
    if lost:  # and the hole is told, with how many entries are missing
        (gap,) = log.warnings[1:]
        assert re.fullmatch(rf"{lost} (entry is|entries are) missing .* \(Incident {inc_id}\)", gap)
    else:
        assert len(log.warnings) == 1
    by_id = {n.id: n for n in before}
    assert all(by_id[n.id] == n for n in after)  # nothing invented or altered
    assert len(before) - len(after) <= lost_at_most
    if lost_at_most == 0:
        assert after == before
    if filename == "notes.json":
        assert all(n in after for n in before[200:])  # the journal's notes
    assert log.incident(inc_id).id == inc_id

    # the repair is durable: a second open finds nothing new (the hole stays told), and
    # writes work
    again = IncidentLog(data)
    assert again.warnings == log.warnings[1:] and again.all_notes(inc_id) == after
    n = again.add_note(inc_id, NoteKind.NOTE, "after recovery")
    assert n.seq == after[-1].seq + 1


@pytest.mark.parametrize("lose", ["empty", "delete"])
def test_an_open_incident_whose_every_entry_is_gone_says_so_and_keeps_saying_so(tmp_path, lose):
    """incident.json is written only after entry #0 is on disk: a record with no entry
    at all means the entries were lost. Before, it opened as "0 entries", silently, and the
    next note became a new #0 that hid the loss for good."""
    data = tmp_path / "data"
    log = IncidentLog(data)
    inc = log.open_incident("Suicidal subject", "Elm St")
    for i in range(3):
        log.add_note(inc.id, NoteKind.NOTE, f"note {i}")
    journal = data / "incidents" / inc.id / "journal.jsonl"
    journal.write_bytes(b"") if lose == "empty" else journal.unlink()

    after = IncidentLog(data)

    assert after.warnings == [
        f"No entry was found in incident {inc.id}, not even #0, which every incident starts "
        f"with. Its notes may be lost: the journal in {journal.parent} is empty or missing."
    ]
    note = after.add_note(inc.id, NoteKind.NOTE, "written after the loss")
    assert note.seq == 1  # never a second #0
    again = IncidentLog(data)
    assert again.warnings == [  # the new #1 took the place of what the lock file remembers
        f"1 entry is missing (#0). (Incident {inc.id})",
        "Entry #3 was saved, yet the log now ends at #1: "
        f"entries at the end were lost or removed. (Incident {inc.id})"]
    assert [n.text for n in again.all_notes(inc.id)] == ["written after the loss"]


def test_a_closed_incident_whose_last_entries_were_cut_says_so(tmp_path):
    """notes.json cut after note 1 of a closed incident (its closing entry with it) still
    parses and chains: before, it opened as '3 entries, chain intact', silently."""
    import json

    data = tmp_path / "data"
    log = IncidentLog(data)
    inc = log.open_incident("Suicidal subject", "Elm St")
    for i in range(3):
        log.add_note(inc.id, NoteKind.NOTE, f"note {i}")
    log.close_incident(inc.id)
    log.close()
    whole = IncidentLog(data)
    assert len(whole.entries(inc.id)) == 5 and whole.warnings == []  # a whole one: no warning
    assert whole.chain_status(inc.id).warning is None

    notes = data / "incidents" / inc.id / "notes.json"
    doc = json.loads(notes.read_text())
    for k in sorted(doc["notes"], key=int)[-2:]:  # note 2 and the closing entry
        del doc["notes"][k]
    notes.write_text(json.dumps(doc))

    after = IncidentLog(data)
    assert [n.text for n in after.all_notes(inc.id)] == ["note 0", "note 1"]
    # The entries decide open or closed (standing.py): with no closing entry it is listed
    # open, and the record that said closed is set aside and said; its tail tells the cut.
    cut = "entry #4 was saved, yet the log now ends at #2: entries at the end were lost or removed."
    assert after.warnings[0] == f"E{cut[1:]} (Incident {inc.id})"
    assert [w.key for w in after.warnings[1:]] == ["said_record_said_closed"]
    assert "entries at the end of its log were removed" in after.warnings[1]
    assert after.incident(inc.id).is_open
    # The chain is intact, only shorter: every place that shows it says what is missing.
    head = C.short(after.chain_status(inc.id).head)
    told = f"3 entries, chain intact, head {head}, but {cut}"
    assert after.chain_status(inc.id).sentence == told
    assert told in after.export(inc.id, "md")
    assert told in after.export(inc.id, "csv").splitlines()[-1]


@pytest.mark.parametrize("cut", [1, 2])
def test_a_closed_incident_whose_last_amendments_were_cut_says_so(tmp_path, cut):
    """Amendments follow the closing entry, so cutting them left the closing entry in
    place: the log opened as whole. The tail (ends.py) now tells it."""
    data = tmp_path / "data"
    inc_id, _ = closed_and_amended(data, "he has a knife", "he has a kitchen knife",
                                   "he had a kitchen knife; he put it down")
    whole, last = IncidentLog(data), 4  # #0 opened, #1 the note, #2 closed, #3-#4 amended
    inc = whole.incident(inc_id)
    assert whole.entries(inc.id)[-1].seq == last
    assert whole.chain_status(inc.id).warning is None and whole.warnings == []
    whole.close()

    cut_last(data, inc.id, cut)

    after = IncidentLog(data)
    assert len(after.entries(inc.id)) == last + 1 - cut  # a closed incident is read when asked
    told = (f"entry #{last} was saved, yet the log now ends at #{last - cut}: "
            "entries at the end were lost or removed.")
    assert after.warnings == [f"E{told[1:]} (Incident {inc.id})"]
    assert after.chain_status(inc.id).intact  # shorter, not broken
    assert after.chain_status(inc.id).sentence.endswith(f", but {told}")


def test_the_tail_never_warns_on_a_whole_log_after_a_restart_or_a_new_amendment(tmp_path):
    data = tmp_path / "data"
    log = IncidentLog(data)
    inc = log.open_incident("Barricaded subject", "Oak Rd")
    note = log.add_note(inc.id, NoteKind.NOTE, "door locked")
    log.amend(inc.id, note.id, "back door locked")  # open: the tail moves too
    log.close_incident(inc.id)
    log.close()
    again = IncidentLog(data)
    again.amend(inc.id, note.id, "both doors locked")
    again.close()
    last = IncidentLog(data)
    assert last.chain_status(inc.id).warning is None and last.warnings == []
    assert len(last.entries(inc.id)) == 5


def _flip(line: bytes, at: int) -> bytes:  # one character changed, as a bad sector might
    return line[:at] + (b"5" if line[at:at + 1] != b"5" else b"6") + line[at + 1:]


@pytest.mark.parametrize("bad", [
    b"x", b"", b"-4", b"4.0", b" 9", b"9" * 40, b"\xff\xfe",  # junk
    "seq", "hash", "crc",  # one character of a real tail changed: its checksum fails
    "folder", "link",  # not a file: never read, never followed
])
def test_a_damaged_tail_is_ignored_and_written_anew(tmp_path, bad):
    data = tmp_path / "data"
    log = IncidentLog(data)
    inc = log.open_incident("Suicidal subject", "Elm St")
    note = log.add_note(inc.id, NoteKind.NOTE, "on the rail")
    log.close_incident(inc.id)
    log.close()
    tail = data / "incidents" / inc.id / "tail"
    real = tail.read_bytes()
    assert real.split()[0] == b"2"  # the closing entry, with its hash and a checksum
    tail.unlink()
    if bad == "folder":
        tail.mkdir()
    elif bad == "link":
        (tmp_path / "elsewhere").write_bytes(real.replace(b"2 ", b"9 ", 1))
        tail.symlink_to(tmp_path / "elsewhere")
    elif isinstance(bad, str):
        tail.write_bytes(_flip(real, {"seq": 0, "hash": 10, "crc": len(real) - 3}[bad]))
    else:
        tail.write_bytes(bad)
    again = IncidentLog(data)
    assert again.chain_status(inc.id).warning is None and again.warnings == []
    again.amend(inc.id, note.id, "off the rail")
    if bad != "folder":  # a folder in its place cannot be replaced: only the safeguard is lost
        assert tail.read_bytes().split()[0] == b"3"
    assert [n.text for n in again.entries(inc.id)][-1] == "off the rail"


def _open_with_notes(data: Path, *texts: str) -> tuple[str, list[str]]:
    lg = IncidentLog(data)
    inc = lg.open_incident("Barricaded subject", "Oak Rd")
    ids = [lg.add_note(inc.id, NoteKind.NOTE, t).id for t in texts]
    lg.close()  # notes.json holds every entry
    return inc.id, ids


def test_plain_notes_cut_from_an_open_incident_are_told(tmp_path):
    """The lock file keeps the last entry of any kind (ends.Tail.read_every): the last
    notes of an open incident removed from its files no longer pass as a whole log, nor
    once it is closed on top of the cut."""
    from app.incidents.export import verify

    data = tmp_path / "data"
    inc_id, _ = _open_with_notes(data, "door locked", "he says he has a gun", "lights off")
    cut_last(data, inc_id, 2)
    told = ("entry #3 was saved, yet the log now ends at #1: entries at the "
            "end were lost or removed.")
    after = IncidentLog(data)
    assert after.warnings == [f"E{told[1:]} (Incident {inc_id})"]
    assert after.chain_status(inc_id).intact and after.chain_status(inc_id).warning == told
    assert f", but {told}" in after.export(inc_id, "md")
    assert verify(after.export(inc_id, "json"))[2].warning == told  # JSON carries it too
    after.close_incident(inc_id)  # the closing entry takes #2: the cut stays told
    after.close()
    assert IncidentLog(data).chain_status(inc_id).warning == told.replace("#1", "#2")


def test_a_journal_line_cut_from_an_open_incident_is_told(tmp_path):
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc = lg.open_incident("Suicidal subject", "Harbour bridge")
    for text in ("on the rail", "asked for his sister"):
        lg.add_note(inc.id, NoteKind.NOTE, text)
    journal = data / "incidents" / inc.id / "journal.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-1]))  # the last note's line, whole, removed
    again = IncidentLog(data)
    assert [n.text for n in again.entries(inc.id)][-1] == "on the rail"
    assert again.chain_status(inc.id).warning.startswith("entry #2 was saved")


@pytest.mark.parametrize("junk", [b"x" * 96, b"\0" * 96, b"", "one digit changed"],
                         ids=["junk", "zeros", "empty", "one-digit"])
def test_a_damaged_last_entry_record_in_the_lock_file_says_nothing(tmp_path, junk):
    """What the lock file keeps is not synced: after a power cut it may be anything. It is
    checksummed, so it then reads as none (no warning) and is written anew."""
    from app.incidents.locks import EXTRA_AT

    data = tmp_path / "data"
    inc_id, ids = _open_with_notes(data, "door locked")
    lock = data / "incidents" / inc_id / "lock"
    raw = lock.read_bytes()
    kept = raw[EXTRA_AT:]
    assert kept.split()[0] == b"1"  # entry #1, with its hash and a checksum
    if junk == "one digit changed":
        junk = kept.replace(b"1 ", b"9 ", 1)
    lock.write_bytes(raw[:EXTRA_AT] + junk)
    again = IncidentLog(data)
    assert again.warnings == [] and again.chain_status(inc_id).warning is None
    again.add_note(inc_id, NoteKind.NOTE, "lights off")
    assert lock.read_bytes()[EXTRA_AT:].split()[0] == b"2"


def test_an_export_while_another_process_writes_is_never_told_cut(tmp_path, monkeypatch):
    """The export's entries and its tail are read in one hold of the lock. Read apart,
    another process's new note (then its fold) fell between them: the export carried a
    tail one past its last entry, which verify and the imported copy told as a cut (the
    helper's stress run: 356 of 1,580 exports)."""
    import subprocess

    from app.incidents.book import Book
    from app.incidents.export import verify

    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc = lg.open_incident("Barricaded subject", "Oak Rd")
    lg.add_note(inc.id, NoteKind.NOTE, "door locked")
    other = []
    real = Book.export_tail

    def other_process_writes(book):  # B appends and folds (as its close does) right here
        code = (f"from app.incidents import IncidentLog, NoteKind\n"
                f"b = IncidentLog({str(data)!r}); b.add_note({inc.id!r}, NoteKind.NOTE, 'B')\n"
                "b.close()\n")
        child = subprocess.Popen([sys.executable, "-c", code], cwd=Path(__file__).parent.parent)
        other.append(child)
        try:
            child.wait(timeout=3)  # under the lock it waits for us: the export goes first
        except subprocess.TimeoutExpired:
            pass
        return real(book)

    monkeypatch.setattr(Book, "export_tail", other_process_writes)
    text = lg.export(inc.id, "json")
    assert other[0].wait(timeout=30) == 0
    doc = json.loads(text)
    assert doc["tail"]["seq"] == doc["entries"][-1]["seq"]
    assert verify(text)[2].warning is None
    assert len(IncidentLog(data).entries(inc.id)) == 3  # B's note is there, after the export


def test_a_cut_is_told_on_a_read_only_disk_and_in_its_export(tmp_path, monkeypatch):
    """A read-only copy of the evidence cannot take the lock: the lock file's record of
    the last entry is then read from the file itself (never through a link)."""
    from app.incidents.export import verify

    data = tmp_path / "data"
    inc_id, _ = _open_with_notes(data, "door locked", "he says he has a gun", "lights off")
    cut_last(data, inc_id, 2)
    read_only_disk(monkeypatch, data)
    ro = IncidentLog(data)
    told = ("entry #3 was saved, yet the log now ends at #1: entries at the end were lost or "
            "removed.")
    assert ro.chain_status(inc_id).warning == told
    text = ro.export(inc_id, "json")
    assert json.loads(text)["tail"]["seq"] == 3 and verify(text)[2].warning == told


def test_an_import_whose_tail_is_behind_its_last_entry_watches_every_entry(tmp_path):
    """An export's tail can be its last amendment only (written before the lock file kept
    every entry, or from a disk where it could not be read): the import still watches
    its notes after it."""
    src = IncidentLog(None)
    inc = src.open_incident("Barricaded subject", "Oak Rd")
    note = src.add_note(inc.id, NoteKind.NOTE, "door locked")
    amended = src.amend(inc.id, note.id, "back door locked")  # #2
    for text in ("he says he has a gun", "lights off"):  # #3, #4
        src.add_note(inc.id, NoteKind.NOTE, text)
    doc = json.loads(src.export(inc.id, "json"))
    doc["tail"] = {"seq": amended.seq, "hash": doc["entries"][amended.seq]["hash"]}
    data = tmp_path / "data"
    dst = IncidentLog(data)
    dst.import_json(json.dumps(doc))
    assert dst.warnings == []
    dst.close()
    cut_last(data, inc.id, 2)
    assert IncidentLog(data).chain_status(inc.id).warning == (
        "entry #4 was saved, yet the log now ends at #2: entries at the end were lost or removed.")


def test_a_link_in_place_of_the_lock_file_is_never_written_through(tmp_path):
    data = tmp_path / "data"
    inc_id, _ = _open_with_notes(data, "door locked")
    lock = data / "incidents" / inc_id / "lock"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.write_bytes(b"someone else's file\n")
    lock.unlink()
    lock.symlink_to(elsewhere)
    lg = IncidentLog(data)
    assert [n.text for n in lg.all_notes(inc_id)] == ["door locked"]  # still readable
    from app.incidents.model import StorageUnavailable

    with pytest.raises(StorageUnavailable, match="kept in memory"):  # not lost: retried
        lg.add_note(inc_id, NoteKind.NOTE, "lights off")
    assert elsewhere.read_bytes() == b"someone else's file\n"


def test_a_cut_stays_told_after_new_amendments_take_its_numbers(tmp_path):
    """The tail keeps the hash of the entry it names: writing new amendments where the cut
    ones were no longer hides the cut at the next start."""

    data = tmp_path / "data"
    inc_id, note_id = closed_and_amended(data, "knife", "kitchen knife")  # the amendment: #3
    cut_last(data, inc_id)
    cut = IncidentLog(data)
    inc, note = cut.incident(inc_id), cut.entries(inc_id)[1]
    assert len(cut.entries(inc.id)) == 3 and len(cut.warnings) == 1
    cut.amend(inc.id, note.id, "a different #3")
    cut.close()
    later = IncidentLog(data)
    assert later.chain_status(inc.id).warning == (
        "entry #3 is not the one that was saved: entries at the end were lost or "
        "removed, and others written in their place.")
    later.amend(inc.id, note.id, "#4, on top")  # the tail stays: a cut, once found, is kept
    later.close()
    assert IncidentLog(data).chain_status(inc.id).warning.startswith("entry #3 is not the one")


def test_an_imported_closed_incident_is_watched_for_cuts_too(tmp_path):

    src = IncidentLog(tmp_path / "src")
    inc = src.open_incident("Barricaded subject", "Oak Rd")
    note = src.add_note(inc.id, NoteKind.NOTE, "door locked")
    src.close_incident(inc.id)
    src.amend(inc.id, note.id, "back door locked")
    data = tmp_path / "data"
    dst = IncidentLog(data)
    dst.import_json(src.export(inc.id, "json"))
    dst.close()
    cut_last(data, inc.id)
    after = IncidentLog(data)
    assert after.chain_status(inc.id).warning.startswith("entry #3 was saved")


PAST_END_3_2 = ("entry #3 was saved, yet the log now ends at #2: entries at "
                "the end were lost or removed.")
REPLACED_3 = ("entry #3 is not the one that was saved: entries at the end were "
              "lost or removed, and others written in their place.")


@pytest.mark.parametrize("after_cut, told", [
    ((), PAST_END_3_2),  # the last amendment removed
    (("a different #3",), REPLACED_3),  # removed, and another written in its place
])
def test_a_cut_log_exports_as_cut_and_its_import_stays_cut(tmp_path, capsys, after_cut, told):
    """The JSON export carries the tail: without it a cut log exported, verified and imported
    as whole. `verify` now says what the app said, and exits 1; the imported incident tells
    it at once, after a restart and after amendments of its own."""
    from app.cli import main as cli_main
    from app.incidents.export import verify

    data = tmp_path / "data"
    inc_id, note_id = closed_and_amended(data, "knife", "kitchen knife")  # the amendment: #3
    cut_last(data, inc_id)
    src = IncidentLog(data)
    for text in after_cut:
        src.amend(inc_id, note_id, text)
    src.close()
    src = IncidentLog(data)
    assert src.chain_status(inc_id).warning == told
    text = src.export(inc_id, "json")

    status = verify(text)[2]
    assert status.intact and status.warning == told
    assert status.sentence.endswith(f", but {told}")
    path = tmp_path / "cut.json"
    path.write_text(text, "utf-8")
    assert cli_main(["verify", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == status.sentence + "\n" and err.count("\n") == 1 and told in err

    dst = IncidentLog(tmp_path / "dst")
    dst.import_json(text)
    assert dst.chain_status(inc_id).warning == told
    assert dst.warnings == [f"{told[0].upper()}{told[1:]} (Incident {inc_id})"]
    dst.amend(inc_id, note_id, "amended after the import")  # takes #3 or #4: still told
    dst.close()
    assert IncidentLog(tmp_path / "dst").chain_status(inc_id).warning == REPLACED_3


def test_a_whole_export_carries_its_tail_and_verifies_without_a_warning(tmp_path, capsys):
    from app.cli import main as cli_main
    from app.incidents.export import verify

    data = tmp_path / "data"
    inc_id, _ = closed_and_amended(data, "knife", "kitchen knife")
    lg = IncidentLog(data)
    text = lg.export(inc_id, "json")
    assert json.loads(text)["tail"] == {"seq": 3, "hash": lg.chain_status(inc_id).head}
    assert verify(text)[2].warning is None
    path = tmp_path / "whole.json"
    path.write_text(text, "utf-8")
    assert cli_main(["verify", str(path)]) == 0 and capsys.readouterr().err == ""
    dst = IncidentLog(tmp_path / "dst")
    dst.import_json(text)
    assert dst.warnings == [] and dst.chain_status(inc_id).warning is None


def test_closing_while_another_process_amends_keeps_the_record_closed(tmp_path, monkeypatch):
    """Two processes on one data folder: A closes while B amends. The tail once lived in
    incident.json, which is rewritten whole, so B's tail write could land A's stale copy
    and reopen a closed incident. The tail is now a file of its own. A now writes its
    closing entry and its record in one hold of the lock (so no reader sees them disagree:
    standing.py), so B's amend, started in between, waits for both."""
    import json
    import threading

    import app.incidents.storage as S

    data = tmp_path / "data"
    a = IncidentLog(data)
    inc = a.open_incident("Barricaded subject", "Oak Rd")
    note = a.add_note(inc.id, NoteKind.NOTE, "door locked")
    b = IncidentLog(data)
    b.entries(inc.id)
    real = S.atomic_write
    done = []

    def amend_meanwhile(path, data_, *args, **kw):  # A's incident.json write, just before
        if path.name == "incident.json" and not done:
            done.append(threading.Thread(target=b.amend,
                                         args=(inc.id, note.id, "back door locked too")))
            done[0].start()  # B, as another process would: it waits for A's lock
        return real(path, data_, *args, **kw)

    monkeypatch.setattr(S, "atomic_write", amend_meanwhile)
    a.close_incident(inc.id)
    done[0].join(30)
    monkeypatch.setattr(S, "atomic_write", real)
    assert done and not done[0].is_alive()
    record = json.loads((data / "incidents" / inc.id / "incident.json").read_text())
    assert record["incident"]["1"]["status"] == "closed"
    fresh = IncidentLog(data)
    assert not fresh.incident(inc.id).is_open
    kinds = [n.kind.value for n in fresh.entries(inc.id)]
    assert kinds[-2:] in (["incident_closed", "amendment"], ["amendment", "incident_closed"])
    assert fresh.warnings == [] and fresh.chain_status(inc.id).warning is None
