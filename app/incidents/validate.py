"""What makes a note acceptable. Every refusal is one plain sentence (`NoteRefused`).

Every text field is checked here, at the door, before anything is queued or written
(note text, ref, stage, item, and an incident's situation and location).

Text is stored exactly as typed (it is evidence): control characters, right-to-left
text and emoji are kept; on disk JSON escapes them and the Markdown/CSV exports show
control characters as visible escapes (`text.visible`). One thing cannot be stored as
typed: a lone UTF-16 surrogate (half of a character, e.g. "\ud800", which a broken
keyboard or paste can produce). It is not a character and UTF-8 cannot encode it, so
each lone surrogate is REPLACED by U+FFFD (the replacement character, shown as a
question mark in a diamond) and the rest of the note is kept; a valid surrogate pair
is joined into its one character. Refusing the whole note instead would lose the
officer's words over an invisible half-character.

Refused: an empty or whitespace-only note (except for event kinds such as contact
start, whose meaning is the kind itself), a note over MAX_CHARS, a situation or location
over MAX_FIELD, and the incident-record kinds, which only the log itself writes.
"""

from __future__ import annotations

import re
from datetime import datetime

from app.incidents.board import handled_at
from app.incidents.clock import as_utc, utcnow
from app.incidents.kinds import EVENT_KINDS, RECORD_KINDS
from app.incidents.model import DemandStatus, Incident, Note, NoteKind, NoteRefused
from app.said import Said

MAX_CHARS = 1_000_000  # a 100 KB note is fine; a runaway paste of megabytes is not
MAX_FIELD = 2_000  # situation, location
FIELDS = ("ref", "due", "status", "stage", "item")
SITUATED = frozenset((NoteKind.INCIDENT_OPENED, NoteKind.INCIDENT_DETAILS, NoteKind.CHAIN_STARTED))
SURROGATE = re.compile("[\ud800-\udfff]")  # half of a character


def clean_text(text: str) -> str:
    """Lone surrogates replaced by U+FFFD; a valid pair joined into its character."""
    if SURROGATE.search(text) is None:
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def clean_tree(v: object, levels: int = 3) -> object:
    """`v` with `clean_text` applied to every text in it, keys and values, down `levels`
    containers deep: what a hand-edited or damaged file read back holds (a `\\ud800` escape
    is valid JSON), so no screen is asked to draw half a character and no write of it back
    fails to encode."""
    if isinstance(v, str):
        return clean_text(v)
    if levels <= 0:
        return v
    if isinstance(v, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_tree(x, levels - 1)
                for k, x in v.items()}
    if isinstance(v, list):
        return [clean_tree(x, levels - 1) for x in v]
    return v


# Evidence times outside these years are typos or forgeries; nearer the limits of
# datetime itself, converting to a local zone on screen would overflow.
YEARS = (1970, 2200)


def check_time(at, what: str = "The time of a note") -> datetime:
    """When a note was saved: now, or an aware datetime given by the caller."""
    if at is None:
        return utcnow()
    if not isinstance(at, datetime) or at.tzinfo is None or at.utcoffset() is None:
        raise NoteRefused(f"{what} must be a date and time with a time zone.")
    try:
        utc = as_utc(at)
    except OverflowError:
        utc = None
    if utc is None or not YEARS[0] <= utc.year <= YEARS[1]:
        raise NoteRefused(f"{what} must fall between the years {YEARS[0]} and {YEARS[1]}.")
    return utc


