"""The list's look at a log's bytes for a closing entry (standing.Scans) says what opening
the call says, also when the closing entry is there but damaged.

Before, any bytes reading `"kind":"incident_closed"` counted: a closing entry whose hash
or form was damaged (opening the call drops it, so the call is open) kept a call listed
closed, with no word, until the officer opened it; then it turned open. A closing entry
is now counted only when the log's own reader would keep it: a notes.json exactly as a
fold sealed it is trusted as the reader trusts it; any other file holding one is read by
the reader's code, once, until it changes.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.incidents import IncidentLog, NoteKind
from app.incidents import journal_read as JR
from app.incidents.chain import canonical, digest
from app.incidents.model import IncidentStatus

CLOSING = b'"kind":"incident_closed"'


def _closed_call(data: Path, where: str, monkeypatch) -> str:
    """A closed call whose closing entry is in notes.json (folded, as a close leaves it) or
    still in journal.jsonl (the fold after the close had not run)."""
    if where == "journal":
        monkeypatch.setattr("app.incidents.book.Book.maybe_fold", lambda *a, **k: None)
    lg = IncidentLog(data)
    inc = lg.open_incident("Suicidal subject", "Harbour bridge")
    lg.add_note(inc.id, NoteKind.NOTE, "He is on the rail")
    lg.close_incident(inc.id)
    lg.close()
    monkeypatch.undo()
    folder = data / "incidents" / inc.id
    assert CLOSING in (folder / ("notes.json" if where == "notes" else "journal.jsonl")
                       ).read_bytes()
    return inc.id


def _hash_changed(raw: bytes, where: str) -> bytes:
    """One hex digit of the closing entry's hash flipped: its bytes still say closing."""
    at = raw.index(CLOSING)
    if where == "journal":
        start = raw.rindex(b"\n", 0, at) + 1
        digit = raw[start:start + 1]
        return raw[:start] + (b"0" if digit != b"0" else b"1") + raw[start + 1:]
    h = raw.index(b'"hash":"', at) + len(b'"hash":"')
    return raw[:h] + (b"0" if raw[h:h + 1] != b"0" else b"1") + raw[h + 1:]


def _form_broken(raw: bytes, where: str) -> bytes:
    """The closing entry's time made "soon", its hash made again to match: a whole hash
    over an entry the reader refuses (record_to_note)."""
    if where == "journal":
        lines = raw.split(b"\n")
        i = next(i for i, line in enumerate(lines) if CLOSING in line)
        rec = json.loads(lines[i].split(b" ", 1)[1])
        rec["at"] = "soon"
        body = canonical(rec).encode()
        lines[i] = hashlib.sha256(body).hexdigest().encode() + b" " + body
        return b"\n".join(lines)
    doc = json.loads(raw)
    for d in doc["notes"].values():
        if d["kind"] == "incident_closed":
            d["at"] = "soon"
            d["hash"] = digest(canonical({k: v for k, v in d.items() if k != "hash"}))
    return json.dumps(doc).encode()  # plain TinyDB JSON: no seal, read entry by entry


def _cut_inside(raw: bytes, where: str) -> bytes:
    """The file cut short just after the closing entry's kind (a crash mid-write, or a
    truncated copy): half an entry."""
    return raw[:raw.index(CLOSING) + len(CLOSING)]


DAMAGE = {
    "its hash changed": _hash_changed,
    "its time not a time, its hash made again": _form_broken,
    "the file cut inside it": _cut_inside,
}
HOW = {
    "a new log (the app starting)": lambda data, before: IncidentLog(data),
    "a log with no preload (the CLI)": lambda data, before: IncidentLog(data, preload=False),
    "a log already running (the next list)": lambda data, before: before,
}


@pytest.mark.parametrize("how", HOW.values(), ids=HOW.keys())
@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
@pytest.mark.parametrize("where", ["notes", "journal"])
def test_a_damaged_closing_entry_is_listed_as_opening_the_call_says(
    tmp_path, monkeypatch, where, damage, how
):
    data = tmp_path / "data"
    inc_id = _closed_call(data, where, monkeypatch)
    other = IncidentLog(data).open_incident("Barricaded subject", "Oak Rd").id
    before = IncidentLog(data, preload=False)
    assert not {i.id: i for i in before.incidents()}[inc_id].is_open  # whole: closed
    path = data / "incidents" / inc_id / ("notes.json" if where == "notes" else "journal.jsonl")
    path.write_bytes(damage(path.read_bytes(), where))

    lg = how(data, before)
    listed = {i.id: i for i in lg.incidents()}
    assert listed[inc_id].is_open and listed[inc_id].closed_at is None
    assert listed[other].is_open  # the other call is not touched
    said = [w.key for w in lg.warnings if getattr(w, "key", "").startswith("said_record_said")]
    assert said == ["said_record_said_closed"]  # the record that said closed: said once
    # what opening the call says, in a log that never listed it
    opened = IncidentLog(data, preload=False)
    assert NoteKind.INCIDENT_CLOSED not in [n.kind for n in opened.entries(inc_id)]
    assert opened.incident(inc_id).status == listed[inc_id].status == IncidentStatus.OPEN
    assert lg.incidents() == list(listed.values())  # the next list says the same


@pytest.mark.parametrize("where", ["notes", "journal"])
def test_a_whole_closing_entry_is_listed_closed_and_looked_at_once(
    tmp_path, monkeypatch, where
):
    """A whole closing entry still lists the call closed, with no warning; a sealed
    notes.json is never parsed to say so, and no file is read again until one changes."""
    data = tmp_path / "data"
    inc_id = _closed_call(data, where, monkeypatch)
    parsed: list = []
    for name in ("parse_store", "parse_journal"):
        real = getattr(JR, name)
        monkeypatch.setattr(JR, name, lambda *a, _r=real: parsed.append(a[1].name) or _r(*a))
    lg = IncidentLog(data, preload=False)
    for _ in range(3):
        assert [(i.id, i.status) for i in lg.incidents()] == [(inc_id, IncidentStatus.CLOSED)]
    assert lg.warnings == []
    assert parsed == ([] if where == "notes" else ["journal.jsonl"])


def test_a_notes_file_written_by_plain_tinydb_is_read_entry_by_entry(tmp_path, monkeypatch):
    """No seal (an older app, or an edit): its closing entry counts once the reader's own
    checks keep it, and a damaged one elsewhere in the file does not hide it."""
    data = tmp_path / "data"
    inc_id = _closed_call(data, "notes", monkeypatch)
    path = data / "incidents" / inc_id / "notes.json"
    doc = json.loads(path.read_bytes())
    doc["notes"]["1"]["text"] = "changed after it was written"  # the note, not the closing
    path.write_text(json.dumps(doc))
    lg = IncidentLog(data, preload=False)
    assert [i.is_open for i in lg.incidents()] == [False]
    assert not IncidentLog(data, preload=False).incident(inc_id).is_open
