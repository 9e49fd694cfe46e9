"""Dataclass <-> stored record (the dict in the journal, in TinyDB and in JSON exports)."""

from __future__ import annotations

import json

from app.incidents.clock import from_iso, to_iso
from app.incidents.model import DemandStatus, Incident, IncidentStatus, Note, NoteKind
from app.incidents.storage import canonical, checksum

OPTIONAL = ("ref", "due", "status", "stage", "item")


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
    seq = rec["seq"]
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        raise ValueError(f"bad seq {seq!r}")
    if not isinstance(rec["id"], str) or not isinstance(rec["text"], str):
        raise ValueError("id and text must be strings")
    return Note(
        id=rec["id"],
        incident_id=incident_id,
        seq=seq,
        at=from_iso(rec["at"]),
        kind=NoteKind(rec["kind"]),
        text=rec["text"],
        ref=_str(rec.get("ref")),
        due=from_iso(rec["due"]) if rec.get("due") is not None else None,
        status=DemandStatus(rec["status"]) if rec.get("status") is not None else None,
        stage=_str(rec.get("stage")),
        item=_str(rec.get("item")),
    )


def _str(value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {value!r}")
    return value


def with_crc(rec: dict) -> dict:
    """The TinyDB document: the record plus the checksum of its canonical JSON."""
    return {**rec, "crc": checksum(canonical(rec))}


def strip_crc(doc: dict) -> dict | None:
    """The record inside a TinyDB document, or None when its checksum does not match."""
    if not isinstance(doc, dict) or not isinstance(doc.get("crc"), str):
        return None
    rec = {k: v for k, v in doc.items() if k != "crc"}
    return rec if checksum(canonical(rec)) == doc["crc"] else None


def salvage_docs(text: str) -> list[dict]:
    """Every note document with a valid checksum found anywhere in a damaged file."""
    decoder = json.JSONDecoder()
    found: list[dict] = []
    i = text.find("{")
    while i != -1:
        try:
            obj, end = decoder.raw_decode(text, i)
        except ValueError:
            i = text.find("{", i + 1)
            continue
        rec = strip_crc(obj) if isinstance(obj, dict) and "seq" in obj else None
        if rec is not None:
            found.append(rec)
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
    for key in ("id", "situation", "location"):
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
