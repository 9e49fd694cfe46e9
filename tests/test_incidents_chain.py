"""The tamper-evident chain: built at append, checked at open, carried by every export,
recomputed by `python -m app verify`, checked before an import, shown on screen."""

from __future__ import annotations

import copy
import hashlib
import json
import re
import subprocess
import sys
import zlib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tinydb import TinyDB

from app.cli import main as cli_main
from app.incidents import IncidentLog, IncidentStatus, NoteKind
from app.incidents import chain as C
from app.incidents.export import verify
from app.incidents.model import ImportRefused

ROOT = Path(__file__).resolve().parents[1]
T0 = datetime(2026, 7, 1, 14, 0, tzinfo=UTC)


def _incident(lg: IncidentLog, notes: int = 8) -> str:
    inc = lg.open_incident("barricaded subject", "12 Oak Rd", at=T0)
    for i in range(notes):
        lg.add_note(inc.id, NoteKind.NOTE, f"note number {i}", at=T0 + timedelta(minutes=i + 1))
    return inc.id


def _rehash(entries: list[dict], start: int) -> None:
    """What a careful forger does: recompute every hash from `start` on."""
    for i in range(start, len(entries)):
        rec = {k: v for k, v in entries[i].items() if k != "hash"}
        if i:
            rec["prev"] = entries[i - 1]["hash"]
        entries[i] = {**rec, "hash": C.digest(C.canonical(rec))}


def _edit(doc: dict, seq: int, **change) -> dict:
    doc["entries"][seq].update(change)
    return doc


def _drop(doc: dict, seq: int) -> dict:
    del doc["entries"][seq]
    return doc


def _swap(doc: dict, a: int, b: int) -> dict:
    e = doc["entries"]
    e[a], e[b] = e[b], e[a]
    return doc


def _insert(doc: dict, seq: int) -> dict:
    """A forged entry numbered like the one it goes before, properly linked."""
    e = doc["entries"]
    forged = {k: v for k, v in e[seq].items() if k != "hash"}
    forged.update(text="he said he has no weapon", id="feedfeedfeed")
    e.insert(seq, {**forged, "hash": C.digest(C.canonical(forged))})
    return doc


def _rewrite(doc: dict, seq: int) -> dict:
    _edit(doc, seq, text="he never mentioned a weapon")
    _rehash(doc["entries"], seq)
    doc["head"] = doc["entries"][-1]["hash"]
    return doc


def _one_char(doc: dict, seq: int) -> dict:
    text = doc["entries"][seq]["text"]
    return _edit(doc, seq, text=text[:-1] + chr(ord(text[-1]) + 1))


TAMPER = [
    (lambda d: _one_char(d, 5),  # one character
     "Entry #5 was changed after it was written (its hash does not match)."),
    (lambda d: _edit(d, 3, at="2026-07-01T13:04:00.000000Z"), "Entry #3 was changed"),  # time
    (lambda d: _edit(d, 0, location="elsewhere"), "Entry #0 was changed"),  # the opening
    (lambda d: _edit(d, 4, hash="0" * 64), "Entry #4 was changed"),  # a hash alone
    (lambda d: _drop(d, 5), "1 entry is missing (#5)."),  # removed from the middle
    (lambda d: _drop(_drop(d, 2), 2), "2 entries are missing (#2 to #3)."),  # two removed
    (lambda d: _insert(d, 6), "Two entries are numbered #6, both following #5"),  # inserted
    (lambda d: _swap(d, 3, 4), "Entries are out of order: #3 comes after #4."),  # swapped
    (lambda d: _rewrite(d, 2), "head"),  # rewritten and every hash after it recomputed
    (lambda d: {**d, "entries": d["entries"][:-2]}, "removed from the end"),  # cut, head kept
    (lambda d: {**d, "incident": {**d["incident"], "location": "elsewhere"}},
     "record does not match"),  # the record, which is not hashed, edited
    (lambda d: {**d, "incident": {**d["incident"], "id": "20260701-1400-beef"}},
     "does not start the chain of incident 20260701-1400-beef"),  # moved to another id
]


@pytest.fixture
def exported(tmp_path) -> tuple[dict, str]:
    lg = IncidentLog(tmp_path / "data")
    inc_id = _incident(lg)
    return json.loads(lg.export(inc_id, "json")), lg.chain_status(inc_id).head


