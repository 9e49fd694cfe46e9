"""Exports: Markdown handover brief, JSON (everything, re-importable), CSV timeline.

Text is evidence and is exported as typed, made safe: in Markdown and CSV, control
characters and bidi overrides are shown as visible escapes (`\\x07`, `\\u202e`);
CSV cells that a spreadsheet would run as a formula (= + - @ tab CR) get a leading '.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path
from typing import TextIO

from app.incidents.brief import markdown
from app.incidents.clock import format_local
from app.incidents.model import Board, ImportRefused, Incident, IncidentError, Note
from app.incidents.records import (
    incident_to_record,
    note_to_record,
    record_to_incident,
    record_to_note,
)

FORMAT, VERSION = "stairway.incident", 1
FORMATS = ("md", "json", "csv")
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def visible(text: str) -> str:
    """Control characters and bidi overrides as escapes; newlines and tabs kept."""
    text = text.replace("\r\n", "\n")

    def esc(m: re.Match) -> str:
        c = ord(m.group())
        return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"

    return _UNSAFE.sub(esc, text)


def cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    raw = "" if value is None else str(value)
    text = visible(raw)
    return "'" + text if raw.startswith(_FORMULA) else text


def render(inc: Incident, notes: list[Note], board: Board, fmt: str, tz=None) -> str:
    if fmt == "md":
        return markdown(inc, notes, board, tz)
    if fmt == "json":
        return to_json(inc, notes)
    if fmt == "csv":
        return to_csv(notes, tz)
    raise IncidentError(f"Unknown export format {fmt!r}: use md, json or csv.")


def to_json(inc: Incident, notes: list[Note]) -> str:
    doc = {
        "format": FORMAT,
        "version": VERSION,
        "incident": incident_to_record(inc),
        "notes": [note_to_record(n) for n in notes],
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def parse_json(text: str) -> tuple[Incident, list[Note]]:
    """The incident and notes in a JSON export; ImportRefused saying what is wrong."""
    try:
        doc = json.loads(text)
    except ValueError as err:
        raise ImportRefused(f"This is not a JSON file ({err.msg} at line {err.lineno}).") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRefused("This JSON file is not a Stairway incident export.")
    if doc.get("version") != VERSION:
        raise ImportRefused(f"Unsupported export version {doc.get('version')!r}.")
    try:
        inc = record_to_incident(doc["incident"])
        notes = [record_to_note(r, inc.id) for r in doc["notes"]]
    except (KeyError, ValueError, TypeError, AttributeError) as err:
        raise ImportRefused(f"The export is damaged ({type(err).__name__}: {err}).") from None
    ids = {n.id for n in notes}
    if len(ids) != len(notes) or len({n.seq for n in notes}) != len(notes):
        raise ImportRefused("The export has two notes with the same id or number.")
    for n in notes:
        if n.ref is not None and n.ref not in ids:
            raise ImportRefused(f"Note {n.seq} refers to a note {n.ref} that is not there.")
    return inc, notes


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
    "note_id",
)


def to_csv(notes: list[Note], tz=None) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for n in notes:
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
                n.id,
            ]
        )
    return out.getvalue()


def run_export(
    incident_id: str,
    fmt: str,
    data_dir: str | None,
    out_file: str | None,
    stdout: TextIO,
) -> int:
    """`python -m app export`: 0 on success, 1 with one line on stderr otherwise."""
    from app import paths
    from app.incidents.log import IncidentLog
    from app.incidents.storage import atomic_write

    data = paths.data_dir(data_dir)
    try:
        log = IncidentLog(data, preload=False)
        text = log.export(incident_id, fmt)
        for sentence in log.warnings:
            print(f"stairway: {sentence}", file=sys.stderr)
        if out_file:
            atomic_write(Path(out_file), text.encode("utf-8"))
        else:
            stdout.write(text)
            stdout.flush()
    except IncidentError as err:
        print(f"stairway: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"stairway: cannot write {err.filename or out_file}: {err.strerror}", file=sys.stderr)
        return 1
    return 0
