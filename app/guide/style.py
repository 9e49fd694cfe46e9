"""The writing rules instructors keep in content/style.md, as data the check applies.

`StyleRules.breaches(text)` names every banned expression in a phrase; `word_count`
counts its words. Matching is case-insensitive and by whole words; straight and curly
apostrophes are the same; accents do not matter and a decomposed accent (NFD, as some
editors save) is the same as a composed one ("calmese" and "c\u00e1lmese" are one word); a
trailing `*` matches any word ending (`hostage*` catches "hostages" and "hostage's").
Parsing style.md is `app.guide.stylefile`. No flet here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u0060": "'"})
# A word: letters or digits, with apostrophes only inside it ("don't", "they're").
WORD_RE = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
# Not glued to a word before or after; an apostrophe counts as part of a word only
# between letters, so "'calm down'" in quote marks still matches "calm down".
_BEFORE = r"(?<!\w)(?<!\w')"
_AFTER = r"(?!\w)(?!'\w)"


def plain(text: str) -> str:
    """Composed (NFC) text with curly apostrophes made straight, so the rules see one kind."""
    if text.isascii():
        return text.replace("`", "'")
    return unicodedata.normalize("NFC", text).translate(_APOSTROPHES)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x))
    return base if len(base) == 1 else c


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """`plain(text)` without accents, one character for one: positions stay the same."""
    text = plain(text)
    return text if text.isascii() else "".join(_fold_char(c) for c in text)


@lru_cache(maxsize=512)
def _pattern(expression: str) -> re.Pattern[str]:
    parts = []
    for word in fold(expression).split():
        star = word.endswith("*")
        core = re.escape(word.rstrip("*"))
        parts.append(core + (r"[\w']*" if star else ""))
    # words apart by spaces, or joined by a hyphen or a dash: "calm-down" is "calm down"
    return re.compile(_BEFORE + r"(?:\s+|\s*[-\u2010-\u2015]\s*)".join(parts) + _AFTER,
                      re.IGNORECASE)


@dataclass(frozen=True)
class Banned:
    """One rule: `expression` must never be said; `advice` is what to write instead."""

    expression: str  # "calm down", "hostage*"
    advice: str  # 'Name the feeling instead: "You sound really upset."'
    line: int  # its line in style.md

    def find(self, text: str) -> str | None:
        """The words of `text` this rule catches, as written there, or None."""
        at = self.span(text)
        return plain(text)[at[0] : at[1]] if at else None

    def span(self, text: str) -> tuple[int, int] | None:
        """Where in `plain(text)` the first words this rule catches are, or None."""
        if not plain(self.expression).strip("* "):
            return None
        m = _pattern(self.expression).search(fold(text))
        return m.span() if m else None


@dataclass(frozen=True)
class StyleRules:
    banned: tuple[Banned, ...] = ()
    max_words: int = 20
    file: str = ""  # where the rules came from, e.g. "style.md"; "" = built-in defaults

    def breaches(self, text: str) -> tuple[Banned, ...]:
        """Every rule `text` breaks, in the order style.md lists them."""
        return tuple(b for b in self.banned if b.find(text) is not None)

    def word_count(self, text: str) -> int:
        """Words in `text`; quote marks, dashes and other punctuation are not words.

        A slot counts as the words written in it: "[name]" is one word.
        """
        return len(WORD_RE.findall(plain(text)))
