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
    """With a guide in another language the drill says its rules read English only, and
    what it does instead; with the English guide it says nothing of the kind."""
    from tests.ui_harness import CONTENT

    english = await start(CONTENT, tmp_path / "en", route="/practice/words")
    assert english.state.practice.words.current is not None and english.state.practice.judges
    assert not any(s.startswith("Stairway's rules read English only.") for s in english.texts())
    english.close()
    builtin, _, _ = spanish_pack(tmp_path)
    app = await start(builtin, tmp_path / "data", route="/practice/words")
    assert app.state.practice.words.current is not None and not app.state.practice.judges
    assert any(s.startswith("Las reglas de Stairway solo leen inglés.") for s in app.texts())
    app.state.nav.go("practice")
    await app.settle()
    assert "Responde a la persona con tus palabras y compara con las respuestas modelo." in (
        app.texts())
    app.close()


async def test_a_walk_and_own_words_in_spanish(tmp_path):
    """The Spanish guide's scenarios play to the end in Spanish, and Your own words shows
    their lines, judges a Spanish answer by the guide's own Spanish never-say list only,
    says so, and counts nothing it could not judge."""
    from app.guide.model import BEST, HARMFUL

    builtin, _, _ = spanish_pack(tmp_path)
    app = await start(builtin, tmp_path / "data")
    history = app.state.practice.core.history
    seen: dict[str, list[str]] = {}
    try:
        await app.click(L.OPEN_PRACTICE)
        await app.click(L.DRILL_WALK)
        scenarios = app.state.guide.practice
        assert len(scenarios) >= 9 and all(app.has(L.scenario(s.title)) for s in scenarios)
        bridge = next(s for s in scenarios if s.id == "practice-bridge")
        await app.click(L.scenario(bridge.title))
        for i in range(len(bridge.turns)):
            answers = app.state.practice.walk.walk.answers
            grade = HARMFUL if i == 1 else BEST
            await app.click(L.walk_answer(next(a.text for a in answers if a.grade == grade)))
            seen[f"walk line {i}"] = strings(app)
            await app.click(L.SEE_RESULT if i == len(bridge.turns) - 1 else L.NEXT_LINE)
        seen["walk end"] = strings(app)
        assert any(s.startswith("Llegaste a la etapa") for s in seen["walk end"]), seen["walk end"]
        walked = len(history.attempts())
        assert walked == len(bridge.turns)

        app.state.nav.go("practice")
        await app.settle()
        await app.click(L.DRILL_WORDS)
        await app.type(L.WORDS_FIELD, "Se le nota mucho miedo.")
        await app.click(L.CHECK_ANSWER)
        seen["own words, sound"] = shown = strings(app)
        assert "Compara con las respuestas modelo." in shown and "Respuestas modelo" in shown
        assert app.state.practice.last.models
        assert not app.has(L.KEEP_FINE)  # no verdict to disagree with
        await app.click(L.NEXT_LINE)
        await app.type(L.WORDS_FIELD, "Cálmese, por favor.")
        await app.click(L.CHECK_ANSWER)
        seen["own words, banned"] = shown = strings(app)
        assert "1 cosa que corregir." in shown
        assert any(s.startswith("“Cálmese” está en la lista de lo que nunca se dice.")
                   for s in shown), shown
        assert len(history.attempts()) == walked  # Progress counts only what was judged
        await app.click(L.KEEP_FINE)  # kept for the instructor, as the officer read it
        lines = len(app.state.practice.words.prompts)
        for i in range(2, lines):
            await app.click(L.NEXT_LINE)
            await app.type(L.WORDS_FIELD, f"Cuénteme más, por favor ({i}).")
            await app.click(L.CHECK_ANSWER)
        await app.click(L.SEE_RESULT)
        seen["own words, end"] = shown = strings(app)
        assert f"{lines} frases respondidas" in shown
        assert any(s.startswith("Estas respuestas no cuentan en tu progreso") for s in shown)
        app.state.nav.go("progress")
        await app.settle()
        seen["progress, kept"] = shown = strings(app)
        assert any(s.startswith("“Cálmese” está en la lista") for s in shown), shown
        copy = app.state.debrief.text()
        assert "La app dijo: 1 cosa que corregir. Compara tu respuesta" in copy, copy
        patterns, guide = english_patterns(), guide_texts(ES)
        left = {name: english_left(shown, patterns, guide) for name, shown in seen.items()}
        assert {k: v for k, v in left.items() if v} == {}
    finally:
        app.close()
