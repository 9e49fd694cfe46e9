"""An open call made current while the preferences held another call's place, or none
(app/ui/state/replay.py): its stage, signs, early moves and checklist ticks are read back
from its log. Damaged preferences reset the app to stage 1 with no tick, while the call's
log said stage 3: the stairway showed the wrong stage in the middle of a call."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

from app.guide import compile_guide
from app.i18n import text as t
from app.ui import labels as L
from app.ui.state.replay import replay
from tests.ui_harness import CONTENT, open_incident, start, tick_all_signs


async def _a_call_at_stage_3(data) -> dict:
    """A call: stage 1 left with every sign, stage 2 left early (one sign ticked, then an
    override), a checklist item ticked, one ticked and unticked. Returns the place."""
    app = await start(CONTENT, data)
    try:
        await open_incident(app)
        await app.nav(L.NAV_STAIRWAY)
        await tick_all_signs(app)
        await app.click(L.MOVE_UP)
        await app.click(L.sign(app.state.stairway.stage().signs[0].text))
        await app.click(L.OVERRIDE)
        await app.type(L.OVERRIDE_REASON, "He is asking what happens next")
        await app.click(L.OVERRIDE_CONFIRM)
        cl = app.state.checklist
        first, second = [i for i in cl.guide.checklists[0].items if i.tick][:2]
        cid = cl.guide.checklists[0].id
        cl.tick(cid, first)
        cl.tick(cid, second)
        cl.tick(cid, second)  # unticked again
        p = app.state.prefs
        place = {"id": app.state.incident.current.id, "stage": p.stage,
                 "signs": dict(p.signs), "left_early": list(p.left_early),
                 "checklist": dict(p.checklist)}
        assert place["stage"] == 3 and place["left_early"] == [2]
        assert list(place["checklist"]) == [f"{cid}/{first.id}"]
        return place
    finally:
        app.close()


async def test_damaged_preferences_mid_call_read_the_place_back_from_the_log(tmp_path):
    data = tmp_path / "data"
    place = await _a_call_at_stage_3(data)
    prefs = data / "prefs.json"
    prefs.write_text(prefs.read_text(encoding="utf-8")[:40], encoding="utf-8")
    app = await start(CONTENT, data)
    try:
        told = [n for n in app.state.ui.notices if place["id"] in n]
        assert len(told) == 1 and "settings could not be read" in told[0]
        assert "closing entry may have been lost" not in told[0]
        assert app.state.incident.current is None  # never made current behind their back
        app.state.incident.select(place["id"])  # the officer opens it from All incidents
        await app.settle()
        p = app.state.prefs
        assert (p.stage, p.signs, p.left_early) == (
            place["stage"], place["signs"], place["left_early"])
        assert list(p.checklist) == list(place["checklist"])
        for key, at in p.checklist.items():  # the entry's time, within its second
            gap = datetime.fromisoformat(at) - datetime.fromisoformat(place["checklist"][key])
            assert abs(gap) <= timedelta(seconds=1)
        assert app.state.stairway.passed_early() == [2]
        stage = app.state.stairway.stage()
        said = t("taken_up", id=place["id"], order=3, title=stage.title)
        assert said in app.state.ui.notices
        assert not [n for n in app.state.ui.notices if "settings could not be read" in n]
        saved = json.loads(prefs.read_text(encoding="utf-8"))
        assert (saved["stage"], saved["incident_id"]) == (3, place["id"])
    finally:
        app.close()


async def test_a_route_that_reopens_the_call_takes_it_up_with_no_contradicting_banner(
        tmp_path):
    """The preferences lost only which call is current: the last screen's route reopens the
    call, makes it current and reads its place back; the banner saying it is not current
    goes."""
    data = tmp_path / "data"
    place = await _a_call_at_stage_3(data)
    prefs = data / "prefs.json"
    raw = json.loads(prefs.read_text(encoding="utf-8"))
    raw.update(incident_id=None, stage=1, signs={}, left_early=[], checklist={})
    prefs.write_text(json.dumps(raw), encoding="utf-8")
    app = await start(CONTENT, data, route=f"/incident/{place['id']}")
    try:
        assert app.state.incident.current.id == place["id"]
        assert app.state.prefs.incident_id == place["id"]
        assert app.state.prefs.stage == 3 and app.state.prefs.signs == place["signs"]
        assert not [n for n in app.state.ui.notices if "not the current call" in n]
    finally:
        app.close()


async def test_the_current_call_at_start_is_not_read_again(tmp_path):
    """Preferences that follow the call are trusted as they are: a restart says nothing."""
    data = tmp_path / "data"
    place = await _a_call_at_stage_3(data)
    app = await start(CONTENT, data)
    try:
        assert app.state.prefs.stage == place["stage"]
        assert not [n for n in app.state.ui.notices if "read back" in n]
    finally:
        app.close()


def _n(seq, kind, stage=None, item=None):
    return SimpleNamespace(seq=seq, kind=kind, stage=stage, item=item,
                           at=datetime(2026, 11, 30, 4, seq, tzinfo=UTC))


def test_replay_follows_moves_back_and_up_ticks_and_unticks():
    g = compile_guide(CONTENT)
    ids = {s.order: s.id for s in g.stages}
    notes = [
        _n(1, "incident_opened"),
        _n(2, "sign_tick", ids[1], "a"), _n(3, "sign_tick", ids[1], "b"),
        _n(4, "sign_untick", ids[1], "a"),
        _n(5, "override", ids[1]), _n(6, "stage_change", ids[2]),  # 1 left early
        _n(7, "stage_change", ids[1]),                               # stepped back
        _n(8, "sign_tick", ids[1], "a"), _n(9, "stage_change", ids[2]),  # left with all
        _n(10, "override", ids[2]), _n(11, "stage_change", ids[3]),  # 2 left early
        _n(12, "checklist_tick", item="first/cover"), _n(13, "checklist_tick", item="x/y"),
        _n(14, "checklist_untick", item="x/y"),
        _n(15, "stage_change", "9"), _n(16, "sign_tick", "nonsense", "z"),  # not stages
        _n(17, "stage_change", "\u00b2"), _n(18, "stage_change", "\uff15"),  # digits to
        _n(19, "stage_change", "9" * 5000), _n(20, "override", ""),  # isdigit() only
    ]
    s = replay(reversed(notes), g)  # any order: by seq
    assert s.stage == 3
    assert s.signs == {"1": ["b", "a"]}
    assert s.left_early == [2]
    assert s.checklist == {"first/cover": "2026-11-30T04:12:00+00:00"}
    assert replay([], g).stage == 1
