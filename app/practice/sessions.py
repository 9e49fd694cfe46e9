"""Drill sessions: timing and history for one run of each drill. No flet.

`Quiz` (name the skill), `WalkSession` (scenario walk) and `OwnWords` time each answer
from the moment its question is shown (`next()` shows the next one), write one `Attempt`
per answer to the practice history, and keep the feedback when the disk refuses:
`notice` then says why in one sentence. Timed mode is data (`Timing`): an answer after
the limit counts as wrong; `timeout()` is what the screen calls when the countdown ends.
Sessions are made by `app.practice.drills.Practice`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from app.guide.blocks import slug
from app.guide.model import ACCEPTABLE, BEST, SAY, Guide, Turn
from app.guide.query import phrases
from app.practice import disputes as D
from app.practice import quiz as Q
from app.practice.attempt import Attempt, PracticeError
from app.practice.classify import Flag, Result
from app.practice.walk import Pick, Summary, Walk
from app.said import Said, said_of

if TYPE_CHECKING:
    from app.practice.drills import Practice

TIME_LIMIT = 10.0  # seconds to answer in timed mode

# "I hear you" to every line is a minimal encourager every time: right by the rules, and
# Progress showed that skill at 100%. The same words given to an earlier line are named
# and not counted as right: the drill is to answer what this line said.
REPEATED = Flag("repeated", Said("said_flag_repeated"))
_WORDS = re.compile(r"[^\w]+")


def _same_words(text: str) -> str:
    """What makes two answers the same: the words, whatever the case, the accents' form
    (NFKC), invisible format characters (a soft hyphen) and punctuation. An answer of
    punctuation alone ("...") is compared as its punctuation."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKC", text)
                    if unicodedata.category(ch) != "Cf").casefold()
    return " ".join(_WORDS.sub(" ", plain).split()) or "".join(plain.split())


@dataclass(frozen=True)
class Timing:
    limit: float | None = None  # None: untimed

    def late(self, seconds: float) -> bool:
        return self.limit is not None and seconds > self.limit

    def left(self, seconds: float) -> float | None:
        """Seconds left to answer (None when untimed), never below zero."""
        return None if self.limit is None else max(0.0, self.limit - seconds)


@dataclass
class _Session:
    """Timing and history for one run of a drill."""

    drill: str
    timing: Timing
    owner: Practice
    notice: str = ""  # one sentence when history could not be written
    asked_at: float = 0.0
    answered: bool = False
    held: bool = False  # the clock waits for begin(): a timed walk's scene is read first

    def _start(self) -> None:
        self.asked_at = self.owner.clock()
        self.answered, self.held = False, False

    begin = _start  # the clock held for the scene starts: the first line is shown from now

    def elapsed(self) -> float:
        """Seconds since the current question was shown (for a countdown); none while the
        clock is held."""
        return 0.0 if self.held else max(0.0, self.owner.clock() - self.asked_at)

    def left(self) -> float | None:
        return self.timing.left(self.elapsed())

    def _mark(self, skill: str | None, right: bool, item: str,
              record: bool = True) -> tuple[float, bool]:
        if self.answered:
            raise RuntimeError("this question is already answered: call next()")
        seconds = self.elapsed()
        late = self.timing.late(seconds)
        self.answered = True
        if not record:
            return seconds, late
        attempt = Attempt(
            self.drill,
            skill,
            right and not late,
            seconds,
            self.owner.now(),
            item[:200],
            self.timing.limit is not None,
        )
        try:
            self.owner.history.record(attempt)
            self.notice = ""
        except PracticeError as err:
            self.notice = said_of(err)  # English, and said on screen in the officer's language
        return seconds, late


@dataclass
class Quiz(_Session):
    """Name the skill: four choices per phrase."""

    questions: list[Q.Question] = field(default_factory=list)
    index: int = 0
    right: int = 0

    @property
    def current(self) -> Q.Question | None:
        return self.questions[self.index] if self.index < len(self.questions) else None

    @property
    def done(self) -> bool:
        return self.current is None

    def answer(self, choice_id: str | None) -> Q.Feedback:
        """Mark the current question (None: time ran out). Then call next()."""
        q = self.current
        if q is None:
            raise IndexError("the quiz is over: start a new one")
        fb = Q.feedback(self.owner.guide, q, choice_id)
        seconds, late = self._mark(q.skill, fb.right, q.id)
        fb = replace(fb, right=fb.right and not late, late=late, seconds=seconds)
        self.right += fb.right
        return fb

    def timeout(self) -> Q.Feedback:
        return self.answer(None)

    def next(self) -> Q.Question | None:
        self.index += 1
        self._start()
        return self.current


@dataclass
class WalkSession(_Session):
    """A scenario walk: `walk.answers` to show, `choose(i)`, then `next()`."""

    walk: Walk | None = None
    last: Pick | None = None
    late: bool = False

    def choose(self, index: int | None) -> Pick:
        assert self.walk is not None
        turn = self.walk.turn
        if turn is None:
            raise IndexError("the scenario is over: start it again to play once more")
        answer = None if index is None else self.walk.answers[index]
        best = next(a for a in turn.answers if a.grade == BEST)
        item = f"{self.walk.scenario.id}/{slug(turn.line)[:60]}"
        right = answer is not None and answer.grade == BEST
        _, self.late = self._mark(best.skill, right, item)
        self.last = self.walk.choose(None if self.late else index)
        return self.last

    def timeout(self) -> Pick:
        return self.choose(None)

    def next(self) -> Turn | None:
        self._start()
        return self.walk.turn if self.walk else None

    def summary(self) -> Summary:
        assert self.walk is not None
        return self.walk.summary(self.owner.guide)


