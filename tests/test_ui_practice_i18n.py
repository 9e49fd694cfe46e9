"""Practice in Spanish, headless: with the Spanish pack active, the drills' feedback, the end
of a run, Progress and erasing practice history show no English label (the same guard as
tests/test_ui_i18n_screens.py, here past the first screen of each drill).

The language is process-wide, so the test goes back to English when it ends.
"""

from __future__ import annotations

import pytest

from app import i18n
from app.ui import labels as L
from tests.test_ui_i18n_screens import (
    ES,
    english_left,
    english_patterns,
    guide_texts,
    spanish_pack,
    strings,
)
from tests.ui_harness import start


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


async def test_practice_speaks_spanish_past_the_first_screen(tmp_path):
    builtin, _, _ = spanish_pack(tmp_path)
    app = await start(builtin, tmp_path / "data")
    assert i18n.language() == "es" and L.OPEN_PRACTICE == "Práctica"
    seen: dict[str, list[str]] = {}
    try:
        await app.click(L.OPEN_PRACTICE)
        await app.click(L.TIMED_MODE)
        seen["practice (timed)"] = strings(app)
        await app.click(L.DRILL_SKILL)
        quiz = app.state.practice.quiz
        assert quiz.questions, "the Spanish guide's phrases make questions"
        seen["quiz (countdown)"] = strings(app)
        for i, q in enumerate(list(quiz.questions)):
            wrong = next(c for c in q.choices if c.id != q.answer)
            await app.click(L.quiz_choice(wrong.label))
            seen[f"quiz feedback {i} ({q.kind})"] = strings(app)
            await app.click(L.SEE_RESULT if i == len(quiz.questions) - 1 else L.NEXT_QUESTION)
        seen["quiz end"] = strings(app)
        await app.click(L.OPEN_PROGRESS)
        seen["progress"] = strings(app)
        await app.click(L.progress_days(30))
        seen["progress (30 days)"] = strings(app)
        app.state.nav.go("practice_walk")
        await app.settle()
        seen["walk list"] = strings(app)
        app.state.nav.go("practice_words")
        await app.settle()
        seen["own words"] = strings(app)
        app.state.nav.go("settings")
        await app.settle()
        await app.click(L.ERASE_PRACTICE)
        seen["erase"] = strings(app)
        await app.click(L.ERASE_PRACTICE_CONFIRM)
        seen["erased"] = strings(app)
        assert any(s.startswith("Historial de práctica borrado") for s in seen["erased"])
        patterns, guide = english_patterns(), guide_texts(ES)
        left = {name: english_left(shown, patterns, guide) for name, shown in seen.items()}
        assert {k: v for k, v in left.items() if v} == {}
    finally:
        app.close()


async def test_own_words_says_its_rules_read_english_only(tmp_path):
    """A pack in another language with practice scenarios would have its answers judged
    by English rules: the drill says so, and tells the officer to compare with the models."""
    from tests.ui_harness import CONTENT

    app = await start(CONTENT, tmp_path / "data", route="/practice/words")
    note = "Stairway's rules read English only."
    assert app.state.practice.words.current is not None
    assert not any(s.startswith(note) for s in app.texts())  # English: no note
    i18n.use("es")
    app.state.ui.changed()
    await app.settle()
    assert any(s.startswith("Las reglas de Stairway solo leen inglés.") for s in app.texts())
    app.close()
