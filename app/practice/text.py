"""Text helpers for the classifier: clean a typed line, split it, compare it with theirs.

Everything works on lower-case words with straight apostrophes (`app.guide.style.plain`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from app.guide.style import WORD_RE, plain
from app.practice.lookalikes import LOOKALIKES

# Characters that show nothing (or a blank) on screen, sorted by how a reader takes them.
# Always a space: fillers drawn as a blank, as wide as a letter (Hangul fillers, the braille
# blank), pasted between two words to look like a space ("calm\u3164down").
_BLANK = frozenset("\u115f\u1160\u3164\uffa0\u2800")
# Invisible, and may stand for a space or for nothing: a zero-width space (a word break in
# Thai, or pasted inside "c\u200balm"), the invisible separator, the tag space, and control
# characters other than whitespace (NUL...). The rules read a line both ways (`clean`'s
# `invisible`, then `hides_spaces`).
_MAYBE_SPACE = re.compile("[\u200b\u2063\U000e0020\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")
# Every other default-ignorable or format character joins what is on either side and is
# dropped: variation selectors, the combining grapheme joiner, tags, a soft hyphen, bidi
# marks, the zero-width joiner and non-joiner (which Arabic and Indic words carry inside a
# word: dropped, they never split one).
_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u17b4\u17b5\u180b-\u180f\u200c-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufe00-\ufe0f\ufeff\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


@lru_cache(maxsize=8192)
def _as_read(c: str, invisible: str) -> str:
    if c in _BLANK:
        return " "
    if _MAYBE_SPACE.match(c):
        return invisible
    if _IGNORABLE.match(c) or unicodedata.category(c) == "Cf":
        return ""
    return c


def hides_spaces(text: str | None) -> bool:
    """True when `text` has an invisible character that may stand for a space or for
    nothing (`_MAYBE_SPACE`): the rules then read it both ways."""
    return bool(text) and _MAYBE_SPACE.search(text) is not None


def clean(text: str | None, invisible: str = " ") -> str:
    """One line of plain text: lone surrogates replaced, compatibility forms as their plain
    letters (fullwidth "Ｙｏｕ" -> "You"), invisible marks dropped (a variation selector, a
    joiner, a tag), a blank filler (U+3164) a space, a zero-width space or a control
    character `invisible`, straight apostrophes, one space. What the rules read, never shown."""
    if not text:
        return ""
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> "?"
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    if not text.isascii() or _MAYBE_SPACE.search(text):
        text = "".join([_as_read(c, invisible) for c in text])
    text = plain(text).replace("\u2026", "...").replace("\u201c", '"').replace("\u201d", '"')
    if not text.isascii() and not mostly_not_latin(text):
        text = text.translate(LOOKALIKES)
    return " ".join(text.split())


def mostly_not_latin(text: str) -> bool:
    """True when most letters of text are of another script (Arabic, Cyrillic, CJK...):
    rules written over English words cannot judge it."""
    latin = other = 0
    for ch in text:
        if ch.isalpha():
            if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"):
                latin += 1
            else:
                other += 1
    return other > latin


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


_FLIP = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
    "am": "are",
    "we": "you",
    "us": "you",
    "our": "your",
}
_STOP = set(
    "a an the and or but so to of in on at for with from by is are was were be been am "
    "i you he she they we it me him her them us my your his their our its this that "
    "these those there here do did does have has had not no just all what who then now "
    "if as up out about into over can could will would should don't it's that's i'm "
    "you're he's she's they're we're i've you've".split()
)


def flip(ws: list[str]) -> list[str]:
    """Their words as the officer would say them back: my -> your, I -> you."""
    return [_FLIP.get(w, w) for w in ws]


def stem(w: str) -> str:
    for end in ("ing", "ed", "es", "s"):
        if len(w) > len(end) + 2 and w.endswith(end):
            w = w[: -len(end)]
            # "putting" -> "putt" -> "put", so it meets "puts"
            if end in ("ing", "ed") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            return w
    return w


def content(ws: list[str]) -> set[str]:
    return {stem(w) for w in ws if w not in _STOP}


# Words a mirror may swap without changing what it hands back: "nobody would notice" ->
# "Wouldn't notice?", "on this street" -> "on the street?"
_SAME = {
    **{f"{w}n't": w for w in ("would", "could", "should", "do", "does", "did", "is", "are",
                              "was", "were", "have", "has", "had")},
    "can't": "can", "won't": "will", "ain't": "is",
    **dict.fromkeys(("this", "that", "these", "those", "a", "an"), "the"),
}


def _loose(w: str) -> str:
    return stem(_SAME.get(w, w))


def unmatched(answer: list[str], tail: list[str], key=_loose) -> list[str]:
    """The answer's words not found in `tail` in the same order. By default a word also
    meets its stem, its form without "not" and another "the" word ("this", "a")."""
    keys = [key(t) for t in tail]
    j, out = 0, []
    for w in answer:
        k = j
        while k < len(keys) and keys[k] != key(w):
            k += 1
        if k < len(keys):
            j = k + 1
        else:
            out.append(w)
    return out


def in_order_share(answer: list[str], tail: list[str]) -> float:
    """Share of the answer's words found in `tail` as typed, in the same order."""
    if not answer:
        return 0.0
    return (len(answer) - len(unmatched(answer, tail, key=str))) / len(answer)


def starts(sentence: str, patterns) -> bool:
    return any(re.match(p + r"\b", sentence) for p in patterns)
