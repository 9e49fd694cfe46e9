"""What is wrong with the form of one entry of a JSON export: which entry, which field.

`verify` (export.py) tells three kinds of problem apart, each naming the entry:
- damaged: a field missing, or not what the app writes there (a time that is not a time,
  a number that is not a whole number, text that is not text, a field no entry has),
  told by this module: "Entry #12 is damaged: its 'at' field is not a time ("soon")."
- changed after it was written: the entry is well formed but its hash does not match
  (chain.py: said_changed);
- not following: the entry does not link to the entry before it (chain.py:
  said_changed_either, said_inserted, and the numbering sentences).
A damaged entry's hash no longer matches either, so it is checked here first: the hash
alone cannot say which field went wrong, nor that it is damage and not an edit.

The form is the one the app reads its own files by: `records.FORM`, each field and its
reader (chain.py's docstring says the same in words): an entry holds id, seq, at, kind
and text; prev and hash once chained; ref, due, status, stage, item, location, seal when
they apply (a null one is read as absent, as the app reads its own files). The reader
that opens a log (`record_to_note`) stops at the first fault; here each field is read on
its own, so the sentence names it. What is said of a fault is kept here, by reader
(`SAID`); which fields there are and what each must hold is not.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from app.incidents.clock import from_iso
from app.incidents.records import (
    FAULTS,
    FORM,
    OPTIONAL,
    REQUIRED,
    HalfCharacter,
    read_hash,
    read_kind,
    read_note_id,
    read_number,
    read_status,
    read_text,
)
from app.said import Said

_SHOWN = 40  # characters of a value quoted in a sentence
# reader -> what is said of a value it refuses (the value quoted)
SAID = {
    read_number: "said_damage_not_number",
    read_note_id: "said_damage_not_note_id",
    from_iso: "said_damage_not_time",
    read_kind: "said_damage_not_kind",
    read_status: "said_damage_not_status",
    read_hash: "said_damage_not_hash",
    read_text: "said_damage_not_text",
}


def damage(entry: dict, n: int) -> Said | None:
    """The first thing wrong with the form of `entry` (as listed, with its "hash"), the
    `n`-th of the export's list (from 1), as a sentence; None when the app could have
    written it. The entry is named by its number when that number is sound."""
    for field, what in _problems(entry):
        seq = entry.get("seq")
        name = _name(field)
        if field != "seq" and type(seq) is int and seq >= 0:
            return Said("said_entry_damaged", seq=seq, field=name, what=what)
        return Said("said_listed_entry_damaged", n=n, field=name, what=what)
    return None


def _problems(entry: dict) -> Iterator[tuple[str, Said]]:
    for key in REQUIRED:
        if key not in entry:
            yield key, Said("said_damage_missing")
    if "hash" in entry and "prev" not in entry:
        yield "prev", Said("said_damage_missing")
    for key, value in entry.items():
        what = _wrong(key, value)
        if what is not None:
            yield key, what


def _wrong(key: object, value: object) -> Said | None:
    """What is wrong with one field's value, as its reader finds it; None when nothing is
    (the value is quoted only then: most entries are whole, and verify reads thousands)."""
    read = FORM.get(key)
    if read is None:
        return Said("said_damage_unknown")
    if value is None and key in OPTIONAL:
        return None  # read as absent, as the app reads its own files (record_to_note)
    try:
        read(value)
    except HalfCharacter:
        return Said("said_damage_half_character")
    except FAULTS:
        return Said(SAID[read], value=_shown(value))
    return None


def _name(key: object) -> str:
    """A field's name as shown: at most 40 characters, every one printable (printable)."""
    text = str(key)
    return printable(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def _shown(value: object) -> str:
    """The value as JSON writes it ("12" in quotes, 12 without), cut to 40 characters; a
    list or an object as […] or {…}; every character printable."""
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    if isinstance(value, str) and len(value) > _SHOWN:
        value = value[:_SHOWN]
    text = json.dumps(value, ensure_ascii=False)
    return printable(text if len(text) <= _SHOWN else text[: _SHOWN - 1] + "…")


def printable(text: str) -> str:
    """Every character that is not printable (controls, line breaks, text-direction marks,
    half a character) as an escape: a quote stays one line that reads as it is stored."""
    return "".join(c if c.isprintable() else
                   (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}") for c in text)
