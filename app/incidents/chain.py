"""The tamper-evident chain: every entry of an incident carries a SHA-256 hash that
covers its content and the hash of the entry before it.

What is hashed (enough for another tool to verify a JSON export)
------------------------------------------------------------------
An incident's entries are the objects in the export's "entries" list, in order of
their "seq" (0, 1, 2... with no gaps). An entry holds "id", "seq", "at", "kind",
"text", "prev", "hash" and, when they apply, "ref", "due", "status", "stage", "item",
"location", "seal". Keys whose value is empty are absent, never null; every value is a
string except "seq", a non-negative integer.

1. Canonical form: the entry without its "hash" key, written as JSON with the keys
   sorted by code point, no whitespace at all (separators "," and ":"), every
   non-ASCII character written as itself (no \\u escape), and only '"', '\\\\' and the
   control characters U+0000 to U+001F escaped: \\b \\t \\n \\f \\r in their short form,
   the others as \\u00xx with lower-case hex. Integers in plain decimal. For these
   entries this is exactly RFC 8785 (JSON Canonicalization Scheme), since every key is
   ASCII and every value a string or an integer; in Python it is
   `json.dumps(entry, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`.
2. hash = lower-case hex SHA-256 of the canonical form encoded as UTF-8.
3. prev = the hash of the entry before; the first entry of the chain has
   prev = SHA-256 hex of the UTF-8 text "stairway-chain:" + the incident id, which
   binds the chain to its incident.
4. The head is the hash of the last entry. The brief and the CSV print its first 12
   hex characters in groups of four (e.g. "3f9a 1c07 b2e4") to be read aloud.

Incidents written before the chain existed keep their old entries unchanged and
unhashed (numbered from #1). The chain starts at the first open after the upgrade with
a "chain_started" entry whose "seal" is the SHA-256 hex of the canonical forms of all
earlier entries, in seq order, each followed by "\\n"; its prev is the incident's
starting value above. From then on every entry is chained.

What the chain proves: that no entry was changed, removed or inserted after it was
written, *relative to a head hash known from elsewhere* (read out over the radio,
printed on the handed-over brief). Someone who rewrites the file and recomputes every
hash makes a consistent chain with a different head; comparing heads catches that.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from app.said import Said

_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(record: dict) -> str:
    """The one JSON spelling a record is hashed and checksummed in."""
    return _CANONICAL.encode(record)


def digest(text: str) -> str:
    # surrogatepass: a forged entry holding a lone surrogate hashes (wrongly), never raises
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def genesis(incident_id: str) -> str:
    """The prev of an incident's first chained entry."""
    return digest("stairway-chain:" + incident_id)


def link(record: dict, prev: str) -> tuple[dict, str]:
    """The record with its prev set, and its hash."""
    rec = {**record, "prev": prev}
    return rec, digest(canonical(rec))


def seal(records: list[dict]) -> str:
    """What a chain_started entry seals: the entries written before the chain."""
    return digest("".join(canonical(r) + "\n" for r in records))


def short(head: str | None) -> str:
    """The first 12 hex characters in groups of four, to read aloud."""
    if not head:
        return "none"
    return " ".join(head[i : i + 4] for i in range(0, 12, 4))


@dataclass(frozen=True)
class ChainStatus:
    entries: int
    head: str | None  # hash of the last entry; None while nothing is chained
    problem: str | None = None  # the first thing wrong, as one sentence
    missing: int = 0  # entries whose numbers are absent
    # the chain holds, but the record says more was written (the closing entry is gone)
    warning: str | None = None
    # the problem is an entry damaged in a field (shape.py), or entries in a form the app
    # never writes (sense.py): told as such, not as a broken chain
    damaged: bool = False

    @property
    def intact(self) -> bool:
        return self.problem is None

    @property
    def sentence(self) -> str:
        """ "N entries, chain intact, head 3f9a 1c07 b2e4" or what is wrong."""
        n = "1 entry" if self.entries == 1 else f"{self.entries} entries"
        if self.problem is None:
            if self.head is None:
                return f"{n}, not chained yet"
            if self.warning:
                return f"{n}, chain intact, head {short(self.head)}, but {self.warning}"
            return f"{n}, chain intact, head {short(self.head)}"
        if self.damaged:  # "9 entries, entry #3 is damaged: its 'at' field is not a time"
            return f"{n}, {self.problem[:1].lower()}{self.problem[1:]}"
        return f"{n}, chain broken: {self.problem}"


