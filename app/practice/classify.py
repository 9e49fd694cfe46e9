"""Which listening skill does a typed answer look like, and what is wrong with it?

`Classifier(style, skills).classify(answer, said=None) -> Result`. Rules first: the lists in
`app.practice.rules` (skills, scored by `app.practice.scores`), `app.practice.killers`,
`app.practice.dismissals` and `app.practice.problems` (flags, applied here), the
instructors' style rules and the skills' own definitions; `app.practice.safety` says when
a question asked straight is right and when their words call for asking about suicide.
When the rules find nothing, `app.practice.backstop` (word weights learned from labelled
answers, shipped with the app) may still say an answer reads like a rapport killer. No
network, no download, fast enough for a phone. Mirroring and paraphrasing are judged
against `said`, what the person said; without it the classifier says it cannot be sure.
Confidence is a plain 0..1 score of how many cues agree, never more than the rules know,
and the feedback (`app.practice.wording`) words it that way ("this looks like", "this may be").

The rules read English. For a guide in another language (`language`), only the guide's own
style rules run (its never-say list and its longest phrase, written in that language), no
skill is named, and the Result says so (`unjudged`): the officer compares the answer with
the model answers. What it says there is a `Said` (app/said.py), shown in that language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from app.guide.model import Guide, Skill
from app.guide.style import StyleRules
from app.practice import arguing as A
from app.practice import dismissals as D
from app.practice import killers as K
from app.practice import officer as O
from app.practice import problems as P
from app.practice import rules as R
from app.practice import safety as SF
from app.practice import speech as S
from app.practice import wording as W
from app.practice.backstop import WHY as LIKELY_WHY
from app.practice.backstop import Backstop
from app.practice.quote import as_typed
from app.practice.scores import Scorer
from app.practice.text import clean, flip, hides_spaces, mostly_not_latin, sentences, starts, words
from app.practice.texting import texting
from app.said import Said

ATTEMPT = "open-ended-questions"  # what a closed question tried to be
LISTENING_SURE = 0.6  # talking at them counts unless a skill shows at least this clearly
_FEELING = re.compile(rf"\b({R.FEELINGS})\b")


@dataclass(frozen=True)
class Flag:
    code: str  # banned-word, rapport-killer, why-question, closed-question, promise, too-long
    message: str
    hedged: bool = False  # the backstop's: worded like a killer, no rule says which; to check


@dataclass(frozen=True)
class Result:
    skill: str | None  # Skill.id, or None when no skill shows
    confidence: float  # 0..1
    flags: tuple[Flag, ...]
    feedback: str  # a few plain sentences
    asks_safety: bool = False  # no skill, but a safety question asked straight: right here
    reminder: str = ""  # their words may point to suicide, and the answer doesn't ask: ask
    unjudged: bool = False  # not English: only the guide's style rules ran, no skill named

    @property
    def to_fix(self) -> tuple[Flag, ...]:
        """The flags a rule is sure of; the rest (the backstop's, hedged) are to check."""
        return tuple(f for f in self.flags if not f.hedged)

    def to_dict(self) -> dict:
        return {
            "skill": self.skill,
            "confidence": self.confidence,
            "flags": [{"code": f.code, "message": f.message, "hedged": f.hedged}
                      for f in self.flags],
            "feedback": " ".join(filter(None, (self.feedback, self.reminder))),
        }


class Classifier:
    """The rules, with the style rules and skill definitions of one guide."""

    def __init__(
        self,
        style: StyleRules | None = None,
        skills: tuple[Skill, ...] = (),
        backstop: Backstop | None | bool = True,
        language: str = "en",
    ):
        """`backstop`: True for the shipped one (rules only when it is unusable), False or
        None for the rules alone, or a `Backstop`. `language`: the guide's (a pack's);
        the rules read English only."""
        self.english = language.lower().split("-")[0] == "en"
        self.style = style or StyleRules()
        self.skills = {s.id: s for s in skills}
        self._scorer = Scorer()
        self.backstop = Backstop.shipped() if backstop is True else (backstop or None)

    @classmethod
    def from_guide(cls, guide: Guide, language: str = "en") -> Classifier:
        return cls(guide.style, guide.skills, language=language)

    # --- the one entry point ---

    def classify(self, answer: str, said: str | None = None, before: str = "") -> Result:
        """`said`: their line; `before`: what the officer said to them just before it (a
        scenario's best answer): when it asked about suicide, their line is the reply."""
        full = clean(answer)
        text = texting(full[: R.ANALYSE_CHARS])
        # a zero-width space or a NUL inside a word ("c\u200balm down") is read as nothing too
        joined = texting(clean(answer, "")[: R.ANALYSE_CHARS]) if hides_spaces(answer) else ""
        said_text = read(said) or None
        asked = SF.asks_about_suicide(sentences((read(before) or "").lower()))
        if not words(text) and not text.strip(" -\u2013\u2014").count("."):
            return Result(None, 0.0, (), Said("said_words_type"),
                          reminder=SF.reminder((said_text or "").lower(), [], asked)
                          if self.english else "", unjudged=not self.english)
        if not self.english:  # as typed: `texting` spells out English ("u" -> "you")
            flags = self.style_flags(full, full[: R.ANALYSE_CHARS], joined)
            return Result(None, 0.0, flags, Said("said_words_compare"), unjudged=True)
        if mostly_not_latin(text):  # another script: "no skill" would be a false verdict
            flags = self.style_flags(full, full[: R.ANALYSE_CHARS], joined)
            said = "said_words_not_english_checked" if flags else "said_words_not_english"
            return Result(None, 0.0, flags, Said(said), unjudged=True)
        low = text.lower()
        scores = self._scorer.scores(low, said_text.lower() if said_text else None)
        mirrored = said_text is not None and scores.get("mirroring", 0.0) >= 0.7
        flags = self.flags(full, text, mirrored, said_text, joined)
        codes = {f.code for f in flags}
        if "why-question" in codes or P.names_why(flags):
            scores = {}  # a "why" question is an interrogation, whatever else it holds
        skill, conf = None, 0.0
        if scores:
            ranked = sorted(scores.items(), key=lambda kv: -kv[1])
            skill, conf = ranked[0]
            if len(ranked) > 1 and ranked[1][1] >= conf - 0.05:
                conf -= 0.15  # two skills fit about as well: say so
            if skill in W.NO_SAID and said_text is None:  # judged against their words
                conf = min(conf, 0.5)
        if (
            skill is None
            and codes <= {"closed-question", "too-long"}
            and "closed-question" in codes
        ):
            # a closed question still shows what they tried: to name a feeling, or to ask
            skill, conf = ATTEMPT, 0.3
            if _FEELING.search(low):
                skill = "emotion-labeling"
        if skill is not None and conf < LISTENING_SURE and "rapport-killer" in codes:
            # a sure killer with no clear skill ("You stop that right now."): name none, or
            # the drill counts it as a paraphrase gone wrong and sends them to drill that
            skill, conf = None, 0.0
        if (skill is None or conf < LISTENING_SURE) and not flags and (why := O.talking_at(low)):
            flags = (Flag("rapport-killer", why),)
        if (
            not flags
            and self.backstop is not None
            and not SF.asks_straight(sentences(low), P.CLOSED_OK)  # never over asking about suicide
            and self.backstop.likely(low, said_text.lower() if said_text else "")
        ):
            flags = (Flag("rapport-killer", LIKELY_WHY, hedged=True),)
        conf = round(max(0.0, min(conf, 0.95)), 2)
        parts = sentences(low)
        # a safety question asked straight, when no skill shows and nothing is to fix
        safety = SF.asked(parts, low) if skill is None and not flags and SF.asks_straight(
            parts) else None
        return Result(
            skill, conf, flags, self.feedback(skill, conf, flags, said_text, safety),
            asks_safety=safety is not None,
            reminder=SF.reminder((said_text or "").lower(), parts, asked),
        )

    # --- flags ---

    def flags(
        self, full: str, text: str, mirrored: bool = False, said: str | None = None,
        joined: str = "",
    ) -> tuple[Flag, ...]:
        """`mirrored`: the answer hands their own last words back as a question; `said`:
        what they said, when known; `joined`: the line with the invisible marks that may
        stand for a space taken out (`text.hides_spaces`), or "". The rules read both
        readings and a flag found in either counts: "cal\u200bm down" is "calm down" to
        whoever reads it, and "calm\x00down" too."""
        style = self.style_flags(full, text, joined)
        out: list[Flag] = [f for f in style if f.code == "banned-word"]
        for reading in (text, joined) if joined and joined != text else (text,):
            out += self._rule_flags(reading, mirrored, said, out)
        out += [f for f in style if f.code == "too-long"]
        return tuple(dict.fromkeys(out))

    def _rule_flags(
        self, text: str, mirrored: bool, said: str | None, before: list[Flag],
    ) -> list[Flag]:
        """The rules' own flags for one reading of the line; `before`: the flags already
        raised (a "why" the never-say list named is not flagged again)."""
        out: list[Flag] = []
        low = text.lower()
        # stage directions are not said aloud: "(pause... let it sit)"
        parts = sentences(re.sub(r"\([^()]*\)|\[[^\[\]]*\]", " ", low).strip())
        theirs = ""  # what they said, as typed and turned round ("my" -> "your")
        if said and any(re.match(S.THEIRS, S.opened(s)) for s in parts):
            theirs = f"{said.lower()} | {' '.join(flip(words(said)))}"
        # each sentence, and again without its opening words ("Okay love, sit down."), and
        # each clause after the first the same way ("I hear you, but keep it down.")
        read = parts + [o for o in map(S.opened, parts) if o not in parts]
        read += [
            S.opened(c)
            for s in parts
            if s[:1] not in "([*_" and not re.match(S.REPORTING, S.opened(s))
            for c in S.clauses(s)[1:]
        ]
        # their story told back as a list, then checked ("..., put your bags out, and kept
        # the deposit. Right?"): an order is looked for only where each sentence starts
        starts = read
        if len(parts) > 1 and re.match(S.CHECK_BACK, parts[-1]):
            firsts = [S.clauses(s)[0] if " but " not in s else s for s in parts]
            starts = firsts + [S.opened(f) for f in firsts]
        for k in (*K.KILLERS, P.PROMISE):
            if mirrored and k.mirror_ok:
                continue
            looked = starts if k.starts_in_summary else read
            if any(_said_by_officer(p, s, theirs) for p in k.patterns for s in looked):
                out.append(Flag(k.code, k.why))
        if not re.search(D.FAITH, (said or "").lower()) and any(
            re.search(D.FAITH, re.sub(D.FAITH_EXCLAIMED, " ", s))
            for s in parts
            if not s.endswith("?")
        ):
            out.append(Flag("rapport-killer", D.FAITH_WHY))
        if any(re.match(P.WHY, s) for s in parts):
            if not P.names_why(before + out):  # else the never-say list said it
                out.append(Flag("why-question", P.WHY_MESSAGE))
        elif not mirrored and self._closed(parts):  # a mirror hands back their words
            out.append(Flag("closed-question", P.CLOSED_MESSAGE))
        return out

    def style_flags(self, full: str, text: str, joined: str = "") -> tuple[Flag, ...]:
        """The guide's own writing rules, in its own language: its never-say list (read in
        `text`, and in `joined`, the line with its invisible marks that may be spaces taken
        out, when it has any) and its longest phrase (counted in `full`). Caught words are
        quoted as typed."""
        out = []
        hidden = [b for b in self.style.breaches(joined) if b.find(text) is None]
        for b in self.style.breaches(text) + tuple(hidden):
            at = None if b in hidden else b.span(text)  # hidden: quoted as the list reads it
            said = as_typed(full[: R.ANALYSE_CHARS], text, at) if at else b.find(joined)
            out.append(Flag("banned-word", Said("said_flag_banned", said=said, advice=b.advice)))
        n = self.style.word_count(full)
        if n > self.style.max_words:
            out.append(Flag("too-long", Said("said_flag_too_long", n=n, most=self.style.max_words)))
        return tuple(out)

    def _closed(self, parts: list[str]) -> bool:
        closed = False
        for s in parts:
            if not s.endswith("?") or any(re.search(p, s) for p in A.DOUBTING):
                continue  # doubting them is flagged as that: "You won't do it, will you?"
            if starts(s, R.OPEN.starts) or starts(s, R.OPEN_WEAK):
                return False  # they asked an open question too
            tagged = re.search(P.CLOSED_TAGS, s)
            if tagged and _FEELING.search(s[: tagged.start()]):
                continue  # a label with a check on the end: "You're gutted, aren't you?"
            if len(parts) > 1 and re.search(S.AFTER_A_SUMMARY, s):
                continue  # "..., and now us. Is that how it feels?"
            if (re.match(P.CLOSED_STARTS, s) or tagged) and not re.search(P.CLOSED_OK, s):
                closed = True
        return closed

    # --- words for the officer (app.practice.wording) ---

    def title(self, skill: str) -> str:
        return W.title(self.skills, skill)

    def feedback(self, skill: str | None, conf: float, flags: tuple[Flag, ...],
                 said: str | None, asked: str | None = None) -> str:
        return W.feedback(self.skills, skill, conf, flags, said, asked)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """The killers' patterns, compiled once: there are more of them than `re` keeps (512),
    and each answer reads them all, so through `re.search` each would be compiled again
    for every answer (15 times slower)."""
    return re.compile(pattern)


def _said_by_officer(pattern: str, sentence: str, theirs: str) -> bool:
    """The pattern is in the sentence, and not as their own words told back to them."""
    m = _compiled(pattern).search(sentence)
    return bool(m) and not (theirs and len(m.group(0).strip()) > 3 and m.group(0) in theirs)


def read(text: str | None) -> str:
    """What the rules read of a typed line: cleaned, its first `rules.ANALYSE_CHARS`
    characters, texting spelled out. The backstop is trained on the same reading."""
    return texting(clean(text)[: R.ANALYSE_CHARS])


_DEFAULT: list[Classifier] = []


def classify(answer: str, said: str | None = None, classifier: Classifier | None = None) -> Result:
    """Classify with `classifier`, or with the rules alone (no style rules, no definitions)."""
    if classifier is None:
        if not _DEFAULT:
            _DEFAULT.append(Classifier())
        classifier = _DEFAULT[0]
    return classifier.classify(answer, said)


__all__ = ["Classifier", "Flag", "Result", "classify", "clean", "read"]
