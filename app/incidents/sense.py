"""What makes a JSON export one the app could have written, beyond its chain (export.py
checks the chain): the incident record says what its entries say, every reference
points back to an earlier entry of the right kind (validate.py's rules, which the app
itself keeps), the entry count and head it ends with are a whole number and a hash, and
the tail (ends.py) says whether entries were cut from its end.

A forger who recomputes every hash can still break these; the app never does.
"""

from __future__ import annotations

import json
import re

from app.incidents import ends
from app.incidents.board import incident_of
from app.incidents.kinds import RECORD_VALUES
from app.incidents.model import Incident, Note, NoteKind
from app.incidents.records import record_to_note
from app.incidents.shape import printable
from app.incidents.validate import clean_text, handled, ref_problem, stored_problem
from app.said import Said

_HASH = re.compile(r"[0-9a-f]{64}")


def why(err: Exception) -> str:
    return clean_text(f"{type(err).__name__}: {err}")[:200]


def record_problem(inc: Incident, entries: list[tuple[dict, str | None]]) -> str | None:
    """The incident record must say what its entries say."""
    try:
        notes = [record_to_note(r, inc.id) for r, _ in entries]
    except (KeyError, ValueError, TypeError, AttributeError, OverflowError) as err:
        return f"An entry is not a valid note ({why(err)})."
    problem = notes_problem(notes)
    if problem is not None:
        return problem
    told = incident_of(inc.id, notes, inc)
    if told is not None and told != inc:
        return "The incident record does not match its entries (situation, location or status)."
    return None


def notes_problem(notes: list[Note]) -> str | None:
    """Every id once, every note in a form the app writes (a deadline with its due time,
    a demand status with its status, nothing too long) and every reference to an earlier
    entry of the right kind, as the app itself refuses otherwise (validate.py): a
    re-chained forgery can break that."""
    earlier: dict[str, Note] = {}
    about: dict[str, dict[str, Note]] = {}  # id -> the entries that refer to it
    every = {n.id for n in notes}
    for n in sorted(notes, key=lambda n: n.seq):
        if n.id in earlier:
            return f"Entry #{n.seq} has the same id as entry #{earlier[n.id].seq}."
        if n.ref is not None and n.ref not in earlier:
            where = "a later entry" if n.ref in every else "a note that is not in the export"
            return f"Entry #{n.seq} refers to {where}."
        wrong = stored_problem(n) or ref_problem(
            n.kind, earlier[n.ref].kind if n.ref is not None else None)
        if wrong is None and n.kind == NoteKind.DEADLINE_DONE and handled(
            about.get(n.ref, {}), n.ref
        ):
            wrong = "This deadline is already marked handled."
        if wrong is not None:
            return f"Entry #{n.seq} is not a valid note: {wrong[0].lower()}{wrong[1:]}"
        earlier[n.id] = n
        if n.ref is not None:
            about.setdefault(n.ref, {})[n.id] = n
    return None


def cut(tail_field: object, inc: Incident, entries: list[tuple[dict, str | None]]
        ) -> tuple[str | None, str | None]:
    """(problem, warning): whether the export's tail says entries were cut from its end,
    as the app that wrote it said (ends.py). Every entry is a valid note by now."""
    try:
        tail = ends.tail_of(tail_field)
    except ValueError as err:
        return str(err), None
    if tail is None:
        return None, None
    hashes = {rec["seq"]: h for rec, h in entries}
    records = [record_to_note(rec, inc.id) for rec, _ in entries
               if rec["kind"] in RECORD_VALUES]
    found = ends.cut_short(inc, records, max(hashes), [tail], hashes.get)
    return None, found[0] if found is not None else None


def closing_problem(doc: dict) -> Said | None:
    """The count and head an export ends with must be a whole number and a hash: a count
    written as text ("46") or a head as a number is a damaged file, not a cut one."""
    found = []
    for key, fits in (("count", _is_count), ("head", _is_hash)):
        if key not in doc:
            found.append(Said("said_field_missing", field=key))
        elif not fits(doc[key]):
            found.append(Said("said_field_is", field=key, value=_shown(doc[key])))
    return Said("said_export_fields", found=found) if found else None


def _is_count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _is_hash(value: object) -> bool:
    return isinstance(value, str) and _HASH.fullmatch(value) is not None


def _shown(value: object) -> str:
    """The value as JSON writes it ("46" in quotes, 12 without), cut to 40 characters, every
    character printable (a forged head holding U+202E or CSI is quoted, never acted on)."""
    text = json.dumps(value, ensure_ascii=False)
    return printable(text if len(text) <= 40 else text[:39] + "…")