@dataclass(frozen=True)
class Prompt:
    """A line to answer in your own words, from a scenario turn."""

    id: str  # "scenario-id/slug-of-the-line": what history stores
    scenario: str
    situation: str
    said: str
    note: str
    turn: Turn
    before: str = ""  # the scenario's best answer to the line before: what they reply to


@dataclass(frozen=True)
class Judged:
    result: Result  # the classifier's verdict (skill, confidence, flags, feedback)
    models: tuple[str, ...]  # model answers: the scenario's best, then the guide's phrases
    late: bool
    seconds: float


@dataclass
class OwnWords(_Session):
    prompts: list[Prompt] = field(default_factory=list)
    index: int = 0
    last: tuple[str, Judged] | None = None  # the current line's answer and its verdict
    kept_id: int | None = None  # the current answer, kept for a debrief (its id, for undo)
    given: dict[str, str] = field(default_factory=dict)  # words of each answer -> line id

    @property
    def current(self) -> Prompt | None:
        return self.prompts[self.index] if self.index < len(self.prompts) else None

    def answer(self, text: str) -> Judged:
        p = self.current
        if p is None:
            raise IndexError("no line left to answer: start again")
        result = self.owner.classifier.classify(text, p.said, p.before)
        words = _same_words(text)
        # asking about suicide again on a later line is right: it is never a stock answer
        if words and not result.asks_safety and self.given.get(words, p.id) != p.id:
            result = replace(result, flags=(*result.flags, REPEATED))
        # a flag to check (the backstop's, unsure) does not count against the skill; a
        # safety question asked straight is right, though it names no skill
        good = (result.skill is not None or result.asks_safety) and not result.to_fix
        # not English: the rules named no skill, so nothing is known to count in Progress
        seconds, late = self._mark(result.skill, good, p.id, record=not result.unjudged)
        if words:
            self.given.setdefault(words, p.id)  # once the answer is taken
        models = model_answers(self.owner.guide, p.turn, result.skill, p.situation)
        judged = Judged(result, models, late, seconds)
        self.last = (text, judged)
        return judged

    def timeout(self) -> Judged:
        return self.answer("")

    def can_dispute(self) -> bool:
        """Can the officer say "I think this is fine"? Only about an answer given in time
        that the app flagged or named no skill for, and only once."""
        if self.last is None or self.disputed:
            return False
        text, j = self.last
        r = j.result
        if r.unjudged:  # no verdict to disagree with, only the guide's style flags
            return bool(text.strip()) and not j.late and bool(r.flags)
        return bool(text.strip()) and not j.late and (
            bool(r.flags) or not (r.skill or r.asks_safety)
        )

    def dispute(self) -> D.Dispute:
        """Keep the current answer and its verdict for an instructor's debrief. Raises
        RuntimeError when there is nothing to dispute, PracticeError when the disk refuses."""
        p = self.current
        if p is None or self.last is None or not self.can_dispute():
            raise RuntimeError("nothing to keep: answer a line the app flagged first")
        d = D.Dispute.of(self.owner.now(), p.id, p.said, self.last[0], self.last[1].result)
        self.kept_id = D.keep(self.owner.history, d)
        return d

    @property
    def disputed(self) -> bool:
        """The current answer was kept for a debrief."""
        return self.kept_id is not None

    def undo_dispute(self) -> None:
        """Take back the current answer's "I think this is fine" (a mis-tap). Raises
        PracticeError when the disk refuses; nothing to undo is no error."""
        if self.kept_id is not None:
            D.drop(self.owner.history, self.kept_id)
            self.kept_id = None

    def next(self) -> Prompt | None:
        self.index += 1
        self.last, self.kept_id = None, None
        self._start()
        return self.current


_GAP = re.compile(r"\[[^\]]*\]")  # "[what they told you]": a frame's gap to fill


def model_answers(
    guide: Guide, turn: Turn | None, skill: str | None, situation: str | None, n: int = 3
) -> tuple[str, ...]:
    """Up to `n` answers to learn from: the turn's Best and Acceptable answers, then the
    guide's Say phrases for the turn's best skill (or the skill the answer used). A phrase
    with a gap to fill ("So you've been dealing with [what they told you]...") is a frame
    for the street, not an answer to this line: it comes only when no whole one is left."""
    out: list[str] = []
    if turn is not None:
        out += [a.text for g in (BEST, ACCEPTABLE) for a in turn.answers if a.grade == g]
        best = next((a.skill for a in turn.answers if a.grade == BEST and a.skill), None)
        skill = best or skill
    if skill:
        said = phrases(guide, kind=SAY, skill=skill, situation=situation)
        out += sorted((p.text for p in said), key=lambda t: bool(_GAP.search(t)))
    return tuple(dict.fromkeys(out))[:n]
