"""AppState without flet: its parts (stairway, checklist, phrases, search, incident,
settings), each driven through the composed state the views use."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.guide.model import AVOID, SAY, Checklist, Guide, Item, Meta, Phrase, Situation, Stage
from app.incidents import IncidentLog
from app.ui import labels as L
from app.ui.state import AppState, Device

T0 = datetime(2026, 11, 26, 5, 0, tzinfo=UTC)


def meta(i):
    return Meta(i, i.title(), "1.0", "2026-11-20", (), f"{i}.md")


def item(text, tick=True, situations=(), section="S"):
    return Item(text.lower().replace(" ", "-"), text, section, tick, situations, "f.md", 1)


def phrase(text, kind, n, skill=None, situations=(), line=1):
    return Phrase(f"{n}-{kind}-{text.replace(' ', '-')}", text, kind, n, skill, None,
                  situations, (), "", "", "", (), "s.md", line)


def stage(n, signs=("Sign A", "Sign B")):
    phrases = (phrase(f"say {n}", SAY, n, "labeling", line=n),
               phrase(f"avoid {n}", AVOID, n, situations=("hostage",), line=10 + n))
    return Stage(f"s{n}", f"Stage{n}", n, "purpose", (), tuple(item(s) for s in signs), (),
                 phrases, meta(f"s{n}"))


GUIDE = Guide(
    stages=tuple(stage(n) for n in range(1, 6)),
    checklists=(Checklist("first", "First", 1, ("S",), (
        item("Keep cover"), item("Call EMS", situations=("suicidal",)), item("Info", tick=False)),
        meta("first")),),
    situations=(Situation("hostage", "Hostage", "sum", (), (), (item("Gun seen"),),
                          meta("hostage")),),
)


@pytest.fixture
def st(tmp_path):
    return AppState(GUIDE, tmp_path, IncidentLog(None), now=lambda: T0)


def open_one(st):
    inc = st.log.open_incident("Hostage", "Bank")
    st.incident.select(inc.id)
    return inc


def test_move_up_needs_every_sign_and_says_why_beside_the_button(st):
    assert not st.stairway.move_up() and st.stairway.number == 1
    assert st.ui.errors[L.MOVE_UP].startswith("2 signs are not ticked yet")
    st.stairway.tick_sign("sign-a")
    assert L.MOVE_UP not in st.ui.errors  # ticking clears the old refusal
    assert not st.stairway.move_up()
    assert st.ui.errors[L.MOVE_UP].startswith("1 sign is not ticked yet")
    assert "move up with a reason" in st.ui.errors[L.MOVE_UP]
    st.stairway.tick_sign("sign-b")
    assert st.stairway.move_up() and st.stairway.number == 2
    assert st.stairway.ticked(1) == {"sign-a", "sign-b"} and st.stairway.ticked() == set()


@pytest.mark.parametrize("reason", ["", "   ", None])  # empty, blank, missing
def test_override_refuses_without_reason_beside_the_field(st, reason):
    assert not st.stairway.override(reason)
    assert st.stairway.number == 1 and not st.stairway.overrides
    assert st.ui.errors[L.OVERRIDE_REASON]


def test_override_logs_reason_when_incident_open(st):
    inc = open_one(st)
    assert st.stairway.override("  negotiator said go  ")
    assert st.stairway.number == 2 and st.stairway.overrides[0].reason == "negotiator said go"
    assert [str(n.kind) for n in st.log.all_notes(inc.id)] == ["override", "stage_change"]


def test_top_stage_and_step_back(st):
    for _ in range(4):
        st.stairway.override("drill")
    assert st.stairway.number == 5 and st.stairway.at_top and not st.stairway.override("more")
    assert st.stairway.step_back() and st.stairway.number == 4
    for _ in range(3):
        st.stairway.step_back()
    assert st.stairway.number == 1 and not st.stairway.step_back()


@pytest.mark.parametrize(
    "situation,expected",
    [
        (None, ["Keep cover", "Call EMS", "Info"]),  # no situation: everything
        ("suicidal", ["Keep cover", "Call EMS", "Info"]),  # the tagged item fits
        ("hostage", ["Keep cover", "Info"]),  # the suicidal-only item is hidden
    ],
)
def test_checklist_filtered_by_situation(st, situation, expected):
    st.situations.choose(situation)
    assert [i.text for i in st.checklist.lists()[0][1]] == expected


def test_checklist_tick_time_progress_and_haptic_tick(st):
    cl, items = st.checklist.lists()[0]
    st.checklist.tick(cl.id, items[0])
    assert st.checklist.tick_time(cl.id, items[0].id) == "2026-11-26T05:00:00+00:00"
    assert st.checklist.progress() == (1, 2)  # the untickable line does not count
    st.checklist.tick(cl.id, items[0])
    assert st.checklist.progress() == (0, 2)
    assert [c for c in st.device.calls if c[0] == "tick"] == [("tick", None)] * 2


@pytest.mark.parametrize(
    "params,expected",
    [
        ({}, ["say 1", "avoid 1"]),  # current stage, no filter
        ({"stage": 3}, ["say 3", "avoid 3"]),  # another stage
        ({"skill": "labeling"}, ["say 1"]),  # by skill
        ({"situation": "suicidal"}, ["say 1"]),  # the hostage-only phrase is hidden
        ({"situation": "hostage"}, ["say 1", "avoid 1"]),
    ],
)
def test_phrase_filters_are_the_route(st, params, expected):
    st.phrases.set_filters(**params)
    assert st.nav.screen == "phrases"
    assert [p.text for p in st.phrases.list()] == expected
    for key, value in params.items():
        assert f"{key}={value}" in st.nav.route  # a reload opens the same list


def test_used_phrase_is_logged_by_its_id(st):
    inc = open_one(st)
    p = st.phrases.list()[0]
    st.phrases.use(p)
    note = st.log.all_notes(inc.id)[-1]
    assert note.item == p.id and p.id in st.incident.used_phrases


@pytest.mark.parametrize(
    "target,route",
    [
        (("stage", 4), "/stairway?read=4"),  # read ahead, do not move
        (("phrase", 3, "say 3"), "/phrases?phrase=3-say-say-3&situation=any&stage=3"),
        (("checklist", "first", "keep-cover"), "/checklist?item=first%2Fkeep-cover"),
        (("checklist", "first", None), "/checklist"),  # the checklist itself
        (("situation", "hostage"), "/situations?show=hostage"),
        (("skill", "labeling"), "/phrases?situation=any&skill=labeling"),
    ],
)
def test_search_hit_opens_its_place(st, target, route):
    st.search.open(target)
    assert st.nav.route == route
    assert st.stairway.number == 1  # reading is not moving


def test_changes_notify_and_save_prefs(st, tmp_path):
    seen = []
    dispose = st.subscribe(lambda: seen.append(st.ui.version))
    st.settings.set_theme("dark")
    dispose()
    st.settings.set_text_scale(1.5)
    assert seen == [1]
    again = AppState(GUIDE, tmp_path, None)
    assert again.prefs.theme == "dark" and again.prefs.text_scale == 1.5


def test_no_log_means_no_incident_but_no_crash(tmp_path):
    s = AppState(GUIDE, tmp_path, None)
    assert not s.start_incident("hostage", "x") and s.ui.message
    s.stairway.tick_sign("sign-a")  # stage work still fine without a log
    assert s.stairway.ticked() == {"sign-a"}


def test_disk_refusal_is_one_sentence_and_retry_clears_it(st, monkeypatch):
    from app.incidents import StorageUnavailable

    open_one(st)
    real = st.log.add_note

    def refuse(*a, **kw):
        raise StorageUnavailable("The disk is full.", pending=1)

    monkeypatch.setattr(st.log, "add_note", refuse)
    assert not st.incident.add_note("note", "Subject calm")
    assert st.incident.save_error.startswith("The disk is full.")
    assert "\n" not in st.incident.save_error
    monkeypatch.setattr(st.log, "add_note", real)
    st.incident.retry_save()
    assert st.incident.save_error is None
    assert st.incident.add_note("note", "Subject calm")
    assert st.incident.timeline[0].text == "Subject calm"


def test_a_stage_that_did_not_load_needs_the_override(tmp_path):
    # stage 3's file was skipped: numbering must not shift and only the override passes it
    s = AppState(Guide(stages=tuple(stage(n) for n in (1, 2, 4, 5))), tmp_path, None)
    s.prefs.stage = 3
    assert s.stairway.stage() is None and s.stairway.total == 5
    assert not s.stairway.move_up() and "did not load" in s.ui.errors[L.MOVE_UP]
    assert s.stairway.override("file broken, subject calm")
    assert s.stairway.stage().order == 4


def test_clocks_since_start_and_last_contact(tmp_path):
    t = [T0]
    s = AppState(GUIDE, tmp_path, IncidentLog(None), now=lambda: t[0])
    inc = s.log.open_incident("Hostage", "Bank", at=t[0])
    s.incident.select(inc.id)
    assert s.incident.clocks() == (timedelta(0), None)  # no contact yet
    t[0] += timedelta(minutes=5)
    s.incident.add_note("contact_start", "")
    assert s.incident.clocks()[1] == timedelta(0)  # in contact now
    s.incident.add_note("contact_end", "")
    t[0] += timedelta(minutes=3)
    start, contact = s.incident.clocks()
    assert start == timedelta(minutes=8)
    assert timedelta(minutes=2) < contact <= timedelta(minutes=3)


@pytest.mark.parametrize(
    "text,minutes,field,saved",
    [
        ("", "30", None, "Deadline in 30 min"),  # minutes only: saved with a default text
        ("Car by noon", "45", None, "Car by noon"),  # both given
        ("Car by noon", "", L.DEADLINE_MINUTES, None),  # no minutes: beside the minutes
        ("Car", "soon", L.DEADLINE_MINUTES, None),  # not a number
        ("Car", "-5", L.DEADLINE_MINUTES, None),  # negative
        ("Car", "99999", L.DEADLINE_MINUTES, None),  # more than a week: a typo
        ("Car", "³", L.DEADLINE_MINUTES, None),  # a superscript: isdigit() yet not int()
        ("Car", "9" * 5000, L.DEADLINE_MINUTES, None),  # past int()'s digit limit
    ],
)
def test_deadline_errors_sit_beside_their_field(st, text, minutes, field, saved):
    open_one(st)
    ok = st.incident.add_note("deadline", text, due_minutes=minutes)
    assert ok is (saved is not None)
    if saved:
        assert st.incident.timeline[0].text == saved and not st.ui.errors
        assert st.incident.timeline[0].due == T0 + timedelta(minutes=int(minutes))
    else:
        assert list(st.ui.errors) == [field] and minutes[:20] in st.ui.errors[field]


def test_empty_note_error_is_beside_the_note_field(st):
    open_one(st)
    assert not st.incident.add_note("hook", "  ")
    assert st.ui.errors == {L.NOTE_FIELD: "Write the note first."}


@pytest.mark.parametrize(
    "keep_awake,calls",
    [
        (True, [("keep_awake", False), ("keep_awake", True), ("keep_awake", False)]),  # default
        (False, [("keep_awake", False)] * 3),  # the officer turned it off in Settings
    ],
)
def test_screen_stays_on_while_an_incident_is_open(tmp_path, keep_awake, calls):
    s = AppState(GUIDE, tmp_path, IncidentLog(None), now=lambda: T0, device=Device())
    s.prefs.keep_awake = keep_awake
    s.start_incident("hostage", "Bank")
    s.incident.close()
    assert [c for c in s.device.calls if c[0] == "keep_awake"] == calls


def test_keep_awake_setting_applies_at_once(st):
    open_one(st)
    st.settings.set_keep_awake(False)
    st.settings.set_keep_awake(True)
    assert [c[1] for c in st.device.calls if c[0] == "keep_awake"][-2:] == [False, True]


@pytest.mark.parametrize("module", ["app.ui.state", "app.prefs", "app.ui.router",
                                    "app.ui.screens"])  # all flet-free
def test_state_and_prefs_do_not_import_flet(module):
    import subprocess
    import sys

    code = f"import sys, {module}; print('flet' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
