"""The Spanish guide's practice scenarios are the English ones, translated: the same ids,
situations and turns, and each answer keeps its grade and its skill, so a harmful answer
is never made "acceptable" (or the other way round) by a translation. Each text is
translated, not copied; the sources stay the English file's."""

from __future__ import annotations

import pytest

from app.guide import compile_guide
from tests.guide_helpers import REAL


@pytest.fixture(scope="module")
def pair():
    en, es = compile_guide(REAL), compile_guide(REAL / "translations" / "es")
    assert es.problems == () and es.skipped == ()
    return en, es


def test_every_english_scenario_has_a_spanish_one(pair):
    en, es = pair
    assert sorted(s.id for s in es.practice) == sorted(s.id for s in en.practice)
    assert len(en.practice) >= 9


def test_each_turn_keeps_its_answers_grades_and_skills(pair):
    en, es = pair
    spanish = {s.id: s for s in es.practice}
    for s in en.practice:
        t = spanish[s.id]
        assert (t.situation, t.meta.sources) == (s.situation, s.meta.sources), s.id
        assert len(t.turns) == len(s.turns), s.id
        for i, (a, b) in enumerate(zip(s.turns, t.turns, strict=True), 1):
            where = f"{s.id} turn {i}"
            assert [(x.grade, x.skill) for x in b.answers] == [
                (x.grade, x.skill) for x in a.answers], where
            assert bool(b.note) == bool(a.note), where
            texts = [(x.text, y.text) for x, y in zip(a.answers, b.answers, strict=True)]
            texts += [(x.why, y.why) for x, y in zip(a.answers, b.answers, strict=True)]
            assert all(x != y for x, y in [(a.line, b.line), *texts]), where
        assert t.title != s.title and t.summary != s.summary, s.id
