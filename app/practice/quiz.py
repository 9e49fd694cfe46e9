"""The "name the skill" drill: questions drawn from the guide's own phrases, no authoring.

A Say phrase asks "Which skill is this?" with four skills to choose from; an Avoid phrase
asks "What is wrong with this?" with four Avoid groups ("Promises", "Orders", ...). The
feedback gives the skill's definition and another example of it, or the Avoid phrase's
why and what to say instead. Pure: the caller passes a `random.Random` for the order.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.guide.model import AVOID, SAY, Guide, Phrase, Skill
from app.guide.query import phrases

CHOICES = 4
ASK = {SAY: "Which skill is this?", AVOID: "What is wrong with this?"}


@dataclass(frozen=True)
class Choice:
    id: str  # a skill id (Say) or an Avoid group name (Avoid)
    label: str  # what the button says


@dataclass(frozen=True)
class Question:
    id: str  # the phrase's id: what history stores
    kind: str  # SAY or AVOID
    ask: str  # "Which skill is this?" / "What is wrong with this?"
    text: str  # the phrase, as the guide writes it (slots in [brackets])
    choices: tuple[Choice, ...]  # four, in the order to show them
    answer: str  # the id of the right choice
    skill: str | None  # the phrase's skill (Say); None for Avoid
    stage: int  # the phrase's stage (1..5)


@dataclass(frozen=True)
class Feedback:
    right: bool
    answer: Choice  # the right choice
    definition: str  # Say: the skill's definition
    example: str  # Say: another example of the skill ("" if the guide has none)
    why: str  # Avoid: why it hurts
    instead: str  # Avoid: what to say instead
    late: bool = False  # timed mode: answered after the limit (so not right)
    seconds: float = 0.0  # time to answer


def _skills(guide: Guide) -> dict[str, Skill]:
    return {s.id: s for s in guide.skills}


def candidates(guide: Guide, situation: str | None = None) -> list[Phrase]:
    """Phrases that make a fair question: a Say phrase with a known skill, or an Avoid
    phrase with a group, why and instead; one per text; fit for the situation."""
    skills = _skills(guide)
    groups = {p.group for p in phrases(guide, kind=AVOID) if p.group}
    seen: set[str] = set()
    out = []
    for p in phrases(guide, situation=situation):
        if situation is not None and situation in p.not_situations:
            continue
        if p.text.lower() in seen:
            continue
        if p.kind == SAY and p.skill in skills and len(skills) >= CHOICES:
            out.append(p)
        elif p.kind == AVOID and p.group and p.why and p.instead and len(groups) >= CHOICES:
            out.append(p)
        else:
            continue
        seen.add(p.text.lower())
    return out


def make_questions(
    guide: Guide,
    rng: random.Random,
    n: int = 10,
    situation: str | None = None,
    skill: str | None = None,
    avoid_share: float = 0.25,
) -> list[Question]:
    """Up to `n` questions. About `avoid_share` of them are Avoid questions when there are
    enough. `skill` (drill the weakest): about half are Say phrases of that skill, the rest
    Say phrases of other skills. With that skill alone, the same button was right every
    time: full marks without telling one skill from another."""
    pool = candidates(guide, situation)
    if skill is not None:
        focus = [p for p in pool if p.kind == SAY and p.skill == skill]
        others = [p for p in pool if p.kind == SAY and p.skill != skill]
        n_focus = min(len(focus), max(n - len(others), (n + 1) // 2))
        picked = rng.sample(focus, n_focus) + _spread(others, n - n_focus, rng)
        rng.shuffle(picked)
        return [question(guide, p, rng) for p in picked]
    say = [p for p in pool if p.kind == SAY]
    avoid = [p for p in pool if p.kind == AVOID]
    n_avoid = min(len(avoid), round(n * avoid_share)) if say else min(len(avoid), n)
    picked = rng.sample(avoid, n_avoid) + rng.sample(say, min(len(say), n - n_avoid))
    rng.shuffle(picked)
    return [question(guide, p, rng) for p in picked]


def _spread(found: list[Phrase], n: int, rng: random.Random) -> list[Phrase]:
    """Up to `n` of `found`, one skill after another: drawn at random from the pool, five
    "other" questions were all open-ended questions (the guide's largest skill)."""
    by_skill: dict[str | None, list[Phrase]] = {}
    for p in rng.sample(found, len(found)):
        by_skill.setdefault(p.skill, []).append(p)
    queues = [by_skill[k] for k in rng.sample(sorted(by_skill, key=str), len(by_skill))]
    out: list[Phrase] = []
    while len(out) < n and any(queues):
        for q in queues:
            if q and len(out) < n:
                out.append(q.pop())
    return out


def question(guide: Guide, p: Phrase, rng: random.Random) -> Question:
    if p.kind == SAY:
        skills = _skills(guide)
        others = rng.sample(sorted(s for s in skills if s != p.skill), CHOICES - 1)
        choices = [Choice(s, skills[s].title) for s in [p.skill, *others]]
        right = p.skill
    else:
        groups = sorted({q.group for q in phrases(guide, kind=AVOID) if q.group} - {p.group})
        choices = [Choice(g, g) for g in [p.group, *rng.sample(groups, CHOICES - 1)]]
        right = p.group
    rng.shuffle(choices)
    return Question(p.id, p.kind, ASK[p.kind], p.text, tuple(choices), right, p.skill, p.stage)


def feedback(guide: Guide, q: Question, choice_id: str | None) -> Feedback:
    """Right or wrong (None: no answer in time), with what to learn from it."""
    answer = next(c for c in q.choices if c.id == q.answer)
    right = choice_id == q.answer
    if q.kind == SAY:
        skill = _skills(guide).get(q.answer)
        definition = skill.description if skill else ""
        examples = [e for e in (skill.examples if skill else ()) if e != q.text]
        return Feedback(right, answer, definition, examples[0] if examples else "", "", "")
    p = next((p for p in phrases(guide, kind=AVOID) if p.id == q.id), None)
    return Feedback(right, answer, "", "", p.why if p else "", p.instead if p else "")
