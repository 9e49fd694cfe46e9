"""AppState without flet: stage gating, override, checklist, phrases, search targets."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from app.guide.model import AVOID, SAY, Checklist, Guide, Item, Meta, Phrase, Situation, Stage
from app.incidents import IncidentLog
from app.ui.state import AppState


def meta(i):
    return Meta(i, i.title(), "1.0", "2026-11-20", (), f"{i}.md")


def item(text, tick=True, situations=(), section="S"):
    return Item(text.lower().replace(" ", "-"), text, section, tick, situations, "f.md", 1)


def stage(n, signs=("Sign A", "Sign B")):
    phrases = (
        Phrase(f"{n}-say", f"say {n}", SAY, n, "labeling", None, (), (), "", "", "", (),
               "s.md", n),
        Phrase(f"{n}-avoid", f"avoid {n}", AVOID, n, None, "G", ("hostage",), (), "why", "say",
               "", (), "s.md", 10 + n),
    )
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
    return AppState(GUIDE, tmp_path, IncidentLog(None),
                    now=lambda: datetime(2026, 11, 26, 5, 0, tzinfo=UTC))


def test_move_up_needs_every_sign(st):
    assert not st.move_up() and st.stage_no == 1
    st.tick_sign("sign-a")
    assert not st.can_move_up
    st.tick_sign("sign-b")
    assert st.move_up() and st.stage_no == 2
    assert st.ticked_signs(1) == {"sign-a", "sign-b"} and st.ticked_signs() == set()


@pytest.mark.parametrize("reason", ["", "   ", None])  # empty, blank, missing
def test_override_refuses_without_reason(st, reason):
    assert not st.override(reason)
    assert st.stage_no == 1 and st.override_error and not st.overrides


def test_override_logs_reason_when_incident_open(st):
    inc = st.log.open_incident("Hostage", "Bank")
    st.select_incident(inc.id)
    assert st.override("  negotiator said go  ")
    assert st.stage_no == 2 and st.overrides[0].reason == "negotiator said go"
    kinds = [str(n.kind) for n in st.log.all_notes(inc.id)]
    assert kinds == ["override", "stage_change"]


def test_top_stage_and_step_back(st):
    for _ in range(4):
        st.override("drill")
    assert st.stage_no == 5 and st.at_top and not st.override("more")
    assert st.step_back() and st.stage_no == 4
    for _ in range(3):
        st.step_back()
    assert st.stage_no == 1 and not st.step_back()


@pytest.mark.parametrize(
    "situation,expected",
    [
        (None, ["Keep cover", "Call EMS", "Info"]),  # no situation: everything
        ("suicidal", ["Keep cover", "Call EMS", "Info"]),  # the tagged item fits
        ("hostage", ["Keep cover", "Info"]),  # the suicidal-only item is hidden
    ],
)
def test_checklist_filtered_by_situation(st, situation, expected):
    st.choose_situation(situation)
    assert [i.text for i in st.checklists()[0][1]] == expected


def test_checklist_tick_time_and_progress(st):
    cl, items = st.checklists()[0]
    st.tick_item(cl.id, items[0])
    assert st.tick_time(cl.id, items[0].id) == "2026-11-26T05:00:00+00:00"
    assert st.checklist_progress() == (1, 2)  # the untickable line does not count
    st.tick_item(cl.id, items[0])
    assert st.checklist_progress() == (0, 2)


@pytest.mark.parametrize(
    "stage_f,skill,situation,expected",
    [
        (None, None, None, ["say 1", "avoid 1"]),  # current stage, no filter
        (3, None, None, ["say 3", "avoid 3"]),  # another stage
        (None, "labeling", None, ["say 1"]),  # by skill
        (None, None, "suicidal", ["say 1"]),  # the hostage-only phrase is hidden
        (None, None, "hostage", ["say 1", "avoid 1"]),
    ],
)
def test_phrase_filters(st, stage_f, skill, situation, expected):
    st.set_filters(stage=stage_f, skill=skill, situation=situation)
    assert [p.text for p in st.phrases()] == expected


@pytest.mark.parametrize(
    "target,screen,check",
    [
        (("stage", 4), "stairway", lambda s: s.read_stage == 4 and s.stage_no == 1),
        (("phrase", 3, "say 3"), "phrases", lambda s: s.phrase_stage() == 3),
        (("checklist", "first", "keep-cover"), "checklist", lambda s: s.highlight == "keep-cover"),
        (("situation", "hostage"), "situations", lambda s: s.preview_situation == "hostage"),
        (("skill", "labeling"), "phrases", lambda s: s.filter_skill == "labeling"),
    ],
)
def test_search_hit_opens_its_place(st, target, screen, check):
    st.open_result(target)
    assert st.screen == screen and check(st)


def test_changes_notify_and_save_prefs(st, tmp_path):
    seen = []
    dispose = st.subscribe(lambda: seen.append(st.version))
    st.set_theme("dark")
    dispose()
    st.set_text_scale(1.5)
    assert seen == [1]
    again = AppState(GUIDE, tmp_path, None)
    assert again.prefs.theme == "dark" and again.prefs.text_scale == 1.5


def test_no_log_means_no_incident_but_no_crash(tmp_path):
    s = AppState(GUIDE, tmp_path, None)
    assert not s.start_incident("hostage", "x") and s.message
    s.tick_sign("sign-a")  # stage work still fine without a log
    assert s.ticked_signs() == {"sign-a"}


def test_disk_refusal_is_one_sentence_and_retry_clears_it(st, monkeypatch):
    from app.incidents import StorageUnavailable

    inc = st.log.open_incident("Hostage", "Bank")
    st.select_incident(inc.id)
    real = st.log.add_note

    def refuse(*a, **kw):
        raise StorageUnavailable("The disk is full.", pending=1)

    monkeypatch.setattr(st.log, "add_note", refuse)
    assert not st.add_note("note", "Subject calm")
    assert st.save_error.startswith("The disk is full.") and "\n" not in st.save_error
    monkeypatch.setattr(st.log, "add_note", real)
    st.retry_save()
    assert st.save_error is None
    assert st.add_note("note", "Subject calm") and st.timeline[0].text == "Subject calm"


def test_a_stage_that_did_not_load_needs_the_override(tmp_path):
    # stage 3's file was skipped: numbering must not shift and only the override passes it
    guide = Guide(stages=tuple(stage(n) for n in (1, 2, 4, 5)))
    s = AppState(guide, tmp_path, None)
    s.prefs.stage = 3
    assert s.stage() is None and s.total == 5
    assert not s.can_move_up and not s.move_up()
    assert s.override("file broken, subject calm")
    assert s.stage().order == 4


def test_clocks_since_start_and_last_contact(tmp_path):
    from datetime import timedelta

    t = [datetime(2026, 11, 26, 5, 0, tzinfo=UTC)]
    s = AppState(GUIDE, tmp_path, IncidentLog(None), now=lambda: t[0])
    inc = s.log.open_incident("Hostage", "Bank", at=t[0])
    s.select_incident(inc.id)
    assert s.clocks() == (timedelta(0), None)  # no contact yet
    t[0] += timedelta(minutes=5)
    s.add_note("contact_start", "")
    assert s.clocks()[1] == timedelta(0)  # in contact now
    s.add_note("contact_end", "")
    t[0] += timedelta(minutes=3)
    start, contact = s.clocks()
    assert start == timedelta(minutes=8)
    assert timedelta(minutes=2) < contact <= timedelta(minutes=3)


@pytest.mark.parametrize("module", ["app.ui.state", "app.prefs"])  # both stay flet-free
def test_state_and_prefs_do_not_import_flet(module):
    import subprocess
    import sys

    code = f"import sys, {module}; print('flet' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