def check_field(name: str, value) -> str:
    """An incident's situation or location: text (None is empty), cleaned, not huge."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise NoteRefused(f"The {name} must be text.")
    value = clean_text(value).strip()
    if len(value) > MAX_FIELD:
        raise NoteRefused(
            f"The {name} is too long ({len(value):,} characters; the limit is {MAX_FIELD:,})."
        )
    return value


def check_note(
    inc: Incident, notes: dict[str, Note], kind, text, fields: dict
) -> tuple[NoteKind, str, dict]:
    """Return (kind, text, clean fields) or raise NoteRefused saying what to fix."""
    try:
        kind = NoteKind(kind)
    except ValueError:
        raise NoteRefused(f"Unknown note kind {clean_text(str(kind))!r}.") from None
    if kind in RECORD_KINDS:
        raise NoteRefused(f"A note of kind {kind.value!r} is written by the app, not logged.")
    if text is None:
        text = ""
    if not isinstance(text, str):
        raise NoteRefused("A note must be text.")
    text = clean_text(text)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise NoteRefused(f"Unknown note field {clean_text(str(sorted(map(str, unknown))[0]))!r}.")
    if not text.strip() and kind not in EVENT_KINDS:
        raise NoteRefused(Said("said_note_empty"))
    if len(text) > MAX_CHARS:
        raise NoteRefused(too_long(text))
    if not inc.is_open and kind != NoteKind.AMENDMENT:
        raise NoteRefused(Said("said_closed_amend", id=inc.id))
    clean = {k: v for k, v in fields.items() if v is not None}
    for key in ("ref", "stage", "item"):
        if key in clean and not isinstance(clean[key], str):
            raise NoteRefused(f"The {key} of a note must be text.")
        if key in clean:
            clean[key] = clean_text(clean[key])
    if (wrong := _long_field(clean)) is not None:
        raise NoteRefused(wrong)
    ref = clean.get("ref")
    if ref is not None and ref not in notes:
        raise NoteRefused(f"There is no note {ref[:40]!r} in incident {inc.id} to refer to.")
    wrong = ref_problem(kind, notes[ref].kind if ref is not None else None)
    if wrong:
        raise NoteRefused(wrong)
    if kind == NoteKind.DEADLINE_DONE and handled(notes, ref):
        raise NoteRefused(Said("said_deadline_handled"))
    if "status" in clean:
        try:
            clean["status"] = DemandStatus(clean["status"])
        except ValueError:
            allowed = ", ".join(s.value for s in DemandStatus)
            shown = clean_text(str(clean["status"]))
            raise NoteRefused(f"Unknown demand status {shown!r}: use {allowed}.") from None
    if (wrong := _fields_problem(kind, clean)) is not None:
        raise NoteRefused(wrong)
    if "due" in clean:
        clean["due"] = check_time(clean["due"], "A deadline's due time")
    return kind, text, clean


def too_long(text: str) -> Said:
    return Said("said_note_too_long", n=f"{len(text):,}", most=f"{MAX_CHARS:,}")


def _long_field(fields: dict) -> str | None:
    for key in ("ref", "stage", "item", "location"):
        if len(fields.get(key) or "") > MAX_FIELD:
            return f"The {key} of a note is too long."
    return None


def _fields_problem(kind: NoteKind, fields: dict) -> str | None:
    """The fields a kind must have, or must not: a demand status its status, a deadline
    its due time, which no other kind but an amendment (moving a deadline) has."""
    if kind == NoteKind.DEMAND_STATUS and fields.get("status") is None:
        return "A demand status needs the new status (granted, denied...)."
    if fields.get("due") is not None and kind not in (NoteKind.DEADLINE, NoteKind.AMENDMENT):
        return "Only a deadline has a due time."
    if kind == NoteKind.DEADLINE and fields.get("due") is None:
        return "A deadline needs the time it runs out."
    return None


def stored_problem(n: Note) -> str | None:
    """What `check_note` would have refused in the form of a note already written (one
    sentence), None when nothing: an import reads notes the app did not write here, and
    a forger who recomputes every hash can give a deadline no due time, which the board,
    the brief and the clocks all need, or a time in the year 9999, which overflows when
    shown in a zone east of UTC."""
    if len(n.text) > MAX_CHARS:
        return too_long(n.text)
    try:  # a time out of these years overflows on screen, in the local zone
        check_time(n.at)
        if n.due is not None:
            check_time(n.due, "A deadline's due time")
        if n.kind in SITUATED:  # the incident record's entries: the text is its situation
            check_field("situation", n.text)
    except NoteRefused as err:
        return str(err)
    fields = {"ref": n.ref, "stage": n.stage, "item": n.item, "location": n.location,
              "status": n.status, "due": n.due}
    return _long_field(fields) or _fields_problem(n.kind, fields)


# What a note that refers to another must refer to (None: any note).
REFERS = {NoteKind.AMENDMENT: None, NoteKind.DEMAND_STATUS: NoteKind.DEMAND,
          NoteKind.DEADLINE_DONE: NoteKind.DEADLINE}
_NAMED = {NoteKind.AMENDMENT: "An amendment", NoteKind.DEMAND_STATUS: "A demand status",
          NoteKind.DEADLINE_DONE: "A deadline marked handled"}
_WRONG_REF = {NoteKind.DEMAND_STATUS: "A demand status must refer to a demand.",
              NoteKind.DEADLINE_DONE: "Only a deadline can be marked handled."}


def ref_problem(kind: NoteKind, ref_kind: NoteKind | None) -> str | None:
    """What is wrong with a note of `kind` referring to a note of `ref_kind` (None: it
    refers to none), as one sentence; None when nothing is. Also checked on import."""
    if kind not in REFERS:
        return None
    if ref_kind is None:
        return f"{_NAMED[kind]} must say which note it is about."
    if REFERS[kind] is not None and ref_kind != REFERS[kind]:
        return _WRONG_REF[kind]
    return None


def handled(notes, ref: str) -> bool:
    """Is the deadline `ref` marked handled since its due time last moved? (board.py's
    rule, `handled_at`: a deadline moved later runs again.)"""
    mine = [n for n in notes.values() if n.ref == ref]
    return handled_at([n for n in mine if n.kind == NoteKind.DEADLINE_DONE],
                      [n for n in mine if n.kind == NoteKind.AMENDMENT]) is not None
