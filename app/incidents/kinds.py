"""The note kinds: one table that everything else reads.

A row says what a kind is called on screen, how it is logged, where the board and the
handover brief list it, and whether its text may be empty. `NoteKind`, `KIND_LABELS`,
`QUICK_KINDS`, the board's lists, the brief's sections, the quick-note bar and its
button labels are all derived from `KINDS`: a new kind is one row here.

`use` says who writes a kind:
- QUICK: one tap on the incident screen's quick bar;
- MORE: under "More note kinds" on that screen;
- SYSTEM: written by the app for the officer (a stage move, a checklist item or a stairway
  sign ticked or unticked, a phrase used, an override, a demand's new status, an amendment);
- RECORD: the incident record itself (opened, details, closed, chain started, the guide
  in use: which pack or built-in guide was on screen from then on). These
  are entries of the evidence chain and of every export, but not officer notes: the
  timeline on screen and `IncidentLog.notes()` leave them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

QUICK, MORE, SYSTEM, RECORD = "quick", "more", "system", "record"


@dataclass(frozen=True)
class KindSpec:
    kind: str  # the stored name, e.g. "hook"
    label: str  # shown in the timeline and the brief, e.g. "Hook"
    use: str  # QUICK | MORE | SYSTEM | RECORD
    button: str = ""  # the save button of an officer-loggable kind
    board: str = ""  # the Board list it fills (kinds shown as a plain list)
    board_title: str = ""  # that list's title on the board screen
    brief: tuple[str, str | None] | None = None  # brief (section, sub-heading)
    event: bool = False  # the text may be empty: the kind (and its fields) is the event
    worded: bool = False  # its text says what its stage and item ids name (the brief's
    # timeline prints the words alone; the ids are in the JSON)


KINDS: tuple[KindSpec, ...] = (
    # quick bar, in the order of the buttons
    KindSpec("note", "Note", QUICK, "Save as note"),
    KindSpec("demand", "Demand", QUICK, "Save as demand"),
    KindSpec("hook", "Hook", QUICK, "Save as hook", "hooks", "Hooks",
             ("Hooks and triggers", "Hooks")),
    KindSpec("trigger", "Trigger", QUICK, "Save as trigger", "triggers", "Triggers",
             ("Hooks and triggers", "Triggers")),
    KindSpec("contact_start", "Contact start", QUICK, "Contact started", event=True),
    KindSpec("contact_end", "Contact end", QUICK, "Contact ended", event=True),
    # under "More note kinds"
    KindSpec("deadline", "Deadline", MORE, "Save as deadline"),
    KindSpec("subject_info", "Subject info", MORE, "Save as subject info", "subject_info",
             "Subject information", ("Subject information", None)),
    KindSpec("weapon", "Weapon", MORE, "Save as weapon", "weapons", "Weapons",
             ("Weapons", None)),
    KindSpec("person", "Person on scene", MORE, "Save as person on scene", "people",
             "People on scene", ("People on scene", None)),
    KindSpec("positive_action", "Positive action", MORE, "Save as positive action",
             "positive_actions", "Positive actions", ("Positive police actions", None)),
    KindSpec("lie_told", "Lie told", MORE, "Save as lie told", "lies", "Lies told",
             ("Lies told (the next team must know these)", None)),
    # written by the app
    KindSpec("demand_status", "Demand status", SYSTEM, event=True),  # ref, status
    KindSpec("deadline_done", "Deadline handled", SYSTEM, event=True),  # ref: the deadline
    KindSpec("stage_change", "Stage change", SYSTEM, event=True, worded=True),  # stage
    KindSpec("checklist_tick", "Checklist tick", SYSTEM, event=True, worded=True),  # item
    KindSpec("checklist_untick", "Checklist untick", SYSTEM, event=True, worded=True),  # item
    KindSpec("phrase_used", "Phrase used", SYSTEM, board="phrases", board_title="Phrases used",
             brief=("Guide phrases marked as said (not a full record of what was said)", None),
             event=True, worded=True),  # item
    KindSpec("sign_tick", "Sign tick", SYSTEM, event=True, worded=True),  # stage, item (sign)
    KindSpec("sign_untick", "Sign untick", SYSTEM, event=True, worded=True),  # stage, item
    KindSpec("override", "Override", SYSTEM, worded=True),  # text: the reason; stage: left
    KindSpec("amendment", "Amendment", SYSTEM),  # ref: the note it corrects
    # the incident record (entry #0 is "incident_opened")
    KindSpec("incident_opened", "Incident opened", RECORD, event=True),  # text, location
    KindSpec("incident_details", "Incident details", RECORD, event=True),  # text, location
    KindSpec("incident_closed", "Incident closed", RECORD, event=True),
    KindSpec("chain_started", "Chain started", RECORD, event=True),  # seal, text, location
    KindSpec("guide_in_use", "Guide in use", RECORD, event=True),  # text, item: "id version"
)

# The enum is built from the table so that a kind cannot be added in one place only.
NoteKind = StrEnum("NoteKind", [(s.kind.upper(), s.kind) for s in KINDS], module=__name__)
NoteKind.__doc__ = "What a note records (see `KINDS`)."

_BY_KIND = {s.kind: s for s in KINDS}

KIND_LABELS: dict = {NoteKind(s.kind): s.label for s in KINDS}
QUICK_KINDS: tuple = tuple(NoteKind(s.kind) for s in KINDS if s.use == QUICK)
MORE_KINDS: tuple = tuple(NoteKind(s.kind) for s in KINDS if s.use == MORE)
OFFICER_KINDS = frozenset(QUICK_KINDS + MORE_KINDS)  # what the officer enters (types or taps)
EVENT_KINDS = frozenset(NoteKind(s.kind) for s in KINDS if s.event)
WORDED_KINDS = frozenset(NoteKind(s.kind) for s in KINDS if s.worded)
RECORD_KINDS = frozenset(NoteKind(s.kind) for s in KINDS if s.use == RECORD)
RECORD_VALUES = frozenset(k.value for k in RECORD_KINDS)  # as stored records spell them
BOARD_LISTS: dict = {NoteKind(s.kind): s.board for s in KINDS if s.board}
BOARD_SECTIONS: tuple[tuple[str, str], ...] = tuple((s.board, s.board_title) for s in KINDS
                                                    if s.board)


def spec(kind: str) -> KindSpec:
    """The table row of a kind (KeyError for an unknown one)."""
    return _BY_KIND[str(kind)]


def brief_sections() -> list[tuple[str, list[tuple[str | None, str]]]]:
    """The brief's board sections in table order: (heading, [(sub-heading, board list)])."""
    out: list[tuple[str, list[tuple[str | None, str]]]] = []
    for s in KINDS:
        if s.brief is None:
            continue
        heading, sub = s.brief
        if not out or out[-1][0] != heading:
            out.append((heading, []))
        out[-1][1].append((sub, s.board))
    return out
