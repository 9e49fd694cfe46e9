"""The drills as pure state: name the skill, the scenario walk's meter and summary, your own
words, timed mode, history writes and the Progress bars. Runs on the shipped guide."""

from __future__ import annotations

import random
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.guide import compile_guide
from app.guide.model import ACCEPTABLE, AVOID, BEST, HARMFUL, SAY, Answer, Meta, Scenario, Turn
from app.practice.drills import TIME_LIMIT, Practice
from app.practice.history import PracticeHistory
from app.practice.walk import Walk
from tests.guide_helpers import REAL

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def guide():
    g = compile_guide(REAL)
    assert g.problems == ()
    return g


class Clock:
    """A hand-moved monotonic clock, so time to answer is exact."""

    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def practice(guide, clock):
    return Practice(
        guide, PracticeHistory(None), clock=clock, now=lambda: NOW, rng=random.Random(7)
    )


def phrase(guide, pid):
    return next(p for s in guide.stages for p in s.phrases if p.id == pid)


# --- name the skill ---


def test_questions_come_from_the_guide_with_four_choices(practice, guide):
    quiz = practice.start_quiz(n=12)
    assert len(quiz.questions) == 12
    kinds = [q.kind for q in quiz.questions]
    assert kinds.count(AVOID) == 3  # a quarter are "what is wrong with this?"
    for q in quiz.questions:
        p = phrase(guide, q.id)
        assert q.text == p.text
        assert len({c.id for c in q.choices}) == 4
        assert q.answer in {c.id for c in q.choices}
        assert q.answer == (p.skill if q.kind == SAY else p.group)


@pytest.mark.parametrize("seed", range(5))
def test_drilling_one_skill_asks_it_half_the_time_among_others(guide, seed):
    """With that skill alone, the same button was right every time: full marks without
    telling one skill from another."""
    practice = Practice(guide, PracticeHistory(None), rng=random.Random(seed))
    quiz = practice.start_quiz(n=10, skill="paraphrasing")
    answers = [q.answer for q in quiz.questions]
    assert len(answers) == 10 and answers.count("paraphrasing") == 5
    assert all(q.kind == SAY for q in quiz.questions)
    others = [a for a in answers if a != "paraphrasing"]
    assert len(set(others)) == len(others)  # one skill after another, not five of the largest
    assert len({q.id for q in quiz.questions}) == 10


def test_the_same_seed_asks_the_same_questions(guide):
    a, b = (Practice(guide, PracticeHistory(None), rng=random.Random(3)).start_quiz() for _ in "ab")
    assert a.questions == b.questions


@pytest.mark.parametrize("pick_right", [True, False])  # right choice, then a wrong one
def test_say_feedback_teaches_the_skill(practice, guide, clock, pick_right):
    quiz = practice.start_quiz(n=20)
    q = next(q for q in quiz.questions if q.kind == SAY)
    while quiz.current != q:
        quiz.answer(None)
        quiz.next()
    clock.t += 4.5
    wrong = next(c.id for c in q.choices if c.id != q.answer)
    fb = quiz.answer(q.answer if pick_right else wrong)
    skill = next(s for s in guide.skills if s.id == q.answer)
    assert (fb.right, fb.answer.id, fb.definition) == (pick_right, q.answer, skill.description)
    assert fb.example in skill.examples and fb.example != q.text
    last = practice.history.attempts()[-1]
    assert (last.drill, last.skill, last.right, last.seconds, last.item) == (
        "name-skill",
        q.answer,
        pick_right,
        4.5,
        q.id,
    )


def test_avoid_feedback_gives_why_and_instead(practice, guide):
    quiz = practice.start_quiz(n=20)
    q = next(q for q in quiz.questions if q.kind == AVOID)
    while quiz.current != q:
        quiz.answer(None)
        quiz.next()
    fb = quiz.answer(q.answer)
    p = phrase(guide, q.id)
    assert (fb.right, fb.why, fb.instead) == (True, p.why, p.instead)
    assert fb.why and fb.instead


@pytest.mark.parametrize(
    "waited, late",
    [
        (TIME_LIMIT - 0.5, False),  # in time: counts
        (TIME_LIMIT + 0.5, True),  # too late: the right choice counts as wrong
    ],
)
def test_timed_mode_counts_a_late_answer_as_wrong(practice, clock, waited, late):
    quiz = practice.start_quiz(n=2, timed=True)
    assert quiz.left() == TIME_LIMIT
    clock.t += waited
    fb = quiz.answer(quiz.current.answer)
    assert (fb.right, fb.late) == (not late, late)
    a = practice.history.attempts()[-1]
    assert (a.right, a.timed) == (not late, True)


def test_timeout_is_a_wrong_answer_and_the_clock_restarts(practice, clock):
    quiz = practice.start_quiz(n=2, timed=True)
    clock.t += TIME_LIMIT
    assert quiz.left() == 0
    assert quiz.timeout().right is False
    with pytest.raises(RuntimeError, match="already answered"):
        quiz.answer(quiz.current.answer)
    quiz.next()
    assert quiz.left() == TIME_LIMIT


# --- the scenario walk ---


