"""The Markdown handover brief, shaped like a negotiation position paper.

Order (after D'Alfonzo & Romano, position papers; Duffy, situation boards): the
incident (with the guide in use: each pack or built-in guide on screen, from when),
contacts (how many, when), status, demands and deadlines, the board's lists (sections
from the note-kind table: hooks and triggers, subject information, weapons, people on
scene, positive actions, lies told), space for assessment and recommendations, the full
timeline with every amendment printed under the note it corrects, and last the chain:
how many entries and the head hash to read aloud.

Every field the officer typed goes through `text.md_field`: it comes out as the
officer's text, never as Markdown structure.
"""

from __future__ import annotations

from datetime import datetime

from app.incidents.board import amendments
from app.incidents.chain import ChainStatus
from app.incidents.clock import format_duration, format_local, utcnow, zone
from app.incidents.kinds import (
    KIND_LABELS,
    OFFICER_KINDS,
    RECORD_KINDS,
    WORDED_KINDS,
    brief_sections,
)
from app.incidents.model import Board, BoardItem, Incident, Note, NoteKind
from app.incidents.text import md_field, md_inline


def markdown(inc: Incident, notes: list[Note], board: Board, chain: ChainStatus,
             tz=None) -> str:
    """`notes`: every entry of the incident, oldest first."""

    def t(dt: datetime | None) -> str:
        return format_local(dt, tz) if dt else "-"

    now = utcnow()
    zname = getattr(zone(tz), "key", None) or now.astimezone(zone(tz)).tzname()
    end = inc.closed_at or now
    out = [f"# Handover brief, incident {inc.id}", ""]
    out += md_field("- Situation:", inc.situation, "  ") if inc.situation else ["- Situation: -"]
    out += md_field("- Location:", inc.location, "  ") if inc.location else ["- Location: -"]
    out += [
        f"- Opened: {t(inc.opened_at)}",
        f"- Status: {inc.status.value}"
        + (f", closed {t(inc.closed_at)}" if inc.closed_at else "")
        + f" ({format_duration(end - inc.opened_at)} since opened)",
        *_guides(notes, t),
        f"- Brief written: {t(now)}; times are local ({zname}).",
        "",
        "## Contacts",
        "",
        f"{len(board.contacts)} contact{'' if len(board.contacts) == 1 else 's'} logged."
        + (" In contact now." if board.in_contact else ""),
        "",
    ]
    for i, c in enumerate(board.contacts, 1):
        length = f" ({format_duration(c.end - c.start)})" if c.end else " (ongoing)"
        out.append(f"{i}. {t(c.start)} to {t(c.end) if c.end else 'now'}{length}")
    out += ["", "## Status", ""]
    out += [
        f"- Stairway stage: {_stage(board, t)}",
        f"- Stage overrides logged: {board.overrides}",
        *_listed(board.overrides_said, t),
        f"- Checklist items still ticked: {len(board.ticked) or 'none'}",
        *_listed(board.ticked, t),
        *_unticked("Checklist items", board.ticked_taken_back, t),
        "- Stairway signs still ticked (what the first officer saw, not an assessment): "
        f"{len(board.signs) or 'none'}",
        *_listed(board.signs, t),
        *_unticked("Stairway signs", board.signs_taken_back, t),
        f"- Last contact: {t(board.last_contact)}",
        _logged(notes),
        "",
        "## Demands and deadlines",
        "",
    ]
    if not board.demands and not board.deadlines:
        out.append("None logged.")
    for d in board.demands:
        lead = f"- Demand ({d.status.value}, since {t(d.updated_at)}):"
        out += md_field(lead, d.text, "  ", _amended(d.amended))
    for d in board.deadlines:
        left = d.due - now
        state = f"{format_duration(left)} left" if left.total_seconds() > 0 else "passed"
        if d.done_at is not None:
            state = f"handled {t(d.done_at)}"
        out += md_field(f"- Deadline {t(d.due)} ({state}):", d.text, "  ", _amended(d.amended))
    out.append("")
    for title, groups in brief_sections():
        out += [f"## {title}", ""]
        for sub, key in groups:
            if sub:
                out += [f"### {sub}", ""]
            out += _items(board.lists.get(key, ()), t) or ["None logged."]
            out.append("")
    out += [
        "## Assessment",
        "",
        "_For the negotiation team._",
        "",
        "## Recommendations",
        "",
        "_For the negotiation team._",
        "",
        "## Timeline",
        "",
    ]
    out += _timeline(notes, t)
    out += ["", "## Chain", "", *_chain(chain)]
    return "\n".join(out).rstrip() + "\n"


