"""`Practice`: the one object the Practice and Progress screens talk to. No flet.

    practice = Practice(guide, PracticeHistory(data_dir))
    quiz = practice.start_quiz(timed=True)         # name the skill
    walk = practice.start_walk("practice-bridge")  # scenario walk
    words = practice.start_own_words()             # your own words
    practice.progress()                            # bars for 7 and 30 days, the weakest skill,
                                                   # answers kept for a debrief
    practice.erase_history()                       # Settings, after its confirmation

The sessions it returns (app.practice.sessions) time every answer and write history.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from app.guide.blocks import slug
from app.guide.model import BEST, Guide, Scenario, Turn
from app.practice import disputes as D
from app.practice import quiz as Q
from app.practice.attempt import Score
from app.practice.classify import Classifier
from app.practice.history import PracticeHistory
from app.practice.sessions import TIME_LIMIT, OwnWords, Prompt, Quiz, Timing, WalkSession
from app.practice.walk import Walk

__all__ = ["TIME_LIMIT", "Bar", "Practice", "Progress", "Timing"]


@dataclass(frozen=True)
class Bar:
    skill: str
    title: str
    right: int
    total: int

    @property
    def ratio(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass(frozen=True)
class Progress:
    week: tuple[Bar, ...]  # every skill of the guide, in its order (total 0: not practised)
    month: tuple[Bar, ...]
    weakest: Bar | None  # lowest 30-day accuracy among skills practised 3 times or more
    kept: tuple[D.Dispute, ...] = ()  # "I think this is fine": answers for a debrief


@dataclass
class Practice:
    guide: Guide
    history: PracticeHistory
    classifier: Classifier | None = None
    language: str = "en"  # the guide's (a pack's): the classifier's rules read English only
    clock: Callable[[], float] = time.monotonic
    now: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731
    rng: random.Random = field(default_factory=random.Random)

    def __post_init__(self) -> None:
        if self.classifier is None:
            self.classifier = Classifier.from_guide(self.guide, self.language)

    @property
    def warnings(self) -> list[str]:
        return self.history.warnings

    @staticmethod
    def timing(timed: bool) -> Timing:
        return Timing(TIME_LIMIT if timed else None)

    def start_quiz(
        self, n: int = 10, situation: str | None = None, skill: str | None = None, timed=False
    ) -> Quiz:
        questions = Q.make_questions(self.guide, self.rng, n, situation, skill)
        s = Quiz("name-skill", self.timing(timed), self, questions=questions)
        s._start()
        return s

    def scenarios(self, situation: str | None = None) -> tuple[Scenario, ...]:
        return tuple(s for s in self.guide.practice if situation in (None, s.situation))

    def scenario(self, scenario_id: str) -> Scenario | None:
        """The scenario with this id, or None (not in the guide, or it failed the check)."""
        return next((s for s in self.guide.practice if s.id == scenario_id), None)

    def start_walk(self, scenario_id: str, timed: bool = False) -> WalkSession:
        scenario = self.scenario(scenario_id)
        if scenario is None:
            raise KeyError(f"no practice scenario '{scenario_id}': it may have failed the check")
        s = WalkSession("scenario", self.timing(timed), self, walk=Walk(scenario, self.rng))
        s._start()
        # timed: the scene is read before the clock runs (10 s cannot hold it and line 1)
        s.held = timed and bool(scenario.summary)
        return s

    def prompts(self, situation: str | None = None) -> list[Prompt]:
        return [
            Prompt(f"{s.id}/{slug(t.line)[:60]}", s.id, s.situation, t.line, t.note, t,
                   _best(s.turns[i - 1]) if i else "")
            for s in self.scenarios(situation)
            for i, t in enumerate(s.turns)
        ]

    def start_own_words(self, n: int = 5, situation: str | None = None, timed=False) -> OwnWords:
        pool = self.prompts(situation)
        picked = self.rng.sample(pool, min(n, len(pool)))
        s = OwnWords("own-words", self.timing(timed), self, prompts=picked)
        s._start()
        return s

    def progress(self, now: datetime | None = None) -> Progress:
        now = now or self.now()
        week, month = self.history.accuracy(7, now), self.history.accuracy(30, now)
        weakest = self.history.weakest(30, now)
        return Progress(self._bars(week), self._bars(month), self._bar(weakest),
                        tuple(D.kept(self.history)))

    def erase_history(self) -> int:
        """Erase every practice result (the Settings button, after its confirmation)."""
        return self.history.erase()

    def _bars(self, scores: dict[str, Score]) -> tuple[Bar, ...]:
        known = [s.id for s in self.guide.skills]
        ids = known + sorted(set(scores) - set(known))  # a skill since renamed still shows
        return tuple(self._bar(scores.get(i) or Score(i, 0, 0)) for i in ids)

    def _bar(self, score: Score | None) -> Bar | None:
        if score is None:
            return None
        titles = {s.id: s.title for s in self.guide.skills}
        return Bar(score.skill, titles.get(score.skill, score.skill), score.right, score.total)


def _best(turn: Turn) -> str:
    """A turn's best answer: in Your own words, what the person's next line replies to."""
    return next((a.text for a in turn.answers if a.grade == BEST), "")