def test_verify_an_intact_export(tmp_path, exported, capsys):
    doc, head = exported
    path = tmp_path / "incident.json"
    path.write_text(json.dumps(doc), "utf-8")
    assert cli_main(["verify", str(path)]) == 0
    out = capsys.readouterr().out
    assert out == f"9 entries, chain intact, head {C.short(head)}\n"
    assert len(C.short(head)) == 14 and head.startswith(C.short(head).replace(" ", ""))
    assert doc["head"] == head and doc["count"] == 9
    assert all(len(e["hash"]) == 64 for e in doc["entries"])


@pytest.mark.parametrize("tamper, message", TAMPER)
def test_verify_names_the_first_entry_changed_removed_or_inserted(
    tmp_path, exported, capsys, tamper, message
):
    doc, head = exported
    forged = tamper(copy.deepcopy(doc))
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(forged), "utf-8")
    code = cli_main(["verify", str(path)])
    out, err = capsys.readouterr()
    if message == "head":  # a consistent rewrite: intact, but its head is not the one read out
        assert C.short(head) not in out and "chain intact" in out
        # the tail still names the last entry as written: told, unless forged as well
        assert code == 1 and "entry #8 is not the one that was saved" in err
        forged["tail"] = {"seq": 8, "hash": forged["head"]}
        path.write_text(json.dumps(forged), "utf-8")
        assert cli_main(["verify", str(path)]) == 0
        assert "chain intact" in capsys.readouterr().out
        return
    assert code == 1
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    if message == "record does not match":  # the chain holds: only the record was edited
        assert out == f"9 entries, the incident {message} its entries (situation, location " \
                      "or status).\n"
        return
    assert "chain broken" in out


def test_a_one_character_change_anywhere_is_caught(exported):
    doc, _ = exported
    text = json.dumps(doc)
    for i in range(len(doc["entries"])):
        for key in ("text", "at", "kind", "id"):
            forged = copy.deepcopy(doc)
            value = forged["entries"][i][key]
            forged["entries"][i][key] = value[:-1] + ("x" if value[-1] != "x" else "y")
            assert not verify(json.dumps(forged))[2].intact, (i, key)
    assert verify(text)[2].intact


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "cannot read"),  # no such file
        (b"\xff\xfe not text", "is not text (UTF-8)"),  # binary
        (b"{not json", "not a JSON file"),  # not JSON
        (b'{"format": "other"}', "not a Stairway incident export"),  # foreign JSON
        (b"[" * 100_000 + b"]" * 100_000, "not"),  # nested too deep
    ],
)
def test_verify_unreadable_files_exit_1_with_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "x.json"
    if content is not None:
        path.write_bytes(content)
    assert cli_main(["verify", str(path)]) == 1
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and err.startswith("stairway: ")


