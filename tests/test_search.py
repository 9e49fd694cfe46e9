"""Search over the guide: what each query finds, and where the hit points to."""

from __future__ import annotations

import pytest

from app.guide import compile_guide
from app.guide.model import (
    AVOID,
    SAY,
    Checklist,
    Guide,
    Item,
    Meta,
    Phrase,
    Situation,
    Skill,
    Stage,
)
from app.guide.search import build_index, lazy_search, normalize, search
from tests.guide_helpers import REAL


def _meta(id_, title, file):
    return Meta(id_, title, "1.0", "2026-11-01", (), file)


def _item(text, file, line, section="", id_=None):
    return Item(id_ or text.lower()[:20], text, section, False, (), file, line)


def _phrase(text, kind, stage, file, line, skill=None, instead=""):
    pid = f"{stage}-{kind}-{text.lower()[:20]}"
    return Phrase(pid, text, kind, stage, skill, None, (), (), "", instead, "", (), file, line)


S1 = "stairway/1-active-listening.md"
S2 = "stairway/2-empathy.md"
CL = "checklists/first-officer.md"
SI = "situations/suicidal.md"
SK = "skills/active-listening.md"

GUIDE = Guide(
    stages=(
        Stage(
            "active-listening",
            "Active Listening",
            1,
            "Bring the emotion down so they can think.",
            do=(_item("Speak slowly, low and calm.", S1, 12),),
            signs=(_item("They answer your questions.", S1, 20),),
            warnings=(_item("Shouting starts again each time you speak.", S1, 25),),
            phrases=(
                _phrase("Can you tell me what happened today?", SAY, 1, S1, 31),
                _phrase("Calm down.", AVOID, 1, S1, 40, instead="You sound really upset."),
            ),
            meta=_meta("active-listening", "Active Listening", S1),
        ),
        Stage(
            "empathy",
            "Empathy",
            2,
            "Show you understand how they feel.",
            do=(),
            signs=(_item("They correct your labels.", S2, 18),),
            warnings=(),
            phrases=(
                _phrase(
                    "It sounds like you feel betrayed by the people you trusted.", SAY, 2, S2, 30
                ),
                _phrase("Zoë, you sound exhausted.", SAY, 2, S2, 31),
                _phrase("I know exactly how you feel.", AVOID, 2, S2, 44),
            ),
            meta=_meta("empathy", "Empathy", S2),
        ),
    ),
    checklists=(
        Checklist(
            "first-officer",
            "First officer on scene",
            1,
            ("Isolate", "Request"),
            items=(
                _item("Set the inner perimeter.", CL, 9, "Isolate", "set-the-inner-perimeter"),
                _item("Request negotiators early.", CL, 15, "Request", "request-negotiators-early"),
            ),
            meta=_meta("first-officer", "First officer on scene", CL),
        ),
    ),
    situations=(
        Situation(
            "suicidal",
            "Suicidal subject",
            "A person threatening to end their life.",
            priorities=(_item("Keep them talking.", SI, 10),),
            questions=(_item("Do you have a plan to end your life?", SI, 14),),
            danger_signs=(_item("Sudden calm after distress.", SI, 18),),
            meta=_meta("suicidal", "Suicidal subject", SI),
        ),
    ),
    skills=(
        Skill(
            "paraphrasing",
            "Paraphrasing",
            "Repeat the meaning in your own words.",
            "When the story is long.",
            ("So you were fired this morning.",),
            SK,
            20,
        ),
    ),
)
INDEX = build_index(GUIDE)


@pytest.mark.parametrize(
    "query, kind, target",
    [
        # exact word in a phrase
        (
            "betrayed",
            "phrase",
            ("phrase", 2, "It sounds like you feel betrayed by the people you trusted."),
        ),
        # prefix of a word while the officer is still typing
        (
            "betra",
            "phrase",
            ("phrase", 2, "It sounds like you feel betrayed by the people you trusted."),
        ),
        # one typo (swapped letters) in an 8-letter word
        (
            "betrayde",
            "phrase",
            ("phrase", 2, "It sounds like you feel betrayed by the people you trusted."),
        ),
        # two typos in a long word
        ("negotators", "checklist", ("checklist", "first-officer", "request-negotiators-early")),
        # one substitution in a 9-letter word
        ("perimiter", "checklist", ("checklist", "first-officer", "set-the-inner-perimeter")),
        # accents and case do not matter either way
        ("ZOE", "phrase", ("phrase", 2, "Zoë, you sound exhausted.")),
        # a stage's purpose opens the stage
        ("emotion", "stage", ("stage", 1)),
        # a move-up sign opens its stage
        ("labels", "stage", ("stage", 2)),
        # a situation's danger sign opens the situation
        ("distress", "situation", ("situation", "suicidal")),
        # a skill's example opens the skill
        ("fired", "skill", ("skill", "paraphrasing")),
        # a skill's title
        ("paraphrasing", "skill", ("skill", "paraphrasing")),
        # an Avoid phrase is found too
        ("exactly", "phrase", ("phrase", 2, "I know exactly how you feel.")),
        # a plural finds the singular: "labels" is a move-up sign, "label" matches it
        ("label", "stage", ("stage", 2)),
        # and a singular the plural
        ("negotiator", "checklist", ("checklist", "first-officer", "request-negotiators-early")),
    ],
)
def test_top_hit(query, kind, target):
    hits = search(INDEX, query)
    assert hits, query
    assert (hits[0].kind, hits[0].target) == (kind, target)


