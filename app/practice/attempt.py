"""One practice answer as history stores it (`Attempt`), the checks every one passes, on
write and on every read, and the errors the history raises. No I/O: app.practice.history
keeps them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime

DRILLS = ("name-skill", "scenario", "own-words")  # the drills that write history
# ids are the guide's slugs: lower case letters of any language (a Spanish phrase's id keeps
# its accents: "2-say-parece-que-ya-se-cansó"), digits, and : / . _ -
ID_RE = re.compile(r"^[^\W_][\w:/.-]{0,199}$")
DAMAGE = (ValueError, UnicodeDecodeError, KeyError, TypeError, AttributeError, RecursionError,
          OverflowError)  # OverflowError: a date such as 9999-12-31T23:59-23:59


class PracticeError(Exception):
    """Base of the errors history raises; str(err) is one sentence fit to show."""


class HistoryUnavailable(PracticeError):
    """The disk refused the write. The attempt is kept in memory and retried next time."""


@dataclass(frozen=True)
class Attempt:
    """One answer in one drill: was it right, and how long it took."""

    drill: str  # one of DRILLS
    skill: str | None  # the skill the question was about (None: a question with no skill)
    right: bool
    seconds: float  # time to answer
    at: datetime  # aware UTC
    item: str = ""  # what was asked: a phrase id, or "scenario-id/turn-number"
    timed: bool = False  # answered in timed mode

    def to_record(self) -> dict:
        return {
            "drill": self.drill,
            "skill": self.skill,
            "right": self.right,
            "seconds": round(self.seconds, 3),
            "at": self.at.astimezone(UTC).isoformat(),
            "item": self.item,
            "timed": self.timed,
        }

    @classmethod
    def from_record(cls, r: dict) -> Attempt:
        """The attempt a record holds, each field of the type a write gives it (TypeError
        otherwise: bool("false") is True, str(7) an id); `check_attempt` checks the values."""
        at = datetime.fromisoformat(r["at"])
        if at.tzinfo is None:
            raise ValueError("attempt time has no zone")
        drill, skill, right, seconds = r["drill"], r["skill"], r["right"], r["seconds"]
        item, timed = r.get("item", ""), r.get("timed", False)
        if not (isinstance(drill, str) and isinstance(item, str)
                and (skill is None or isinstance(skill, str))
                and type(right) is bool and type(timed) is bool
                and type(seconds) in (int, float)):
            raise TypeError("an attempt's field is not of its type")
        return cls(drill, skill, right, float(seconds), at.astimezone(UTC), item, timed)


@dataclass(frozen=True)
class Score:
    """Right answers out of all answers for one skill in a time window."""

    skill: str
    right: int
    total: int

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 0.0


def check_attempt(a: Attempt) -> None:
    """Refuse an attempt that would store nonsense; the message names the value."""
    if a.drill not in DRILLS:
        raise PracticeError(f"unknown drill {a.drill!r}: use one of {', '.join(DRILLS)}")
    for name, value in (("skill", a.skill), ("item", a.item)):
        if value and not (ID_RE.match(value) and value == value.lower()):
            raise PracticeError(
                f"{name} {value[:40]!r} is not an id: use lower case letters, digits and dashes"
            )
    if not (math.isfinite(a.seconds) and 0 <= a.seconds <= 24 * 3600):
        raise PracticeError(f"time to answer {a.seconds!r} s is not a number of seconds")
    if a.at.tzinfo is None:
        raise PracticeError("the attempt's time has no zone: give an aware datetime")


def checked(a: Attempt) -> Attempt:
    check_attempt(a)
    return a
