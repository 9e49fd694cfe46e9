"""The writing rules of the shipped content/style.md, each broken in turn in a copy.

Every rule the instructors keep in style.md must come back as its own `PATH:LINE` with
what to write instead, exit 1, for a Say phrase and for an `Instead:`. The rules are read
from the real file, so a rule added there is tested without editing this file.
"""

from __future__ import annotations

import re

import pytest

from app.guide import compile_guide
from app.guide.style import Banned, StyleRules
from tests.guide_helpers import REAL, check_cli, copy_tree

RULES = compile_guide(REAL).style
QUOTED = re.compile(r"[\"\u201c]([^\"\u201d]+)[\"\u201d]")


def _stage_file(root) -> str:
    return sorted(p.relative_to(root).as_posix() for p in (root / "stairway").glob("1-*.md"))[0]


def _insert_before_first_item(root, rel: str, section: str, new: list[str]) -> int:
    """Insert lines before the first list item under `## <section>`; 1-based line of the
    first inserted line. Before an item, so no heading loses its `Only for:` line and the
    new phrase takes no sub-items from its neighbour."""
    path = root / rel
    lines = path.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"## {section}")
    i = next(k for k in range(start, len(lines)) if lines[k].startswith("- "))
    lines[i:i] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return i + 1


def _said(rule: Banned) -> str:
    """The rule's expression as an officer might say it (`hostage*` -> `hostages`)."""
    return " ".join(w[:-1] + "s" if w.endswith("*") else w for w in rule.expression.split())


def test_the_shipped_rules_are_the_ones_issue_7_asks_for():
    got = {b.expression.lower() for b in RULES.banned}
    asked = {"calm down", "relax", "you should", "why did you", "i know exactly how you feel"}
    asked |= {"hostage*", "surrender*", "give up", "deadline*", "demand*"}
    assert asked <= got
    assert RULES.max_words == 20
    assert RULES.file == "style.md"


@pytest.mark.parametrize("rule", RULES.banned, ids=lambda b: b.expression)
def test_each_rule_broken_in_a_say_phrase_and_an_instead(tmp_path, monkeypatch, capsys, rule):
    root = copy_tree(REAL, tmp_path / "content")
    rel = _stage_file(root)
    word = _said(rule)
    say_line = _insert_before_first_item(root, rel, "Say", [f"- Planted {word} here."])
    avoid_line = _insert_before_first_item(
        root,
        rel,
        "Avoid",
        ["- Planted avoid.", "  - Why: Planted reason.", f"  - Instead: Planted {word} here."],
    )
    code, lines = check_cli(root, monkeypatch, capsys)
    tail = f"'{word}', which the writing rules forbid (style.md:{rule.line}): {rule.advice}"
    assert code == 1
    assert f"content/{rel}:{say_line}: Say phrase uses {tail}" in lines, "\n".join(lines)
    assert f"content/{rel}:{avoid_line + 2}: `Instead:` uses {tail}" in lines, "\n".join(lines)
    assert len(lines) == 3  # those two, then the summary: nothing else broke


@pytest.mark.parametrize(
    "phrase, message",
    [
        # one word more than the longest phrase allowed
        (
            "- " + " ".join(["word"] * RULES.max_words) + " more.",
            f"phrase has {RULES.max_words + 1} words, more than the {RULES.max_words} the "
            "writing rules allow: cut it, or split it into two phrases",
        ),
        # only quote marks: no words at all
        (
            '- "…"',
            "phrase is empty (it has no words, only marks): write the text or delete the line",
        ),
    ],
)
def test_length_rules_in_a_copy(tmp_path, monkeypatch, capsys, phrase, message):
    root = copy_tree(REAL, tmp_path / "content")
    rel = _stage_file(root)
    line = _insert_before_first_item(root, rel, "Say", [phrase])
    code, lines = check_cli(root, monkeypatch, capsys)
    assert code == 1
    assert lines[:-1] == [f"content/{rel}:{line}: {message}"]


@pytest.mark.parametrize("rule", RULES.banned, ids=lambda b: b.expression)
def test_each_rules_advice_is_a_usable_alternative(rule):
    # the advice quotes something to say, and what it quotes passes every rule itself
    examples = QUOTED.findall(rule.advice)
    assert examples, f"style.md:{rule.line}: advice quotes nothing to say instead"
    for example in examples:
        assert RULES.breaches(example) == (), (rule.line, example)
        assert 1 <= RULES.word_count(example) <= RULES.max_words


