"""Headless tests of the three drills (issue 8): Name the skill, Scenario walk, Your own
words, and timed mode, driven through the real factory by the labels in app.ui.labels.
What the screen shows is checked against the guide and against the practice history."""

from __future__ import annotations

import asyncio
import re

import pytest

from app.guide.model import ACCEPTABLE, AVOID, BEST, HARMFUL, SAY
from app.practice.drills import TIME_LIMIT
from app.ui import labels as L
from app.ui.views.practice_common import HEARTBEAT

BRIDGE = "practice-bridge"  # content/practice/suicidal-bridge.md: 8 lines


class Clock:
    """A hand-moved monotonic clock for the drills, so the countdown is exact."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def attempts(app):
    return app.state.practice.core.history.attempts()


def choice_label(q, right: bool) -> str:
    return next(c.label for c in q.choices if (c.id == q.answer) == right)


async def open_drill(app, drill: str, timed: bool = False) -> None:
    """From Home: Practice, timed mode if asked, the drill (the walk: the bridge)."""
    await app.click(L.OPEN_PRACTICE)
    if timed:
        await app.click(L.TIMED_MODE)
    await app.click(drill)
    if drill == L.DRILL_WALK:
        title = next(s.title for s in app.state.guide.practice if s.id == BRIDGE)
        await app.click(L.scenario(title))
        if timed:  # the scene is read first; the clock starts on the officer's tap
            await app.click(L.START_CLOCK)


async def open_timed(app, drill: str) -> Clock:
    """The drill in timed mode, on a clock the test moves by hand."""
    clock = Clock()
    app.state.practice.core.clock = clock
    await open_drill(app, drill, timed=True)
    return clock


async def beat(app) -> None:
    """Let the countdown's heartbeat run once or twice."""
    await asyncio.sleep(HEARTBEAT * 2.5)
    await app.settle()


# --- Practice, one tap from Home ---


async def test_practice_is_one_tap_from_home_and_offers_the_three_drills(app):
    await app.click(L.OPEN_PRACTICE)
    assert app.state.nav.route == "/practice"
    for label in (L.DRILL_SKILL, L.DRILL_WALK, L.DRILL_WORDS, L.TIMED_MODE, L.OPEN_PROGRESS):
        assert app.has(label), label
    # each drill is a card: what it is, then its button (under the button, the words read
    # as the caption of the next button down)
    import flet as ft

    from app.i18n import text as t
    from app.ui import screens
    from app.ui.views.practice import DRILLS

    for screen, _, about in DRILLS:
        button = app.find(screens.get(screen).label)
        at = button.parent.controls.index(button)
        above = button.parent.controls[at - 1] if at else None
        assert isinstance(above, ft.Text) and above.value == t(about), screen


# --- Name the skill ---


@pytest.mark.parametrize(
    "right, verdict",
    [
        (True, "Right."),  # the right skill: told so, and taught the skill anyway
        (False, "Not quite. It is"),  # a wrong skill: the right one is named
    ],
)
async def test_name_the_skill_feedback_gives_the_definition(app, right, verdict):
    await open_drill(app, L.DRILL_SKILL)
    app.state.nav.go("practice_skill", skill="paraphrasing")  # only Say questions
    await app.settle()
    q = app.state.practice.quiz.current
    assert q.kind == SAY and q.text in app.texts()
    assert all(app.has(L.quiz_choice(c.label)) for c in q.choices) and len(q.choices) == 4
    await app.click(L.quiz_choice(choice_label(q, right)))
    skill = next(s for s in app.state.guide.skills if s.id == q.skill)  # half are others
    texts = app.texts()
    assert any(t.startswith(verdict) for t in texts)
    assert f"{skill.title}: {skill.description}" in texts  # the definition
    assert any(t.startswith("Another example: ") for t in texts)
    assert not any(app.has(L.quiz_choice(c.label)) for c in q.choices)  # no second tap
    mark = "Your answer: " if right else ""
    assert any(t == f"{mark}{skill.title}" for t in app.texts())  # the right one, marked
    last = attempts(app)[-1]
    assert (last.drill, last.skill, last.right, last.item) == ("name-skill", q.skill,
                                                               right, q.id)


