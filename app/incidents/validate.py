"""What makes a note acceptable. Every refusal is one plain sentence (`NoteRefused`).

Text is stored exactly as typed (it is evidence): control characters, right-to-left
text and emoji are kept; on disk JSON escapes them and the Markdown/CSV exports show
control characters as visible escapes (`export.visible`). Only these are refused:
an empty or whitespace-only note (except for event kinds such as contact start, whose
meaning is the kind itself) and a note over MAX_CHARS.
"""

from __future__ import annotations

from datetime import datetime

from app.incidents.clock import as_utc
from app.incidents.model import DemandStatus, Incident, Note, NoteKind, NoteRefused

MAX_CHARS = 1_000_000  # a 100 KB note is fine; a runaway paste of megabytes is not

# Kinds whose text may be empty: the event is the kind (and its fields) itself.
EVENT_KINDS = frozenset(
    {
        NoteKind.CONTACT_START,
        NoteKind.CONTACT_END,
        NoteKind.DEMAND_STATUS,
        NoteKind.STAGE_CHANGE,
        NoteKind.CHECKLIST_TICK,
        NoteKind.PHRASE_USED,
    }
)
FIELDS = ("ref", "due", "status", "stage", "item")


def check_note(
    inc: Incident, notes: dict[str, Note], kind, text, fields: dict
) -> tuple[NoteKind, str, dict]:
    """Return (kind, text, clean fields) or raise NoteRefused saying what to fix."""
    try:
        kind = NoteKind(kind)
    except ValueError:
        raise NoteRefused(f"Unknown note kind {kind!r}.") from None
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise NoteRefused("A note must be text.")
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise NoteRefused(f"Unknown note field {sorted(unknown)[0]!r}.")
    if not text.strip() and kind not in EVENT_KINDS:
        raise NoteRefused("The note is empty: type what happened, then save.")
    if len(text) > MAX_CHARS:
        raise NoteRefused(
            f"The note is too long ({len(text):,} characters; the limit is {MAX_CHARS:,}): "
            "split it into several notes."
        )
    if not inc.is_open and kind != NoteKind.AMENDMENT:
        raise NoteRefused(
            f"Incident {inc.id} is closed: add an amendment to correct a note instead."
        )
    clean = {k: v for k, v in fields.items() if v is not None}
    for key in ("ref", "stage", "item"):
        if key in clean and not isinstance(clean[key], str):
            raise NoteRefused(f"The {key} of a note must be text.")
    ref = clean.get("ref")
    if ref is not None and ref not in notes:
        raise NoteRefused(f"There is no note {ref} in incident {inc.id} to refer to.")
    if kind in (NoteKind.AMENDMENT, NoteKind.DEMAND_STATUS) and ref is None:
        raise NoteRefused(f"A {kind.value.replace('_', ' ')} must say which note it is about.")
    if kind == NoteKind.DEMAND_STATUS and notes[ref].kind != NoteKind.DEMAND:
        raise NoteRefused("A demand status must refer to a demand.")
    if "status" in clean:
        try:
            clean["status"] = DemandStatus(clean["status"])
        except ValueError:
            allowed = ", ".join(s.value for s in DemandStatus)
            raise NoteRefused(
                f"Unknown demand status {clean['status']!r}: use {allowed}."
            ) from None
    if kind == NoteKind.DEMAND_STATUS and "status" not in clean:
        raise NoteRefused("A demand status needs the new status (granted, denied...).")
    if "due" in clean:
        due = clean["due"]
        if not isinstance(due, datetime) or due.tzinfo is None:
            raise NoteRefused("A deadline's due time must be a date and time with a time zone.")
        clean["due"] = as_utc(due)
    if kind == NoteKind.DEADLINE and "due" not in clean:
        raise NoteRefused("A deadline needs the time it runs out.")
    return kind, text, clean