MATCHING = [
    # whole words only: "relaxed" is not "relax"
    ("relax", "You seem more relaxed now.", False),
    # case does not matter
    ("calm down", "CALM DOWN.", True),
    # any spacing between the words of an expression
    ("calm down", "Calm\n down.", True),
    # curly and straight apostrophes are the same, in the rule and in the phrase
    ("don't worry", "Don\u2019t worry.", True),
    # a trailing * catches other endings, a possessive too
    ("hostage*", "Is the hostage's mother there?", True),
    # without * the ending must match exactly
    ("demand", "What are your demands?", False),
    # quote marks around the words do not hide them
    ("calm down", "He said 'calm down' again.", True),
    # an apostrophe inside a word makes another word
    ("you should", "I know you shouldn't have to.", False),
    # accents do not matter: a rule without them catches the accented word
    ("calmese", "C\u00e1lmese, por favor.", True),
    # and a rule with them catches the word typed without
    ("c\u00e1lmese", "Calmese ya.", True),
    # a decomposed accent (NFD, as some editors save) is the same letter
    ("c\u00e1lmese", "Ca\u0301lmese ya.", True),
    # folding accents does not glue words together: another word stays another word
    ("reh\u00e9n*", "Prehensil no es reh\u00e9n.", True),
    ("reh\u00e9n*", "Es prehensil.", False),
]


def test_a_found_word_is_quoted_as_written():
    rules = StyleRules((Banned("calmese", "advice", 1),))
    assert rules.banned[0].find("Ca\u0301lmese ya.") == "C\u00e1lmese"


@pytest.mark.parametrize("expression, text, caught", MATCHING)
def test_rule_matching(expression, text, caught):
    rules = StyleRules((Banned(expression, "advice", 1),))
    assert bool(rules.breaches(text)) is caught


@pytest.mark.parametrize(
    "text, words",
    [
        # a slot counts as its words
        ("It sounds like [name] means the world to you.", 9),
        # contractions are one word
        ("I'm here. You're safe.", 4),
        # marks are not words
        ("\u201c \u2026 \u201d", 0),
        # a decomposed accent does not split a word in two
        ("Ca\u0301lmese ya.", 2),
    ],
)
def test_word_count(text, words):
    assert StyleRules().word_count(text) == words


# ---- style.md: the longest phrase, each mistake its own sentence -----------------------


@pytest.mark.parametrize(
    "new, message",
    [
        # the section written twice: it had said '20 words' "is not a number of words"
        ("20 words\n\n## Longest phrase\n20 words",
         "38: longest phrase '20 words' is given a second time (first on line 35): keep one "
         "`## Longest phrase` with one line such as `20 words`"),
        # two lines under the one heading
        ("20 words\n\n25 words",
         "37: longest phrase '25 words' is given a second time (first on line 35): keep one "
         "`## Longest phrase` with one line such as `20 words`"),
        # a number, but none a phrase can have
        ("0 words",
         "35: longest phrase '0 words' is out of range: write a number of words from 1 to 200, "
         "such as `20 words`"),
        ("201 words",
         "35: longest phrase '201 words' is out of range: write a number of words from 1 to "
         "200, such as `20 words`"),
        # not a number at all: the sentence it always had
        ("twenty words",
         "35: longest phrase 'twenty words' is not a number of words: write one line such as "
         "`20 words`"),
    ],
)
def test_each_wrong_longest_phrase_has_its_own_message(tmp_path, monkeypatch, capsys, new,
                                                      message):
    root = copy_tree(REAL, tmp_path / "content")
    path = root / "style.md"
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n## Longest phrase\n20 words\n")
    path.write_text(text[: -len("20 words\n")] + new + "\n", encoding="utf-8")
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/style.md:{message}"])


def test_the_largest_longest_phrase_is_accepted(tmp_path, monkeypatch, capsys):
    root = copy_tree(REAL, tmp_path / "content")
    path = root / "style.md"
    path.write_text(path.read_text(encoding="utf-8").replace("\n20 words\n", "\n200 words\n"),
                    encoding="utf-8")
    assert check_cli(root, monkeypatch, capsys)[0] == 0
