"""How much a typed answer looks like each listening skill: one 0..1 score per skill.

`Scorer().scores(answer, said)` applies the cues of `app.practice.rules` (one block per
skill, like content/skills/active-listening.md) to the lower-case answer. Mirroring and
paraphrasing are judged against `said`, what the person said, when it is given.
`app.practice.classify` picks the best score, says how sure it is, and adds the flags.
"""

from __future__ import annotations

import re

from app.practice import problems as P
from app.practice import rules as R
from app.practice import speech as S
from app.practice.text import (
    content,
    flip,
    in_order_share,
    sentences,
    starts,
    unmatched,
    words,
)

# "You sound X", "She seems X": a word after it that is not "like"/"as if" is how they feel.
R_SOUND = re.compile(
    r"(you|she|he|they) (sound|seem)s? ((so|really|pretty|a bit|a little|kind of|kinda|quite|"
    r"very|real|totally|absolutely) )?(?!like\b|as\b|to\b|that\b)[a-z][a-z'-]+\b"
)

# "Sounds like you're worn right down.": a state the lists don't know, said of them
R_SOUNDS_LIKE = re.compile(
    r"(it )?sounds like (you'?re|you are) ((so|really|pretty|a bit|a little|kind of|kinda|"
    r"quite|very|real|totally|just|absolutely) )?(?!(going|gonna|trying|saying|telling|asking|"
    r"thinking|talking|getting|doing|not|in|at|on|the|a|an|still|being)\b)[a-z][a-z'-]+\b"
)

# A word a mirror may not add or swap in: it turns their words into a request ("Can't you
# come down?"), a comment ("Really won't come down?") or their opposite ("not")
_NOT_CHANGED = frozenset(
    "you your yours you're you've you'll you'd ya ye just please now then really seriously "
    "honestly actually again still so not why".split()
)
_ASKS_THEM = r"(\w+n't|will|would|can|could|do|does|did|are|is|have|has|won't) (you|ya|ye)\b"
# "mate" on its own, or at the end of a piece: "keep going mate"
_CALLED_AFTER = re.compile(rf"(^| )({S.CALLED})$")