@pytest.mark.parametrize(
    "query",
    [
        "",  # nothing typed
        "   ,.;  ",  # punctuation only
        "xylophone",  # a word the guide does not contain
        "bxtrxxed",  # 8 letters but 3 edits from "betrayed": too far
    ],
)
def test_no_hits(query):
    assert search(INDEX, query) == []


@pytest.mark.parametrize(
    "query, expected_min",
    [
        # a 3-letter word gets no typo tolerance: "cam" must not match "calm"
        ("cam", 0),
        # but 4 letters allow one edit: "clam" -> "calm" (transposition)
        ("clam", 1),
    ],
)
def test_typo_threshold(query, expected_min):
    texts = [h.snippet for h in search(INDEX, query)]
    assert (len([t for t in texts if "alm" in t.lower()]) >= 1) == bool(expected_min), texts


def test_a_real_word_is_not_read_as_a_typo_of_another():
    # "calm" is in the guide, so it must not also match "call" (one letter away)
    guide = Guide(
        checklists=(
            Checklist(
                "c",
                "If it is a domestic call",
                1,
                (),
                (
                    _item("Find out where the children are.", CL, 3, id_="children"),
                    _item("Stay calm.", CL, 4, id_="stay-calm"),
                ),
                _meta("c", "If it is a domestic call", CL),
            ),
        )
    )
    hits = search(build_index(guide), "calm")
    assert [h.target for h in hits] == [("checklist", "c", "stay-calm")]


def test_all_words_must_match_and_phrase_ranks_first():
    hits = search(INDEX, "you sound")
    # "you sound exhausted" holds both words in order; a doc with only "you" is not returned
    assert hits[0].target == ("phrase", 2, "Zoë, you sound exhausted.")
    assert all("sound" in normalize(h.snippet) for h in hits)


def test_partial_match_when_nothing_has_every_word():
    hits = search(INDEX, "perimeter banana")
    assert [h.target for h in hits] == [("checklist", "first-officer", "set-the-inner-perimeter")]


def test_hit_carries_source_location_and_place():
    hit = search(INDEX, "Request negotiators")[0]
    assert (hit.file, hit.line) == (CL, 15)
    assert hit.title == "First officer on scene: Request"
    assert hit.snippet == "Request negotiators early."


def test_limit_and_stable_order():
    hits = search(INDEX, "you", limit=3)
    assert len(hits) == 3
    assert hits == search(INDEX, "you", limit=3)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_scores_fall_within_each_tier():
    hits = search(INDEX, "you", limit=50)
    for avoid in (False, True):
        scores = [h.score for h in hits if ("Avoid" in h.title) is avoid]
        assert scores == sorted(scores, reverse=True)
    tiers = ["Avoid" in h.title for h in hits]
    assert tiers == sorted(tiers) and True in tiers  # every Avoid hit after the rest


def test_long_text_snippet_is_cut_around_the_match():
    long_text = "Opening words. " * 20 + "The needle is here. " + "Closing words. " * 20
    guide = Guide(skills=(Skill("s", "S", long_text, "", (), SK, 1),))
    hit = search(build_index(guide), "needle")[0]
    assert "needle" in hit.snippet
    assert hit.snippet.startswith("… ") and hit.snippet.endswith(" …")
    assert len(hit.snippet) <= 150


def test_same_phrase_from_two_files_is_one_hit():
    twice = (
        _phrase("Calm down.", AVOID, 1, S1, 40),
        _phrase("Calm down.", AVOID, 1, SI, 60),  # repeated in a situation file
    )
    stage = Stage("a", "A", 1, "", (), (), (), twice, _meta("a", "A", S1))
    hits = search(build_index(Guide(stages=(stage,))), "calm")
    assert [h.target for h in hits] == [("phrase", 1, "Calm down.")]