def scenario(n: int) -> Scenario:
    answers = (
        Answer("You sound scared.", BEST, "emotion-labeling", "Names the feeling."),
        Answer("Okay.", ACCEPTABLE, "minimal-encouragers", "Shows you heard."),
        Answer("Calm down.", HARMFUL, None, "Brushes them off."),
    )
    turns = tuple(Turn(f"Line {i}.", answers) for i in range(n))
    meta = Meta("practice-x", "X", "1.0", "2026-11-01", ("fbi-cnu-als",), "practice/x.md")
    return Scenario("practice-x", "X", "suicidal", "", turns, meta)


def play(walk: Walk, grades: str) -> list[int]:
    """b = best, a = acceptable, h = harmful, - = no answer in time; the stage after each."""
    names = {"b": BEST, "a": ACCEPTABLE, "h": HARMFUL}
    out = []
    for g in grades:
        i = None if g == "-" else [a.grade for a in walk.answers].index(names[g])
        out.append(walk.choose(i).stage_after)
    return out


@pytest.mark.parametrize(
    "n, grades, stages",
    [
        (8, "bbbbbbbb", [1, 2, 2, 3, 3, 4, 4, 5]),  # perfect: stage 5 on the last turn
        (8, "aaaaaaaa", [1, 1, 1, 2, 2, 2, 2, 3]),  # acceptable climbs half as fast
        (8, "hhhhhhhh", [1] * 8),  # the meter never goes below stage 1
        (8, "bbbbhbbb", [1, 2, 2, 3, 2, 2, 3, 3]),  # harmful at stage 3 drops to stage 2
        (8, "bb-bbbbb", [1, 2, 2, 2, 3, 3, 4, 4]),  # a missed turn leaves the meter alone
        (9, "bbbbbbbbb", [1, 1, 2, 2, 3, 3, 4, 4, 5]),  # 9 x 4/9 reaches 5 (no float drift)
    ],
)
def test_the_meter_climbs_and_drops(n, grades, stages):
    assert play(Walk(scenario(n), random.Random(1)), grades) == stages


def test_summary_names_the_stage_and_what_to_review(guide):
    walk = Walk(scenario(8), random.Random(2))
    play(walk, "bbbbhabb")
    s = walk.summary(guide)
    assert (s.stage, s.stage_id, s.stage_title) == (3, "rapport", "Rapport")
    assert (s.best, s.acceptable, s.harmful, s.missed) == (6, 1, 1, 0)
    (review,) = s.review  # one per skill, though two turns missed it
    assert (review.skill, review.skill_title, review.stage) == (
        "emotion-labeling",
        "Emotion labeling",
        "rapport",
    )
    assert review.line == "Line 4." and review.best == "You sound scared."


def test_answers_are_shuffled_once_per_turn():
    orders = {
        tuple(a.grade for a in Walk(scenario(8), random.Random(i)).answers) for i in range(12)
    }
    assert len(orders) > 1  # Best is not always first


def test_a_walk_over_a_shipped_scenario_writes_history(practice, clock):
    sid = practice.scenarios("suicidal")[0].id
    session = practice.start_walk(sid)
    while session.walk.turn is not None:
        clock.t += 3
        best = [a.grade for a in session.walk.answers].index(BEST)
        session.choose(best)
        session.next()
    assert session.summary().stage == 5
    attempts = practice.history.attempts()
    assert len(attempts) == len(session.walk.scenario.turns)
    assert all(a.drill == "scenario" and a.right and a.seconds == 3 for a in attempts)
    assert attempts[0].item.startswith(sid + "/")


def test_unknown_scenario_is_a_plain_error(practice):
    with pytest.raises(KeyError, match="no practice scenario 'nope'"):
        practice.start_walk("nope")


# --- your own words ---


def test_own_words_judges_against_the_line_and_shows_model_answers(practice):
    session = practice.start_own_words(n=3)
    p = session.current
    last_words = p.said.rstrip(".!?").split()[-2:]
    judged = session.answer(" ".join(last_words) + "?")
    assert judged.result.skill == "mirroring"
    best = [a.text for a in p.turn.answers if a.grade == BEST]
    assert judged.models[0] == best[0] and len(judged.models) == 3
    a = practice.history.attempts()[-1]
    assert (a.drill, a.skill, a.item) == ("own-words", "mirroring", p.id)


def test_a_frame_with_a_gap_is_not_shown_as_a_model_answer(guide):
    """'So you've been dealing with [what they told you]...' is a frame for the street; as
    the model answer to one line it reads like a template left unfilled, so it comes only
    when the guide has no whole phrase left for that skill."""
    from app.guide.query import phrases
    from app.practice.sessions import model_answers

    skills = {p.skill for p in phrases(guide, kind=SAY) if "[" in p.text and p.skill}
    assert len(skills) >= 2  # the guide has frames, so this test can fail
    for skill in skills:
        models = model_answers(guide, None, skill, None, n=50)
        frames = [i for i, m in enumerate(models) if "[" in m]
        assert frames and frames == list(range(frames[0], len(models))), skill


