"""The Phrases screen headless: the advice that opens the skills file is shown.

The paragraph above the first `##` of skills/active-listening.md ("Listen far more than
you talk...") was never shown to an officer (an earlier review, 2026-11-29). Phrases is
the screen that lists the skills (its skill filter) and shows a chosen skill's definition:
with no skill chosen, it now shows that advice in the same place. The Spanish guide has
the same paragraph, and its note for instructors stays hidden (an HTML comment).
"""

from __future__ import annotations

import pytest

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
    app = await start(content, tmp_path / "data", route="/phrases?stage=1")
    try:
        texts = app.texts()
        assert advice in texts
        assert not any("Nota para instructores" in t for t in texts)
    finally:
        app.close()


async def test_a_chosen_skill_shows_its_own_definition_instead(tmp_path):
    app = await start(REAL, tmp_path / "data", route="/phrases?stage=1&skill=emotion-labeling")
    try:
        skill = next(s for s in app.state.guide.skills if s.id == "emotion-labeling")
        texts = app.texts()
        assert skill.description in texts and ENGLISH not in texts
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
