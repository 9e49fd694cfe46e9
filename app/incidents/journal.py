"""The files of one incident folder, as plain functions; `Book` calls them under its lock.

Reading gives entries as (record, hash, Note): the record is what the chain hashes, the
hash is None for an entry written before the chain. Every entry read is checked: a
journal line by its own SHA-256 (or CRC32 before the chain), a notes.json document by
recomputing the hash of its record. Folding (`FoldJob`) writes notes.json from entries
already in memory, in a background thread.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
from pathlib import Path

from app.fsutil import atomic_write, fsync_dir, unlink_quietly
from app.incidents.chain import canonical, digest
from app.incidents.records import from_doc, record_to_note, salvage_docs, to_doc
from app.incidents.storage import SafeJSONStorage, TryLock, decode_line, encode_line

NOTES, JOURNAL = "notes.json", "journal.jsonl"
_SET_ASIDE = re.compile(r"journal-(\d{12})-[0-9a-f]{8}\.jsonl")
DAMAGE = (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError)


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


def read_store(folder: Path, incident_id: str) -> tuple[list, str | None]:
    """The entries of notes.json and, when it is damaged, a sentence saying so."""
    path = folder / NOTES
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], None
    try:
        if not raw.strip():  # we never write an empty file: it was truncated
            raise ValueError("empty")
        docs = list(json.loads(raw.decode("utf-8"))["notes"].values())
    except (*DAMAGE, RecursionError):
        good = valid(salvage_docs(raw.decode("utf-8", "replace")), incident_id)
        return good, (
            f"The notes file {path} was damaged; it will be kept aside and {len(good)} "
            "readable entries were recovered from it."
        )
    got = [checked(doc) for doc in docs]
    good = valid([g for g in got if g is not None], incident_id)
    if len(good) != len(docs):
        return good, (
            f"{len(docs) - len(good)} damaged entries in {path} were skipped; it will be kept "
            f"aside and {len(good)} entries were recovered."
        )
    return good, None


def read_journal(path: Path, incident_id: str, start: int = 0):
    """(entries, damage sentence or None, bytes read, inode or None) from `start`."""
    try:
        with open(path, "rb") as f:
            ino = os.fstat(f.fileno()).st_ino
            f.seek(start)
            data = f.read()
    except FileNotFoundError:
        return [], None, 0, None
    lines = data.split(b"\n")
    torn = lines.pop()  # b"" when the file ends with a newline
    decoded = [decode_line(line) for line in lines]
    found = valid([d for d in decoded if d is not None], incident_id)
    problem = None
    if torn or len(found) != len(lines):
        problem = (
            f"The journal {path} had a damaged or unfinished entry; it will be kept aside "
            f"and every readable entry ({len(found)} in it) was recovered."
        )
    return found, problem, len(data), ino


def set_aside(folder: Path) -> list[tuple[int, Path]]:
    """Journals renamed aside to be folded: (last seq, path), oldest first."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return []
    found = [(m, name) for name in names if (m := _SET_ASIDE.fullmatch(name))]
    return sorted((int(m.group(1)), folder / name) for m, name in found)


def journals(folder: Path) -> list[Path]:
    """Every journal to read, in the order they were written."""
    return [p for _, p in set_aside(folder)] + [folder / JOURNAL]


def _aside_name(folder: Path, last_seq: int) -> Path:
    return folder / f"journal-{max(last_seq, 0):012d}-{secrets.token_hex(4)}.jsonl"


def rotate(folder: Path, last_seq: int) -> bool:
    """Rename the current journal aside (instant); the next append starts a new one.
    False when there was none."""
    path = folder / JOURNAL
    try:
        os.rename(path, _aside_name(folder, last_seq))
    except FileNotFoundError:
        return False
    fsync_dir(folder)
    return True


def persist(folder: Path, recs: list[dict], hashes: list) -> None:
    """Write every entry in memory to a new journal file (a repair, before damaged
    files are set aside), atomically."""
    if recs:
        lines = b"".join(encode_line(r, h) for r, h in zip(recs, hashes, strict=True))
        atomic_write(_aside_name(folder, recs[-1]["seq"]), lines)


def clean_up(folder: Path, upto: int) -> None:
    """Delete set-aside journals whose every entry notes.json now holds."""
    gone = False
    for last, path in set_aside(folder):
        if last <= upto:
            unlink_quietly(path)
            gone = True
    if gone:
        fsync_dir(folder)


class FoldJob(threading.Thread):
    """Writes notes.json from a snapshot of the entries, holding the fold lock, which
    it releases at the end (taken by the caller under the main lock, so snapshots
    reach the disk in the order they were taken and notes.json never goes back)."""

    def __init__(self, folder: Path, recs: list[dict], hashes: list, lock: TryLock):
        super().__init__(name=f"fold {folder.name}", daemon=True)
        self.path = folder / NOTES
        self.recs, self.hashes, self.lock = recs, hashes, lock
        self.upto = recs[-1]["seq"] if recs else -1
        self.count = len(recs)
        self.error: Exception | None = None
        self.done = False

    def run(self) -> None:
        try:
            pairs = zip(self.recs, self.hashes, strict=True)
            docs = {str(r["seq"]): to_doc(r, h) for r, h in pairs}
            SafeJSONStorage(self.path).write({"notes": docs})
            self.done = True
        except Exception as err:  # noqa: BLE001 - the entries are safe in the journals;
            self.error = err  # the book tells the officer at its next step
        finally:
            self.recs = self.hashes = []
            self.lock.release()
