"""Headless tests of "I think this is fine": an answer the app flagged in Your own words is
kept for an instructor, listed under Your progress with a copy button, kept across a
restart, erased with practice history, and a refused write says so in one sentence."""

from __future__ import annotations

import pytest

from app.practice import disputes as D
from app.practice.history import HistoryUnavailable
from app.ui import labels as L
from app.ui.state import debrief
from tests.test_ui_practice import open_drill
from tests.ui_harness import CONTENT, start

FLAGGED = "I promise nobody will get hurt."
CHECK = "We can sort all of this out tomorrow with a cup of tea."
KEPT = "Saved for your instructor to decide. Your score does not change. It is under Your progress."


def kept(app):
    return D.kept(app.state.practice.core.history)


async def answer(app, text: str) -> None:
    await app.type(L.WORDS_FIELD, text)
    await app.click(L.CHECK_ANSWER)


async def test_a_flagged_answer_can_be_kept_once_and_scores_the_same(app):
    await open_drill(app, L.DRILL_WORDS)
    said = app.state.practice.words.current.said
    await answer(app, CHECK)
    assert app.has(L.KEEP_FINE) and KEPT not in app.texts()
    right_before = [a.right for a in app.state.practice.core.history.attempts()]
    await app.click(L.KEEP_FINE)
    assert KEPT in app.texts() and not app.has(L.KEEP_FINE)  # once: the button is gone
    [d] = kept(app)
    assert (d.said, d.answer, d.flags, d.hedged) == (said, CHECK, ("rapport-killer",), True)
    assert [a.right for a in app.state.practice.core.history.attempts()] == right_before
    text = app.state.debrief.text()  # unsure stays unsure in what the instructor reads
    assert "The app said: 1 thing to check. This might make them stop talking." in text
    assert "Flags: rapport-killer (to check)." in text
    [scenario] = [s for s in app.state.practice.core.scenarios() if d.item.startswith(f"{s.id}/")]
    assert f"\nScenario: {scenario.title}\nThey said: {said}\n" in text  # found by its title
    await app.click(L.NEXT_LINE)
    assert not app.has(L.KEEP_FINE) and KEPT not in app.texts()  # a new line, unanswered


@pytest.mark.parametrize(
    "text, offered",
    [
        (FLAGGED, True),  # a rule's flag
        ("The weather turned cold tonight.", True),  # no skill found
        ("You sound really scared.", False),  # clean: nothing to disagree with
    ],
)
async def test_offered_only_when_the_app_judged_against_the_answer(app, text, offered):
    await open_drill(app, L.DRILL_WORDS)
    await answer(app, text)
    assert app.has(L.KEEP_FINE) is offered


async def test_progress_lists_the_newest_and_copies_them_all(app):
    await open_drill(app, L.DRILL_WORDS)
    app.state.nav.go("progress")
    await app.settle()
    assert not app.has(L.COPY_KEPT) and "To go over with your instructor" not in app.texts()
    n = debrief.SHOWN + 2
    for i in range(n):  # every line of several runs, each flagged and kept
        app.state.nav.go("practice_words")
        await app.settle()
        await answer(app, f"I promise answer number {i} is fine.")
        await app.click(L.KEEP_FINE)
        app.state.nav.go("practice")
        await app.settle()
    app.state.nav.go("progress")
    await app.settle()
    texts = app.texts()
    assert "To go over with your instructor" in texts
    assert "Practice only: no real names or case details." in texts
    assert f"The newest {debrief.SHOWN} of {n} are shown. Copy or share gives them all." in texts
    shown = [t for t in texts if t.startswith("You said: ")]
    assert shown == [f"You said: I promise answer number {i} is fine."
                     for i in reversed(range(n - debrief.SHOWN, n))]  # newest first
    reason = "A promise"  # each card says why it was flagged, with where and what it said
    assert sum(t.startswith(reason) for t in texts) == debrief.SHOWN, texts
    where = [t for t in texts if t.endswith(" · 1 thing to fix.")]
    assert len(where) == debrief.SHOWN and all(" · 20" in w for w in where)
    copy = app.find(L.COPY_KEPT)
    assert (type(copy.action).__name__, copy.action.method) == ("CopyToClipboard", "set")
    text = copy.action.args["data"]
    assert text.startswith(f"Stairway practice: {n} answers I think were fine\n")
    assert all(f"I said: I promise answer number {i} is fine." in text for i in range(n))
    assert text.count("They said: ") == n and "Flags: promise." in text
    assert text.count("The app said: 1 thing to fix. ") == n
    assert text.index("number 0 ") < text.index(f"number {n - 1} ")  # oldest first
    share = app.find(L.SHARE_KEPT)
    assert (type(share.action).__name__, share.action.args["text"]) == ("ShareText", text)
    await app.click(L.COPY_KEPT)
    assert "Copied. Paste it in a message to your instructor." in app.texts()


