"""The incident log's nouns: what `IncidentLog` returns. Plain frozen dataclasses.

Times are timezone-aware UTC `datetime`s everywhere in the core; showing them in local
time is the UI's job (`app.incidents.clock.format_local` does it, DST-correct).

Notes are append-only evidence. A correction is a new note of kind `amendment` whose
`ref` is the id of the note it corrects; the original never changes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.incidents.kinds import BOARD_LISTS, KIND_LABELS, QUICK_KINDS, NoteKind  # noqa: F401 (nouns)


class DemandStatus(StrEnum):
    PENDING = "pending"
    GRANTED = "granted"
    DENIED = "denied"
    NEGOTIATED = "negotiated"


class IncidentStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"


# --- errors: a tiny hierarchy; every message is one plain sentence for the officer ---


class IncidentError(Exception):
    """Base of every error the incident log raises; str(err) is fit to show."""


class IncidentNotFound(IncidentError):
    """No incident with that id in this data directory."""


class NoteRefused(IncidentError):
    """The note was not saved because it is not valid (empty, unknown ref, closed...)."""


class ImportRefused(IncidentError):
    """An import file is not a Stairway incident export, or the incident already exists."""


class StorageUnreadable(IncidentError):
    """The disk refused a read (a file replaced by a folder, no permission): nothing was
    being saved, so nothing is pending."""


class StorageUnavailable(IncidentError):
    """The disk refused the write (full, read-only, gone).

    The note was NOT lost: it is kept in memory (`IncidentLog.pending`) and written by
    `IncidentLog.retry()` (also tried automatically before the next note).
    """

    def __init__(self, message: str, path: str = "", pending: int = 0):
        super().__init__(message)
        self.path = path
        self.pending = pending


# --- records ---


@dataclass(frozen=True)
class Incident:
    id: str  # e.g. "20261126-0431-a3f9": UTC open time + random; safe in file names
    opened_at: datetime
    closed_at: datetime | None
    situation: str  # e.g. "suicidal person on a bridge"
    location: str
    status: IncidentStatus = IncidentStatus.OPEN

    @property
    def is_open(self) -> bool:
        return self.status == IncidentStatus.OPEN


@dataclass(frozen=True)
class Note:
    id: str  # unique, stable (12 hex chars); what `ref` points at
    incident_id: str
    seq: int  # 1, 2, 3... unique and gap-free within an incident; the timeline order
    at: datetime  # UTC, when the officer saved it
    kind: NoteKind
    text: str
    ref: str | None = None  # amendment: note it corrects; demand_status: the demand
    due: datetime | None = None  # deadline: when it runs out (UTC)
    status: DemandStatus | None = None  # demand / demand_status
    stage: str | None = None  # stage_change: stage id now worked
    item: str | None = None  # checklist_tick / phrase_used: the content item id
    location: str | None = None  # incident_opened / _details: the location (text: situation)
    seal: str | None = None  # chain_started: SHA-256 of the entries written before the chain


@dataclass(frozen=True)
class PendingNote:
    """A note the disk refused; kept in memory and retried, never dropped silently."""

    id: str  # the id the note will keep once written (so a retry never duplicates it)
    incident_id: str
    at: datetime
    kind: NoteKind
    text: str
    fields: dict = field(default_factory=dict)  # ref, due, status, stage, item
    error: str = ""  # the last plain-sentence reason it is not written yet


# --- the board (derived from notes; never stored) ---


@dataclass(frozen=True)
class BoardItem:
    note_id: str
    text: str  # latest amended text
    at: datetime
    amended: bool = False
    ticked_at: datetime | None = None  # an untick on the board: when the item was ticked


@dataclass(frozen=True)
class Demand:
    note_id: str
    text: str
    status: DemandStatus
    at: datetime
    updated_at: datetime  # when the status last changed
    amended: bool = False


@dataclass(frozen=True)
class Deadline:
    note_id: str
    text: str
    due: datetime  # UTC; the caller computes the countdown: due - now
    at: datetime
    amended: bool = False
    done_at: datetime | None = None  # when the officer marked it handled (deadline_done)


@dataclass(frozen=True)
class Contact:
    start: datetime
    end: datetime | None  # None while the contact is going on


_BOARD_NAMES = frozenset(BOARD_LISTS.values())


@dataclass(frozen=True)
class Board:
    """The situation board (demands, deadlines, hooks, triggers...) at one moment.

    The plain lists (hooks, triggers, subject_info, weapons, people, positive_actions,
    lies...) are named by the note-kind table: `board.hooks` or `board.lists["hooks"]`.
    """

    demands: tuple[Demand, ...] = ()
    deadlines: tuple[Deadline, ...] = ()  # soonest first, handled ones included
    contacts: tuple[Contact, ...] = ()
    stage: str | None = None  # latest stage_change: the stage's id ("influence")
    stage_said: BoardItem | None = None  # ... and its entry ("Moved up to stage 4: Influence")
    lists: dict[str, tuple[BoardItem, ...]] = field(default_factory=dict)
    signs: tuple[BoardItem, ...] = ()  # stairway signs ticked and not taken back, in order
    ticked: tuple[BoardItem, ...] = ()  # checklist items ticked and not taken back, in order
    signs_taken_back: tuple[BoardItem, ...] = ()  # ... unticked last: the untick entries
    ticked_taken_back: tuple[BoardItem, ...] = ()
    overrides_said: tuple[BoardItem, ...] = ()  # each override entry (with its reason)

    @property
    def overrides(self) -> int:
        return len(self.overrides_said)

    def __getattr__(self, name: str) -> tuple[BoardItem, ...]:
        if name in _BOARD_NAMES:
            return self.__dict__.get("lists", {}).get(name, ())
        raise AttributeError(name)

    @property
    def open_demands(self) -> tuple[Demand, ...]:
        return tuple(d for d in self.demands if d.status == DemandStatus.PENDING)

    @property
    def open_deadlines(self) -> tuple[Deadline, ...]:
        """The deadlines not marked handled: the ones the clocks count down."""
        return tuple(d for d in self.deadlines if d.done_at is None)

    @property
    def in_contact(self) -> bool:
        return bool(self.contacts) and self.contacts[-1].end is None

    @property
    def last_contact(self) -> datetime | None:
        """When the subject was last on the line: now-ish if in contact, else last end."""
        if not self.contacts:
            return None
        c = self.contacts[-1]
        return c.end or c.start
