"""app.guide.query: what the screens ask of the guide, on the small fixture tree."""

from __future__ import annotations

import pytest

from app.guide import compile_guide, query
from app.guide.model import AVOID, SAY
from tests.guide_helpers import VALID


@pytest.fixture(scope="module")
def guide():
    g = compile_guide(VALID)
    assert g.problems == ()
    return g


PHRASES = [
    # no filter: 3 per stage file and 3 from situations/suicidal.md
    ({}, 18),
    # one stage: its 3 own phrases plus the suicidal situation's one for stage 1
    ({"stage": 1}, 4),
    # Say only, stage 1
    ({"stage": 1, "kind": SAY}, 3),
    # Avoid only across stages: one per stage file plus the situation's stage-4 avoid
    ({"kind": AVOID}, 6),
    # by skill
    ({"skill": "open-ended-questions"}, 5),
    # hostage: the suicidal-only phrases drop out (one per stage + 3 from suicidal.md)
    ({"situation": "hostage"}, 10),
    # suicidal: everything, as every tagged phrase is for suicidal
    ({"situation": "suicidal"}, 18),
    # combined filters
    ({"stage": 2, "kind": SAY, "situation": "hostage", "skill": "emotion-labeling"}, 1),
    # a stage that does not exist
    ({"stage": 9}, 0),
]


@pytest.mark.parametrize(("filters", "count"), PHRASES)
def test_phrases_filters(guide, filters, count):
    got = query.phrases(guide, **filters)
    assert len(got) == count
    for p in got:
        assert filters.get("stage", p.stage) == p.stage
        assert filters.get("kind", p.kind) == p.kind
        assert filters.get("skill", p.skill) == p.skill
        sit = filters.get("situation")
        assert sit is None or not p.situations or sit in p.situations


def test_phrases_accepts_a_stage_object(guide):
    st = query.stage(guide, 3)
    assert query.phrases(guide, stage=st) == query.phrases(guide, stage=3)


@pytest.mark.parametrize(
    ("order", "title"),
    [
        # first and last stage
        (1, "Active Listening"),
        (5, "Behavioral Change"),
        # out of range: None, not an exception
        (0, None),
        (6, None),
    ],
)
def test_stage_by_number(guide, order, title):
    st = query.stage(guide, order)
    assert (st.title if st else None) == title


@pytest.mark.parametrize(
    ("situation", "texts"),
    [
        # no situation chosen: every item
        (
            None,
            [
                "Keep cover. Do not rush in.",
                "Set the inner perimeter.",
                "Ask about the means they have.",
                "Don't promise anything.",
                "Don't promise anything.",
            ],
        ),
        # suicidal: the section marked `Only for: suicidal` shows
        (
            "suicidal",
            [
                "Keep cover. Do not rush in.",
                "Set the inner perimeter.",
                "Ask about the means they have.",
                "Don't promise anything.",
                "Don't promise anything.",
            ],
        ),
        # hostage: it does not
        (
            "hostage",
            [
                "Keep cover. Do not rush in.",
                "Set the inner perimeter.",
                "Don't promise anything.",
                "Don't promise anything.",
            ],
        ),
    ],
)
def test_checklist_items_by_situation(guide, situation, texts):
    got = query.checklist_items(guide.checklists[0], situation)
    assert [i.text for i in got] == texts


@pytest.mark.parametrize(
    ("only", "not_for", "situation", "shown"),
    [
        # no situation chosen: everything shows, `Not for:` included
        ((), ("suicidal",), None, True),
        # `Not for: suicidal` hides it for suicidal
        ((), ("suicidal",), "suicidal", False),
        # and keeps it for every other situation
        ((), ("suicidal",), "hostage", True),
        # `Only for:` and `Not for:` together: both must allow it
        (("hostage", "suicidal"), ("suicidal",), "suicidal", False),
        (("hostage", "suicidal"), ("suicidal",), "hostage", True),
    ],
)
def test_not_for_takes_situations_out(only, not_for, situation, shown):
    assert query.fits(only, situation, not_for) is shown


def test_items_and_phrases_honour_not_for(tmp_path):
    from tests.guide_helpers import copy_tree, edit

    root = copy_tree(VALID, tmp_path / "c")
    edit(root, "checklists/first-officer.md", "## Don't\n", "## Don't\nNot for: hostage\n")
    edit(
        root,
        "stairway/2-empathy.md",
        "- You sound worn out (2).",
        "- You sound worn out (2).\n  - Not for: hostage",
    )
    g = compile_guide(root)
    assert g.problems == ()
    assert [i.text for i in query.checklist_items(g.checklists[0], "hostage")] == [
        "Keep cover. Do not rush in.",
        "Set the inner perimeter.",
    ]
    texts = [p.text for p in query.phrases(g, stage=2, situation="hostage")]
    assert "You sound worn out (2)." not in texts
    assert "You sound worn out (2)." in [
        p.text for p in query.phrases(g, stage=2, situation="suicidal")
    ]


def test_shown_phrases_put_the_situations_own_lines_first_and_say_before_avoid(tmp_path):
    """The stage's Avoid lines came before the situation's Say lines (guide order), so a
    suicidal subject's stage 4 opened its advice on hostage-taker lines."""
    from tests.guide_helpers import copy_tree, edit

    root = copy_tree(VALID, tmp_path / "c")
    edit(root, "situations/suicidal.md", "## Avoid\n",
         "### Influence\n- Would you step back from the edge?\n\n## Avoid\n")
    g = compile_guide(root)
    assert g.problems == ()

    def texts(found):
        return [p.text for p in found]

    assert texts(query.phrases(g, 4, situation="suicidal")) == [
        "You sound worn out (4).", "What matters most to you right now (4)?",
        "Calm down (4).", "Would you step back from the edge?", "Think of your family."]
    # the situation file's own line, then the stage's line marked for it, then the rest
    assert texts(query.shown_phrases(g, 4, situation="suicidal")) == [
        "Would you step back from the edge?", "What matters most to you right now (4)?",
        "You sound worn out (4).", "Think of your family.", "Calm down (4)."]
    # no situation chosen: guide order, but Say before Avoid
    assert texts(query.shown_phrases(g, 4)) == [
        "You sound worn out (4).", "What matters most to you right now (4)?",
        "Would you step back from the edge?", "Calm down (4).", "Think of your family."]
    every = query.shown_phrases(g)
    assert [p.stage for p in every] == sorted(p.stage for p in every)


def test_a_line_several_situations_share_shows_once_when_none_is_chosen(tmp_path):
    from tests.guide_helpers import copy_tree, edit

    root = copy_tree(VALID, tmp_path / "c")
    line = "### Active Listening\n- Is anyone hurt in there?\n"
    edit(root, "situations/suicidal.md", "## Say\n\n", "## Say\n\n" + line + "\n")
    with open(root / "situations/hostage.md", "a", encoding="utf-8") as f:
        f.write("\n## Say\n\n" + line)
    g = compile_guide(root)
    assert g.problems == ()
    said = [p.text for p in query.phrases(g, 1)].count("Is anyone hurt in there?")
    shown = [p.text for p in query.shown_phrases(g, 1)].count("Is anyone hurt in there?")
    assert (said, shown) == (2, 1)
    for sit in ("suicidal", "hostage"):
        found = query.shown_phrases(g, 1, situation=sit)
        assert "Is anyone hurt in there?" in [p.text for p in found]
        says = [bool(p.situations) for p in found if p.kind == SAY]
        assert says == sorted(says, reverse=True)  # the situation's own lines first