async def test_an_avoid_phrase_asks_what_is_wrong_with_why_and_instead(app):
    await open_drill(app, L.DRILL_SKILL)
    p = app.state.practice
    while p.quiz.current.kind != AVOID:  # a quarter of the questions are Avoid phrases
        await app.click(L.quiz_choice(choice_label(p.quiz.current, True)))
        await app.click(L.NEXT_QUESTION)
    q = p.quiz.current
    assert "What is wrong with this?" in app.texts()
    await app.click(L.quiz_choice(choice_label(q, False)))
    phrase = next(x for s in app.state.guide.stages for x in s.phrases if x.id == q.id)
    assert {f"Why: {phrase.why}", f"Instead: {phrase.instead}"} <= set(app.texts())


async def test_a_double_tap_counts_once(app):
    await open_drill(app, L.DRILL_SKILL)
    q = app.state.practice.quiz.current
    label = L.quiz_choice(choice_label(q, True))
    await app.session.dispatch_event(app.find(label)._i, "click", None)
    await app.session.dispatch_event(app.find(label)._i, "click", None)  # the old render
    await app.settle()
    assert len(attempts(app)) == 1 and app.state.practice.quiz.right == 1


async def test_name_the_skill_ends_with_the_score_and_can_start_again(app):
    await open_drill(app, L.DRILL_SKILL)
    quiz = app.state.practice.quiz
    n = len(quiz.questions)
    for i in range(n):
        await app.click(L.quiz_choice(choice_label(quiz.current, i % 2 == 0)))
        await app.click(L.SEE_RESULT if i == n - 1 else L.NEXT_QUESTION)
    assert f"{(n + 1) // 2} of {n} right" in app.texts()
    assert len(attempts(app)) == n
    await app.click(L.PRACTICE_AGAIN)
    assert app.state.practice.quiz is not quiz and "Question 1 of 10 · 0 right" in app.texts()


async def test_browser_back_after_back_to_practice_shows_the_run_as_it_ended(app):
    """"Back to practice" at the end of a run, then the browser's Back: it had opened a new
    run of the drill. Back shows the end as it was left; the drill tapped on the Practice
    screen is a new run."""
    await open_drill(app, L.DRILL_SKILL)
    quiz = app.state.practice.quiz
    n = len(quiz.questions)
    for i in range(n):
        await app.click(L.quiz_choice(choice_label(quiz.current, True)))
        await app.click(L.SEE_RESULT if i == n - 1 else L.NEXT_QUESTION)
    assert f"{n} of {n} right" in app.texts()
    await app.click(L.BACK_TO_PRACTICE)
    assert app.state.nav.screen == "practice" and app.state.practice.quiz is None
    await app.browser_back()
    assert app.state.practice.quiz is quiz and f"{n} of {n} right" in app.texts()
    assert len(attempts(app)) == n  # nothing counted again
    await app.browser_back()  # Back again: the Practice screen, then a new run from it
    await app.click(L.DRILL_SKILL)
    assert app.state.practice.quiz is not quiz and "Question 1 of 10 · 0 right" in app.texts()


async def test_browser_back_to_practice_and_forward_goes_on_with_the_run(app):
    """A run left for the Practice screen by the browser's Back comes back with Forward at
    the question it was on; the Practice screen's own button still starts a new run."""
    await open_drill(app, L.DRILL_SKILL)
    drill_route = app.state.nav.route
    quiz = app.state.practice.quiz
    for _ in range(3):
        await app.click(L.quiz_choice(choice_label(quiz.current, True)))
        await app.click(L.NEXT_QUESTION)
    await app.browser_back()
    assert app.state.nav.screen == "practice"
    await app.session.connection.route_change(drill_route)  # the browser's Forward
    await app.settle()
    assert app.state.practice.quiz is quiz and "Question 4 of 10 · 3 right" in app.texts()
    app.state.nav.go("practice")  # the phone's Back: the Practice screen, pushed
    await app.settle()
    await app.click(L.DRILL_SKILL)
    assert app.state.practice.quiz is not quiz and len(attempts(app)) == 3