def test_empty_guide():
    assert search(build_index(Guide()), "anything") == []


def test_lazy_search_builds_the_index_once_at_the_first_search(monkeypatch):
    import app.guide.search as mod

    built = []
    real = mod.build_index
    monkeypatch.setattr(mod, "build_index", lambda g: built.append(g) or real(g))
    run = lazy_search(_weapons_guide())
    assert built == []  # a swap costs nothing until an officer searches
    first = run("weapon")
    assert run("weapon") == first and len(built) == 1
    assert first[0].snippet == search(build_index(_weapons_guide()), "weapon")[0].snippet


def test_lazy_search_with_an_index_that_cannot_be_built_finds_nothing(monkeypatch, caplog):
    import app.guide.search as mod

    def broken(guide):
        raise RuntimeError("bad guide")

    monkeypatch.setattr(mod, "build_index", broken)
    run = lazy_search(Guide())
    assert run("weapon") == [] and run("weapon") == []
    assert "search index could not be built" in caplog.text


def _weapons_guide() -> Guide:
    """The defect of issue 10: Avoid and Say phrases about the weapon crowded out the
    checklist item an officer needs first."""
    stage = Stage(
        "influence",
        "Influence",
        4,
        "",
        (),
        (),
        (),
        (
            _phrase("Drop the weapon now!", AVOID, 4, S1, 10, instead="Would you put it down?"),
            _phrase("Put the weapon down or else.", AVOID, 4, S1, 12, instead="What would help?"),
            _phrase("Give me the weapon.", AVOID, 4, S1, 14, instead="Where is it now?"),
            _phrase("I feel worried when I see the weapon in your hand.", SAY, 4, S1, 20),
            _phrase("Would you put the weapon down, away from you?", SAY, 4, S1, 22),
            _phrase("Where is the weapon now?", SAY, 4, S1, 24),
        ),
        _meta("influence", "Influence", S1),
    )
    checklist = Checklist(
        "first-officer",
        "First officer on scene",
        1,
        ("Evaluate",),
        (
            _item("Find out about weapons.", CL, 51, "Evaluate", "find-out-about-weapons"),
            _item("Note who is inside.", CL, 52, "Evaluate", "note-who-is-inside"),
        ),
        _meta("first-officer", "First officer on scene", CL),
    )
    return Guide(stages=(stage,), checklists=(checklist,))


def test_weapon_finds_the_checklist_item_in_the_top_3():
    hits = search(build_index(_weapons_guide()), "weapon")
    top = [h.snippet for h in hits[:3]]
    assert "Find out about weapons." in top, top
    # every Avoid phrase ranks below every Say phrase and the checklist item
    kinds = ["avoid" if "Avoid" in h.title else h.kind for h in hits]
    assert kinds.index("avoid") > max(i for i, k in enumerate(kinds) if k != "avoid"), kinds


def test_weapon_in_the_shipped_guide_puts_a_checklist_item_in_the_top_3():
    hits = search(build_index(compile_guide(REAL)), "weapon")
    assert any(h.kind == "checklist" and "weapon" in normalize(h.snippet) for h in hits[:3])
    assert all("Avoid" not in h.title for h in hits[:3]), [h.title for h in hits[:3]]


def test_an_avoid_hit_carries_what_to_say_instead():
    hit = next(h for h in search(INDEX, "calm") if h.snippet == "Calm down.")
    assert hit.instead == "You sound really upset."
    assert hit.phrase_id == "1-avoid-calm down."
    say = search(INDEX, "betrayed")[0]
    assert say.instead == "" and say.phrase_id.startswith("2-say-")


@pytest.mark.parametrize(
    "avoid_text, say_text",
    [
        # the same word, texts of the same length: Say first
        ("Drop the knife.", "Where's the knife?"),
        # the Avoid text is shorter, which alone would rank it first
        ("Knife down!", "Is the knife still in your hand?"),
    ],
)
def test_say_ranks_above_avoid(avoid_text, say_text):
    phrases = (_phrase(avoid_text, AVOID, 1, S1, 1), _phrase(say_text, SAY, 1, S1, 2))
    stage = Stage("a", "A", 1, "", (), (), (), phrases, _meta("a", "A", S1))
    hits = search(build_index(Guide(stages=(stage,))), "knife")
    assert [h.snippet for h in hits] == [say_text, avoid_text]
