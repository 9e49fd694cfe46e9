"""The scenario walk: a stairway meter that climbs on good answers and drops a stage on a
harmful one, and the end summary (stage reached, what to review).

Pure state, no clock and no storage: the caller (app.practice.drills) times the answers
and writes history. A perfect walk reaches stage 5 on its last turn: a best answer climbs
4/N stages for a scenario of N turns, an acceptable one half that, a harmful one drops to
the start of the stage below; a turn left unanswered in timed mode leaves the meter alone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from app.guide.model import ACCEPTABLE, BEST, HARMFUL, Answer, Guide, Scenario, Turn

TOP = 5  # stages on the stairway
CLIMB = {BEST: 1.0, ACCEPTABLE: 0.5}  # share of a full step


@dataclass(frozen=True)
class Pick:
    """One turn played: what was chosen (None: time ran out) and what it did."""

    turn: int  # 0-based
    answer: Answer | None
    best: Answer  # the turn's first Best answer, shown after the pick
    stage_before: int
    stage_after: int

    @property
    def grade(self) -> str | None:
        return self.answer.grade if self.answer else None


@dataclass(frozen=True)
class Review:
    """Something to look at again, with the ids the skill and stage screens open."""

    skill: str | None  # Skill.id of the best answer (None: a safety question, no skill)
    skill_title: str
    stage: str  # Stage.id where it happened ("" when the guide has no such stage)
    stage_title: str
    line: str  # what the person said
    best: str  # the best answer's text
    why: str  # why it was best
    chosen: str = ""  # the officer's answer ("" when time ran out)
    grade: str | None = None  # its grade (None when time ran out)


@dataclass(frozen=True)
class Summary:
    stage: int  # stage reached, 1..5
    stage_id: str
    stage_title: str
    best: int
    acceptable: int
    harmful: int
    missed: int  # unanswered in time
    review: tuple[Review, ...]  # one per skill (or per line when it has no skill)


@dataclass
class Walk:
    scenario: Scenario
    rng: random.Random = field(default_factory=random.Random)
    position: float = 1.0  # the meter, 1.0 .. 5.0
    picks: list[Pick] = field(default_factory=list)

    def __post_init__(self) -> None:
        # the order answers are shown in: shuffled once per turn, so "Best" is not always first
        self.orders = [self.rng.sample(t.answers, len(t.answers)) for t in self.scenario.turns]

    @property
    def done(self) -> bool:
        return len(self.picks) >= len(self.scenario.turns)

    @property
    def index(self) -> int:
        return len(self.picks)

    @property
    def turn(self) -> Turn | None:
        return None if self.done else self.scenario.turns[self.index]

    @property
    def answers(self) -> tuple[Answer, ...]:
        """The current turn's answers in the order to show them."""
        return () if self.done else tuple(self.orders[self.index])

    @property
    def stage(self) -> int:
        return max(1, min(TOP, int(round(self.position, 9))))  # 9 x 4/9 is 4, not 3.99..

    def choose(self, index: int | None) -> Pick:
        """Play the current turn: `index` into `answers`, or None when time ran out."""
        if self.done:
            raise IndexError("the scenario is over: start it again to play once more")
        turn = self.scenario.turns[self.index]
        answer = None if index is None else self.answers[index]
        before = self.stage
        if answer is not None and answer.grade == HARMFUL:
            self.position = float(max(1, before - 1))
        elif answer is not None:
            step = (TOP - 1) / len(self.scenario.turns)
            self.position = min(float(TOP), self.position + step * CLIMB[answer.grade])
        best = next(a for a in turn.answers if a.grade == BEST)
        pick = Pick(self.index, answer, best, before, self.stage)
        self.picks.append(pick)
        return pick

    def summary(self, guide: Guide) -> Summary:
        stages = {s.order: s for s in guide.stages}
        skills = {s.id: s.title for s in guide.skills}
        review: dict[str, Review] = {}
        for p in self.picks:
            if p.grade == BEST:
                continue
            key = p.best.skill or f"line-{p.turn}"
            if key in review:
                continue
            st = stages.get(p.stage_before)
            review[key] = Review(
                p.best.skill,
                skills.get(p.best.skill or "", ""),
                st.id if st else "",
                st.title if st else "",
                self.scenario.turns[p.turn].line,
                p.best.text,
                p.best.why,
                p.answer.text if p.answer else "",
                p.grade,
            )
        reached = stages.get(self.stage)
        grades = [p.grade for p in self.picks]
        return Summary(
            self.stage,
            reached.id if reached else "",
            reached.title if reached else "",
            grades.count(BEST),
            grades.count(ACCEPTABLE),
            grades.count(HARMFUL),
            grades.count(None),
            tuple(review.values()),
        )