# --- Scenario walk ---


async def test_the_scenario_list_filters_by_situation(app):
    await app.click(L.OPEN_PRACTICE)
    await app.click(L.DRILL_WALK)
    every = [s.title for s in app.state.guide.practice]
    assert all(app.has(L.scenario(t)) for t in every)
    await app.click(L.scenario_filter("Hostage taker"))
    shown = [t for t in every if app.has(L.scenario(t))]
    assert shown == [s.title for s in app.state.guide.practice if s.situation == "hostage"]
    assert app.state.nav.route == "/practice/walk?situation=hostage"


def pick_grade(app, grade: str) -> str:
    answers = app.state.practice.walk.walk.answers
    return next(a.text for a in answers if a.grade == grade)


@pytest.mark.parametrize(
    "grades, stage, review",
    [
        ("bbbbbbbb", 5, False),  # every best answer: the top of the stairway, nothing to review
        ("bbbbhbbb", 3, True),  # a harmful answer at stage 3 drops a stage
        ("hhhhhhhh", 1, True),  # the meter never goes below stage 1
        ("aaaaaaaa", 3, True),  # acceptable answers climb half as fast
    ],
)
async def test_a_walk_climbs_drops_and_ends_with_the_stage_reached(app, grades, stage, review):
    await open_drill(app, L.DRILL_WALK)
    names = {"b": BEST, "a": ACCEPTABLE, "h": HARMFUL}
    for i, g in enumerate(grades):
        before = app.state.practice.walk.walk.stage
        text = pick_grade(app, names[g])
        await app.click(L.walk_answer(text))
        texts = app.texts()
        assert not any(lab.startswith("Answer: ") for lab in app.labels())  # picked: no buttons
        if g == "h":
            said = ("Harmful. The meter drops a stage." if before > 1 else
                    "Harmful. The meter goes back to the start of stage 1.")
            assert said in texts
            assert f"Harmful (your answer): {text}" in texts
            assert app.state.practice.walk.walk.stage == max(1, before - 1)
            best = app.state.practice.last.best
            assert f"Best answer: “{best.text}”" in texts  # what to say instead
        elif g == "b":
            assert "Best answer. The meter climbs." in texts
        await app.click(L.SEE_RESULT if i == len(grades) - 1 else L.NEXT_LINE)
    title = next(s.title for s in app.state.guide.stages if s.order == stage)
    assert f"You reached stage {stage}: {title}" in app.texts()
    assert app.has(L.walk_meter(stage, 5, title))
    assert ("Nothing: every answer was the best one." in app.texts()) == (not review)
    assert [a.right for a in attempts(app)] == [g == "b" for g in grades]


async def test_a_walk_left_for_its_list_goes_on_where_it_was(app):
    """Browser Back to the scenario list, then the same scenario again (or Forward): the
    walk goes on at its line, each answer counted once. The Practice screen ends it."""
    await open_drill(app, L.DRILL_WALK)
    walk_route = app.state.nav.route
    title = next(s.title for s in app.state.guide.practice if s.id == BRIDGE)
    for _ in range(3):
        await app.click(L.walk_answer(pick_grade(app, BEST)))
        await app.click(L.NEXT_LINE)
    stage = app.state.practice.walk.walk.stage
    assert "Line 4 of 8" in app.texts()

    await app.browser_back()
    assert app.has(L.scenario(title)) and app.state.practice.walk is None
    await app.click(L.scenario(title))
    assert "Line 4 of 8" in app.texts() and app.state.practice.walk.walk.stage == stage
    await app.click(L.walk_answer(pick_grade(app, BEST)))
    await app.click(L.NEXT_LINE)
    assert len(attempts(app)) == 4

    await app.browser_back()
    await app.session.connection.route_change(walk_route)  # the browser's Forward
    await app.settle()
    assert "Line 5 of 8" in app.texts() and len(attempts(app)) == 4

    app.state.nav.go("practice")  # the Practice screen (and the phone's Back) ends the walk
    await app.settle()
    await app.click(L.DRILL_WALK)
    await app.click(L.scenario(title))
    assert "Line 1 of 8" in app.texts() and len(attempts(app)) == 4


