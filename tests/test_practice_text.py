"""app/practice/text.py's clean(): what the rules read of an answer typed with invisible
marks or compatibility letters is what a person reads on the screen (found by a QA pass:
each of these got no skill, while the plain text is an emotion label)."""

from __future__ import annotations

import pytest

from app.guide import compile_guide
from app.practice.classify import Classifier
from app.practice.text import clean, hides_spaces
from tests.ui_harness import CONTENT

PLAIN = "You sound angry"


@pytest.fixture(scope="module")
def classifier():
    return Classifier.from_guide(compile_guide(CONTENT))


@pytest.mark.parametrize("typed", [
    "You\u200b sound angry",  # a zero-width space pasted from a chat
    "You\u200bsound angry",  # ... standing for a space
    "\u202eYou sound angry\u202c",  # a right-to-left override and its end
    "\ufeffYou sound\u00ad angry",  # a byte-order mark, a soft hyphen
    "Ｙｏｕ ｓｏｕｎｄ ａｎｇｒｙ",  # fullwidth letters from a CJK keyboard
    "You sound ang\u200dry",  # a zero-width joiner
])
def test_invisible_marks_and_fullwidth_letters_are_read_as_plain_text(classifier, typed):
    assert clean(typed) == PLAIN
    plain, odd = classifier.classify(PLAIN), classifier.classify(typed)
    assert plain.skill == "emotion-labeling"
    assert (odd.skill, odd.confidence) == (plain.skill, plain.confidence)


@pytest.mark.parametrize("typed, read", [
    ("Stay calm 🙂👍🏽", "Stay calm 🙂👍🏽"),  # emoji kept (modifiers too)
    ("¿Cómo está usted?", "¿Cómo está usted?"),  # accents kept, composed
    ("It\u2019s OK\u2026", "It's OK..."),  # curly apostrophe and ellipsis as before
    ("lone \ud800 surrogate", "lone ? surrogate"),  # a lone surrogate as before
])
def test_other_text_reads_as_before(typed, read):
    assert clean(typed) == read


CALM = "calm down"  # on the never-say list, and an order that makes their pain small


@pytest.mark.parametrize("typed", [
    "calm\ufe0f down",  # an emoji variation selector after a letter
    "calm\ufe0e down",  # the text variation selector
    "calm\u034f down",  # a combining grapheme joiner
    "calm\u3164down",  # the Hangul filler, drawn as a blank between the words
    "calm\uffa0down",  # its halfwidth form
    "calm\u115f down",  # the Hangul choseong filler beside a space
    "calm\u1160down",  # the Hangul jungseong filler
    "calm\u2800down",  # the braille blank
    "calm\U000e0020down",  # the tag space
    "c\U000e0061alm down",  # a tag letter inside a word
    "calm\x00down",  # a NUL (through the Python API: a command line cannot carry one)
    "cal\x00m down",  # ... inside a word
    "calm\x7fdown",  # another control character
    "cal\u200bm down",  # a zero-width space inside a word: was the never-say flag alone
    "calm\u200bdown",  # ... standing for the space
    "ca\u200dlm down",  # a zero-width joiner inside a word
    "calm\u200c down",  # a zero-width non-joiner
    "cal\u00adm down",  # a soft hyphen
    "\u202ecalm down\u202c",  # a right-to-left override and its end
])
def test_invisible_characters_do_not_hide_a_never_say_phrase(classifier, typed):
    """Found by a bad-input pass: each of these got no `banned-word` flag (or, with a
    zero-width space inside "calm", lost both rapport-killer flags), though the officer's
    screen shows "calm down". Every variant gets the plain words' flags and verdict."""
    plain, odd = classifier.classify(CALM), classifier.classify(typed)
    assert [f.code for f in plain.flags] == ["banned-word", "rapport-killer", "rapport-killer"]
    assert odd.to_dict() == plain.to_dict()


@pytest.mark.parametrize("typed, read", [
    ("calm\ufe0f down", "calm down"),  # a variation selector is dropped
    ("calm\u3164down", "calm down"),  # a blank filler is a space
    ("calm\u2800down", "calm down"),
    ("calm\x00down", "calm down"),  # a control character may be a space...
    ("cal\x00m down", "cal m down"),  # ... so the rules also read it as nothing (below)
    ("I hear you \u2764\ufe0f", "I hear you \u2764"),  # an emoji keeps its heart
    ("\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
     "\U0001f3f4"),  # a flag's tag letters are not read as words ("gbeng")
    ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",
     "\u0645\u06cc\u062e\u0648\u0627\u0647\u0645"),  # a Persian non-joiner: one word still
    ("\u0915\u094d\u200d\u0937", "\u0915\u094d\u0937"),  # a Devanagari joiner: one word still
])
def test_what_the_rules_read_of_invisible_characters(typed, read):
    assert clean(typed) == read


@pytest.mark.parametrize("typed, joined", [
    ("cal\x00m down", "calm down"),
    ("cal\u200bm down", "calm down"),
    ("calm\U000e0020down", "calmdown"),
    ("calm\u3164down", "calm down"),  # drawn as a blank: a space both ways
])
def test_an_invisible_mark_that_may_be_a_space_is_also_read_as_nothing(typed, joined):
    assert hides_spaces(typed) != (typed == "calm\u3164down")
    assert clean(typed, "") == joined


def test_joiners_in_other_scripts_never_split_their_words(classifier):
    """Arabic, Persian and Indic words carry a zero-width (non-)joiner inside a word: it is
    dropped for matching, never read as a space, so a word counts once."""
    persian = ("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 "  # "I want" (with a ZWNJ)
               "\u06a9\u0645\u06a9 \u06a9\u0646\u0645")  # "to help"
    assert classifier.style.word_count(clean(persian)) == 3
    assert not hides_spaces(persian)
