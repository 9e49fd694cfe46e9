"""app/practice/text.py's clean(): what the rules read of an answer typed with invisible
marks or compatibility letters is what a person reads on the screen (found by a QA pass:
each of these got no skill, while the plain text is an emotion label)."""

from __future__ import annotations

import pytest

from app.guide import compile_guide
from app.practice.classify import Classifier
from app.practice.text import clean
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
