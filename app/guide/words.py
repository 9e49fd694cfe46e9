"""Words for search: normalising, plural and singular, typo distance, snippets.

Pure string helpers for app.guide.search, and how much of a query is searched. No flet here.
"""

from __future__ import annotations

import re
import unicodedata

SNIPPET_CHARS = 140
WORD = re.compile(r"\w+")
# The screen searches at every keystroke, and a word the guide lacks costs a pass over its
# whole vocabulary (about 2.6 ms here, more on a phone): a pasted page of 1,000 words froze
# it for 2.7 s a keystroke, 50,000 numbers for 97 s. So only the query's start is searched:
# 200 characters and 24 different words, room for any phrase the writing rules allow (20
# words unless style.md says otherwise) and far more than anyone types in a search box.
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 24
_LAST_WORD = re.compile(r"\w+$")
_APOSTROPHES = str.maketrans("", "", "'\u2019\u02bc")


def normalize(text: str) -> str:
    """Lower case, accents and apostrophes removed: 'Don’t PANIC, Zoë' -> 'dont panic, zoe'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def tokens(text: str) -> list[str]:
    return WORD.findall(normalize(text))


def query_words(query: str) -> list[str]:
    """The words searched for: those of the query's first MAX_QUERY_CHARS characters (a
    word cut there is left out), each once, the first MAX_QUERY_WORDS of them."""
    head = query[:MAX_QUERY_CHARS]
    if WORD.match(query, MAX_QUERY_CHARS) and (cut := _LAST_WORD.search(head)):
        head = head[: cut.start()]
    return list(dict.fromkeys(tokens(head)))[:MAX_QUERY_WORDS]


def query_cut(query: str) -> bool:
    """True when `query_words` leaves some of the query unsearched (the screen says so)."""
    if len(query) > MAX_QUERY_CHARS:
        return bool(WORD.search(query, MAX_QUERY_CHARS - 1))  # more than spaces was cut
    return len(set(tokens(query))) > MAX_QUERY_WORDS


def distance_within(a: str, b: str, k: int) -> int | None:
    """Optimal-string-alignment distance of a and b if it is <= k, else None."""
    if abs(len(a) - len(b)) > k:
        return None
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = i
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            v = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                v = min(v, prev2[j - 2] + 1)
            cur[j] = v
            best = min(best, v)
        if best > k:
            return None
        prev2, prev = prev, cur
    return prev[-1] if prev[-1] <= k else None


def max_typos(word: str) -> int:
    return 2 if len(word) >= 8 else 1 if len(word) >= 4 else 0


def inflections(q: str) -> list[str]:
    """Plural and singular of an English word, roughly: weapon <-> weapons, box <-> boxes."""
    out = [q + "s", q + "es"]
    if len(q) > 3 and q.endswith("es"):
        out.append(q[:-2])
    if len(q) > 3 and q.endswith("s") and not q.endswith("ss"):
        out.append(q[:-1])
    return out


def snippet(text: str, terms: set[str], width: int = SNIPPET_CHARS) -> str:
    """The text, or a window of it around the first matched word, with ellipses."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    first = len(text)
    for m in WORD.finditer(text):
        if normalize(m.group()) in terms:
            first = m.start()
            break
    if first == len(text):
        first = 0
    start = max(0, min(first - width // 4, len(text) - width))
    if start > 0:  # do not cut a word in half
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    return ("… " if start > 0 else "") + text[start:end] + (" …" if end < len(text) else "")
