"""Answers kept for an instructor ("I think this is fine"): when it is offered, what is
kept, restart, erase, odd input, a damaged record, a refused write, never in an incident,
and `python -m app practice kept`."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime

import pytest

from app.cli import main
from app.guide import compile_guide
from app.practice import disputes as D
from app.practice.classify import Flag, Result
from app.practice.drills import TIME_LIMIT, Practice
from app.practice.history import HistoryUnavailable, PracticeHistory
from tests.guide_helpers import REAL

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
FLAGGED = "I promise nobody will get hurt."  # a rule's flag: a promise
CHECK = "We can sort all of this out tomorrow with a cup of tea."  # only the backstop's
CLEAN = "You sound really scared."  # an emotion label, no flag
NO_SKILL = "The weather turned cold tonight."  # no listening skill found, no flag


@pytest.fixture(scope="module")
def guide():
    return compile_guide(REAL)


class Clock:
    def __init__(self) -> None:
        self.t = 100.0

    def __call__(self) -> float:
        return self.t


def practice(guide, data=None, clock=None) -> Practice:
    return Practice(guide, PracticeHistory(data), clock=clock or Clock(), now=lambda: NOW,
                    rng=random.Random(3))


def answered(p: Practice, text: str, **kw):
    s = p.start_own_words(n=2, **kw)
    s.answer(text)
    return s


@pytest.mark.parametrize(
    "text, offered",
    [
        (FLAGGED, True),  # a rule flagged it: the officer may disagree
        (CHECK, True),  # the backstop's unsure flag
        (NO_SKILL, True),  # no skill named: the officer may think it was one
        (CLEAN, False),  # nothing to disagree with
        ("", False),  # time ran out: no answer to keep
        ("   ", False),
    ],
)
def test_offered_only_for_an_answer_the_app_judged_against(guide, text, offered):
    s = answered(practice(guide), text)
    assert s.can_dispute() is offered
    if not offered:
        with pytest.raises(RuntimeError, match="nothing to keep"):
            s.dispute()


def test_a_late_answer_is_not_offered(guide):
    clock = Clock()
    s = practice(guide, clock=clock).start_own_words(n=1, timed=True)
    clock.t += TIME_LIMIT + 1
    assert s.answer(FLAGGED).late and not s.can_dispute()


def test_kept_once_per_line_with_the_verdict_and_offered_again_on_the_next(guide):
    p = practice(guide)
    s = answered(p, CHECK)
    d = s.dispute()
    assert (d.item, d.said, d.answer) == (s.current.id, s.current.said, CHECK)
    assert (d.skill, d.flags, d.hedged, d.at) == (None, ("rapport-killer",), True, NOW)
    assert d.feedback == s.last[1].result.feedback and "might" in d.feedback
    assert not s.can_dispute()
    with pytest.raises(RuntimeError):
        s.dispute()  # a second tap keeps nothing more
    assert D.kept(p.history) == [d]
    s.next()
    assert not s.can_dispute()  # nothing answered yet on the new line
    s.answer(FLAGGED)
    second = s.dispute()
    assert (second.flags, second.hedged) == (("promise",), False)
    assert D.kept(p.history) == [d, second]
    assert len(p.history.attempts()) == 2  # keeping an answer changes no score
    s.undo_dispute()  # a mis-tap, taken back: offered again, and only that one goes
    assert D.kept(p.history) == [d] and s.can_dispute() and not s.disputed
    s.undo_dispute()  # nothing left to undo: no error
    assert D.kept(p.history) == [d]
    s.dispute()
    p.history.erase()  # erased meanwhile (another tab): undo finds nothing, and says nothing
    s.undo_dispute()
    assert D.kept(p.history) == [] and not s.disputed


def test_progress_lists_what_was_kept(guide):
    p = practice(guide)
    assert p.progress(NOW).kept == ()
    d = answered(p, FLAGGED).dispute()
    assert p.progress(NOW).kept == (d,)


def test_kept_answers_survive_a_restart_and_go_with_erase(guide, tmp_path):
    data = tmp_path / "data"
    d = answered(practice(guide, data), FLAGGED).dispute()
    again = PracticeHistory(data)
    assert D.kept(again) == [d]
    assert again.erase() == 1  # one attempt; the kept answer goes with it
    assert D.kept(PracticeHistory(data)) == []
    assert "promise" not in (data / "practice.json").read_text()


def result(*flags: Flag, skill=None, feedback="The app said so.") -> Result:
    return Result(skill, 0.5, tuple(flags), feedback)


@pytest.mark.parametrize(
    "answer, kept",
    [
        ("x" * 100_000, "x" * (D.KEEP_CHARS - 1) + "…"),  # a paste: cut where the rules stop
        ("Bad \ud800 half", "Bad \ufffd half"),  # a lone surrogate, replaced
        ("=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")"),  # kept as typed: JSON only
        ("مرحبا 你好 👋 **bold** <b>", "مرحبا 你好 👋 **bold** <b>"),  # any script, as typed
    ],
)
def test_odd_answers_are_kept_safely_and_read_back(tmp_path, answer, kept):
    h = PracticeHistory(tmp_path / "data")
    d = D.Dispute.of(NOW, "practice-bridge/line", "Stay back.", answer,
                     result(Flag("promise", "No promises.")))
    D.keep(h, d)
    [back] = D.kept(PracticeHistory(tmp_path / "data"))
    assert back.answer == kept and back == d


def test_a_damaged_record_is_skipped_and_the_rest_are_read(tmp_path):
    data = tmp_path / "data"
    h = PracticeHistory(data)
    good = D.Dispute.of(NOW, "a/b", "They said.", "I said.", result(skill="mirroring"))
    D.keep(h, good)
    raw = json.loads((data / "practice.json").read_text())
    raw[D.TABLE]["7"] = {"at": "2026-11-27T12:00:00", "said": "no zone", "answer": "x"}
    raw[D.TABLE]["8"] = {"at": NOW.isoformat(), "said": "s", "answer": "a", "flags": "promise"}
    raw[D.TABLE]["9"] = {"said": "no time"}
    (data / "practice.json").write_text(json.dumps(raw))
    assert D.kept(PracticeHistory(data)) == [good]


def test_a_refused_write_says_so_in_one_sentence(tmp_path):
    data = tmp_path / "data"
    data.write_text("a file where the data folder should be")
    h = PracticeHistory(data)
    d = D.Dispute.of(NOW, "a/b", "s", "a", result(Flag("promise", "m")))
    with pytest.raises(HistoryUnavailable, match=r"^Practice history could not be written: .+"):
        D.keep(h, d)
    assert D.kept(h) == []


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])
def test_a_kept_answer_never_appears_in_an_incident_or_its_export(guide, tmp_path, fmt):
    from app.incidents import IncidentLog

    data = tmp_path / "data"
    log = IncidentLog(data)
    inc = log.open_incident("suicidal", "bridge")
    log.add_note(inc.id, "note", "Subject on the rail.")
    s = practice(guide, data).start_own_words(n=1)
    s.answer("I promise the kept-marker-5e1d is fine.")
    s.dispute()
    assert "kept-marker-5e1d" in (data / "practice.json").read_text()
    assert "kept-marker-5e1d" not in log.export(inc.id, fmt)
    for path in (data / "incidents").rglob("*"):
        if path.is_file():
            assert b"kept-marker-5e1d" not in path.read_bytes(), path


# --- python -m app practice kept ---


def test_the_command_prints_every_kept_answer_as_json(guide, tmp_path, capsys):
    data = tmp_path / "data"
    p = practice(guide, data)
    first = answered(p, CHECK).dispute()
    assert main(["practice", "kept", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert json.loads(out) == [first.to_record()] and out.count("\n") == 1
    assert set(json.loads(out)[0]) == {"at", "item", "said", "answer", "skill", "flags",
                                       "hedged", "feedback", "reasons"}
    assert json.loads(out)[0]["reasons"][0].startswith("This might make them stop talking.")


@pytest.mark.parametrize(
    "setup, code, out, err",
    [
        (lambda d: d.mkdir(), 0, "[]\n", ""),  # nothing kept yet
        (lambda d: None, 2, "", "data folder"),  # no data folder: one line, a usage error
        # a damaged history: set aside, said, and an empty list
        (lambda d: (d.mkdir(), (d / "practice.json").write_text("{trunc")), 0, "[]\n",
         "was damaged"),
        # unreadable (a folder where the file should be): said, never an empty list
        (lambda d: (d / "practice.json").mkdir(parents=True), 1, "",
         "Practice history could not be read"),
    ],
)
def test_the_command_on_an_empty_missing_or_damaged_folder(tmp_path, capsys, setup, code,
                                                           out, err):
    data = tmp_path / "data"
    setup(data)
    assert main(["practice", "kept", "--data-dir", str(data)]) == code
    got = capsys.readouterr()
    assert got.out == out and err in got.err and got.err.count("\n") == (1 if err else 0)