def test_a_flagged_answer_counts_as_wrong(practice):
    session = practice.start_own_words(n=1)
    judged = session.answer("What are your demands?")
    assert [f.code for f in judged.result.flags] == ["banned-word"]
    assert practice.history.attempts()[-1].right is False


def test_an_order_counts_against_no_skill(practice):
    """'You stop that right now.' opens like a paraphrase: counted as a wrong paraphrase,
    it would make paraphrasing look weak and send the officer to drill the wrong skill."""
    session = practice.start_own_words(n=1)
    judged = session.answer("You stop that right now.")
    assert judged.result.skill is None and judged.result.to_fix
    a = practice.history.attempts()[-1]
    assert (a.skill, a.right) == (None, False)


def test_a_flag_to_check_does_not_count_against_the_skill(guide, clock):
    """The backstop's flag is unsure (no rule says which killer): an instructor asked that
    it never lowers a score. A rule's flag still does."""
    from app.practice.backstop import Backstop
    from app.practice.classify import Classifier

    toy = Backstop(bias=-3.0, weights={"pickles": 6.0}, threshold=0.5)
    practice = Practice(guide, PracticeHistory(None), clock=clock, now=lambda: NOW,
                        rng=random.Random(7),
                        classifier=Classifier(guide.style, guide.skills, backstop=toy))
    session = practice.start_own_words(n=2)
    judged = session.answer("What happened with the pickles?")
    assert [(f.code, f.hedged) for f in judged.result.flags] == [("rapport-killer", True)]
    assert judged.result.skill == "open-ended-questions"
    assert practice.history.attempts()[-1].right is True
    session.next()
    judged = session.answer("Calm down about the pickles.")  # a rule's flag: to fix
    assert judged.result.flags and not any(f.hedged for f in judged.result.flags)
    assert practice.history.attempts()[-1].right is False


def test_the_same_words_for_every_line_are_named_and_not_counted_right(practice):
    """'I hear you' to every line is a minimal encourager each time: Progress showed that
    skill at 100% for an officer who answered nothing the person said."""
    session = practice.start_own_words(n=3)
    first = session.answer("I hear you.")
    assert first.result.skill == "minimal-encouragers" and not first.result.to_fix
    assert practice.history.attempts()[-1].right is True
    session.next()
    again = session.answer("i HEAR you!")  # the same words for a new line
    assert [f.code for f in again.result.to_fix] == ["repeated"]
    assert "same words to an earlier line" in again.result.to_fix[0].message
    assert practice.history.attempts()[-1].right is False
    session.next()
    fresh = session.answer("You sound exhausted.")
    assert not any(f.code == "repeated" for f in fresh.result.flags)


@pytest.mark.parametrize(
    "first, again",
    [
        ("...", "…"),  # a pause, then the same pause: punctuation alone is compared as itself
        ("I hear you.", "I hear\u00ad you"),  # a soft hyphen hides nothing
        ("Tell me more.", "ｔｅｌｌ ｍｅ ｍｏｒｅ"),  # full-width letters are the same words
    ],
)
def test_a_stock_answer_cannot_hide_behind_punctuation_or_invisible_characters(
    practice, first, again
):
    session = practice.start_own_words(n=3)
    session.answer(first)
    session.next()
    judged = session.answer(again)
    assert "repeated" in [f.code for f in judged.result.to_fix]


def test_asking_about_suicide_again_on_a_later_line_is_never_a_stock_answer(practice):
    session = practice.start_own_words(n=3)
    ask = "Are you thinking of killing yourself?"
    assert session.answer(ask).result.asks_safety
    session.next()
    assert not any(f.code == "repeated" for f in session.answer(ask).result.flags)


# --- history and progress ---


def test_a_refused_write_keeps_the_feedback_and_says_why(guide, tmp_path):
    data = tmp_path / "data"
    data.write_text("not a folder")
    practice = Practice(guide, PracticeHistory(data), rng=random.Random(1))
    quiz = practice.start_quiz(n=1)
    fb = quiz.answer(quiz.current.answer)
    assert fb.right
    assert quiz.notice.startswith("Practice history could not be saved")


def test_progress_has_a_bar_for_every_skill_and_the_weakest(practice, guide):
    quiz = practice.start_quiz(n=40)
    for q in quiz.questions:  # right on every skill but paraphrasing
        wrong = q.kind == SAY and q.answer == "paraphrasing"
        quiz.answer(next(c.id for c in q.choices if (c.id == q.answer) != wrong))
        quiz.next()
    p = practice.progress(NOW)
    assert [b.skill for b in p.week] == [s.id for s in guide.skills]
    assert p.week == p.month
    para = next(b for b in p.month if b.skill == "paraphrasing")
    assert para.total >= 3 and para.ratio == 0
    assert p.weakest == para
    assert practice.erase_history() == 40
    assert practice.progress(NOW).weakest is None


def test_practice_imports_no_flet():
    probe = (
        "import importlib, pkgutil, sys, app.practice\n"
        "for m in pkgutil.walk_packages(app.practice.__path__, 'app.practice.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert 'app.practice.drills' in sys.modules\n"
        "assert not [m for m in sys.modules if m == 'flet' or m.startswith('flet.')]\n"
    )
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