async def test_a_finished_walk_comes_back_with_forward_and_is_new_from_its_list(app):
    """Run to its end, browser Back to the list, then Forward: it showed "Line 1 of 8", a
    new run. Forward shows the end again; the scenario tapped in the list is a new run."""
    await open_drill(app, L.DRILL_WALK)
    walk_route = app.state.nav.route
    title = next(s.title for s in app.state.guide.practice if s.id == BRIDGE)
    for i in range(8):
        await app.click(L.walk_answer(pick_grade(app, BEST)))
        await app.click(L.SEE_RESULT if i == 7 else L.NEXT_LINE)
    walk = app.state.practice.walk
    assert walk.walk.done
    await app.browser_back()
    assert app.has(L.scenario(title))
    list_route = app.state.nav.route
    await app.session.connection.route_change(walk_route)  # the browser's Forward
    await app.settle()
    assert app.state.practice.walk is walk and "Line 1 of 8" not in app.texts()
    assert len(attempts(app)) == 8
    await app.session.connection.route_change(list_route)  # and Back again
    await app.settle()
    await app.click(L.scenario(title))
    assert app.state.practice.walk is not walk and "Line 1 of 8" in app.texts()


async def test_the_end_of_a_walk_links_to_the_skill_and_the_stage(app):
    await open_drill(app, L.DRILL_WALK)
    for i in range(8):
        await app.click(L.walk_answer(pick_grade(app, HARMFUL if i == 0 else BEST)))
        await app.click(L.SEE_RESULT if i == 7 else L.NEXT_LINE)
    (r,) = app.state.practice.walk.summary().review  # the one line not answered best
    assert f"Harmful (your answer): “{r.chosen}”" in app.texts()  # what they said, then best
    assert r.chosen and r.chosen != r.best and f"Best answer: “{r.best}”" in app.texts()
    await app.click(L.review_skill(r.skill_title))
    assert app.state.nav.screen == "phrases" and app.state.phrases.skill == r.skill
    assert app.state.phrases.list(), "the link opens a stage where the skill has phrases"
    await app.browser_back()  # back to the summary, not a new walk
    assert app.has(L.review_stage(1, r.stage_title))
    await app.click(L.review_stage(1, r.stage_title))
    assert app.state.nav.route == "/stairway?read=1" or app.state.nav.screen == "stairway"


# --- Your own words ---


@pytest.mark.parametrize(
    "answer, verdict, flag",
    [
        ("You sound really scared.", "The rules found no problem.", None),  # a clean label
        ("Why did you do that?", "1 thing to fix.", "banned-word"),  # the never-say list's why
        ("Why are you up there?", "1 thing to fix.", "why-question"),  # a why it doesn't list
        ("I promise nobody will get hurt.", "1 thing to fix.", "promise"),  # a promise
        ("Did you take anything?", "1 thing to fix.", "closed-question"),  # yes-or-no
        # putting it off with comfort, in words no rule lists: the backstop's flag, unsure
        ("We can sort all of this out tomorrow with a cup of tea.", "1 thing to check.",
         "rapport-killer"),
    ],
)
async def test_own_words_names_the_skill_lists_flags_and_shows_models(app, answer, verdict, flag):
    await open_drill(app, L.DRILL_WORDS)
    await app.type(L.WORDS_FIELD, answer)
    await app.click(L.CHECK_ANSWER)
    judged = app.state.practice.last
    texts = app.texts()
    assert verdict in texts and judged.result.feedback in texts
    assert f"You said: “{answer}”" in texts
    codes = [f.code for f in judged.result.flags]
    assert (flag in codes) if flag else codes == []
    for f in judged.result.flags:  # each flag said once, in the feedback or the list
        assert sum(f.message in t for t in texts) == 1
    assert "Model answers" in texts and judged.models
    assert all(f"“{m}”" in texts for m in judged.models)
    caveat = "Rules can miss things: compare your answer with the model answers."
    if flag is None:
        assert judged.result.feedback.startswith("This looks like")  # never "this is"
        assert caveat in texts  # a clean result never reads as "safe to say"
    else:
        assert caveat not in texts


