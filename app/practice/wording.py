"""What `practice classify` tells the officer, in words no surer than the rules are: "this
looks like" (sure), "this may be", "this might be ..., but I can't tell for sure"; the
skill's own first sentence from the guide; then the first problem found, or what to try.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from app.guide.model import Skill
from app.practice import rules as R

NO_SAID = ("mirroring", "paraphrasing")  # skills judged against the person's words


def title(skills: Mapping[str, Skill], skill: str) -> str:
    """How the feedback names it: "a paraphrase", "an I-message"."""
    if skill in R.SAID_AS:
        return R.SAID_AS[skill]
    s = skills.get(skill)
    return (s.title if s else skill.replace("-", " ")).lower()


def feedback(skills: Mapping[str, Skill], skill: str | None, conf: float, flags: tuple,
             said: str | None, asked: str | None = None) -> str:
    """A few plain sentences for a `Result`; `flags` are its `Flag`s. `asked`: what to say
    of a safety question asked straight, when no skill shows."""
    if asked:
        return asked
    parts: list[str] = []
    if flags and flags[0].hedged:
        parts.append(flags[0].message)  # the warning first; what it tried is the fix
    if skill is None:
        parts.append("This doesn't look like one of the listening skills.")
    elif conf <= 0.3 and any(f.code == "closed-question" for f in flags):
        parts.append(f"This looks like an attempt at {title(skills, skill)}.")
    else:
        name = title(skills, skill)
        if conf >= 0.75:
            parts.append(f"This looks like {name}.")
        elif conf >= 0.5:
            parts.append(f"This may be {name}.")
        else:
            parts.append(f"This might be {name}, but I can't tell for sure.")
        if skill in NO_SAID and said is None:
            parts.append("Without their words I can't check it against what they said.")
        elif skill in skills and skills[skill].description:
            parts.append(first_sentence(skills[skill].description))
    if flags and not flags[0].hedged:
        parts.append(flags[0].message)
    elif skill is None:
        parts.append("Try naming the feeling you hear, or ask what happened.")
    return " ".join(parts)


def first_sentence(text: str) -> str:
    first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
    return first if first.endswith((".", "!", "?")) else first + "."
