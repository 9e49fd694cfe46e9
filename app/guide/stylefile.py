"""content/style.md -> StyleRules: the writing rules instructors edit.

    ## Never in a Say phrase
    - calm down: Name the feeling instead: "You sound really upset."
    - hostage*: Say "the people with you", or use their names.

    ## Longest phrase
    20 words

Each rule is an expression, a colon, then what to write instead. A wrong rule line is
reported at its line and left out; the other rules still apply.
"""

from __future__ import annotations

import re

from app.guide.blocks import Block, section_key
from app.guide.files import File
from app.guide.style import Banned, StyleRules, plain

DEFAULT_MAX_WORDS = 20
MAX_LONGEST = 200  # a longest phrase of more words than this is a slip, not a rule
PARTS = {"never in a say phrase": "banned", "never say": "banned", "longest phrase": "longest"}
MARKER_RE = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
QUOTES = "\"'`\u201c\u201d\u2018\u2019"
EXPRESSION_RE = re.compile(r"^[^\W_]+(?:['\-][^\W_]+)*\*?(?:\s+[^\W_]+(?:['\-][^\W_]+)*\*?)*$")
LONGEST_RE = re.compile(r"^(\d+)(?:\s+words?)?\.?$", re.IGNORECASE)
EXAMPLE = 'e.g. `- calm down: Name the feeling instead: "You sound really upset."`'


def parse_style(f: File) -> StyleRules:
    banned: list[Banned] = []
    max_words = DEFAULT_MAX_WORDS
    part: str | None = None
    first: dict[str, int] = {}
    longest_at = 0  # the line of the longest phrase, once given
    for b in f.doc.blocks:
        if b.kind == "heading":
            if b.level == 2:
                part = PARTS.get(section_key(b.text))
                if part is None and b.text:
                    f.add(
                        b.line,
                        "section-unknown",
                        f"unknown section '{b.text}' (known: Never in a Say phrase, Longest "
                        "phrase): the check would not use it",
                    )
            continue
        if part == "banned" and b.kind == "item":
            rule = _rule(f, b, first)
            if rule is not None:
                banned.append(rule)
        elif part == "longest" and b.kind in ("para", "item"):
            if (why := _longest_wrong(b.text, longest_at)) is not None:
                f.add(b.line, "style-longest-invalid", why)
                continue
            longest_at = b.line
            max_words = int(LONGEST_RE.match(b.text.strip()).group(1))
    return StyleRules(tuple(banned), max_words, f.rel)


def _longest_wrong(text: str, first: int) -> str | None:
    """Why a `## Longest phrase` line is not used (each case its own sentence), or None."""
    if first:
        return (f"longest phrase '{text}' is given a second time (first on line {first}): "
                "keep one `## Longest phrase` with one line such as `20 words`")
    m = LONGEST_RE.match(text.strip())
    if not m:
        return (f"longest phrase '{text}' is not a number of words: write one line such as "
                "`20 words`")
    if not 1 <= int(m.group(1)) <= MAX_LONGEST:
        return (f"longest phrase '{text}' is out of range: write a number of words from 1 to "
                f"{MAX_LONGEST}, such as `20 words`")
    return None


def _raw(f: File, b: Block) -> str:
    """The item as written (emphasis marks and backslashes kept), marker removed."""
    end = b.subs[0].line - 1 if b.subs else max(b.end, b.line)
    joined = " ".join(f.lines[b.line - 1 : end])
    return " ".join(MARKER_RE.sub("", joined).split())


def _rule(f: File, b: Block, first: dict[str, int]) -> Banned | None:
    text = _raw(f, b)
    if b.subs:
        f.add(
            b.subs[0].line,
            "style-rule-invalid",
            f"a rule has no sub-items: write it on one line, {EXAMPLE}",
        )
        return None
    if ":" not in text:
        f.add(
            b.line,
            "style-rule-invalid",
            f"rule '{text}' has no colon: write the expression, a colon, then what to write "
            f"instead, {EXAMPLE}",
        )
        return None
    expression, advice = (x.strip() for x in text.split(":", 1))
    expression = " ".join(plain(expression).replace("\\", "").strip(QUOTES + " ").split())
    if not EXPRESSION_RE.match(expression):
        f.add(
            b.line,
            "style-rule-invalid",
            f"rule '{expression}' is not words before the colon: write whole words, with `*` "
            f"only at the end of a word, {EXAMPLE}",
        )
        return None
    if not advice.strip(QUOTES + " .:"):
        f.add(
            b.line,
            "style-rule-invalid",
            f"rule '{expression}' does not say what to write instead: add it after the colon",
        )
        return None
    key = expression.lower()
    if key in first:
        f.add(
            b.line,
            "style-rule-invalid",
            f"rule '{expression}' appears twice (first on line {first[key]}): keep one",
        )
        return None
    first[key] = b.line
    return Banned(expression, advice, b.line)
