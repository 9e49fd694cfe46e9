"""Which listening skill does a typed answer look like, and what is wrong with it?

`Classifier(style, skills).classify(answer, said=None) -> Result`. Rules only (the lists
in `app.practice.rules`, the instructors' style rules, the skills' own definitions): no
network, no model, fast enough for a phone. Mirroring and paraphrasing are judged against
`said`, what the person said; without it the classifier says it cannot be sure.
Confidence is a plain 0..1 score of how many cues agree, never more than the rules know,
and the feedback words it that way ("this looks like", "this may be").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.guide.model import Guide, Skill
from app.guide.style import StyleRules
from app.practice import rules as R
from app.practice.text import (
    clean,
    content,
    flip,
    in_order_share,
    sentences,
    starts,
    words,
)

NO_SAID = ("mirroring", "paraphrasing")  # skills judged against the person's words


@dataclass(frozen=True)
class Flag:
    code: str  # banned-word, rapport-killer, why-question, closed-question, promise, too-long
    message: str


@dataclass(frozen=True)
class Result:
    skill: str | None  # Skill.id, or None when no skill shows
    confidence: float  # 0..1
    flags: tuple[Flag, ...]
    feedback: str  # one to three plain sentences

    def to_dict(self) -> dict:
        return {
            "skill": self.skill,
            "confidence": self.confidence,
            "flags": [{"code": f.code, "message": f.message} for f in self.flags],
            "feedback": self.feedback,
        }


class Classifier:
    """The rules, with the style rules and skill definitions of one guide."""

    def __init__(self, style: StyleRules | None = None, skills: tuple[Skill, ...] = ()):
        self.style = style or StyleRules()
        self.skills = {s.id: s for s in skills}
        f = R.FEELINGS
        f = f"{f}|{R.FEELING_VERBS}"
        self._label = re.compile(rf"({'|'.join(R.LABEL_FRAMES)})\b.{{0,40}}?\b({f})\b")
        self._label_plain = re.compile(rf"({'|'.join(R.LABEL_PLAIN)})\b.{{0,25}}?\b({f})\b")
        self._i_open = re.compile(rf"({'|'.join(R.I_MESSAGE_OPEN)})\b")
        self._i_concern = re.compile(rf"\b({R.I_MESSAGE_CONCERN})\b")
        self._encourager = re.compile(rf"({R.ENCOURAGERS})")

    @classmethod
    def from_guide(cls, guide: Guide) -> Classifier:
        return cls(guide.style, guide.skills)

    # --- the one entry point ---

    def classify(self, answer: str, said: str | None = None) -> Result:
        full = clean(answer)
        text = full[: R.ANALYSE_CHARS]
        said_text = clean(said)[: R.ANALYSE_CHARS] or None
        if not words(text) and not text.strip(" -\u2013\u2014").count("."):
            return Result(None, 0.0, (), "Type or say what you would answer.")
        flags = self.flags(full, text)
        low = text.lower()
        scores = self._scores(low, said_text.lower() if said_text else None)
        codes = {f.code for f in flags}
        if "why-question" in codes:
            scores = {}  # a "why" question is an interrogation, whatever else it holds
        skill, conf = None, 0.0
        if scores:
            ranked = sorted(scores.items(), key=lambda kv: -kv[1])
            skill, conf = ranked[0]
            if len(ranked) > 1 and ranked[1][1] >= conf - 0.05:
                conf -= 0.15  # two skills fit about as well: say so
            if skill in NO_SAID and said_text is None:
                conf = min(conf, 0.5)
        conf = round(max(0.0, min(conf, 0.95)), 2)
        return Result(skill, conf, flags, self.feedback(skill, conf, flags, said_text))

    # --- skills ---

    def _scores(self, low: str, said: str | None) -> dict[str, float]:
        s: dict[str, float] = {}
        for name, fn in (
            ("effective-pauses", self._pause),
            ("minimal-encouragers", self._encourage),
            ("mirroring", lambda t: self._mirror(t, said)),
            ("i-messages", self._i_message),
            ("summarizing", self._summary),
            ("emotion-labeling", self._emotion),
            ("paraphrasing", lambda t: self._paraphrase(t, said)),
            ("open-ended-questions", self._open),
        ):
            got = fn(low)
            if got:
                s[name] = got
        return s

    def _pause(self, t: str) -> float:
        if re.fullmatch(r"[.\s\u2014\u2013-]*\.{2,}[.\s\u2014\u2013-]*", t):
            return 0.8
        m = re.fullmatch(r"[(\[*_]+([^()\[\]*_]*)[)\]*_]+\.?", t)
        if m and re.search(rf"\b({R.PAUSE_WORDS})", m.group(1)):
            return 0.9
        return 0.0

    def _encourage(self, t: str) -> float:
        pieces = [p for p in re.split(r"\s*(?:[.,!?;:]|\.\.\.)+\s*", t) if p]
        if pieces and len(pieces) <= 3 and all(self._encourager.fullmatch(p) for p in pieces):
            return 0.9
        return 0.0

    def _mirror(self, t: str, said: str | None) -> float:
        ans = words(t)
        if not ans or len(ans) > R.MIRROR_MAX_WORDS:
            return 0.0
        if said is None:
            first = ans[0]
            plain_q = t.endswith("?") and len(ans) <= 4
            if plain_q and not re.match(R.CLOSED_STARTS, t) and not starts(t, R.OPEN.starts):
                return 0.45 if first not in ("why", "where", "when", "who", "which") else 0.0
            return 0.0
        tail = flip(words(said))[-R.MIRROR_TAIL :]
        raw_tail = words(said)[-R.MIRROR_TAIL :]
        if not t.endswith("?"):
            return 0.0  # their words said back as a statement: a paraphrase at most
        share = max(in_order_share(ans, tail), in_order_share(ans, raw_tail))
        if share >= R.MIRROR_MIN_SHARE and content(ans):
            return 0.85
        theirs = content(tail) | content(raw_tail)
        if len(ans) <= R.MIRROR_MAX_WORDS - 1 and content(ans) and content(ans) <= theirs:
            return 0.7  # their words, in another order
        return 0.0

    def _i_message(self, t: str) -> float:
        best = 0.0
        for s in sentences(t):
            if not self._i_open.match(s) or not self._i_concern.search(s):
                continue
            joins = sum(bool(re.search(rf"\b{w}\b", s)) for w in ("when", "because"))
            best = max(best, (0.0, 0.75, 0.9)[joins])
        return best

    def _summary(self, t: str) -> float:
        n = len(words(t))
        framed = any(starts(s, R.SUMMARY.starts) for s in sentences(t))
        checked = any(re.search(p, t) for p in R.SUMMARY.anywhere)
        points = len([p for p in re.split(r"[,;.!?]|\band\b|\bthen\b|\bnow\b", t) if words(p)])
        if framed and n >= R.SUMMARY_MIN_WORDS and points >= R.SUMMARY_MIN_POINTS:
            return 0.85
        if framed and n >= R.SUMMARY_MIN_WORDS:
            return 0.65
        if checked and points >= R.SUMMARY_MIN_POINTS + 1 and n >= 14:
            return 0.85
        if points >= R.SUMMARY_MIN_POINTS + 2 and n >= 18:
            return 0.5
        return 0.0

    def _emotion(self, t: str) -> float:
        best = 0.0
        for s in sentences(t):
            if self._label.match(s):
                best = max(best, 0.85)
            elif self._label_plain.match(s) and not s.endswith("?"):
                best = max(best, 0.65)
        return best

    def _paraphrase(self, t: str, said: str | None) -> float:
        framed = any(starts(s, R.PARAPHRASE.starts) for s in sentences(t))
        ans = words(t)
        if said is None:
            return 0.55 if framed and len(ans) >= 4 else 0.0
        theirs = content(flip(words(said))) | content(words(said))
        mine = content(ans)
        share = len(mine & theirs) / len(mine) if mine else 0.0
        if framed:
            return 0.85 if share >= 0.2 else 0.5
        if share >= 0.4 and len(ans) >= 4 and not t.endswith("?"):
            return 0.6
        told = re.match(R.PARAPHRASE_YOU, t)
        if told and len(ans) >= 4 and not t.endswith("?"):
            return 0.5  # "You asked for help again and again": their story, told back
        return 0.0

    def _open(self, t: str) -> float:
        best = 0.0
        for s in sentences(t):
            request = re.match(r"(tell me|help me understand|walk me through|talk to me)", s)
            if starts(s, R.OPEN.starts) and (s.endswith("?") or request):
                best = max(best, 0.8)
            elif starts(s, R.OPEN_WEAK) and s.endswith("?"):
                best = max(best, 0.6)
        return best

    # --- flags ---

    def flags(self, full: str, text: str) -> tuple[Flag, ...]:
        out: list[Flag] = []
        for b in self.style.breaches(text):
            said = b.find(text) or b.expression
            out.append(Flag("banned-word", f"'{said}' is on the never-say list. {b.advice}"))
        low = text.lower()
        parts = sentences(low)
        for k in (*R.KILLERS, R.PROMISE):
            if any(re.search(p, s) for p in k.patterns for s in parts):
                out.append(Flag(k.code, k.why))
        if any(re.match(R.WHY, s) for s in parts):
            out.append(Flag("why-question", R.WHY_MESSAGE))
        elif self._closed(parts):
            out.append(Flag("closed-question", R.CLOSED_MESSAGE))
        n = self.style.word_count(full)
        if n > self.style.max_words:
            out.append(Flag("too-long", R.TOO_LONG_MESSAGE.format(n=n, most=self.style.max_words)))
        return tuple(dict.fromkeys(out))

    def _closed(self, parts: list[str]) -> bool:
        closed = False
        for s in parts:
            if not s.endswith("?"):
                continue
            if starts(s, R.OPEN.starts) or starts(s, R.OPEN_WEAK):
                return False  # they asked an open question too
            if (re.match(R.CLOSED_STARTS, s) or re.search(R.CLOSED_TAGS, s)) and not re.search(
                R.CLOSED_OK, s
            ):
                closed = True
        return closed

    # --- words for the officer ---

    def title(self, skill: str) -> str:
        """How the feedback names it: "a paraphrase", "an I-message"."""
        if skill in R.SAID_AS:
            return R.SAID_AS[skill]
        s = self.skills.get(skill)
        return (s.title if s else skill.replace("-", " ")).lower()

    def feedback(
        self, skill: str | None, conf: float, flags: tuple[Flag, ...], said: str | None
    ) -> str:
        parts: list[str] = []
        if skill is None:
            parts.append("This doesn't look like one of the listening skills.")
        else:
            name = self.title(skill)
            if conf >= 0.75:
                parts.append(f"This looks like {name}.")
            elif conf >= 0.5:
                parts.append(f"This may be {name}.")
            else:
                parts.append(f"This might be {name}, but I can't tell for sure.")
            if skill in NO_SAID and said is None:
                parts.append("Without their words I can't check it against what they said.")
            elif skill in self.skills and self.skills[skill].description:
                parts.append(_first_sentence(self.skills[skill].description))
        if flags:
            parts.append(flags[0].message)
        elif skill is None:
            parts.append("Try naming the feeling you hear, or ask what happened.")
        return " ".join(parts)


def _first_sentence(text: str) -> str:
    first = re.split(r"(?<=[.!?])\s+", text.strip(), maxsplit=1)[0]
    return first if first.endswith((".", "!", "?")) else first + "."


_DEFAULT: list[Classifier] = []


def classify(answer: str, said: str | None = None, classifier: Classifier | None = None) -> Result:
    """Classify with `classifier`, or with the rules alone (no style rules, no definitions)."""
    if classifier is None:
        if not _DEFAULT:
            _DEFAULT.append(Classifier())
        classifier = _DEFAULT[0]
    return classifier.classify(answer, said)


__all__ = ["Classifier", "Flag", "Result", "classify", "clean"]