def _logged(notes: list[Note]) -> str:
    """How much the log holds, and how much the officer entered: "Notes logged: 34"
    counted every tick and stage move, for an incident with one note typed."""
    entries = [n for n in notes if n.kind not in RECORD_KINDS]
    typed = sum(n.kind in OFFICER_KINDS for n in entries)
    return (f"- Log entries: {len(entries)} ({typed} entered directly by the officer; "
            f"{len(entries) - typed} recorded by the app for the officer: ticks, stage moves, "
            "phrases, corrections)")


def _listed(items: tuple[BoardItem, ...], t) -> list[str]:
    """Entries under a Status line, each with its time: the overrides with their reasons,
    the checklist items and stairway signs still ticked (what was done before the team
    came, what each move up rested on)."""
    out: list[str] = []
    for s in items:
        out += md_field(f"  - {t(s.at)}:", s.text, "    ")
    return out


def _unticked(what: str, items: tuple[BoardItem, ...], t) -> list[str]:
    """Their own Status line, when there are any (under "still ticked: 2" a third entry read
    as a miscount), each with when it was unticked and when it had been ticked."""
    if not items:
        return []
    out = [f"- {what} unticked after being ticked: {len(items)}"]
    for s in items:
        out += md_field(f"  - unticked {t(s.at)} (ticked {t(s.ticked_at)}):", s.text, "    ")
    return out


def _guides(notes: list[Note], t) -> list[str]:
    """Which guide was on screen while the incident was worked, from when: entry #0 names
    the one at the opening, a "guide in use" entry each later change."""
    out = []
    for n in notes:
        if n.kind == NoteKind.INCIDENT_OPENED and n.item:
            out.append(f"- Guide from {t(n.at)}: {md_inline(n.item)}")
        elif n.kind == NoteKind.GUIDE_IN_USE:
            out += md_field(f"- Guide from {t(n.at)}: {md_inline(n.item or '-')},", n.text, "  ")
    return out or ["- Guide: not recorded"]


def _chain(status: ChainStatus) -> list[str]:
    head = status.head or "none"
    return [
        f"- Entries: {status.entries}",
        f"- Head hash: {head}",
        "- Read the head's first 12 characters aloud to the receiving team; "
        "`python -m app verify` checks the JSON export against it.",
        "",
        status.sentence,
    ]


def _amended(flag: bool) -> str:
    return " (amended)" if flag else ""


def _items(items: tuple[BoardItem, ...], t) -> list[str]:
    out = []
    for i in items:
        out += md_field("-", i.text, "  ", f" ({t(i.at)}){_amended(i.amended)}")
    return out


def _timeline(notes: list[Note], t) -> list[str]:
    """Oldest first; amendments listed under their original, not on their own."""
    am = amendments(notes)
    by_id = {n.id: n for n in notes}
    out = []
    for n in notes:
        if n.kind == NoteKind.AMENDMENT and n.ref in by_id:
            continue
        ref = f" about #{by_id[n.ref].seq}" if n.ref in by_id else ""
        lead = f"- #{n.seq} {t(n.at)} **{KIND_LABELS[n.kind]}**{ref}{_extra(n, t)}"
        out += _text(lead, n, "  ")
        for a in am.get(n.id, []):
            out += _text(f"    - Amended #{a.seq} {t(a.at)}{_extra(a, t)}", a, "      ")
    return out or ["No notes."]


def _text(lead: str, n: Note, indent: str) -> list[str]:
    return md_field(lead + ":", n.text, indent) if n.text.strip() else [lead]


def _extra(n: Note, t) -> str:
    bits = []
    ids = n.kind not in WORDED_KINDS or not n.text.strip()  # "Stage 1 (...): They talk..."
    if n.due:
        bits.append(f"due {t(n.due)}")
    if n.status:
        bits.append(n.status.value)
    if n.stage and ids:
        bits.append(f"stage {md_inline(n.stage)}")
    if n.item and ids:
        bits.append(md_inline(n.item))
    if n.location:
        bits.append(f"location {md_inline(n.location)}")
    if n.seal:
        bits.append(f"seals the earlier entries, {n.seal[:12]}")
    return f" ({', '.join(bits)})" if bits else ""


def _stage(board, t) -> str:
    """The logged sentence ("Moved up to stage 4: Influence") and its time, so a negotiator
    reads where the officer got to; the stage's id ("influence") only when no words were
    logged (it is in the JSON export)."""
    if not board.stage:
        return "not recorded"
    if board.stage_said is None or not board.stage_said.text.strip():
        return md_inline(board.stage)
    said = board.stage_said
    return f"{md_inline(said.text)} ({t(said.at)})"

