"""Answers an officer thinks the app judged wrongly, kept for an instructor's debrief.

The classifier is rules and a learned backstop; both can be wrong. After "Your own
words" flags an answer (or names no skill), the officer can tap "I think this is fine".
The line, the answer and what the app said are kept as a `Dispute` in the practice
history's file (table "disputed"), never with incidents. The Progress screen lists them
for the instructor, with copy and share buttons; `python -m app practice kept` prints them as
JSON, so an instructor can label them and measure the classifier on real answers.
Erasing practice history erases them too. No flet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from app.incidents.validate import clean_text
from app.practice.attempt import DAMAGE, HistoryUnavailable
from app.practice.classify import Result
from app.practice.history import PracticeHistory
from app.practice.rules import ANALYSE_CHARS
from app.said import local

TABLE = "disputed"
KEEP_CHARS = ANALYSE_CHARS  # the most of an answer kept: what the rules read


def _cut(text: str, limit: int = KEEP_CHARS) -> str:
    text = clean_text(str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


@dataclass(frozen=True)
class Dispute:
    """One answer the officer thinks is fine, and what the app said about it."""

    at: datetime  # aware UTC
    item: str  # the line's id: "scenario-id/slug-of-the-line"
    said: str  # what the person said
    answer: str  # what the officer typed (cut at KEEP_CHARS)
    skill: str | None  # the skill the app named (None: none)
    flags: tuple[str, ...]  # the codes the app raised
    hedged: bool  # every flag was one to check (the backstop's), none to fix
    feedback: str = ""  # what the app told the officer
    reasons: tuple[str, ...] = ()  # why each flag was raised, in the flags' order

    @property
    def scenario_id(self) -> str:
        """The scenario part of `item` ("scenario-id/slug-of-the-line")."""
        return self.item.partition("/")[0]

    @classmethod
    def of(cls, at: datetime, item: str, said: str, answer: str, result: Result) -> Dispute:
        return cls(
            at.astimezone(UTC),
            _cut(item, 200),
            _cut(said),
            _cut(answer),
            result.skill,
            tuple(f.code for f in result.flags),
            bool(result.flags) and not result.to_fix,
            _cut(local(result.feedback)),  # as the officer read it, in their language
            tuple(_cut(local(f.message)) for f in result.flags),
        )

    def to_record(self) -> dict:
        return {
            "at": self.at.astimezone(UTC).isoformat(),
            "item": self.item,
            "said": self.said,
            "answer": self.answer,
            "skill": self.skill,
            "flags": list(self.flags),
            "hedged": self.hedged,
            "feedback": self.feedback,
            "reasons": list(self.reasons),
        }

    @classmethod
    def from_record(cls, r: dict) -> Dispute:
        at = datetime.fromisoformat(r["at"])
        if at.tzinfo is None:
            raise ValueError("dispute time has no zone")
        flags, reasons = r.get("flags", []), r.get("reasons", [])
        if not isinstance(flags, list) or not isinstance(reasons, list):
            raise TypeError("flags or reasons is not a list")
        skill = r.get("skill")
        return cls(
            at.astimezone(UTC),
            _cut(r.get("item", ""), 200),
            _cut(r["said"]),
            _cut(r["answer"]),
            None if skill is None else str(skill),
            tuple(str(f) for f in flags),
            bool(r.get("hedged", False)),
            _cut(r.get("feedback", "")),
            tuple(_cut(x) for x in reasons),
        )


def keep(history: PracticeHistory, dispute: Dispute) -> int:
    """Store one kept answer; its id (for undo). Raises HistoryUnavailable."""
    with history.table(TABLE) as table:
        return table.insert(dispute.to_record())


def drop(history: PracticeHistory, kept_id: int) -> None:
    """Take a kept answer back (undo); one already gone (erased in another tab) is no
    error. Raises HistoryUnavailable."""
    with history.table(TABLE) as table:
        if table.contains(doc_id=kept_id):
            table.remove(doc_ids=[kept_id])


def kept(history: PracticeHistory, quiet: bool = True) -> list[Dispute]:
    """Every answer kept for a debrief, oldest first; a damaged record is skipped. An
    unreadable file reads as none, or (`quiet=False`) raises HistoryUnavailable."""
    try:
        with history.table(TABLE, write=False) as table:
            records = table.all()
    except HistoryUnavailable:
        if not quiet:
            raise
        return []
    out = []
    for r in records:
        try:
            out.append(Dispute.from_record(r))
        except DAMAGE:
            continue
    history.skipped(len(records) - len(out), "said_count_kept")
    out.sort(key=lambda d: d.at)
    return out
