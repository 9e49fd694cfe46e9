"""The situation board, derived from the notes (never stored, so it cannot drift).

The plain lists (hooks, triggers, weapons...) come from the note-kind table
(`kinds.KINDS`, column `board`). An amendment replaces the text shown on the board
(and its `due` / `status` when it carries them); the original note is unchanged in
the timeline. Record entries (incident opened, closed...) are not on the board. The
checklist's items and the stairway's signs are those ticked and not unticked since, each
at its latest tick.
"""

from __future__ import annotations

import dataclasses

from app.incidents.kinds import BOARD_LISTS as LISTS
from app.incidents.kinds import RECORD_KINDS
from app.incidents.model import (
    Board,
    BoardItem,
    Contact,
    Deadline,
    Demand,
    DemandStatus,
    Incident,
    IncidentStatus,
    Note,
    NoteKind,
)

# How an untick was logged before it had its own kind: a plain note, in English or Spanish
# ("Checklist item unticked: Set the inner perimeter.").
OLD_UNTICK = ("Checklist item unticked: ", "Punto de la lista desmarcado: ")


def amendments(notes: list[Note]) -> dict[str, list[Note]]:
    """Original note id -> its amendments in order."""
    out: dict[str, list[Note]] = {}
    for n in notes:
        if n.kind == NoteKind.AMENDMENT and n.ref:
            out.setdefault(n.ref, []).append(n)
    return out


def current(note: Note, amends: dict[str, list[Note]]) -> tuple[str, bool, Note]:
    """(text to show, was it amended, latest amendment or the note itself)."""
    later = amends.get(note.id)
    if not later:
        return note.text, False, note
    return later[-1].text, True, later[-1]


def derive(notes: list[Note]) -> Board:
    am = amendments(notes)
    lists: dict[str, list[BoardItem]] = {name: [] for name in LISTS.values()}
    demands: dict[str, dict] = {}
    deadlines: dict[str, Deadline] = {}
    marks: dict[str, list[Note]] = {}  # deadline id -> its "handled" entries, in order
    contacts: list[list] = []
    stage, stage_said = None, None
    overrides_said: list[BoardItem] = []
    signs, ticked = _Ticks(), _Ticks()  # by (stage, sign) and by checklist item
    for n in notes:
        kind = n.kind
        if kind in LISTS:
            text, amended, _ = current(n, am)
            lists[LISTS[kind]].append(BoardItem(n.id, text, n.at, amended))
        elif kind == NoteKind.DEMAND:
            text, amended, last = current(n, am)
            status = _latest(n, am, "status") or DemandStatus.PENDING
            demands[n.id] = {
                "text": text,
                "amended": amended,
                "status": status,
                "at": n.at,
                "updated_at": n.at,
            }
        elif kind == NoteKind.DEMAND_STATUS and n.ref in demands:
            status = _latest(n, am, "status") or n.status
            demands[n.ref].update(status=status, updated_at=n.at)
        elif kind == NoteKind.DEADLINE:
            text, amended, _ = current(n, am)
            deadlines[n.id] = Deadline(n.id, text, _latest(n, am, "due"), n.at, amended)
        elif kind == NoteKind.DEADLINE_DONE and n.ref in deadlines:
            marks.setdefault(n.ref, []).append(n)
        elif kind == NoteKind.CONTACT_START:
            contacts.append([n.at, None])
        elif kind == NoteKind.CONTACT_END:
            if contacts and contacts[-1][1] is None:
                contacts[-1][1] = n.at
            else:  # an end with no start logged: a contact of unknown length
                contacts.append([n.at, n.at])
        elif kind == NoteKind.STAGE_CHANGE:
            stage = n.stage or n.text.strip() or stage
            stage_said = BoardItem(n.id, n.text, n.at)
        elif kind == NoteKind.OVERRIDE:
            overrides_said.append(BoardItem(n.id, n.text, n.at))
        elif kind in (NoteKind.CHECKLIST_TICK, NoteKind.CHECKLIST_UNTICK):
            ticked.mark(n.item or n.text, n, kind == NoteKind.CHECKLIST_TICK)
        elif kind == NoteKind.NOTE and n.item is None and n.text.startswith(OLD_UNTICK):
            words = n.text.partition(": ")[2]  # an untick logged before it had its kind
            for key, done in list(ticked.standing.items()):
                if done.text == words or done.text.endswith(f": {words}"):
                    ticked.mark(key, n, False)
        elif kind in (NoteKind.SIGN_TICK, NoteKind.SIGN_UNTICK):
            signs.mark((n.stage, n.item or n.text), n, kind == NoteKind.SIGN_TICK)
    for i, done in marks.items():
        deadlines[i] = dataclasses.replace(deadlines[i], done_at=handled_at(done, am.get(i, [])))
    return Board(
        demands=tuple(Demand(note_id=i, **d) for i, d in demands.items()),
        deadlines=tuple(sorted(deadlines.values(), key=lambda d: d.due)),
        contacts=tuple(Contact(s, e) for s, e in contacts),
        stage=stage,
        stage_said=stage_said,
        lists={name: tuple(items) for name, items in lists.items()},
        signs=tuple(signs.standing.values()),
        ticked=tuple(ticked.standing.values()),
        signs_taken_back=tuple(signs.taken_back.values()),
        ticked_taken_back=tuple(ticked.taken_back.values()),
        overrides_said=tuple(overrides_said),
    )