async def test_own_words_in_another_script_says_it_was_not_judged(app):
    await open_drill(app, L.DRILL_WORDS)
    await app.type(L.WORDS_FIELD, "أفهم أنك خائف جدا الآن")
    await app.click(L.CHECK_ANSWER)
    texts = app.texts()
    assert "Compare with the model answers." in texts
    assert any(x.startswith("Stairway's rules read English only") for x in texts)
    assert not any("doesn't look like one of the listening skills" in x for x in texts)
    assert attempts(app) == []  # not judged: not counted right or wrong


async def test_own_words_refuses_an_empty_answer_and_saves_nothing(app):
    await open_drill(app, L.DRILL_WORDS)
    await app.click(L.CHECK_ANSWER)
    assert "Type or say your answer first." in app.texts() and attempts(app) == []
    await app.type(L.WORDS_FIELD, "x" * 100_000 + "\ud800")  # huge, with a lone surrogate
    assert "Type or say your answer first." not in app.texts()  # typing mends it
    await app.click(L.CHECK_ANSWER)
    assert app.state.practice.last is not None and len(attempts(app)) == 1
    echo = next(x for x in app.texts() if x.startswith("You said: "))
    assert len(echo) < 320 and echo.endswith("…”")  # the verdict is not 100 KB down


async def test_own_words_ends_after_its_lines(app):
    await open_drill(app, L.DRILL_WORDS)
    n = len(app.state.practice.words.prompts)
    for i in range(n):
        await app.type(L.WORDS_FIELD, "What happened tonight?")
        await app.click(L.CHECK_ANSWER)
        await app.click(L.SEE_RESULT if i == n - 1 else L.NEXT_LINE)
        if i < n - 1:
            assert app.find(L.WORDS_FIELD).value == ""  # a new line starts with an empty field
    assert f"{n} lines answered" in app.texts() and app.has(L.PRACTICE_AGAIN)


# --- timed mode ---


@pytest.mark.parametrize(
    "drill, verdict",
    [
        (L.DRILL_SKILL, "Time is up. It is"),  # name the skill: the right one is named
        (L.DRILL_WALK, "Time is up. The meter stays where it was."),  # the meter holds
        (L.DRILL_WORDS, "Time is up."),  # own words: model answers still shown
    ],
)
async def test_timed_mode_counts_down_and_times_out(app, drill, verdict):
    clock = await open_timed(app, drill)
    assert f"{TIME_LIMIT:.0f} s left" in app.texts() and app.has(L.TIME_LEFT)
    clock.t += 3.2
    await beat(app)
    assert "7 s left" in app.texts()
    clock.t += 7
    await beat(app)
    assert any(t.startswith(verdict) for t in app.texts())
    assert not app.has(L.TIME_LEFT)  # the countdown is gone
    (a,) = attempts(app)
    assert (a.right, a.timed) == (False, True)


async def test_own_words_typed_and_not_checked_survive_back_and_forward(app):
    """A typed answer, not yet checked, was empty after the browser's Back then Forward,
    and after another tab and back: the field is built again, and started empty."""
    await open_drill(app, L.DRILL_WORDS)
    route = app.state.nav.route
    await app.type(L.WORDS_FIELD, "It sounds like you are exhausted")
    await app.browser_back()
    assert app.state.nav.screen == "practice"
    await app.session.connection.route_change(route)  # the browser's Forward
    await app.settle()
    assert app.find(L.WORDS_FIELD).value == "It sounds like you are exhausted"
    await app.nav(L.NAV_HOME)
    await app.session.connection.route_change(route)
    await app.settle()
    assert app.find(L.WORDS_FIELD).value == "It sounds like you are exhausted"
    await app.click(L.CHECK_ANSWER)
    assert app.state.practice.last.result.skill == "emotion-labeling"
    await app.click(L.NEXT_LINE)
    assert not app.find(L.WORDS_FIELD).value  # the next line starts empty


