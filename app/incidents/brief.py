"""The Markdown handover brief, shaped like a negotiation position paper.

Order (after D'Alfonzo & Romano, position papers; Duffy, situation boards): the
incident, contacts (how many, when), status, demands and deadlines, hooks and
triggers, subject information, weapons, people on scene, positive actions, lies told,
space for assessment and recommendations, then the full timeline with every
amendment printed under the note it corrects.
"""

from __future__ import annotations

import re
from datetime import datetime

from app.incidents.board import amendments
from app.incidents.clock import format_duration, format_local, utcnow, zone
from app.incidents.model import KIND_LABELS, Board, BoardItem, Incident, Note, NoteKind

_MD = re.compile(r"([\\`*_\[\]<>#|~])")


def md(text: str) -> str:
    """Note text made inert in Markdown, multi-line kept inside its list item."""
    from app.incidents.export import visible

    lines = visible(text).split("\n")
    return "  \n    ".join(_MD.sub(r"\\\1", line) for line in lines)


def markdown(inc: Incident, notes: list[Note], board: Board, tz=None) -> str:
    def t(dt: datetime | None) -> str:
        return format_local(dt, tz) if dt else "-"

    now = utcnow()
    zname = getattr(zone(tz), "key", None) or now.astimezone(zone(tz)).tzname()
    out = [f"# Handover brief: {md(inc.situation) or 'incident'}", ""]
    end = inc.closed_at or now
    out += [
        f"- Incident: {inc.id}",
        f"- Location: {md(inc.location) or '-'}",
        f"- Opened: {t(inc.opened_at)}",
        f"- Status: {inc.status.value}"
        + (f", closed {t(inc.closed_at)}" if inc.closed_at else "")
        + f" ({format_duration(end - inc.opened_at)} since opened)",
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
        f"- Stairway stage: {md(board.stage) if board.stage else 'not recorded'}",
        f"- Stage overrides logged: {board.overrides}",
        f"- Last contact: {t(board.last_contact)}",
        f"- Notes logged: {len(notes)}",
        "",
        "## Demands and deadlines",
        "",
    ]
    if not board.demands and not board.deadlines:
        out.append("None logged.")
    for d in board.demands:
        out.append(
            f"- Demand ({d.status.value}, since {t(d.updated_at)}): {md(d.text)}"
            f"{_amended(d.amended)}"
        )
    for d in board.deadlines:
        left = d.due - now
        state = f"{format_duration(left)} left" if left.total_seconds() > 0 else "passed"
        out.append(f"- Deadline {t(d.due)} ({state}): {md(d.text)}{_amended(d.amended)}")
    out.append("")
    sections = [
        ("Hooks and triggers", [("Hooks", board.hooks), ("Triggers", board.triggers)]),
        ("Subject information", [(None, board.subject_info)]),
        ("Weapons", [(None, board.weapons)]),
        ("People on scene", [(None, board.people)]),
        ("Positive police actions", [(None, board.positive_actions)]),
        ("Lies told (the next team must know these)", [(None, board.lies)]),
    ]
    for title, groups in sections:
        out += [f"## {title}", ""]
        for sub, items in groups:
            if sub:
                out += [f"### {sub}", ""]
            out += _items(items, t) or ["None logged."]
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
    return "\n".join(out).rstrip() + "\n"


def _amended(flag: bool) -> str:
    return " (amended)" if flag else ""


def _items(items: tuple[BoardItem, ...], t) -> list[str]:
    return [f"- {md(i.text)} ({t(i.at)}){_amended(i.amended)}" for i in items]


def _timeline(notes: list[Note], t) -> list[str]:
    """Oldest first; amendments listed under their original, not on their own."""
    am = amendments(notes)
    by_id = {n.id: n for n in notes}
    out = []
    for n in notes:
        if n.kind == NoteKind.AMENDMENT and n.ref in by_id:
            continue
        ref = f" about #{by_id[n.ref].seq}" if n.ref in by_id else ""
        out.append(f"- #{n.seq} {t(n.at)} **{KIND_LABELS[n.kind]}**{ref}{_extra(n, t)}{_text(n)}")
        for a in am.get(n.id, []):
            out.append(f"    - Amended #{a.seq} {t(a.at)}{_extra(a, t)}{_text(a)}")
    return out or ["No notes."]


def _text(n: Note) -> str:
    return f": {md(n.text)}" if n.text.strip() else ""


def _extra(n: Note, t) -> str:
    bits = []
    if n.due:
        bits.append(f"due {t(n.due)}")
    if n.status:
        bits.append(n.status.value)
    if n.stage:
        bits.append(f"stage {md(n.stage)}")
    if n.item:
        bits.append(md(n.item))
    return f" ({', '.join(bits)})" if bits else ""