class _Ticks:
    """What is ticked now and what was taken back, each at its latest entry, in order."""

    def __init__(self) -> None:
        self.standing: dict = {}
        self.taken_back: dict = {}

    def mark(self, key, n: Note, ticked: bool) -> None:
        """A tick (again: at its new time), or an untick of what stood, with when it was
        ticked (an untick of nothing ticked is in the timeline only)."""
        was = self.standing.pop(key, None)
        if was is None and not ticked:
            return
        self.taken_back.pop(key, None)
        if ticked:
            self.standing[key] = BoardItem(n.id, n.text, n.at)
        else:
            self.taken_back[key] = BoardItem(n.id, n.text, n.at, ticked_at=was.at)


def _latest(note: Note, am: dict[str, list[Note]], field: str):
    """The field from the latest amendment that sets it, else from the note."""
    for a in reversed(am.get(note.id, [])):
        value = getattr(a, field)
        if value is not None:
            return value
    return getattr(note, field)


def incident_of(incident_id: str, notes: list[Note], base: Incident | None = None,
                first_at=None):
    """The incident as its record entries tell it, starting from `base` (the stored
    record) when there is one; None when there is neither. `first_at`: when the first
    entry was written (the opening of an incident older than the chain)."""
    inc = base
    for n in notes:
        if n.kind not in RECORD_KINDS or n.kind == NoteKind.GUIDE_IN_USE:
            continue  # the guide in use says nothing about the situation or location
        if n.kind == NoteKind.INCIDENT_OPENED:
            inc = Incident(incident_id, n.at, None, n.text, n.location or "")
        elif n.kind == NoteKind.INCIDENT_CLOSED:
            if inc is not None:
                inc = dataclasses.replace(inc, closed_at=n.at, status=IncidentStatus.CLOSED)
        elif inc is None:  # chain_started of an incident older than the chain
            inc = Incident(incident_id, first_at or notes[0].at, None, n.text, n.location or "")
        else:
            inc = dataclasses.replace(inc, situation=n.text, location=n.location or "")
    return inc


def handled_at(marks: list[Note], amends: list[Note]):
    """When a deadline was handled: its first mark after the last amendment that moved
    its due time (a deadline moved later runs again), else None."""
    moved = max((a.seq for a in amends if a.due is not None), default=-1)
    return next((m.at for m in marks if m.seq > moved), None)
