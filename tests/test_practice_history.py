"""Practice history: per-skill accuracy, restart, erase, damaged files, refused writes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta

import pytest

from app.practice.history import (
    Attempt,
    HistoryUnavailable,
    PracticeError,
    PracticeHistory,
    Score,
)

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def at(days_ago: float) -> datetime:
    return NOW - timedelta(days=days_ago)


def att(skill, right, days_ago=0.0, drill="name-skill", item="", seconds=2.5):
    return Attempt(drill, skill, right, seconds, at(days_ago), item)


@pytest.fixture(params=["memory", "file"])
def history(request, tmp_path):
    """Every behaviour is the same in memory and on disk (TinyDB's own test style)."""
    return PracticeHistory(None if request.param == "memory" else tmp_path / "data")


def test_record_and_read_back(history):
    a = att("mirroring", True, item="active-listening/say/nobody-listens")
    history.record(a)
    assert history.attempts() == [a]


@pytest.mark.parametrize(
    "days, expected",
    [
        # last week: 1 of 2 labels right, the paraphrase right
        (7, {"emotion-labeling": (1, 2), "paraphrasing": (1, 1)}),
        # last month adds the 20-day-old wrong label and the wrong mirror
        (30, {"emotion-labeling": (1, 3), "mirroring": (0, 1), "paraphrasing": (1, 1)}),
        # one day: only today's attempt
        (1, {"emotion-labeling": (1, 1)}),
    ],
)
def test_accuracy_per_skill_over_a_window(history, days, expected):
    for a in [
        att("emotion-labeling", True, 0.5),
        att("emotion-labeling", False, 3),
        att("paraphrasing", True, 6),
        att("emotion-labeling", False, 20),
        att("mirroring", False, 29),
        att("mirroring", True, 45),  # older than every window
        att(None, False, 1, drill="own-words"),  # no skill: not in any bar
    ]:
        history.record(a)
    got = {s: (sc.right, sc.total) for s, sc in history.accuracy(days, now=NOW).items()}
    assert got == expected


def test_weakest_skill_needs_enough_attempts(history):
    for a in [
        att("summarizing", False, 1),  # 0 of 1: too few to call it the weakest
        *[att("mirroring", i < 1, 2) for i in range(4)],  # 1 of 4
        *[att("emotion-labeling", i < 2, 2) for i in range(3)],  # 2 of 3
    ]:
        history.record(a)
    weakest = history.weakest(30, now=NOW, min_attempts=3)
    assert (weakest.skill, weakest.right, weakest.total) == ("mirroring", 1, 4)
    assert history.weakest(30, now=NOW, min_attempts=1).skill == "summarizing"
    assert history.weakest(30, now=NOW, min_attempts=10) is None


def test_history_survives_a_restart(tmp_path):
    data = tmp_path / "data"
    first = PracticeHistory(data)
    first.record(att("i-messages", True, 1, drill="scenario", item="practice-suicidal/3"))
    again = PracticeHistory(data)
    assert again.attempts() == first.attempts()
    assert again.accuracy(7, now=NOW)["i-messages"].right == 1
    assert (data / "practice.json").exists()
    assert not (data / "incidents").exists()  # never in the incidents' folder


def test_erase_deletes_everything_even_after_restart(tmp_path):
    data = tmp_path / "data"
    h = PracticeHistory(data)
    for i in range(5):
        h.record(att("mirroring", i % 2 == 0, i))
    (data / "practice.json.corrupt-20260101T000000Z").write_text("old damaged copy")
    assert h.erase() == 5
    assert h.attempts() == []
    assert PracticeHistory(data).attempts() == []
    assert list(data.glob("practice.json.corrupt-*")) == []


@pytest.mark.parametrize(
    "content",
    [
        b"",  # truncated to nothing
        b'{"attempts": {"1": {"drill": "name-sk',  # torn write
        b"[1, 2, 3]",  # valid JSON, not a TinyDB file
        b"\xff\xfe not text",  # not UTF-8
        b"[" * 100_000 + b"]" * 100_000,  # nested past the parser's depth: RecursionError
    ],
)
def test_damaged_file_is_kept_aside_and_practice_goes_on(tmp_path, content):
    data = tmp_path / "data"
    data.mkdir()
    (data / "practice.json").write_bytes(content)
    h = PracticeHistory(data)
    assert h.attempts() == []
    assert len(h.warnings) == 1 and "was damaged" in h.warnings[0]
    assert len(list(data.glob("practice.json.corrupt-*"))) == 1
    h.record(att("paraphrasing", True))
    assert len(PracticeHistory(data).attempts()) == 1


def test_one_odd_record_does_not_hide_the_rest(tmp_path):
    data = tmp_path / "data"
    h = PracticeHistory(data)
    h.record(att("mirroring", True))
    raw = json.loads((data / "practice.json").read_text())
    raw["attempts"]["99"] = {"drill": "name-skill", "at": "not a time"}
    (data / "practice.json").write_text(json.dumps(raw))
    again = PracticeHistory(data)
    assert [a.skill for a in again.attempts()] == ["mirroring"]
    again.attempts()  # read again: said once
    assert again.warnings == [
        f"Practice history {data / 'practice.json'} has data that could not be read. Left "
        "out: 1 answer. Nothing was deleted."]


def _kept_record(answer: str) -> dict:
    return {"at": "2026-11-27T12:00:00+00:00", "item": "bridge/line-1", "said": "Go away",
            "answer": answer, "skill": None, "flags": ["why-question"], "hedged": False,
            "feedback": "", "reasons": []}


@pytest.mark.parametrize("cut", [0.5, 0.8, 0.97])
def test_a_file_cut_short_keeps_every_whole_record(tmp_path, cut):
    """A file cut short (a copy that stopped, a full card) loses only what was cut."""
    data = tmp_path / "data"
    h = PracticeHistory(data)
    for i in range(40):
        h.record(att("mirroring" if i % 2 else "paraphrasing", bool(i % 3), days_ago=i / 10))
    with h.table("disputed") as table:
        table.insert(_kept_record("Why did you do that?"))
    path = data / "practice.json"
    raw = path.read_bytes()
    path.write_bytes(raw[: int(len(raw) * cut)])
    whole = json.loads(raw)

    again = PracticeHistory(data)
    got = again.attempts()

    from app.practice.salvage import salvage

    expected = salvage(raw[: int(len(raw) * cut)])["attempts"]
    assert 0 < len(got) == len(expected) <= 40
    by_time = {a["at"]: a for a in whole["attempts"].values()}
    assert all(by_time[a.to_record()["at"]] == a.to_record() for a in got)  # unchanged
    assert len(again.warnings) == 1 and "Read back from it: " in again.warnings[0]
    assert f"{len(got)} answers" in again.warnings[0]
    assert len(list(data.glob("practice.json.corrupt-*"))) == 1  # the damaged copy, as found
    assert len(PracticeHistory(data).attempts()) == len(got)  # written back, not only shown


def _damaged(tmp_path, answer: str, damage):
    """A data folder whose practice.json holds one answer and one kept answer, then
    `damage` applied to its bytes."""
    data = tmp_path / "data"
    h = PracticeHistory(data)
    h.record(att("mirroring", True))
    with h.table("disputed") as table:
        table.insert(_kept_record(answer))
    path = data / "practice.json"
    path.write_bytes(damage(path.read_bytes()))
    return data


def test_kept_answers_are_read_back_from_a_damaged_file(tmp_path):
    from app.practice import disputes as D

    data = _damaged(tmp_path, "You sound let down",
                    lambda b: b"\x00\x00garbage" + b + b"\x00 trailing")
    again = PracticeHistory(data)
    assert [d.answer for d in D.kept(again)] == ["You sound let down"]
    assert [a.skill for a in again.attempts()] == ["mirroring"]
    assert "1 answer, 1 kept answer" in again.warnings[0]


def test_a_damaged_kept_answer_is_said_not_silently_dropped(tmp_path):
    from app.practice import disputes as D

    data = tmp_path / "data"
    h = PracticeHistory(data)
    with h.table("disputed") as table:
        table.insert(_kept_record("You sound let down"))
        table.insert({**_kept_record("x"), "at": "yesterday"})
    again = PracticeHistory(data)
    assert [d.answer for d in D.kept(again)] == ["You sound let down"]
    assert again.warnings and again.warnings[-1].endswith(
        "Left out: 1 kept answer. Nothing was deleted.")


def test_salvage_takes_only_records_that_check_out():
    from app.practice.salvage import salvage

    good = att("mirroring", True).to_record()
    junk = [{**good, "drill": "sleeping"}, {**good, "skill": "../etc"}, {**good, "at": "x"},
            {"answer": "no said"}, [1], {"a": {"b": 1}}]
    raw = json.dumps({"attempts": {"1": good, "2": junk}}).encode()[:-1]
    assert salvage(raw) == {"attempts": [good], "disputed": []}
    assert salvage(b'{"a":' * 50_000) == {"attempts": [], "disputed": []}  # no recursion error


def test_refused_write_keeps_the_attempt_until_the_disk_takes_it(tmp_path):
    data = tmp_path / "data"
    data.write_text("a file where the data folder should be")  # every write fails
    h = PracticeHistory(data)
    with pytest.raises(HistoryUnavailable, match="could not be saved"):
        h.record(att("summarizing", True))
    assert h.accuracy(7, now=NOW)["summarizing"].total == 1  # still counted
    data.unlink()
    assert h.retry() == 0
    assert [a.skill for a in PracticeHistory(data).attempts()] == ["summarizing"]


@pytest.mark.parametrize(
    "item",
    [
        "2-say-parece-que-ya-se-cansó-de-todo-est",  # a Spanish phrase's id keeps its accents
        "practice-bridge/stay-back-come-any-closer",  # a scenario line
        "4-avoid-calm-down-3f2a1b",  # an English phrase id
    ],
)
def test_ids_from_any_guide_are_kept(history, item):
    history.record(att("mirroring", True, item=item))
    assert history.attempts()[-1].item == item


@pytest.mark.parametrize(
    "item",
    [
        "Upper-Case",  # ids are lower case
        "two words",  # no spaces
        "-leading-dash",  # starts with a letter or digit
    ],
)
def test_other_ids_are_still_refused(history, item):
    with pytest.raises(PracticeError, match="is not an id"):
        history.record(att("mirroring", True, item=item))


@pytest.mark.parametrize(
    "bad, message",
    [
        (att("mirroring", True, drill="quiz"), "unknown drill 'quiz'"),  # not a drill
        (att("../../etc", True), "skill '../../etc' is not an id"),  # path trick
        (att("mirroring", True, item="x\ud800y"), "item 'x\\ud800y' is not an id"),  # surrogate
        (att("mirroring", True, seconds=float("nan")), "nan s is not a number"),  # NaN
        (att("mirroring", True, seconds=-1), "-1 s is not a number"),  # negative time
        (
            Attempt("scenario", "mirroring", True, 1.0, datetime(2026, 1, 1)),
            "has no zone",
        ),  # naive time
    ],
)
def test_bad_attempts_are_refused_with_the_value(history, bad, message):
    with pytest.raises(PracticeError, match=message.replace("(", r"\(").replace("\\u", "\\\\u")):
        history.record(bad)
    assert history.attempts() == []


WRITER = """
import sys
from datetime import UTC, datetime
from app.practice.history import Attempt, PracticeHistory
h = PracticeHistory(sys.argv[1])
print("READY", flush=True)
i = 0
while True:
    h.record(Attempt("name-skill", "mirroring", True, 1.0, datetime.now(UTC), f"q-{i}"))
    print(f"q-{i}", flush=True)
    i += 1
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill_minus_nine_never_loses_an_acknowledged_attempt(tmp_path):
    data = tmp_path / "data"
    acked: list[str] = []
    for delay in (0.05, 0.2, 0.4):
        child = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(data)],
            stdout=subprocess.PIPE,
            text=True,
            cwd=os.getcwd(),
        )
        assert child.stdout.readline() == "READY\n"
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        out, _ = child.communicate()
        acked += [line for line in out.splitlines() if line.startswith("q-")]
        h = PracticeHistory(data)
        assert h.warnings == []  # the file is never half-written
        stored = {a.item for a in h.attempts()}
        assert set(acked) <= stored
    assert len(acked) > 0


@pytest.mark.parametrize("fmt", ["md", "json", "csv"])  # every export format
def test_practice_never_appears_in_an_incident_or_its_export(tmp_path, fmt):
    from app.incidents import IncidentLog

    data = tmp_path / "data"
    log = IncidentLog(data)
    inc = log.open_incident("suicidal", "bridge")
    log.add_note(inc.id, "note", "Subject on the rail.")
    PracticeHistory(data).record(att("mirroring", True, item="drill-marker-7f3a"))
    assert "drill-marker-7f3a" not in log.export(inc.id, fmt)
    for path in (data / "incidents").rglob("*"):
        if path.is_file():
            assert b"drill-marker-7f3a" not in path.read_bytes(), path


def test_a_kept_answer_with_a_lone_surrogate_survives_damage_and_a_restart(tmp_path):
    r"""A lone surrogate ("\ud800", half of a character from a broken paste) in a kept answer
    is stored as U+FFFD, and read back whole from a file that is then damaged."""
    from app.practice import disputes as D
    from app.practice.classify import classify

    data = tmp_path / "data"
    h = PracticeHistory(data)
    h.record(att("mirroring", True))
    answer = "You sound \ud800 let down"
    D.keep(h, D.Dispute.of(NOW, "bridge/line-1", "Go \udfff away", answer, classify(answer)))
    path = data / "practice.json"
    raw = path.read_bytes()
    raw.decode("utf-8")  # strict: the file holds no surrogate, escaped or not
    path.write_bytes(b"\x00garbage" + raw + b"\x00")  # damaged: read back by salvage
    again = PracticeHistory(data)
    kept = D.kept(again)
    assert [a.skill for a in again.attempts()] == ["mirroring"]
    assert [(d.said, d.answer) for d in kept] == [("Go \ufffd away", "You sound \ufffd let down")]
    assert len(again.warnings) == 1


def _with_a_lone_surrogate(tmp_path):
    """A data folder whose practice.json holds one answer and a kept answer with "\\ud800"."""
    return _damaged(tmp_path, "calm down buddy",
                    lambda b: b.replace(b"calm down", b"calm \\ud800"))


def test_a_lone_surrogate_in_the_file_never_stops_a_save(tmp_path):
    r"""A kept answer stored as "\ud800" (valid JSON: a hand edit, another tool) is read as
    U+FFFD, so the file can be written back: every later answer is saved."""
    from app.practice import disputes as D

    data = _with_a_lone_surrogate(tmp_path)
    again = PracticeHistory(data)
    again.record(att("paraphrasing", True))  # raised "could not be replaced" before
    assert again.retry() == 0 and again.warnings == []
    assert [d.answer for d in D.kept(again)] == ["calm \ufffd buddy"]
    (data / "practice.json").read_bytes().decode("utf-8")  # strict: written back whole
    assert len(PracticeHistory(data).attempts()) == 2


def test_a_file_that_cannot_be_written_back_is_kept_aside_not_left_to_lose_answers(
        tmp_path, monkeypatch):
    """A file read fine that still cannot be written back (damage no check foresaw) is
    kept aside as found and its whole records read back, so the answer is saved."""
    import app.practice.history as H

    data = _with_a_lone_surrogate(tmp_path)
    monkeypatch.setattr(H, "clean_tree", lambda v, levels=0: v)  # the check misses it
    again = PracticeHistory(data)
    again.record(att("paraphrasing", True))
    assert again.retry() == 0
    assert len(again.warnings) == 1 and "Read back from it: 1 answer, 1 kept answer" in \
        again.warnings[0]
    assert len(list(data.glob("practice.json.corrupt-*"))) == 1
    assert len(PracticeHistory(data).attempts()) == 2


def _stored(tmp_path, **bad) -> PracticeHistory:
    """A history file of two right paraphrases, the second with the fields in `bad`."""
    data = tmp_path / "data"
    h = PracticeHistory(data)
    h.record(att("paraphrasing", True))
    h.record(att("paraphrasing", True, days_ago=1))
    path = data / "practice.json"
    raw = json.loads(path.read_text())
    raw["attempts"]["2"].update(bad)
    path.write_text(json.dumps(raw, allow_nan=True))
    return PracticeHistory(data)


@pytest.mark.parametrize("bad", [
    {"right": "false"},  # a string: bool("false") is True
    {"right": 5},  # a number is not right or wrong
    {"skill": 7},  # str(7) is a good id
    {"skill": ["a"]},  # a list
    {"skill": "../../etc"},  # not an id
    {"drill": "hack"},  # no such drill
    {"seconds": float("nan")},  # NaN is not a time
    {"seconds": float("inf")},
    {"seconds": -5},
    {"seconds": 1e308},
    {"seconds": True},  # a bool is not a number of seconds
    {"item": 12},  # an item is an id
    {"timed": "no"},  # bool("no") is True
])
def test_a_record_with_a_bad_value_is_left_out_said_once_and_kept_in_the_file(tmp_path, bad):
    h = _stored(tmp_path, **bad)
    assert len(h.attempts()) == 1
    assert h.accuracy(7, now=NOW) == {"paraphrasing": Score("paraphrasing", 1, 1)}
    h.accuracy(30, now=NOW)  # read again: said once
    path = tmp_path / "data" / "practice.json"
    assert h.warnings == [f"Practice history {path} has data that could not be read. "
                          "Left out: 1 answer. Nothing was deleted."]
    h.record(att("mirroring", False))  # a write keeps the bad record in the file
    assert len(json.loads(path.read_text())["attempts"]) == 3


def test_answers_dated_in_the_future_are_left_out_of_progress_and_said(tmp_path):
    """A phone clock set ahead, then put right: those answers would sit in "this week" for
    years, so Progress leaves them out until their date comes, and says so."""
    h = _stored(tmp_path, at="2999-01-01T00:00:00+00:00")
    assert len(h.attempts()) == 2  # still answers: erase counts them
    assert h.accuracy(7)["paraphrasing"].total == 1
    h.weakest(30)  # read again: said once
    path = tmp_path / "data" / "practice.json"
    assert h.warnings == [
        f"Practice history {path} has answers dated in the future (was the phone's clock "
        "wrong?). Left out of Progress: 1 answer. Nothing was deleted."]


def test_a_damaged_file_on_read_only_storage_is_said_once_and_truthfully(tmp_path, monkeypatch):
    """Damaged, and the storage refuses both the move aside and every write: said once (not at
    every read), the answers still whole in it are shown, and nothing claims they were kept."""
    import errno

    import app.incidents.meta as M
    import app.incidents.storage as S
    from app.practice import disputes as D

    data = tmp_path / "data"
    h = PracticeHistory(data)
    for i in range(14):
        h.record(att("paraphrasing", i % 2 == 0, days_ago=i / 10))
    path = data / "practice.json"
    cut = path.read_bytes()[:-30]  # the last record cut
    path.write_bytes(cut)

    def read_only(*a, **k):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(M, "move_aside", read_only)
    monkeypatch.setattr(S, "atomic_write", read_only)
    again = PracticeHistory(data)
    assert len(again.attempts()) == 13  # shown as read
    again.accuracy(7, now=NOW)
    again.weakest(30, now=NOW)
    D.kept(again)
    with pytest.raises(HistoryUnavailable, match="not saved"):
        again.record(att("mirroring", True))
    assert len(again.attempts()) == 14  # the new one counts until the app closes
    assert again.warnings == [
        f"Practice history {path} is damaged and it could not be moved aside (the storage is "
        "read-only). Shown from it: 13 answers. New answers are not saved."]
    assert path.read_bytes() == cut  # untouched

    monkeypatch.undo()  # the storage can be written again: kept aside, read back, saved
    again.record(att("mirroring", True))
    assert len(PracticeHistory(data).attempts()) == 15  # 13 read back, the 2 new ones
    assert len(list(data.glob("practice.json.corrupt-*"))) == 1