async def test_kept_answers_survive_a_restart_and_go_with_erase(tmp_path):
    a = await start(CONTENT, tmp_path / "data")
    await open_drill(a, L.DRILL_WORDS)
    await answer(a, FLAGGED)
    await a.click(L.KEEP_FINE)
    a.close()
    b = await start(CONTENT, tmp_path / "data", route="/practice/progress")
    assert f"You said: {FLAGGED}" in b.texts() and b.has(L.COPY_KEPT)
    b.state.nav.go("settings")
    await b.settle()
    await b.click(L.ERASE_PRACTICE)
    assert any("Answers kept for your instructor are erased too: copy them first" in t
               for t in b.texts())  # warned
    await b.click(L.ERASE_PRACTICE_CONFIRM)
    b.state.nav.go("progress")
    await b.settle()
    assert f"You said: {FLAGGED}" not in b.texts() and not b.has(L.COPY_KEPT)
    b.close()


async def test_a_refused_write_says_why_and_offers_the_button_again(app, monkeypatch):
    def refuse(history, dispute):
        raise HistoryUnavailable("Practice history could not be written: disk full.")

    monkeypatch.setattr(D, "keep", refuse)
    await open_drill(app, L.DRILL_WORDS)
    await answer(app, FLAGGED)
    await app.click(L.KEEP_FINE)
    assert "This answer could not be kept. Practice history could not be written: " \
        "disk full." in app.texts()
    assert app.has(L.KEEP_FINE) and KEPT not in app.texts() and kept(app) == []
    monkeypatch.undo()
    await app.click(L.KEEP_FINE)  # the disk takes it now
    assert KEPT in app.texts() and len(kept(app)) == 1
    assert not any(t.startswith("This answer could not be kept.") for t in app.texts())


async def test_back_after_keeping_returns_to_practice(app):
    await open_drill(app, L.DRILL_WORDS)
    await answer(app, FLAGGED)
    await app.click(L.KEEP_FINE)
    await app.back()
    assert app.state.nav.screen == "practice"
    await app.back()
    assert app.state.nav.screen == "home"


async def test_undo_takes_a_mis_tap_back(app, monkeypatch):
    await open_drill(app, L.DRILL_WORDS)
    await answer(app, FLAGGED)
    await app.click(L.KEEP_FINE)
    assert len(kept(app)) == 1 and app.has(L.KEEP_UNDO)

    def refuse(history, kept_id):
        raise HistoryUnavailable("Practice history could not be written: disk full.")

    monkeypatch.setattr(D, "drop", refuse)
    await app.click(L.KEEP_UNDO)  # the disk refuses: still kept, and said
    assert "It is still kept. Practice history could not be written: disk full." in app.texts()
    assert len(kept(app)) == 1 and KEPT in app.texts()
    monkeypatch.undo()
    await app.click(L.KEEP_UNDO)
    assert kept(app) == [] and app.has(L.KEEP_FINE) and not app.has(L.KEEP_UNDO)
    assert not any(t.startswith("It is still kept.") for t in app.texts())
    app.state.nav.go("progress")
    await app.settle()
    assert not app.has(L.COPY_KEPT)  # nothing kept: no section


async def test_an_answer_from_a_scenario_gone_from_the_guide_is_still_copied(app):
    """A content update removed the scenario: the text keeps its id, and no title line."""
    await open_drill(app, L.DRILL_WORDS)
    await answer(app, FLAGGED)
    await app.click(L.KEEP_FINE)
    [d] = kept(app)
    history = app.state.practice.core.history
    with history.table(D.TABLE) as table:
        table.update({"item": "retired-scenario/the-line"}, doc_ids=[table.all()[0].doc_id])
    app.state.practice.report = None
    text = app.state.debrief.text()
    assert "\nretired-scenario · 20" in text and "Scenario: " not in text
    assert f"I said: {FLAGGED}" in text