async def test_a_drill_left_by_the_app_bar_comes_back_with_the_browser_back(app):
    """The phone's Back to Practice, Back to Home, then the browser's Back twice: Practice
    shown again with no drill running threw the kept drill away, so the drill came back
    as a new run on another line, the typed answer gone."""
    await open_drill(app, L.DRILL_WORDS)
    words = app.state.practice.words
    await app.type(L.WORDS_FIELD, "You sound scared. I want to help.")
    await app.back()  # Practice
    await app.back()  # Home
    assert app.state.nav.screen == "home"
    await app.browser_back()
    assert app.state.nav.screen == "practice"
    await app.browser_back()
    assert app.state.practice.words is words
    assert app.find(L.WORDS_FIELD).value == "You sound scared. I want to help."


async def test_own_words_typed_when_time_runs_out_is_judged_late_not_thrown_away(app):
    clock = await open_timed(app, L.DRILL_WORDS)
    await app.type(L.WORDS_FIELD, "It sounds like you are exhausted")
    clock.t += TIME_LIMIT + 1
    await beat(app)
    texts = app.texts()
    assert "After the 10 seconds: it counts as missed." in texts
    assert "You said: “It sounds like you are exhausted”" in texts
    assert app.state.practice.last.result.skill == "emotion-labeling"  # what it would be
    (a,) = attempts(app)
    assert (a.right, a.timed) == (False, True)


async def test_a_timed_walk_opened_again_gives_its_line_the_full_time(app):
    """Left for the list and opened again, the line is shown anew: its 10 s start again."""
    clock = await open_timed(app, L.DRILL_WALK)
    clock.t += 7
    await app.browser_back()
    clock.t += 60  # a minute on the list
    title = next(s.title for s in app.state.guide.practice if s.id == BRIDGE)
    await app.click(L.scenario(title))
    assert app.state.practice.left() == pytest.approx(TIME_LIMIT)
    assert "Line 1 of 8" in app.texts() and attempts(app) == []


async def test_a_timed_walk_shows_its_scene_before_the_clock_runs(app):
    """10 s cannot hold the scene and the first line at the largest text: the scene comes
    first, with no clock; the clock starts with the officer's tap."""
    clock = Clock()
    app.state.practice.core.clock = clock
    await app.click(L.OPEN_PRACTICE)
    await app.click(L.TIMED_MODE)
    await app.click(L.DRILL_WALK)
    scenario = next(s for s in app.state.guide.practice if s.id == BRIDGE)
    await app.click(L.scenario(scenario.title))
    assert scenario.summary in app.texts() and not app.has(L.TIME_LEFT)
    assert not any(lab.startswith("Answer: ") for lab in app.labels())
    clock.t += 60  # reading takes as long as it takes
    await beat(app)
    assert attempts(app) == [] and app.has(L.START_CLOCK)

    await app.click(L.START_CLOCK)
    assert f"{TIME_LIMIT:.0f} s left" in app.texts() and not app.has(L.START_CLOCK)
    assert scenario.turns[0].line in " ".join(app.texts())
    assert any(lab.startswith("Answer: ") for lab in app.labels())


async def test_the_next_question_opens_at_its_top(app):
    await open_drill(app, L.DRILL_WALK)
    await app.click(L.walk_answer(pick_grade(app, BEST)))
    scroller = app.top_view().controls[0]
    await app.click(L.NEXT_LINE)
    again = app.top_view().controls[0]
    assert again.scroll and again.key != scroller.key  # built anew: at its top, not scrolled


async def test_untimed_drills_show_no_countdown(app):
    await open_drill(app, L.DRILL_SKILL)
    assert not app.has(L.TIME_LEFT) and app.state.practice.left() is None


