"""Headless tests of Progress, erasing practice history, history across a restart, the
practice routes (reload, deep link, Back), and practice kept out of incidents (issue 8)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.i18n import text as t
from app.practice.history import Attempt, HistoryUnavailable, PracticeHistory
from app.ui import labels as L
from tests.test_ui_practice import choice_label, open_drill
from tests.ui_harness import CONTENT, open_incident, start


def attempts(app):
    return app.state.practice.core.history.attempts()


async def answer_quiz(app, rights: list[bool]) -> None:
    """Answer the quiz on screen: right or wrong, one question each."""
    quiz = app.state.practice.quiz
    assert len(quiz.questions) >= len(rights)
    for right in rights:
        await app.click(L.quiz_choice(choice_label(quiz.current, right)))
        await app.click(L.SEE_RESULT if quiz.index + 1 >= len(quiz.questions) else L.NEXT_QUESTION)


async def drill_skill(app, skill: str, rights: list[bool]) -> None:
    """Answers of one skill, given on screen: the drill for a skill asks it about half the
    time among others, so its other questions are set aside first (their answers would
    count for their skills)."""
    app.state.nav.go("practice_skill", skill=skill)
    await app.settle()
    quiz = app.state.practice.quiz
    quiz.questions[:] = [q for q in quiz.questions if q.skill == skill]
    app.state.ui.changed()
    await app.settle()
    await answer_quiz(app, rights)


# --- Progress ---


async def test_progress_bars_show_percent_and_count_after_answers(app):
    await open_drill(app, L.DRILL_SKILL)
    await drill_skill(app, "paraphrasing", [True, True, False, True])
    await drill_skill(app, "summarizing", [False])
    app.state.nav.go("progress")
    await app.settle()
    bars = {b.skill: b for b in app.state.practice.report.week}
    para, summ = bars["paraphrasing"], bars["summarizing"]
    assert (para.right, para.total, summ.right, summ.total) == (3, 4, 0, 1)
    assert app.has(L.skill_bar(para.title, 3, 4, 7))  # the bar, read out with its numbers
    assert app.find(L.skill_bar(para.title, 3, 4, 7)).value == pytest.approx(0.75)
    assert "75% · 3 of 4 right" in app.texts() and "0% · 0 of 1 right" in app.texts()
    assert app.has(L.skill_bar(bars["mirroring"].title, 0, 0, 7))  # not practised: shown
    await app.click(L.progress_days(30))
    assert app.has(L.skill_bar(para.title, 3, 4, 30))


@pytest.mark.parametrize(
    "answers, weakest",
    [
        ({"paraphrasing": [True] * 3, "summarizing": [True, False, False]}, "summarizing"),
        ({"paraphrasing": [True, False, False], "summarizing": [True] * 3}, "paraphrasing"),
        ({"paraphrasing": [False, False]}, None),  # fewer than 3 answers: no verdict yet
    ],
)
async def test_the_weakest_skill_has_a_button_that_drills_it(app, answers, weakest):
    await open_drill(app, L.DRILL_SKILL)
    for skill, rights in answers.items():
        await drill_skill(app, skill, rights)
    app.state.nav.go("progress")
    await app.settle()
    titles = {s.id: s.title for s in app.state.guide.skills}
    drills = [lab for lab in app.labels() if lab.startswith("Drill ")]
    if weakest is None:
        assert drills == [] and any("at least 3 questions" in t for t in app.texts())
        return
    assert drills == [L.drill_skill(titles[weakest])]
    # a skill with one wrong answer shows 0% below: the line says why it is not the one named
    assert f"{titles[weakest]}: 1 of 3 right (33%). Counted over the last 30 days, among the " \
        "skills answered 3 times or more." in app.texts()
    await app.click(L.drill_skill(titles[weakest]))
    assert app.state.nav.route == f"/practice/skill?skill={weakest}"
    asked = [q.skill for q in app.state.practice.quiz.questions]
    assert asked.count(weakest) == len(asked) // 2 and len(set(asked)) > 2  # among others
    assert t("quiz_focus", skill=titles[weakest]) in app.texts()  # and it says so


async def test_a_weakest_skill_with_no_phrase_to_ask_is_walked_instead(app):
    # effective pauses: scenario answers use it, the guide has no Say phrase of it to ask
    assert not app.state.practice.can_drill("effective-pauses")
    for _ in range(3):
        app.state.practice.core.history.record(Attempt(
            "scenario", "effective-pauses", False, 2.0, datetime.now(UTC), "practice-x/1"))
    app.state.nav.go("progress")
    await app.settle()
    assert not [lab for lab in app.labels() if lab.startswith("Drill ")]
    await app.click(L.DRILL_WALK)
    assert app.state.nav.route == "/practice/walk"


# --- erasing practice history (Settings) ---


async def test_erase_asks_first_with_the_count_and_never_touches_incidents(app):
    await open_incident(app)
    await app.type(L.NOTE_FIELD, "Subject on the rail")
    await app.click(L.note_kind("note"))
    inc = app.state.incident.current.id
    await app.nav(L.NAV_HOME)
    await open_drill(app, L.DRILL_SKILL)
    await answer_quiz(app, [True, False, True])
    app.state.nav.go("settings")
    await app.settle()
    await app.click(L.ERASE_PRACTICE)
    assert any(t.startswith("Erase 3 practice answers") for t in app.texts())
    await app.click(L.ERASE_PRACTICE_CANCEL)  # kept
    assert len(attempts(app)) == 3 and not app.has(L.ERASE_PRACTICE_CONFIRM)
    await app.click(L.ERASE_PRACTICE)
    await app.click(L.ERASE_PRACTICE_CONFIRM)
    assert attempts(app) == [] and any(t.startswith("Practice history erased (3 answers)")
                                       for t in app.texts())
    assert [n.text for n in app.state.log.all_notes(inc)] == ["Subject on the rail"]
    assert app.state.incident.is_open
    await app.click(L.ERASE_PRACTICE)  # nothing left: nothing to confirm
    assert "There is no practice history to erase." in app.texts()
    assert not app.has(L.ERASE_PRACTICE_CONFIRM)


async def test_back_closes_the_erase_question_and_stays_in_settings(app):
    """The question was a box inside Settings, its buttons below the fold at the largest
    text, and Back left Settings for Home. It is a full-screen question now, as the others:
    Back closes it, nothing is erased, and a yes tapped after it closed does nothing."""
    await open_drill(app, L.DRILL_SKILL)
    await answer_quiz(app, [True, False, True])
    app.state.nav.go("settings")
    await app.settle()
    await app.click(L.ERASE_PRACTICE)
    assert app.state.ui.dialog == "erase" and app.has(L.ERASE_PRACTICE_CONFIRM)
    assert not app.has(L.ERASE_PRACTICE)  # in place of the screen: the question alone
    confirm = app.find(L.ERASE_PRACTICE_CONFIRM)
    assert app.state.nav.back()  # the phone's Back
    await app.settle()
    assert app.state.nav.screen == "settings" and app.state.ui.dialog is None
    assert app.has(L.ERASE_PRACTICE) and not app.has(L.ERASE_PRACTICE_CONFIRM)
    await app.session.dispatch_event(confirm._i, "click", None)  # a late tap on the old yes
    await app.settle()
    assert len(attempts(app)) == 3


async def test_a_new_guide_restarts_the_drill_on_it_and_keeps_the_history(app):
    from dataclasses import replace

    await open_drill(app, L.DRILL_SKILL)
    await answer_quiz(app, [True])
    guide = app.state.guide
    skills = tuple(replace(s, description=f"New words: {s.description}") for s in guide.skills)
    shown = replace(app.state.packs.hub.current, guide=replace(guide, skills=skills))
    app.state.use_guide(shown)  # a pack applied, or a save in live preview
    await app.settle()
    assert app.state.practice.core.guide is shown.guide
    q = app.state.practice.quiz.current
    assert "Question 1 of 10 · 0 right" in app.texts() and len(attempts(app)) == 1
    while q.kind != "say":
        await answer_quiz(app, [True])
        q = app.state.practice.quiz.current
    await app.click(L.quiz_choice(choice_label(q, True)))
    title = next(c.label for c in q.choices if c.id == q.answer)
    assert any(t.startswith(f"{title}: New words: ") for t in app.texts())  # the new guide


# --- history on disk ---


async def test_history_survives_a_restart(tmp_path):
    a = await start(CONTENT, tmp_path / "data")
    await open_drill(a, L.DRILL_SKILL)
    await drill_skill(a, "paraphrasing", [True, False, True])
    a.close()
    b = await start(CONTENT, tmp_path / "data")  # the app built again on the same data dir
    b.state.nav.go("progress")
    await b.settle()
    title = next(s.title for s in b.state.guide.skills if s.id == "paraphrasing")
    assert b.has(L.skill_bar(title, 2, 3, 7))
    assert (tmp_path / "data" / "practice.json").exists()
    b.close()


async def test_a_damaged_history_file_is_set_aside_with_a_banner(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "practice.json").write_text('{"attempts": [trunc')
    a = await start(CONTENT, tmp_path / "data", route="/practice/progress")
    assert any("was damaged" in n for n in a.state.ui.notices) and a.has(L.DISMISS_BANNER)
    assert list((tmp_path / "data").glob("practice.json.corrupt-*"))
    a.close()


async def test_an_answer_the_disk_refuses_is_kept_and_said_in_one_sentence(app, monkeypatch):
    def refuse(self):
        raise HistoryUnavailable("Practice history could not be saved: disk full. "
                                 "It is kept until the next answer.")

    monkeypatch.setattr(PracticeHistory, "_flush", refuse)
    await open_drill(app, L.DRILL_SKILL)
    q = app.state.practice.quiz.current
    await app.click(L.quiz_choice(choice_label(q, True)))
    assert "Right." in app.texts()  # the feedback still shows
    assert any(t.startswith("Practice history could not be saved: disk full.")
               for t in app.texts())


# --- routes: reload, deep link, Back ---


@pytest.mark.parametrize(
    "route, screen, drill",
    [
        ("/practice", "practice", None),  # the Practice screen
        ("/practice/progress", "progress", None),  # Progress
        ("/practice/skill", "practice_skill", "quiz"),  # a drill restarts on reload
        ("/practice/skill?skill=mirroring", "practice_skill", "quiz"),  # drill one skill
        ("/practice/walk/practice-bridge", "practice_walk", "walk"),  # a walk restarts
        ("/practice/walk?situation=hostage", "practice_walk", None),  # the filtered list
        ("/practice/words", "practice_words", "words"),
    ],
)
async def test_a_reload_or_deep_link_opens_the_practice_screen(tmp_path, route, screen, drill):
    a = await start(CONTENT, tmp_path / "data", route=route)
    assert (a.state.nav.screen, a.state.nav.route) == (screen, route)
    assert not a.state.ui.notices
    assert (getattr(a.state.practice, drill) is not None) if drill else True
    a.close()


@pytest.mark.parametrize(
    "route, shown, screen",
    [
        # a scenario that is not in this guide: the list to choose from, and why
        ("/practice/walk/no-such-walk", "There is no practice scenario 'no-such-walk'", "list"),
        # traversal in the id: refused by the router, the list instead
        ("/practice/walk/..%2F..%2Fprefs", "was not understood (scenario)", "list"),
        # a junk skill is dropped: the drill starts on every skill
        ("/practice/skill?skill=../../x", "was not understood (skill)", "quiz"),
    ],
)
async def test_a_bad_practice_address_never_crashes(tmp_path, route, shown, screen):
    a = await start(CONTENT, tmp_path / "data", route=route)
    texts = " ".join(a.texts() + a.state.ui.notices)
    assert shown in texts and "Traceback" not in texts
    if screen == "list":
        assert a.has(L.scenario_filter(None)) and a.state.practice.walk is None
    else:
        assert len({q.answer for q in a.state.practice.quiz.questions}) > 1
    a.close()


@pytest.mark.parametrize("drill", [L.DRILL_SKILL, L.DRILL_WALK, L.DRILL_WORDS, L.OPEN_PROGRESS])
async def test_back_from_a_drill_returns_to_practice_and_ends_it(app, drill):
    await open_drill(app, drill)
    assert [v.route for v in app.views()][:2] == ["/", "/practice"]
    await app.back()
    assert app.state.nav.screen == "practice" and app.state.practice.session is None
    await app.back()
    assert app.state.nav.screen == "home"


# --- practice never reaches an incident ---


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
async def test_practice_never_appears_in_an_incident_export(app, fmt):
    await open_incident(app)
    await app.nav(L.NAV_HOME)
    await open_drill(app, L.DRILL_WORDS)
    said = app.state.practice.words.current.said
    await app.type(L.WORDS_FIELD, "Practice answer zebra")
    await app.click(L.CHECK_ANSWER)
    await app.nav(L.NAV_INCIDENT)
    await app.click({"md": L.EXPORT_MD, "json": L.EXPORT_JSON, "csv": L.EXPORT_CSV}[fmt])
    text = app.state.export.file.text
    assert "zebra" not in text and said not in text and "practice" not in text.lower()
    data = app.state.data_dir
    assert (data / "practice.json").exists()
    assert not any("zebra" in p.read_text(errors="replace") for p in data.rglob("*")
                   if p.is_file() and p.name != "practice.json")
