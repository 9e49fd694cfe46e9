"""Dataclass <-> stored record (the dict in the journal, in TinyDB and in JSON exports).

A record is what the chain hashes: id, seq, at, kind, text, the optional fields that
are set, and "prev" once the entry is chained. The entry's hash is kept beside the
record (a TinyDB document is the record plus "hash", or plus "crc" for an entry written
before the chain), never inside it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence

from app.incidents.chain import canonical
from app.incidents.clock import from_iso, to_iso
from app.incidents.kinds import NoteKind
from app.incidents.model import DemandStatus, Incident, IncidentStatus, Note
from app.incidents.storage import checksum

OPTIONAL = ("ref", "due", "status", "stage", "item", "location", "seal")
TEXTS = ("ref", "stage", "item", "location", "seal")
ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")  # an incident id; safe as a folder
NOTE_ID_RE = re.compile(r"[0-9a-f]{12}")
_KINDS = {k.value: k for k in NoteKind}
_STATUSES = {s.value: s for s in DemandStatus}
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    """Raises KeyError/ValueError/TypeError for a record that is not a valid note."""
    seq, note_id, text = rec["seq"], rec["id"], rec["text"]
    if type(seq) is not int or seq < 0:
        raise ValueError(f"bad seq {seq!r}")
    if type(note_id) is not str or NOTE_ID_RE.fullmatch(note_id) is None:
        raise ValueError(f"bad note id {note_id!r}")
    if type(text) is not str or _SURROGATE.search(text):
        raise ValueError("text must be text")
    fields = {
        "id": note_id,
        "incident_id": incident_id,
        "seq": seq,
        "at": from_iso(rec["at"]),
        "kind": _KINDS[rec["kind"]],
        "text": text,
        "ref": None,
        "due": None,
        "status": None,
        "stage": None,
        "item": None,
        "location": None,
        "seal": None,
    }
    if len(rec) > 5:  # optional fields (and prev): rare, so checked only when present
        for key in TEXTS:
            value = rec.get(key)
            if value is not None:
                if type(value) is not str or _SURROGATE.search(value):
                    raise ValueError(f"{key} must be text")
                fields[key] = value
        if rec.get("due") is not None:
            fields["due"] = from_iso(rec["due"])
        if rec.get("status") is not None:
            fields["status"] = _STATUSES[rec["status"]]
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
            note = self.built[i] = record_to_note(self.recs[i], self.incident_id)
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
