"""The Phrases screen headless: the advice that opens the skills file is shown.

The paragraph above the first `##` of skills/active-listening.md ("Listen far more than
you talk...") was never shown to an officer (an earlier review, 2026-11-29). Phrases is
the screen that lists the skills (its skill filter): the advice is in that panel, above
the skills, so the first phrase stays on the first screen. The Spanish guide has
the same paragraph, and its note for instructors stays hidden (an HTML comment).
"""

from __future__ import annotations

import flet as ft
import pytest

from app.ui import labels as L
from tests.guide_helpers import REAL, copy_tree
from tests.ui_harness import start

ENGLISH = ("Listen far more than you talk. Keep your voice slow, low and calm: tone and pace "
           "matter as much as words.")
SPANISH = ("Escucha mucho más de lo que hablas. Habla despacio, en voz baja y con calma: el tono "
           "y el ritmo importan tanto como las palabras.")


@pytest.mark.parametrize(
    "content, advice",
    [
        # the shipped English guide
        (REAL, ENGLISH),
        # the Spanish translation, started as a guide of its own
        (REAL / "translations" / "es", SPANISH),
    ],
)
async def test_the_skills_advice_is_on_the_phrases_screen(tmp_path, content, advice):
    """In the "More filters" panel, above the skills: on the screen itself it took the
    whole first screen at 360x640 and the largest text, and pushed every phrase below."""
    app = await start(content, tmp_path / "data", route="/phrases?stage=1")
    try:
        texts = app.texts()
        assert advice in texts
        assert not any("Nota para instructores" in t for t in texts)
        (text,) = [x for x in app.controls() if isinstance(x, ft.Text) and x.value == advice]
        while text is not None and not isinstance(text, ft.ExpansionTile):
            text = text.parent
        assert text is not None and text.title.value == L.MORE_FILTERS
    finally:
        app.close()


async def test_a_chosen_skill_shows_its_own_definition_on_the_screen(tmp_path):
    app = await start(REAL, tmp_path / "data", route="/phrases?stage=1&skill=emotion-labeling")
    try:
        skill = next(s for s in app.state.guide.skills if s.id == "emotion-labeling")
        texts = app.texts()
        assert skill.description in texts and texts.count(ENGLISH) == 1  # in the panel
    finally:
        app.close()


async def test_a_guide_whose_skills_file_has_no_intro_shows_nothing_there(tmp_path):
    root = copy_tree(REAL, tmp_path / "content")
    path = root / "skills" / "active-listening.md"
    text = path.read_text(encoding="utf-8")
    assert f"\n{ENGLISH}\n" in text
    path.write_text(text.replace(f"\n{ENGLISH}\n", "\n"), encoding="utf-8")
    app = await start(root, tmp_path / "data", route="/phrases?stage=1")
    try:
        assert app.state.guide.skills_intro == ""
        assert not any("Listen far more" in t for t in app.texts())
    finally:
        app.close()