class Scorer:
    """The skill cues of rules.py, compiled once."""

    def __init__(self) -> None:
        f = R.FEELINGS
        f = f"{f}|{R.FEELING_VERBS}"
        self._label = re.compile(rf"({'|'.join(R.LABEL_FRAMES)})\b.{{0,40}}?\b({f})\b")
        self._label_plain = re.compile(rf"({'|'.join(R.LABEL_PLAIN)})\b.{{0,25}}?\b({f})\b")
        self._i_open = re.compile(rf"({'|'.join(R.I_MESSAGE_OPEN)})\b")
        self._i_concern = re.compile(rf"\b({R.I_MESSAGE_CONCERN})\b")
        self._encourager = re.compile(rf"({R.ENCOURAGERS})")
        self._i_effect = re.compile(rf"({'|'.join(R.I_MESSAGE_EFFECT)})\b")
        self._lead = re.compile(rf"^{R.LEAD_WORDS}")

    def _forms(self, s: str) -> tuple[str, ...]:
        """The sentence as typed, and without the words said before the skill ("Okay, so")."""
        bare = self._lead.sub("", s)
        return (s, bare) if bare != s else (s,)

    def _every_form(self, t: str) -> list[str]:
        return [f for s in sentences(t) for f in self._forms(s)]

    def scores(self, low: str, said: str | None) -> dict[str, float]:
        """Each skill the answer shows, with how strongly: {skill id: 0..1}."""
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
        if re.fullmatch(r"[.\u2014\u2013-]*\.{2,}[.\u2014\u2013-]*", re.sub(r"\s", "", t)):
            return 0.8
        # only stage directions and dots: "(pause)", "(silence) ... (silence)"
        directions = re.findall(r"[(\[*_]+([^()\[\]*_]*)[)\]*_]+", t)
        rest = re.sub(r"[(\[*_]+[^()\[\]*_]*[)\]*_]+|[.\s\u2014\u2013-]", "", t)
        paused = any(re.search(rf"\b({R.PAUSE_WORDS})", d) for d in directions)
        hum = re.fullmatch(r"m+|h*m+h*|uh-?huh", rest)  # "(silent, 3 s) ... mm."
        if directions and (not rest or hum) and paused:
            return 0.9
        return 0.0

    def _encourage(self, t: str) -> float:
        pieces = [p for p in re.split(r"\s*(?:[.,!?;:]|\.\.\.)+\s*", t) if p]
        # "Yep. Keep going, mate.": the name they are called adds nothing
        pieces = [q for p in pieces if (q := _CALLED_AFTER.sub("", p))] or pieces
        few = len(pieces) <= 3 or (len(pieces) <= 5 and len(set(pieces)) == 1)  # "Okay. Okay."
        if pieces and few and all(map(self._encouraging, pieces)):
            return 0.9
        return 0.0

    def _encouraging(self, piece: str) -> bool:
        """One encourager, or a few side by side: "ok i'm listening", "okay okay okay"."""
        if self._encourager.fullmatch(piece):
            return True
        ws = piece.split()
        if not 1 < len(ws) <= R.ENCOURAGER_MAX_WORDS:
            return False
        ends = [True] + [False] * len(ws)  # ends[j]: the first j words split into encouragers
        for j in range(1, len(ws) + 1):
            ends[j] = any(
                ends[i] and self._encourager.fullmatch(" ".join(ws[i:j]))
                for i in range(max(0, j - 4), j)
            )
        return ends[-1]

    def _mirror(self, t: str, said: str | None) -> float:
        ans = [w for w in words(t) if w not in R.FILLERS]  # "uh... every penny?"
        if not ans or len(ans) > R.MIRROR_MAX_WORDS:
            return 0.0
        if said is None:
            first = ans[0]
            plain_q = t.endswith("?") and len(ans) <= 4
            if plain_q and not re.match(P.CLOSED_STARTS, t) and not starts(t, R.OPEN.starts):
                return 0.45 if first not in ("why", "where", "when", "who", "which") else 0.0
            return 0.0
        tail = flip(words(said))[-R.MIRROR_TAIL :]
        raw_tail = words(said)[-R.MIRROR_TAIL :]
        trailing = t.endswith("...")  # typed trailing off, inviting more: a mirror's tone
        if not t.endswith("?") and not trailing:
            # typed in a hurry with no stop at all: their last few words, handed back (not
            # a question typed without its "?": "what happened last time")
            last = len(ans) + 3
            asks = starts(t, R.OPEN.starts) or starts(t, R.OPEN_WEAK)
            if t[-1:].isalnum() and 2 <= len(ans) <= 5 and not asks and 1.0 in (
                in_order_share(ans, tail[-last:]), in_order_share(ans, raw_tail[-last:])
            ):
                return 0.7
            return 0.0  # their words said back as a statement: a paraphrase at most
        share = max(in_order_share(ans, tail), in_order_share(ans, raw_tail))
        # "All of it?": every word theirs, in order, even when none carries content
        if share >= R.MIRROR_MIN_SHARE and (content(ans) or (share == 1.0 and len(ans) >= 2)):
            return 0.7 if trailing else 0.85
        if trailing:
            return 0.0
        # neither way below when it asks them for something: "Won't you come down?",
        # "Can't you just come down?", "Coming down now, please?"
        if re.match(_ASKS_THEM, t) or {"please", "now"} & (set(ans) - set(tail) - set(raw_tail)):
            return 0.0
        theirs = content(tail) | content(raw_tail)
        if len(ans) <= R.MIRROR_MAX_WORDS - 1 and content(ans) and content(ans) <= theirs:
            return 0.7  # their words, in another order
        # their words in order, one changed: "Can't trust anyone on the street?" for "I
        # can't trust a single person on this street."
        off = min(unmatched(ans, tail), unmatched(ans, raw_tail), key=len)
        if len(ans) >= 3 and len(off) <= 1 and not set(off) & _NOT_CHANGED:
            return 0.7
        return 0.0

    def _i_message(self, t: str) -> float:
        best = 0.0
        for s in self._every_form(t):
            # "When you shout, I get worried, because...": the effect after a "when" clause
            # (or after any "when" clause: "When things get thrown I get worried")
            s = re.sub(R.I_MESSAGE_WHEN, "", s)
            if not self._i_open.match(s):
                continue
            joins = sum(bool(re.search(rf"\b{w}\b", s)) for w in R.I_MESSAGE_JOINS)
            if self._i_concern.search(s):
                best = max(best, (0.0, 0.75, 0.9)[joins])
                if not joins and (re.search(r"\b(about|for) you\b", s) or self._i_effect.match(s)):
                    best = max(best, 0.6)  # the short form: "I'm worried about you."
            elif joins == len(R.I_MESSAGE_JOINS) and self._i_effect.match(s):
                best = max(best, 0.75)  # the full shape, a feeling the lists don't know
        return best

    def _summary(self, t: str) -> float:
        n = len(words(t))
        framed = any(starts(f, R.SUMMARY.starts) for f in self._every_form(t))
        checked = any(re.search(p, t) for p in R.SUMMARY.anywhere)
        points = len([p for p in re.split(r"[,;.!?]|\band\b|\bthen\b|\bnow\b", t) if words(p)])
        if framed and n >= R.SUMMARY_MIN_WORDS and points >= R.SUMMARY_MIN_POINTS:
            return 0.85
        # "Anything I missed?" asks after a list: only a summary ends that way
        if re.search(R.SUMMARY_MISSED, t) and points >= R.SUMMARY_MIN_POINTS and n >= 8:
            return 0.9
        if framed and n >= R.SUMMARY_MIN_WORDS:
            return 0.65
        if checked and points >= R.SUMMARY_MIN_POINTS + 1 and n >= 14:
            return 0.85
        if checked and points >= R.SUMMARY_MIN_POINTS + 1 and n >= 8:
            return 0.8  # "Hours cut, written up, then fired. Have I got that right?"
        if points >= R.SUMMARY_MIN_POINTS + 1 and n >= 14 and t.count(",") >= 2:
            return 0.62  # a list of what happened, told back: "A letter, the neighbours, now us."
        if points >= R.SUMMARY_MIN_POINTS + 2 and n >= 18:
            return 0.5
        return 0.0

    def _emotion(self, t: str) -> float:
        best = 0.0
        for s in sentences(t):
            s = re.sub(R.LABEL_TAG, ".", s)  # "You're ashamed, isn't it?" is still a label
            if any(self._label.match(f) for f in self._forms(s)):
                best = max(best, 0.85)
            elif self._label_plain.match(s) and not s.endswith("?"):
                best = max(best, 0.65)  # as typed: "So you're scared." tells it back
            elif any(R_SOUND.match(f) or R_SOUNDS_LIKE.match(f) for f in self._forms(s)):
                best = max(best, 0.75)  # "You sound bone-weary.": a feeling the lists don't know
        return best

    def _paraphrase(self, t: str, said: str | None) -> float:
        framed = any(
            any(starts(f, R.PARAPHRASE.starts) for f in self._forms(s))
            and not self._open(s)  # "So what happened next?" asks; it tells nothing back
            for s in sentences(t)
        )
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
        told = any(re.match(R.PARAPHRASE_YOU, f) for f in self._forms(t))
        # "He puts you down.": their story about someone they named, told back
        named = {m.group(1) for f in self._forms(t) if (m := re.match(r"(he|she|they)\b", f))}
        told = told or any(re.search(rf"\b{p}\b", said) for p in named)
        # a check tagged on the end ("..., is it?", "..., right?") still tells their story back
        t = re.sub(r",? (is it|isn'?t it|right|yeah|innit|eh|correct)\?$", ".", t)
        if told and len(ans) >= 4 and not t.endswith("?"):
            return 0.5  # "You asked for help again and again": their story, told back
        # "Bank's fixing to take the land your granddaddy worked.": about them, in other words
        yours = {"you", "your", "you're", "you've", "you'd", "yours"} & set(ans)
        if yours and share >= 0.15 and len(ans) >= 5 and not t.endswith("?") and ans[0] != "i":
            return 0.45
        return 0.0

    def _open(self, t: str) -> float:
        best = 0.0
        for s in self._every_form(t):
            request = starts(s, R.OPEN_REQUESTS)
            if starts(s, R.OPEN.starts) and (s.endswith("?") or request):
                best = max(best, 0.8)
            elif starts(s, R.OPEN_WEAK) and s.endswith("?"):
                best = max(best, 0.6)
            elif starts(s, R.OPEN.starts) and s[-1:].isalpha() and len(words(s)) >= 4:
                best = max(best, 0.7)  # typed without a question mark: "whats been happening"
        return best
