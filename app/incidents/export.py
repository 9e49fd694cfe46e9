"""Exports: Markdown handover brief, JSON (everything, re-importable), CSV timeline.

Every export carries the chain (`chain.py`): the JSON export lists every entry with
its prev and hash and ends with the entry count and the head; the Markdown brief and
the CSV end with the entry count and the head hash. `verify(text)` recomputes the chain
of a JSON export and checks what the chain cannot (`sense.py`); importing one verifies it
first. The JSON export also carries the tail (`ends.py`): a log cut short exports as
intact but told so, by `verify` and by the incident imported from it.

Text is evidence and is exported as typed, made safe (`text.py`): in Markdown every
officer field stays text; in Markdown and CSV control characters and bidi overrides
are shown as visible escapes; CSV cells a spreadsheet would run as a formula get a '.

JSON versions: 2 (entries and chain) is written; 1 (notes, no chain, before the chain
existed) is still read: its notes are imported unchanged and unchained, and the chain
starts at the import with a chain_started entry that seals them.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from app.incidents import chain, ends, sense, shape
from app.incidents.brief import markdown
from app.incidents.clock import format_local
from app.incidents.model import Board, ImportRefused, Incident, IncidentError, Note
from app.incidents.records import (
    incident_to_record,
    note_to_record,
    record_to_incident,
    record_to_note,
    valid_id,
)
from app.incidents.sense import why as _why
from app.incidents.text import cell
from app.incidents.validate import clean_text
from app.said import Said

FORMAT, VERSION = "stairway.incident", 2
FORMATS = ("md", "json", "csv")


@dataclass(frozen=True)
class Entries:
    """What an export shows: every entry (Notes), its stored record and hash, the
    chain's status, and the tail (ends.py), which JSON carries so a cut stays told."""

    notes: list[Note]
    recs: list[dict]
    hashes: list[str | None]
    status: chain.ChainStatus
    tail: tuple[int, str] | None = None


def check_zone(tz):
    """The time zone to show times in (None: this machine's); IncidentError if unknown."""
    from app.incidents.clock import zone

    try:
        return zone(tz)
    except (ValueError, TypeError, OSError):
        shown = clean_text(repr(tz))[:60]
        raise IncidentError(
            f"Unknown time zone {shown}: use an IANA name like Europe/London."
        ) from None


def render(inc: Incident, entries: Entries, board: Board, fmt: str, tz=None) -> str:
    if fmt == "md":
        return markdown(inc, entries.notes, board, entries.status, tz)
    if fmt == "json":
        return to_json(inc, entries)
    if fmt == "csv":
        return to_csv(entries, tz)
    raise IncidentError(f"Unknown export format {clean_text(str(fmt))!r}: use md, json or csv.")


def to_json(inc: Incident, entries: Entries) -> str:
    listed = [rec if h is None else {**rec, "hash": h}
              for rec, h in zip(entries.recs, entries.hashes, strict=True)]
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "canonical": "sha256 of RFC 8785 JSON of each entry without its hash; see "
        "app/incidents/chain.py",
        "incident": incident_to_record(inc),
        "entries": listed,
        "count": len(listed),
        "head": entries.status.head,
    }
    if entries.tail is not None:
        doc["tail"] = {"seq": entries.tail[0], "hash": entries.tail[1]}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


class _Twice(Exception):
    """A JSON object with one key twice ({"text": "EVIL", "text": "note 2"})."""