def test_verify_usage_error_exits_2():
    out = subprocess.run([sys.executable, "-m", "app", "verify"], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2 and "usage" in out.stderr


def test_every_export_ends_with_the_count_and_head(tmp_path):
    lg = IncidentLog(tmp_path)
    inc_id = _incident(lg)
    status = lg.chain_status(inc_id)
    short = C.short(status.head)
    md = lg.export(inc_id, "md").rstrip().splitlines()
    csv_last = lg.export(inc_id, "csv").rstrip().splitlines()[-1]
    assert md[-1] == f"9 entries, chain intact, head {short}"
    assert f"9 entries, chain intact, head {short}" in csv_last and status.head in csv_last


def test_the_canonical_form_is_what_the_docstring_says(exported):
    """Another tool following chain.py's docstring (here: hashlib and json only)."""
    doc, head = exported
    prev = hashlib.sha256(("stairway-chain:" + doc["incident"]["id"]).encode()).hexdigest()
    for entry in doc["entries"]:
        body = {k: v for k, v in entry.items() if k != "hash"}
        assert body["prev"] == prev
        text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        prev = hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert entry["hash"] == prev
    assert prev == head


# --- checked at open ---


def _notes_doc(folder: Path, seq: int, change) -> None:
    path = folder / "notes.json"
    data = json.loads(path.read_text("utf-8"))
    change(data["notes"][str(seq)])
    path.write_text(json.dumps(data), "utf-8")


def _rehashed(doc: dict) -> None:  # the text changed and the doc's own hash recomputed
    doc["text"] = "he is calm"
    rec = {k: v for k, v in doc.items() if k != "hash"}
    doc["hash"] = C.digest(C.canonical(rec))


@pytest.mark.parametrize(
    "change, problem, entries",
    [
        # a consistent forgery of one entry: the next one no longer follows it
        (_rehashed, "Entry #5 does not follow entry #4: one of them was changed after it "
         "was written.", 9),
        # a changed entry whose hash no longer matches: damage, set aside, the hole told
        (lambda d: d.update(text="he is calm"), "1 entry is missing (#4).", 8),
    ],
)
def test_the_chain_is_checked_at_open(tmp_path, change, problem, entries):
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc_id = _incident(lg)
    lg.close()
    _notes_doc(data / "incidents" / inc_id, 4, change)
    again = IncidentLog(data)  # never a crash
    status = again.chain_status(inc_id)
    assert status.problem == problem and not status.intact
    assert f"{problem} (Incident {inc_id})" in again.warnings
    assert status.sentence == f"{entries} entries, chain broken: {problem}"


def test_a_crash_between_the_closing_entry_and_the_record_is_healed(tmp_path):
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc_id = _incident(lg)
    was_open = lg.incident(inc_id)
    lg.close_incident(inc_id, at=T0 + timedelta(hours=2))
    lg.close()
    with TinyDB(data / "incidents" / inc_id / "incident.json") as db:  # the old record
        db.table("incident").update({"status": "open", "closed_at": None})
    assert IncidentLog(data).incident(inc_id).status == IncidentStatus.CLOSED
    assert IncidentLog(data, preload=False).incident(inc_id).closed_at == T0 + timedelta(hours=2)
    assert was_open.is_open


# --- incidents written before the chain existed ---


def _old_record(seq: int, text: str) -> dict:
    return {"id": f"{seq:012x}", "seq": seq, "at": f"2026-01-01T10:{seq:02d}:00.000000Z",
            "kind": "note", "text": text}


def _old_incident(data: Path, closed: bool) -> tuple[str, Path]:
    """An incident as the version before the chain wrote it: notes #1-#5 in notes.json
    with CRC32s, #6-#7 in the journal as CRC32 lines."""
    inc_id = "20260101-1000-0ld0"
    folder = data / "incidents" / inc_id
    folder.mkdir(parents=True)
    record = {"id": inc_id, "opened_at": "2026-01-01T10:00:00.000000Z",
              "closed_at": "2026-01-01T12:00:00.000000Z" if closed else None,
              "situation": "suicidal person on a bridge", "location": "Elm St",
              "status": "closed" if closed else "open"}
    (folder / "incident.json").write_text(json.dumps({"incident": {"1": record}}), "utf-8")
    docs = {}
    for seq in range(1, 6):
        rec = _old_record(seq, f"old note {seq}")
        docs[str(seq)] = {**rec, "crc": f"{zlib.crc32(C.canonical(rec).encode()):08x}"}
    (folder / "notes.json").write_text(json.dumps({"notes": docs}), "utf-8")
    lines = []
    for seq in (6, 7):
        body = C.canonical(_old_record(seq, f"old note {seq}"))
        lines.append(f"{zlib.crc32(body.encode()):08x} {body}\n")
    (folder / "journal.jsonl").write_text("".join(lines), "utf-8")
    return inc_id, folder


@pytest.mark.parametrize("closed", [False, True])  # open: goes on; closed: stays closed
def test_an_old_incident_gets_a_chain_that_seals_its_notes_unchanged(tmp_path, closed):
    data = tmp_path / "data"
    inc_id, folder = _old_incident(data, closed)
    lg = IncidentLog(data)
    entries = lg.entries(inc_id)
    old = [_old_record(s, f"old note {s}") for s in range(1, 8)]
    assert [(n.seq, n.text) for n in entries[:7]] == [(r["seq"], r["text"]) for r in old]
    marker = entries[7]
    assert marker.kind == NoteKind.CHAIN_STARTED and marker.seq == 8
    assert marker.seal == C.seal(old) and marker.text == "suicidal person on a bridge"
    assert [n.kind for n in entries[8:]] == ([NoteKind.INCIDENT_CLOSED] if closed else [])
    assert lg.chain_status(inc_id).intact and lg.warnings == []
    if not closed:
        lg.add_note(inc_id, NoteKind.NOTE, "the first chained note")
    lg.close()
    again = IncidentLog(data)
    assert again.incident(inc_id).status == ("closed" if closed else "open")
    doc = json.loads(again.export(inc_id, "json"))
    assert [e for e in doc["entries"][:7]] == old  # never rewritten
    assert verify(json.dumps(doc))[2].intact
    doc["entries"][2]["text"] = "old note 3, edited"  # an old note changed after the seal
    assert "written before the chain were changed" in verify(json.dumps(doc))[2].problem


def test_an_old_export_is_imported_and_its_chain_starts_there(tmp_path):
    old = [_old_record(s, f"old note {s}") for s in range(1, 4)]
    doc = {"format": "stairway.incident", "version": 1, "notes": old,
           "incident": {"id": "20260101-1000-0ld1", "opened_at": "2026-01-01T10:00:00Z",
                        "closed_at": None, "situation": "hostage", "location": "bank",
                        "status": "open"}}
    lg = IncidentLog(tmp_path)
    inc = lg.import_json(json.dumps(doc))
    assert [n.text for n in lg.all_notes(inc.id)] == ["old note 1", "old note 2", "old note 3"]
    assert lg.entries(inc.id)[-1].kind == NoteKind.CHAIN_STARTED
    assert lg.chain_status(inc.id).intact
    assert verify(lg.export(inc.id, "json"))[2].intact


def test_an_old_export_with_a_deadline_and_no_due_time_is_refused(tmp_path):
    """A version 1 export has no chain, so nothing but the app's own rules stops a deadline
    with no due time there either: the board and the brief need one."""
    old = [_old_record(1, "old note 1"), {**_old_record(2, "car by 3"), "kind": "deadline"}]
    doc = {"format": "stairway.incident", "version": 1, "notes": old,
           "incident": {"id": "20260101-1000-0ld1", "opened_at": "2026-01-01T10:00:00Z",
                        "closed_at": None, "situation": "hostage", "location": "bank",
                        "status": "open"}}
    lg = IncidentLog(tmp_path)
    with pytest.raises(ImportRefused, match=r"^Entry #2 is not a valid note: a deadline "
                                            r"needs the time it runs out\. Nothing was"):
        lg.import_json(json.dumps(doc))
    assert lg.incidents() == []
    old[1]["due"] = "2026-01-01T11:00:00.000000Z"
    assert lg.import_json(json.dumps(doc)).id == "20260101-1000-0ld1"


def test_an_old_incident_on_a_read_only_disk_opens_unchained(tmp_path, monkeypatch):
    from tests.incidents_helpers.common import read_only_disk

    data = tmp_path / "data"
    inc_id, folder = _old_incident(data, closed=False)
    read_only_disk(monkeypatch, tmp_path)
    lg = IncidentLog(data)
    assert len(lg.all_notes(inc_id)) == 7
    assert lg.chain_status(inc_id).sentence == "7 entries, not chained yet"


# --- on screen ---


async def test_the_incident_screen_shows_the_chain(app):
    from tests.ui_harness import open_incident

    await open_incident(app)
    from app.ui import labels as L

    await app.type(L.NOTE_FIELD, "Subject on the rail")
    await app.click(L.NOTE_KINDS["note"])
    head = app.state.log.chain_status(app.state.incident.current.id).head
    assert f"2 entries, chain intact, head {C.short(head)}" in app.texts()


async def test_the_incident_screen_says_when_the_chain_was_cut_short(app, monkeypatch):
    """A closed incident whose closing entry is gone: intact, but not whole (book.py)."""
    from tests.ui_harness import open_incident

    await open_incident(app)
    log = app.state.log
    real = log.chain_status

    def cut(incident_id):
        s = real(incident_id)
        return C.ChainStatus(s.entries, s.head, warning="the closing entry is missing.")

    monkeypatch.setattr(log, "chain_status", cut)
    head = C.short(real(app.state.incident.current.id).head)
    line = app.state.incident.chain_line()
    assert line == f"1 entry, chain intact, head {head}, but the closing entry is missing."


def _with_refs(tmp_path) -> dict:
    lg = IncidentLog(tmp_path / "refs")
    inc = lg.open_incident("barricaded subject", "12 Oak Rd", at=T0)
    lg.add_note(inc.id, NoteKind.NOTE, "plain", at=T0 + timedelta(minutes=1))
    due = lg.add_note(inc.id, NoteKind.DEADLINE, "car by 3", due=T0 + timedelta(minutes=60),
                      at=T0 + timedelta(minutes=2))
    demand = lg.add_note(inc.id, NoteKind.DEMAND, "a car", at=T0 + timedelta(minutes=3))
    lg.add_note(inc.id, NoteKind.DEADLINE_DONE, "", ref=due.id, at=T0 + timedelta(minutes=4))
    lg.add_note(inc.id, NoteKind.DEMAND_STATUS, "", ref=demand.id, status="denied",
                at=T0 + timedelta(minutes=5))
    return json.loads(lg.export(inc.id, "json"))


def _rechained(doc: dict, seq: int, **change) -> dict:
    doc["entries"][seq].update(change)
    _rehash(doc["entries"], 0)
    doc["head"] = doc["entries"][-1]["hash"]
    return doc


BAD = "is not a valid note: "


@pytest.mark.parametrize("seq, change, message", [
    (4, {"ref": "plain"}, f"Entry #4 {BAD}only a deadline can be marked handled."),
    (5, {"ref": "deadline"}, f"Entry #5 {BAD}a demand status must refer to a demand."),
    (4, {"ref": "ffffffffffff"}, "Entry #4 refers to a note that is not in the export."),
    (4, {"ref": ""}, "Entry #4 refers to a note that is not in the export."),
    (1, {"ref": "last", "kind": "amendment"}, "Entry #1 refers to a later entry."),
    (4, {"ref": "self"}, "Entry #4 refers to a later entry."),  # to itself
    (5, {"id": "plain"}, "Entry #5 has the same id as entry #1."),
    (5, {"kind": "deadline_done", "ref": "deadline", "status": None},
     f"Entry #5 {BAD}this deadline is already marked handled."),  # marked twice
    (4, {"ref": None}, f"Entry #4 {BAD}a deadline marked handled must say which note"),
])
def test_a_rechained_export_whose_references_make_no_sense_is_refused(
    tmp_path, seq, change, message
):
    """A forger who recomputes every hash still cannot make a 'Deadline handled' point at
    a plain note: the app never writes one (validate.ref_problem), so verify and import say so."""
    doc = _with_refs(tmp_path)
    ids = {"plain": doc["entries"][1]["id"], "deadline": doc["entries"][2]["id"],
           "last": doc["entries"][-1]["id"], "self": doc["entries"][seq]["id"]}
    change = {k: ids.get(v, v) if k in ("ref", "id") else v for k, v in change.items()}
    assert verify(json.dumps(doc))[2].intact  # untouched: whole
    forged = _rechained(doc, seq, **change)
    status = verify(json.dumps(forged))[2]
    assert not status.intact and message in status.problem
    with pytest.raises(ImportRefused, match="Nothing was imported"):
        IncidentLog(tmp_path / "other").import_json(json.dumps(forged))


def test_verify_tells_a_rewrite_from_a_cut_and_an_addition_by_the_count(tmp_path, exported):
    """The count and head the export ends with disagree with its entries: as many entries
    as counted means they were rewritten (not 'removed from the end', which sent the reader
    after a cut that never happened); fewer, cut; more, added."""
    doc, head = exported
    rewritten = _rewrite(copy.deepcopy(doc), 2)
    rewritten["head"] = head
    problem = verify(json.dumps(rewritten))[2].problem
    assert problem.startswith("The export's entries end at head ")
    assert f"not at the head it records ({C.short(head)}): entries were rewritten" in problem
    cut = {**doc, "entries": doc["entries"][:-2]}
    assert verify(json.dumps(cut))[2].problem.endswith("entries were removed from the end.")
    added = {**doc, "count": 8}
    assert verify(json.dumps(added))[2].problem == (
        "The export says it has 8 entries, but it lists 9: entries were added at the end.")


@pytest.mark.parametrize("seq, change, message", [
    (2, {"due": None}, f"Entry #2 {BAD}a deadline needs the time it runs out."),
    (5, {"status": None}, f"Entry #5 {BAD}a demand status needs the new status"),
    (1, {"due": "2026-07-01T15:00:00.000000Z"}, f"Entry #1 {BAD}only a deadline has a due"),
    (1, {"at": "9999-12-31T23:59:59.000000Z"},
     f"Entry #1 {BAD}the time of a note must fall between the years 1970 and 2200."),
    (2, {"due": "0001-01-01T00:00:00.000000Z"},
     f"Entry #2 {BAD}a deadline's due time must fall between the years 1970 and 2200."),
    (1, {"text": "x" * 1_000_001}, f"Entry #1 {BAD}the note is too long (1,000,001"),
    (1, {"item": "x" * 2_001}, f"Entry #1 {BAD}the item of a note is too long."),
    (0, {"text": "s" * 2_001}, f"Entry #0 {BAD}the situation is too long (2,001"),
])
def test_a_rechained_export_in_a_form_the_app_never_writes_is_refused(
    tmp_path, capsys, seq, change, message
):
    """A deadline with no due time, a demand status with no status, a time in the year
    9999: the app refuses each when it is logged (validate.check_note), and the board, the
    brief and the clocks rely on that. A forger who recomputes every hash made verify say
    'chain intact' and the import take them; every later export then failed. Now both
    refuse, and verify says which entry, not that the chain is broken (it is not)."""
    doc = _with_refs(tmp_path)
    forged = _rechained(doc, seq, **{k: v for k, v in change.items() if v is not None})
    for key in [k for k, v in change.items() if v is None]:
        forged["entries"][seq].pop(key)
    _rehash(forged["entries"], 0)
    forged["head"] = forged["entries"][-1]["hash"]
    forged["tail"] = {"seq": forged["entries"][-1]["seq"], "hash": forged["head"]}
    status = verify(json.dumps(forged))[2]
    assert not status.intact and message in status.problem and status.damaged
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(forged), "utf-8")
    assert cli_main(["verify", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.startswith(f"6 entries, entry #{seq} is not a valid note: ")
    assert "chain broken" not in out
    with pytest.raises(ImportRefused, match=f"^{re.escape(message)}.* Nothing was imported"):
        IncidentLog(tmp_path / "other").import_json(json.dumps(forged))


def test_an_old_closed_incident_whose_migration_stopped_is_finished_not_called_cut(
    tmp_path, monkeypatch
):
    """The disk filled (or the app was killed) between chain_started and the closing
    entry: that is not a cut. Nothing is said, and the closing entry is written when the
    disk allows, at the next open."""
    from app.incidents.book import Book

    data = tmp_path / "data"
    inc_id, _ = _old_incident(data, closed=True)
    real = Book.append

    def full_for_closing(self, note):
        if note.kind == NoteKind.INCIDENT_CLOSED:
            raise OSError(28, "No space left on device")
        return real(self, note)

    monkeypatch.setattr(Book, "append", full_for_closing)
    first = IncidentLog(data)
    kinds = [n.kind for n in first.entries(inc_id)]
    assert kinds[-1] == NoteKind.CHAIN_STARTED  # stopped there
    assert first.warnings == [] and first.chain_status(inc_id).warning is None
    first.close()
    monkeypatch.setattr(Book, "append", real)
    again = IncidentLog(data)
    kinds = [n.kind for n in again.entries(inc_id)]
    assert kinds[-2:] == [NoteKind.CHAIN_STARTED, NoteKind.INCIDENT_CLOSED]
    assert again.warnings == [] and again.chain_status(inc_id).sentence.startswith(
        "9 entries, chain intact")
    assert not again.incident(inc_id).is_open


H = "ab" * 32


@pytest.mark.parametrize("tail", [
    "3", [3, H], {"seq": 3}, {"seq": "3", "hash": H}, {"seq": True, "hash": H},
    {"seq": -1, "hash": H}, {"seq": 10**18, "hash": H}, {"seq": 3.0, "hash": H},
    {"seq": 3, "hash": H.upper()}, {"seq": 3, "hash": H[:-1]}, {"seq": 3, "hash": None},
    {"seq": 3, "hash": H, "note": "x"}, {"seq": 3, "hash": "\ud800" * 64},
])
def test_an_export_whose_tail_is_not_what_the_app_writes_is_refused(tmp_path, exported, tail):
    """The tail (ends.py) says how far the log reached; one the app could not have written
    is damage or forgery, told like any other, never a traceback."""
    doc, _ = exported
    text = json.dumps({**doc, "tail": tail})
    status = verify(text)[2]
    assert not status.intact
    assert status.problem == ("The export's tail (the number and hash of the last entry "
                              "written) is damaged.")
    with pytest.raises(ImportRefused, match="Nothing was imported"):
        IncidentLog(tmp_path / "other").import_json(text)


def test_an_export_whose_tail_reaches_past_its_end_warns(exported):
    """A tail past the last entry: entries were cut after the export was written."""
    doc, head = exported
    status = verify(json.dumps({**doc, "tail": {"seq": 40, "hash": H}}))[2]
    assert status.intact and status.head == head
    assert status.warning == ("entry #40 was saved, yet the log now ends at #8: "
                              "entries at the end were lost or removed.")
