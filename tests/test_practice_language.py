"""Your own words with a guide in another language: the rules read English only, so they
name no skill and judge nothing; the guide's own style rules (its never-say list and its
longest phrase, written in its language) still run, and what they say is a `Said` that
the screen says in that language. Nothing unjudged is counted in Progress."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from app import i18n
from app.guide import compile_guide
from app.practice.classify import Classifier
from app.practice.drills import Practice
from app.practice.history import PracticeHistory
from app.said import Said, local
from tests.guide_helpers import REAL

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


@pytest.fixture(scope="module")
def spanish():
    g = compile_guide(REAL / "translations" / "es")
    assert g.problems == ()
    return Classifier.from_guide(g, "es")


def test_a_sound_spanish_answer_is_not_judged_by_english_rules(spanish):
    r = spanish.classify("Se le nota mucho miedo.", "¡No se acerque o salto!")
    assert (r.skill, r.confidence, r.flags, r.unjudged) == (None, 0.0, (), True)
    assert isinstance(r.feedback, Said) and r.feedback.key == "said_words_compare"
    assert r.reminder == ""  # the suicide reminder's patterns are English too


def test_the_guide_s_own_never_say_list_still_flags_a_spanish_answer(spanish):
    r = spanish.classify("Cálmese y bájese de ahí.", "¡No se acerque o salto!")
    assert r.unjudged and [f.code for f in r.flags] == ["banned-word"]
    message = r.flags[0].message
    assert message.startswith("'Cálmese' is on the never-say list. Nombra el sentimiento")
    i18n.use("es")
    assert local(message).startswith(
        "“Cálmese” está en la lista de lo que nunca se dice. Nombra el sentimiento")


def test_the_guide_s_longest_phrase_still_counts(spanish):
    r = spanish.classify(" ".join(["palabra"] * 40) + ".")
    assert [f.code for f in r.flags] == ["too-long"]
    i18n.use("es")
    assert local(r.flags[0].message).startswith("40 palabras no caben en un solo aliento")


def test_an_empty_answer_says_so_in_the_officer_s_language(spanish):
    r = spanish.classify("   ")
    assert r.unjudged and r.feedback == "Type or say what you would answer."
    i18n.use("es")
    assert local(r.feedback) == "Escribe o dicta lo que le responderías."


@pytest.mark.parametrize("language", ["en", "EN", "en-GB", "en-US"])
def test_english_in_any_spelling_is_judged_by_the_rules(language):
    c = Classifier.from_guide(compile_guide(REAL), language)
    r = c.classify("You sound really scared.", "Stay back or I jump!")
    assert not r.unjudged and r.skill == "emotion-labeling"
    assert not c.classify("Calm down and climb back over.").unjudged


def test_the_english_wording_of_style_flags_is_unchanged():
    c = Classifier.from_guide(compile_guide(REAL))
    banned = c.classify("Calm down, please.").flags
    assert any(f.code == "banned-word" and f.message.startswith("'Calm")
               and " is on the never-say list. " in f.message for f in banned)
    long = c.classify(" ".join(["word"] * 40) + ".").flags
    assert ("too-long", "40 words is more than one breath (20 at most): say less, then listen."
            ) in [(f.code, f.message) for f in long]


def own_words(language: str):
    history = PracticeHistory(None)
    p = Practice(compile_guide(REAL), history, language=language, now=lambda: NOW,
                 rng=random.Random(5))
    return p.start_own_words(n=3), history


def test_unjudged_answers_are_not_counted_and_only_flags_can_be_kept():
    words, history = own_words("es")
    sound = words.answer("Se le nota mucho miedo.")
    assert sound.result.unjudged and sound.models  # the models to compare with
    assert not words.can_dispute()  # no verdict to disagree with
    words.next()
    flagged = words.answer("Calm down, please.")  # the English guide's list, for the test
    assert [f.code for f in flagged.result.flags] == ["banned-word"]
    assert words.can_dispute()
    assert history.attempts() == []  # Progress counts only what the rules judged


def test_english_answers_are_still_counted():
    words, history = own_words("en")
    assert not words.answer("You sound really scared.").result.unjudged
    assert len(history.attempts()) == 1


def test_a_repeated_answer_is_said_in_the_officer_s_language():
    words, _ = own_words("es")
    words.answer("Se le nota mucho miedo.")
    words.next()
    again = words.answer("Se le nota mucho miedo.")
    (flag,) = [f for f in again.result.flags if f.code == "repeated"]
    i18n.use("es")
    assert local(flag.message).startswith("Ya usaste estas mismas palabras")


@pytest.mark.parametrize("answer", [
    "x" * 100_000 + "\ud800",  # huge, with a lone surrogate
    "Cálmese\u0301 ../../etc =HYPERLINK(\"x\") **negrita** <b>",  # NFD, path, CSV, Markdown
    "\u200b\u202e",  # only invisible marks
])
def test_odd_answers_in_another_language_are_read_without_a_traceback(spanish, answer):
    r = spanish.classify(answer, "\ud800 ¿qué?")
    assert r.unjudged and r.skill is None
    i18n.use("es")
    assert all(local(f.message) for f in r.flags) and local(r.feedback)