async def test_the_countdown_stops_when_the_screen_goes(app):
    await open_drill(app, L.DRILL_SKILL, timed=True)
    await beat(app)
    tasks = len(asyncio.all_tasks())
    for _ in range(5):  # leaving and coming back must not pile up ticking tasks
        await app.back()
        assert app.state.nav.screen == "practice"
        await app.click(L.DRILL_SKILL)
        await beat(app)
    await app.back()
    await beat(app)
    assert len(asyncio.all_tasks()) < tasks  # the last countdown is gone too
    assert attempts(app) == []  # and none of them timed out a question behind our back


async def test_own_words_counts_a_safety_question_asked_straight_as_right(app):
    """"Are you thinking about killing yourself?" names no listening skill, and is right:
    the verdict says so, history counts it right, and there is nothing to keep."""
    await open_drill(app, L.DRILL_WORDS)
    await app.type(L.WORDS_FIELD, "Are you thinking about killing yourself?")
    await app.click(L.CHECK_ANSWER)
    texts = app.texts()
    assert "A safety question, asked straight." in texts
    assert "No listening skill found." not in texts
    assert any("Asking does not put the idea in their head." in t for t in texts)
    assert attempts(app)[-1].right and attempts(app)[-1].skill is None
    assert not app.has(L.KEEP_FINE)


async def test_own_words_reminds_to_ask_about_suicide_when_their_words_point_to_it(app):
    """On a line whose words may point to suicide, an answer that doesn't ask is told to;
    on the others, no such reminder."""
    from app.practice.classify import read
    from app.practice.safety import REMINDERS

    def points(said: str) -> bool:
        return any(re.search(pattern, read(said).lower()) for pattern, _ in REMINDERS)

    await open_drill(app, L.DRILL_WORDS)
    pool = app.state.practice.core.prompts()
    words = app.state.practice.words
    # the lines are drawn at random: make them two of each kind
    words.prompts = [p for p in pool if points(p.said)][:2] + [
        p for p in pool if not points(p.said)][:2]
    app.state.ui.changed()
    await app.settle()
    for i, p in enumerate(words.prompts):
        assert p.said in " ".join(app.texts())
        await app.type(L.WORDS_FIELD, "You sound worn out.")
        await app.click(L.CHECK_ANSWER)
        reminder = app.state.practice.last.result.reminder
        assert bool(reminder) == points(p.said), p.said
        assert (reminder in app.texts()) == points(p.said)  # a line of its own
        await app.click(L.SEE_RESULT if i == len(words.prompts) - 1 else L.NEXT_LINE)
    assert "4 lines answered" in app.texts()


async def test_timed_own_words_still_reminds_to_ask_when_time_runs_out(app):
    """An officer who freezes on "I wrote the kids a letter" still learns to ask."""
    from app.practice.safety import ASK_HINT

    clock = await open_timed(app, L.DRILL_WORDS)
    words = app.state.practice.words
    line = next(p for p in app.state.practice.core.prompts() if "letter" in p.said)
    words.prompts = [line]
    app.state.ui.changed()
    await app.settle()
    clock.t += TIME_LIMIT + 1
    await beat(app)
    texts = app.texts()
    assert "Time is up." in " ".join(texts)
    assert any(t.startswith(ASK_HINT) for t in texts)


async def test_own_words_shows_what_their_line_replies_to_and_reads_it_so(app):
    """"Yeah. Tonight." answers the question about suicide before it: the screen shows that
    question, and the verdict says to log the time, not to ask again."""
    from app.practice.safety import ASK_HINT

    await open_drill(app, L.DRILL_WORDS)
    words = app.state.practice.words
    line = next(p for p in app.state.practice.core.prompts() if p.said.startswith("Yeah. Tonight"))
    assert "killing yourself" in line.before
    words.prompts = [line]
    app.state.ui.changed()
    await app.settle()
    assert f"Before this, the officer in the scenario said: “{line.before}”" in app.texts()
    await app.type(L.WORDS_FIELD, "You sound worn out.")
    await app.click(L.CHECK_ANSWER)
    reminder = app.state.practice.last.result.reminder
    assert "If they named a time, log it and report it at once." in reminder
    assert ASK_HINT not in reminder and reminder in app.texts()
