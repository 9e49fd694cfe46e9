"""Dataclass <-> stored record (the dict in the journal, in TinyDB and in JSON exports).

A record is what the chain hashes: id, seq, at, kind, text, the optional fields that
are set, and "prev" once the entry is chained. The entry's hash is kept beside the
record (a TinyDB document is the record plus "hash", or plus "crc" for an entry written
before the chain), never inside it.

`FORM` is the one statement of an entry's form: each field the app writes and its
reader, which returns the value as a `Note` holds it or raises one of `FAULTS` when it
is not what the app writes there. `record_to_note` reads a record through it, stopping at
the first fault (opening a log); `shape.py` reads an export's entry field by field through
the same readers, to name the field at fault (`verify`).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator, Mapping, Sequence

from app.incidents.chain import canonical
from app.incidents.clock import from_iso, to_iso
from app.incidents.kinds import NoteKind
from app.incidents.model import DemandStatus, Incident, IncidentError, IncidentStatus, Note
from app.incidents.storage import checksum
from app.incidents.validate import SURROGATE
from app.said import Said

ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # an incident id; safe as a folder
NOTE_ID_RE = re.compile(r"[0-9a-f]{12}")
_KINDS = {k.value: k for k in NoteKind}
_STATUSES = {s.value: s for s in DemandStatus}
_HASH = re.compile(r"[0-9a-f]{64}")
FAULTS = (KeyError, ValueError, TypeError, OverflowError)  # what a reader raises


class HalfCharacter(ValueError):
    """Text holding half a character (a lone surrogate): no file or screen can hold it."""


def read_number(value: object) -> int:
    if type(value) is not int or value < 0:
        raise ValueError("not a whole number")
    return value


def read_note_id(value: object) -> str:
    if type(value) is not str or NOTE_ID_RE.fullmatch(value) is None:
        raise ValueError("not a note id")
    return value


def read_text(value: object) -> str:
    if type(value) is not str:
        raise ValueError("not text")
    if SURROGATE.search(value):
        raise HalfCharacter("half a character")
    return value


def read_kind(value: object) -> NoteKind:
    return _KINDS[value]  # KeyError, or TypeError for a list or an object


def read_status(value: object) -> DemandStatus:
    return _STATUSES[value]


def read_hash(value: object) -> str:
    if type(value) is not str or _HASH.fullmatch(value) is None:
        raise ValueError("not a hash")
    return value


REQUIRED = ("seq", "id", "at", "kind", "text")  # seq first: it names the entry
OPTIONAL = ("ref", "due", "status", "stage", "item", "location", "seal")  # null: absent
# field -> its reader (from_iso reads a time: TypeError, ValueError or OverflowError);
# prev and hash once chained: the hash is beside the record in files, in it in an export
FORM = {
    "seq": read_number, "id": read_note_id, "at": from_iso, "kind": read_kind,
    "text": read_text, "ref": read_text, "due": from_iso, "status": read_status,
    "stage": read_text, "item": read_text, "location": read_text, "seal": read_text,
    "prev": read_hash, "hash": read_hash,
}
_READ_REQUIRED = tuple((key, FORM[key]) for key in REQUIRED)
_READ_OPTIONAL = tuple((key, FORM[key]) for key in OPTIONAL)
_BLANK = dict.fromkeys(f.name for f in dataclasses.fields(Note))  # in __init__'s order


def valid_id(value: object) -> bool:
    """A plain incident id (full match: no '/', no '..', no trailing newline)."""
    return isinstance(value, str) and ID_RE.fullmatch(value) is not None


def note_to_record(note: Note) -> dict:
    rec = {
        "id": note.id,
        "seq": note.seq,
        "at": to_iso(note.at),
        "kind": str(note.kind),
        "text": note.text,
    }
    for key in OPTIONAL:
        value = getattr(note, key)
        if value is not None:
            rec[key] = to_iso(value) if key == "due" else str(value)
    return rec


def record_to_note(rec: dict, incident_id: str) -> Note:
    """Raises one of FAULTS for a record that is not a valid note (at its first fault)."""
    fields = _BLANK.copy()
    fields["incident_id"] = incident_id
    for key, read in _READ_REQUIRED:
        fields[key] = read(rec[key])
    if len(rec) > 5:  # optional fields (and prev): rare, so checked only when present
        for key, read in _READ_OPTIONAL:
            value = rec.get(key)
            if value is not None:
                fields[key] = read(value)
    # the frozen dataclass's __init__ sets 13 fields one by one; opening 10,000 notes
    # builds them directly (same object, a third of the time)
    note = object.__new__(Note)
    note.__dict__.update(fields)
    return note


def to_doc(rec: dict, entry_hash: str | None) -> dict:
    """The TinyDB document: the record plus its hash (chained) or its CRC32 (older)."""
    if entry_hash is not None:
        return {**rec, "hash": entry_hash}
    return {**rec, "crc": checksum(canonical(rec))}


def from_doc(doc: object) -> tuple[dict, str | None] | None:
    """(record, hash) inside a TinyDB document; None when its CRC does not match.

    A chained document's hash is checked by the chain (`chain.Verifier`), not here.
    """
    if not isinstance(doc, dict):
        return None
    if isinstance(doc.get("hash"), str):
        rec = dict(doc)
        return rec, rec.pop("hash")
    if isinstance(doc.get("crc"), str):
        rec = {k: v for k, v in doc.items() if k != "crc"}
        return (rec, None) if checksum(canonical(rec)) == doc["crc"] else None
    return None


def salvage_docs(text: str) -> list[tuple[dict, str | None]]:
    """Every note document with a valid checksum found anywhere in a damaged file."""
    from app.incidents.chain import digest

    decoder = json.JSONDecoder()
    found: list[tuple[dict, str | None]] = []
    i = text.find("{")
    while i != -1:
        try:
            obj, end = decoder.raw_decode(text, i)
        except (ValueError, RecursionError):  # garbled, or nested past the parser's depth
            i = text.find("{", i + 1)
            continue
        got = from_doc(obj) if isinstance(obj, dict) and "seq" in obj else None
        if got is not None and (got[1] is None or digest(canonical(got[0])) == got[1]):
            found.append(got)
            i = text.find("{", end)
        else:
            i = text.find("{", i + 1)
    return found


def incident_to_record(inc: Incident) -> dict:
    return {
        "id": inc.id,
        "opened_at": to_iso(inc.opened_at),
        "closed_at": to_iso(inc.closed_at) if inc.closed_at else None,
        "situation": inc.situation,
        "location": inc.location,
        "status": str(inc.status),
    }


def record_to_incident(rec: dict) -> Incident:
    """Raises KeyError/ValueError/TypeError for a record that is not a valid incident."""
    if not valid_id(rec["id"]):
        raise ValueError(f"{rec['id']!r} is not a valid incident id")
    for key in ("situation", "location"):
        if not isinstance(rec[key], str):
            raise ValueError(f"{key} must be text")
    return Incident(
        id=rec["id"],
        opened_at=from_iso(rec["opened_at"]),
        closed_at=from_iso(rec["closed_at"]) if rec.get("closed_at") else None,
        situation=rec["situation"],
        location=rec["location"],
        status=IncidentStatus(rec["status"]),
    )


class NoteList(Sequence):
    """The Notes of an incident in seq order, built from their records on first use:
    opening 10,000 entries to show the latest 50 builds 50 Notes, not 10,000."""

    def __init__(self, incident_id: str, recs: list[dict], notes: list[Note | None]):
        self.incident_id = incident_id
        self.recs = recs  # shared with the book
        self.built = notes  # a Note, or None until first asked for

    def __len__(self) -> int:
        return len(self.built)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self.built)))]
        note = self.built[i]
        if note is None:
            try:  # a sealed file is trusted whole: one edited and sealed again is read here
                note = self.built[i] = record_to_note(self.recs[i], self.incident_id)
            except FAULTS as err:
                n = i + 1 if i >= 0 else len(self.built) + i + 1
                raise IncidentError(Said("said_call_entry_damaged", seq=n)) from err
        return note

    def __iter__(self) -> Iterator[Note]:
        for i in range(len(self.built)):
            yield self[i]

    def append(self, note: Note) -> None:
        self.built.append(note)


class NoteIndex(Mapping):
    """Note id -> Note, over a NoteList (positions only; Notes built on use)."""

    def __init__(self, notes: NoteList, positions: dict[str, int]):
        self.notes, self.positions = notes, positions

    def __getitem__(self, note_id: str) -> Note:
        return self.notes[self.positions[note_id]]

    def __contains__(self, note_id: object) -> bool:
        return isinstance(note_id, str) and note_id in self.positions

    def __iter__(self) -> Iterator[str]:
        return iter(self.positions)

    def __len__(self) -> int:
        return len(self.positions)
