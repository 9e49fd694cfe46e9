"""The skills file's intro (app.guide.skills): the text above its first `##`.

It is advice for every skill ("Listen far more than you talk..."), and it was never shown
(an earlier review, 2026-11-29). Now it is `Guide.skills_intro`, shown on the Phrases
screen; a code or HTML block there is reported (block-not-shown), never shown, and an
HTML comment stays a note between instructors.
"""

from __future__ import annotations

import pytest

from app.guide.bundle import from_dict, to_dict
from app.guide.compile import compile_guide
from tests.guide_helpers import REAL, copy_tree, edit

SKILLS = "skills/active-listening.md"
ENGLISH = ("Listen far more than you talk. Keep your voice slow, low and calm: tone and pace "
           "matter as much as words.")


@pytest.mark.parametrize(
    "old, new, intro",
    [
        # the shipped paragraph, as it is
        (ENGLISH, ENGLISH, ENGLISH),
        # two paragraphs and a list item: one line each, in order
        (ENGLISH, "Listen.\n\nThen talk.\n\n- Slow down.", "Listen.\nThen talk.\nSlow down."),
        # a note between instructors is no part of it
        (ENGLISH, f"<!-- keep this short -->\n\n{ENGLISH}", ENGLISH),
        # no intro at all
        (f"{ENGLISH}\n", "", ""),
    ],
)
def test_the_text_above_the_first_skill_is_the_intro(tmp_path, old, new, intro):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, SKILLS, old, new)
    guide = compile_guide(root)
    assert guide.skills_intro == intro
    assert from_dict(to_dict(guide)).skills_intro == intro  # the bundle keeps it


def test_a_code_block_in_the_intro_is_reported_not_shown(tmp_path):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, SKILLS, ENGLISH, f"{ENGLISH}\n\n```\nSlow down.\n```")
    guide = compile_guide(root)
    assert guide.skills_intro == ENGLISH
    assert [str(p) for p in guide.problems] == [
        f"{root}/{SKILLS}:14: a code block under '# Active listening skills' is never shown in "
        "the app: remove the ``` lines (or the indent) to write it as text or `- ` items"]


def test_a_skills_file_left_out_leaves_no_intro(tmp_path):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, SKILLS, "id: listening-skills", "id: Listening Skills")  # a file problem
    assert compile_guide(root).skills_intro == ""


def test_the_spanish_note_for_instructors_is_not_in_the_intro():
    intro = compile_guide(REAL / "translations" / "es").skills_intro
    assert intro.startswith("Escucha mucho más de lo que hablas.")
    assert "Nota para instructores" not in intro
