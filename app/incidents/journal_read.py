"""Reading an incident folder: every entry of notes.json and the journals, checked.

Reading gives entries as (record, hash, Note): the record is what the chain hashes, the
hash is None for an entry written before the chain. Every entry read is checked: a
journal line by its own SHA-256 (or CRC32 before the chain), a notes.json document by
recomputing the hash of its record. What cannot be read is salvaged where it can be and
told in one sentence with the file's path; the caller (`Book`, under its lock) sets the
damaged file aside. Kept apart from `journal.py`, which writes these files.
"""

from __future__ import annotations

import dataclasses
import json
import os
import stat
from pathlib import Path

from app.fsutil import NONBLOCK, NotRegularFile, read_regular
from app.incidents.chain import canonical, digest
from app.incidents.journal import JOURNAL, NOTES, journals
from app.incidents.records import from_doc, record_to_note, salvage_docs
from app.incidents.storage import decode_line, sealed
from app.said import Said

DAMAGE = (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError, OverflowError)


def checked(doc: object) -> tuple[dict, str | None] | None:
    """(record, hash) of a notes.json document whose content matches its hash or CRC."""
    got = from_doc(doc)
    if got is not None and got[1] is not None and digest(canonical(got[0])) != got[1]:
        return None
    return got


def valid(found: list[tuple[dict, str | None]], incident_id: str) -> list:
    """(record, hash, Note) for each record that is a well-formed note, first per seq."""
    good, seqs = [], set()
    for rec, h in found:
        try:
            note = record_to_note(rec, incident_id)
        except DAMAGE:
            continue
        if note.seq not in seqs:
            seqs.add(note.seq)
            good.append((rec, h, note))
    return good


def _trusted(docs: list) -> list:
    """Entries of a sealed notes.json: exactly as a fold wrote them from checked
    entries, so only split (their Notes are built when first used)."""
    out = []
    for doc in docs:
        entry_hash = doc.pop("hash", None)
        doc.pop("crc", None)
        out.append((doc, entry_hash, None))
    return out


def read_store(folder: Path, incident_id: str) -> tuple[list, str | None]:
    """The entries of notes.json and, when it is damaged, a sentence saying so."""
    path = folder / NOTES
    try:
        raw = read_regular(path)  # a named pipe in its place raises, never waits
    except FileNotFoundError:
        return [], None
    return parse_store(raw, path, incident_id)


def parse_store(raw: bytes, path: Path, incident_id: str) -> tuple[list, str | None]:
    """`read_store` of the bytes `raw` read from `path` (standing.py checks with it too)."""
    try:
        if not raw.strip():  # we never write an empty file: it was truncated
            raise ValueError("empty")
        docs = list(json.loads(raw.decode("utf-8"))["notes"].values())
    except (*DAMAGE, RecursionError):
        good = valid(salvage_docs(raw.decode("utf-8", "replace")), incident_id)
        return good, Said("said_notes_damaged", path=path, n=len(good))
    if sealed(raw):
        return _trusted(docs), None
    got = [checked(doc) for doc in docs]
    good = valid([g for g in got if g is not None], incident_id)
    if len(good) != len(docs):
        return good, Said("said_entries_skipped", path=path,
                          skipped=Said("said_count_damaged", n=len(docs) - len(good)),
                          recovered=Said("said_count_entries", n=len(good)))
    return good, None


# A crash or a kill in the middle of a save can cut the journal's last line short (a
# write stops at a page boundary). That entry was never shown as saved; the file is still
# kept aside exactly as found, and the officer is told in these words. A file cut short by
# something else looks the same, so the sentence claims no more than the file shows
# (en.txt's said_last_cut).


def read_journal(path: Path, incident_id: str, start: int = 0):
    """(entries, damage sentence or None, bytes read, inode or None) from `start`."""
    try:
        fd = os.open(path, os.O_RDONLY | NONBLOCK)
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # a pipe would wait forever for a writer; a
            os.close(fd)  # folder is named by its path, not its descriptor
            raise NotRegularFile.of(st.st_mode, path)
        with os.fdopen(fd, "rb") as f:
            ino = st.st_ino
            f.seek(start)
            data = f.read()
    except FileNotFoundError:
        return [], None, 0, None
    return (*parse_journal(data, path, incident_id), len(data), ino)


def parse_journal(data: bytes, path: Path, incident_id: str) -> tuple[list, str | None]:
    """(entries, damage sentence or None) of journal bytes `data` read from `path`."""
    lines = data.split(b"\n")
    torn = lines.pop()  # b"" when the file ends with a newline
    decoded = [decode_line(line) for line in lines]
    found = valid([d for d in decoded if d is not None], incident_id)
    problem = None
    if len(found) != len(lines):
        problem = Said("said_journal_damaged", path=path, n=len(found))
    elif torn:  # only the last line is cut short: a save stopped by a crash or a kill
        problem = Said("said_last_cut", path=path, n=len(found))
    return found, problem


def read_all(folder: Path, incident_id: str):
    """Every entry of an incident folder: notes.json, then each journal in order.

    Returns (entries, stored count, problems as (sentence, path), current journal's
    inode and size). An entry found again in a journal is skipped (a crash between a
    fold and its clean-up); another entry with a number already taken gets the next
    free number (never drop evidence; the chain will then say it was changed).
    """
    entries, problem = read_store(folder, incident_id)
    problems = [(problem, folder / NOTES)] if problem else []
    stored = 0 if problem else len(entries)
    seen = {rec["seq"]: rec["id"] for rec, _, _ in entries}
    top = max(seen, default=-1)
    ino, size = None, 0
    for path in journals(folder):
        found, problem, size_read, inode = read_journal(path, incident_id)
        if path.name == JOURNAL:
            ino, size = inode, size_read
        if problem:
            problems.append((problem, path))
        for rec, h, n in found:
            if seen.get(n.seq) == n.id:
                continue
            if n.seq in seen:
                top += 1
                n, rec = dataclasses.replace(n, seq=top), {**rec, "seq": top}
            seen[n.seq] = n.id
            top = max(top, n.seq)
            entries.append((rec, h, n))
    entries.sort(key=lambda e: e[0]["seq"])
    return entries, stored, problems, ino, size
