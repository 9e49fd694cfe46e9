"""A skill named in another language keeps its id: `## Etiquetar emociones {#emotion-labeling}`.

The id is what every other file, every translation, the practice history and the phrase
filters refer to; the heading is what the officer reads.
"""

from __future__ import annotations

import pytest

from app.guide.compile import compile_guide
from tests.guide_helpers import REAL, VALID, copy_tree, edit, line_of

SKILLS = "skills/active-listening.md"


@pytest.mark.parametrize(
    "heading, skill, problem",
    [
        # a Spanish name with the English id: both kept
        ("## Etiquetar emociones {#emotion-labeling}", ("emotion-labeling", "Etiquetar emociones"),
         None),
        # spaces around the braces do not matter
        ("## Etiquetar emociones   {# emotion-labeling }  ", ("emotion-labeling",
                                                              "Etiquetar emociones"), None),
        # no braces: the id is the heading's slug, as before
        ("## Emotion labeling", ("emotion-labeling", "Emotion labeling"), None),
        # an id that is not lower case letters, digits and dashes: the skill is left out
        ("## Etiquetar emociones {#Emotion Labeling}", None, "skill-id-invalid"),
        # an id with no name before it
        ("## {#emotion-labeling}", None, "heading-empty"),
        # braces that do not close are part of the name (nothing to guess)
        ("## Etiquetar {#emotion-labeling", ("etiquetar-emotion-labeling",
                                              "Etiquetar {#emotion-labeling"), "skill-unknown"),
    ],
)
def test_skill_heading_with_an_id(tmp_path, heading, skill, problem):
    root = copy_tree(VALID, tmp_path / "c")
    edit(root, SKILLS, "## Emotion labeling", heading)
    g = compile_guide(root, "c")
    found = {s.id: s.title for s in g.skills}
    if skill:
        assert found.get(skill[0]) == skill[1]
    else:
        assert "emotion-labeling" not in found
    codes = {p.code for p in g.problems}
    if problem is None:
        assert g.problems == ()
    else:
        assert problem in codes
    if problem in ("skill-id-invalid", "heading-empty"):
        line = line_of(root, SKILLS, heading.strip())
        assert any(p.code == problem and p.line == line and p.path == f"c/{SKILLS}"
                   for p in g.problems)


@pytest.mark.parametrize(
    "under",
    [
        # the stage names the skill in English, as the Spanish guide's stages still do
        "### Emotion labeling",
        # or by its new Spanish name
        "### Etiquetar emociones",
        # or by its id
        "### emotion-labeling",
    ],
)
def test_a_phrase_finds_the_skill_by_either_name(tmp_path, under):
    root = copy_tree(VALID, tmp_path / "c")
    edit(root, SKILLS, "## Emotion labeling", "## Etiquetar emociones {#emotion-labeling}")
    edit(root, "stairway/2-empathy.md", "### Emotion labeling", under)
    g = compile_guide(root, "c")
    assert g.problems == ()
    empathy = next(s for s in g.stages if s.order == 2)
    assert "emotion-labeling" in {p.skill for p in empathy.phrases}


def test_two_names_for_one_id_is_a_skill_defined_twice(tmp_path):
    root = copy_tree(VALID, tmp_path / "c")
    edit(root, SKILLS, "## Open-ended questions", "## Preguntas {#emotion-labeling}")
    g = compile_guide(root, "c")
    twice = [p for p in g.problems if p.code == "skill-twice"]
    assert [p.line for p in twice] == [line_of(root, SKILLS, "## Preguntas")]
    assert [s.title for s in g.skills if s.id == "emotion-labeling"] == ["Emotion labeling"]


def test_the_spanish_guide_names_its_skills_in_spanish_with_the_english_ids():
    english = {s.id for s in compile_guide(REAL).skills}
    spanish = {s.id: s.title for s in compile_guide(REAL / "translations" / "es").skills}
    assert set(spanish) == english
    assert spanish["emotion-labeling"] == "Etiquetar emociones"
    assert spanish["i-messages"] == "Mensajes en primera persona"