def _no_twins(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _Twice(key)
        out[key] = value
    return out


def _load(text: str) -> dict:
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8")
        except UnicodeDecodeError:
            raise ImportRefused("This file is not text (UTF-8).") from None
    if not isinstance(text, str):
        raise ImportRefused("An import must be the text of a JSON export.")
    text = text.removeprefix("\ufeff")  # one byte order mark, as an editor may add: not damage
    try:
        doc = json.loads(text, object_pairs_hook=_no_twins)
    except _Twice as err:
        raise ImportRefused(f"A key appears twice in one entry ({clean_text(str(err))[:40]}): "
                            "a reader and a program would see different text.") from None
    except json.JSONDecodeError as err:
        raise ImportRefused(f"This is not a JSON file ({err.msg}).") from None
    except ValueError:  # Python's limit on the digits of a whole number it reads
        raise ImportRefused("A number in the export has thousands of digits: no number the "
                            "app writes is that long.") from None
    except RecursionError:
        raise ImportRefused("This is not a Stairway incident export (nested too deep).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRefused("This JSON file is not a Stairway incident export.")
    if type(doc.get("version")) is not int or doc["version"] not in (1, VERSION):  # true is 1
        shown = clean_text(repr(doc.get("version")))[:40]
        raise ImportRefused(f"Unsupported export version {shown}.")
    return doc


def _incident(doc: dict) -> Incident:
    rec = doc.get("incident")
    if not isinstance(rec, dict):
        raise ImportRefused("The export has no incident record (the part that names the "
                            "incident, its place and times).")
    if not valid_id(rec.get("id")):
        shown = clean_text(repr(rec.get("id")))[:80]
        raise ImportRefused(f"{shown} is not a valid incident id.")
    try:
        return record_to_incident(rec)
    except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as err:
        raise ImportRefused(f"The export's incident record is damaged ({_why(err)}).") from None


def verify(text: str) -> tuple[Incident, list[tuple[dict, str | None]], chain.ChainStatus]:
    """Recompute the chain of a JSON export. ImportRefused when it is not one."""
    doc = _load(text)
    inc = _incident(doc)
    if doc.get("version") == 1:
        return inc, [], chain.ChainStatus(0, None, "This export was written before the "
                                          "chain existed: it has no hashes to check.")
    listed = doc.get("entries")
    if not isinstance(listed, list):
        raise ImportRefused("The export has no list of entries.")
    if not listed:  # every incident starts with its opening, entry #0
        raise ImportRefused("The export has no entries: even a new incident has its opening "
                            "(#0). Entries were removed.")
    for n, e in enumerate(listed, 1):
        if not isinstance(e, dict):
            raise ImportRefused(Said("said_entry_not_object", n=n))
    entries = [({k: v for k, v in e.items() if k != "hash"}, e.get("hash")) for e in listed]
    v, damaged = chain.Verifier(inc.id), None
    for n, (e, (rec, h)) in enumerate(zip(listed, entries, strict=True), 1):
        if damaged is None and v.problem is None:  # the first problem, whichever kind
            damaged = shape.damage(e, n)  # before its hash: which field, not just "changed"
        v.feed(rec, h if isinstance(h, str) else None)
    status = v.status()
    problem = damaged or status.problem
    if problem is None:  # a count as text or a head as a number: damaged, not cut short
        problem = sense.closing_problem(doc)
    if problem is None and (doc.get("head") != status.head or doc.get("count") != len(listed)):
        problem = _ends_problem(doc, status.head, entries)
    if problem is None:  # a well-linked chain of entries the app could not have written
        problem = sense.record_problem(inc, entries)
        damaged = damaged or problem
    warning = None
    if problem is None:
        problem, warning = sense.cut(doc.get("tail"), inc, entries)
    if problem is not None:
        problem = clean_text(problem)  # it may quote a forged value
    return inc, entries, chain.ChainStatus(status.entries, status.head, problem, status.missing,
                                           warning, damaged=damaged is not None)


def _ends_problem(doc: dict, head: str | None, entries: list[tuple[dict, str | None]]) -> str:
    """The count and head the export ends with disagree with its entries (a whole chain):
    fewer entries than counted were cut from the end, more were added, and as many but
    another head were rewritten (every hash after them recomputed) or the head edited."""
    count, last = doc["count"], entries[-1][0].get("seq")
    said = chain.short(doc["head"])
    if count > len(entries):
        return (f"The export says it has {count} entries ending at head {said}, but they "
                f"end at entry #{last}: entries were removed from the end.")
    if count < len(entries):
        return (f"The export says it has {count} entries, but it lists {len(entries)}: "
                "entries were added at the end.")
    return (f"The export's entries end at head {chain.short(head)}, not at the head it "
            f"records ({said}): entries were rewritten, every hash after them recomputed, "
            "or the head was changed.")


def parse_json(text: str) -> tuple[Incident, list[tuple[dict, str | None]],
                                    tuple[int, str] | None]:
    """The incident, entries and tail (ends.py) of a JSON export, chain checked;
    ImportRefused otherwise. A cut the export tells is imported with it, to be told."""
    doc = _load(text)
    if doc.get("version") == 1:
        return (*_parse_v1(doc), None)
    inc, entries, status = verify(text)
    if status.damaged:
        raise ImportRefused(f"{status.problem} Nothing was imported.")
    if not status.intact:
        raise ImportRefused(f"The export's chain is broken: {status.problem} Nothing was "
                            "imported.")
    return inc, entries, ends.tail_of(doc.get("tail"))


def _parse_v1(doc: dict) -> tuple[Incident, list[tuple[dict, str | None]]]:
    """A version 1 export: notes as they were, lone surrogates replaced (validate.py)."""
    inc = _incident(doc)
    inc = Incident(inc.id, inc.opened_at, inc.closed_at, clean_text(inc.situation),
                   clean_text(inc.location), inc.status)
    if not isinstance(doc.get("notes"), list):
        raise ImportRefused("The export has no list of notes (a version 1 export keeps one).")
    try:
        notes = [record_to_note(_clean(r), inc.id) for r in doc["notes"]]
    except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as err:
        raise ImportRefused(f"The export is damaged ({_why(err)}).") from None
    ids = {n.id for n in notes}
    if len(ids) != len(notes) or len({n.seq for n in notes}) != len(notes):
        raise ImportRefused("The export has two notes with the same id or number.")
    for n in notes:
        if n.ref is not None and n.ref not in ids:
            raise ImportRefused(f"Note {n.seq} refers to a note {n.ref} that is not there.")
    problem = sense.notes_problem(notes)  # a deadline with no due time, as in version 2
    if problem is not None:
        raise ImportRefused(f"{problem} Nothing was imported.")
    notes.sort(key=lambda n: n.seq)
    return inc, [(note_to_record(n), None) for n in notes]


def _clean(rec: object) -> object:
    if not isinstance(rec, dict):
        return rec
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in rec.items()}


CSV_COLUMNS = (
    "seq",
    "time_utc",
    "time_local",
    "kind",
    "text",
    "ref",
    "due_utc",
    "status",
    "stage",
    "item",
    "location",
    "note_id",
    "hash",
)


def to_csv(entries: Entries, tz=None) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for n, h in zip(entries.notes, entries.hashes, strict=True):
        rec = note_to_record(n)
        w.writerow(
            [
                n.seq,
                rec["at"],
                cell(format_local(n.at, tz)),
                rec["kind"],
                cell(n.text),
                cell(n.ref),
                rec.get("due", ""),
                cell(n.status),
                cell(n.stage),
                cell(n.item),
                cell(n.location),
                n.id,
                h or "",
            ]
        )
    s = entries.status
    w.writerow(["chain", "", "", "", s.sentence, "", "", "", "", "", "", "", s.head or ""])
    return out.getvalue()