class Verifier:
    """Checks entries one by one, in seq order; `status()` at any point.

    `feed(record, hash)` takes the record without its hash (prev included) and the hash
    stored with it (None for an entry written before the chain).
    """

    def __init__(self, incident_id: str):
        self.incident_id = incident_id
        self.count = 0
        self.head: str | None = None
        self.problem: str | None = None
        self._absent: list[list[int]] = []  # numbers skipped so far, as [first, last]
        self._last_seq: int | None = None
        self._before: list[dict] = []  # entries before the chain started
        self._seen: dict[str, int] = {}  # hash -> seq, to tell an insertion
        self._gap_first = False  # the first problem is a gap: report the total missing
        self._before_head: str | None = None  # the hash before the head

    def _fail(self, sentence: str, gap: bool = False) -> None:
        if self.problem is None:
            self.problem, self._gap_first = sentence, gap

    def feed(self, rec: dict, stored_hash: str | None, trusted: bool = False) -> None:
        seq = rec.get("seq")
        last = self._last_seq
        self.count += 1
        if type(seq) is not int or seq < 0:
            self._fail(Said("said_no_number", n=self.count))
            return
        gap = self._gap(rec, seq, stored_hash)
        if stored_hash is None:
            if self.head is not None:
                self._fail(Said("said_no_hash", seq=seq))
            else:
                self._before.append(rec)
            self._last_seq = seq if last is None else max(last, seq)
            return
        if not trusted and digest(canonical(rec)) != stored_hash:
            self._fail(Said("said_changed", seq=seq))
        prev = rec.get("prev")
        if self.head is None:
            self._start(rec, seq, prev, gap)
        elif prev != self.head and not gap:
            if isinstance(prev, str) and prev in self._seen:
                self._fail(Said("said_inserted", last=last, seq=seq, before=self._seen[prev]))
            else:
                self._fail(Said("said_changed_either", last=last, seq=seq))
        self._before_head, self.head = self.head, stored_hash
        self._seen[stored_hash] = seq
        self._last_seq = seq if last is None else max(last, seq)

    def feed_all(self, recs: list[dict], hashes: list) -> None:
        """`feed(..., trusted=True)` for many entries; entries that simply continue the
        chain take a fast path (a link and a number compared)."""
        feed, seen = self.feed, self._seen
        for rec, h in zip(recs, hashes, strict=True):
            head = self.head
            if (h is None or head is None or self.problem is not None
                    or rec.get("prev") != head or rec.get("seq") != self._last_seq + 1):
                feed(rec, h, trusted=True)
                continue
            self.count += 1
            self._before_head, self.head = head, h
            seen[h] = self._last_seq = rec["seq"]

    def _gap(self, rec: dict, seq: int, stored_hash: str | None) -> bool:
        last = self._last_seq
        if last is None:
            first = 1 if stored_hash is None or rec.get("kind") == "chain_started" else 0
        else:
            first = last + 1
        if seq < first:
            if self._take_absent(seq):  # it was not missing: it came late
                if self._gap_first:
                    self.problem = None
                self._fail(Said("said_out_of_order", seq=seq, last=last))
            elif seq == last and self._before_head and rec.get("prev") == self._before_head:
                self._fail(Said("said_numbered_twice", seq=seq, before=seq - 1))
            else:
                self._fail(Said("said_repeated", seq=seq, last=last))
            return True
        if seq > first:
            self._absent.append([first, seq - 1])
            self._fail(self._missing_sentence(), gap=True)
            return True
        return False

    def _take_absent(self, seq: int) -> bool:
        """Remove `seq` from the absent numbers; False when it was not absent."""
        for i, (a, b) in enumerate(self._absent):
            if a <= seq <= b:
                parts = [[a, seq - 1]] if a < seq else []
                parts += [[seq + 1, b]] if seq < b else []
                self._absent[i : i + 1] = parts
                return True
        return False

    @property
    def missing(self) -> int:
        return sum(b - a + 1 for a, b in self._absent)

    def _missing_sentence(self) -> Said:
        ranges = self._absent
        shown = [f"#{a}" if a == b else Said("said_range", first=a, last=b)
                 for a, b in ranges[:3]]
        return Said("said_missing", n=self.missing,  # said_missing_one when it is 1
                    where=shown + ["..."] if len(ranges) > 3 else shown)

    def _start(self, rec: dict, seq, prev, gap: bool) -> None:
        if prev != genesis(self.incident_id):
            if not gap:
                self._fail(Said("said_not_first", seq=seq, id=self.incident_id))
        elif rec.get("kind") == "chain_started":
            if rec.get("seal") != seal(self._before) and not gap:
                self._fail(Said("said_seal_broken", seq=seq))
        elif self._before:
            self._fail(Said("said_before_unsealed", seq=seq))

    def status(self) -> ChainStatus:
        problem = self._missing_sentence() if self._gap_first and self._absent else self.problem
        return ChainStatus(self.count, self.head, problem, self.missing)


def check(incident_id: str, entries: list[tuple[dict, str | None]]) -> ChainStatus:
    """Verify a whole list of (record without hash, stored hash) in order."""
    v = Verifier(incident_id)
    for rec, h in entries:
        v.feed(rec, h)
    return v.status()
