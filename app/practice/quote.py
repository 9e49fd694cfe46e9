"""Quote an officer's own words back as they typed them.

The rules read a line with its texting spelled out ("why did u" is read as "why did
you", "do not" as "don't"). When a rule quotes what it caught, the officer should see
their own words, not the spelled-out ones: `as_typed` finds them by lining up the two
lines word by word.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\S+")


def as_typed(typed: str, read: str, span: tuple[int, int]) -> str:
    """The part of `typed` that `read[span[0]:span[1]]` was read from.

    `read` is `typed` after word-for-word spelling changes; where a word changed, the
    whole typed word is quoted, less any punctuation both share at its edges."""
    start, end = span
    a = list(_TOKEN.finditer(typed))
    b = list(_TOKEN.finditer(read))
    inside = [j for j, t in enumerate(b) if t.start() < end and t.end() > start]
    if not inside or not a:
        return read[start:end]
    same: dict[int, int] = {}  # a word of `read` -> the same word of `typed`
    changed: dict[int, tuple[int, int]] = {}  # a word of `read` -> the typed words it was
    matcher = SequenceMatcher(None, [t.group().lower() for t in a],
                              [t.group().lower() for t in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for j in range(j1, j2):
            if tag == "equal":
                same[j] = i1 + j - j1
            elif tag == "replace":
                changed[j] = (i1, i2)
    first, last = inside[0], inside[-1]
    if first not in same and first not in changed or last not in same and last not in changed:
        return read[start:end]  # a word with nothing typed behind it: quote it as read
    if first in same:
        begin = a[same[first]].start() + start - b[first].start()
    else:
        lead = read[b[first].start() : max(start, b[first].start())]
        word = a[changed[first][0]]
        begin = word.start() + (len(lead) if word.group().startswith(lead) else 0)
    if last in same:
        stop = a[same[last]].end() - (b[last].end() - min(end, b[last].end()))
    else:
        tail = read[min(end, b[last].end()) : b[last].end()]
        word = a[changed[last][1] - 1]
        stop = word.end() - (len(tail) if tail and word.group().endswith(tail) else 0)
    return typed[begin:stop] if begin < stop else read[start:end]
