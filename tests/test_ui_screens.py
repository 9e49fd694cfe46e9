"""Headless tests of the guide screens through the real factory (content/, temp data).

Every test drives the app by the labels in app.ui.labels, then checks what is on screen
and what reached the note log and the preferences file.
"""

from __future__ import annotations

import shutil

import pytest

from app.ui import labels as L
from tests.ui_harness import CONTENT, open_incident, start, tick_all_signs


async def test_home_shows_stage_and_start(app):
    assert app.state.screen == "home"
    assert app.has(L.START_INCIDENT)
    assert app.state.stage().title in app.texts()


async def test_move_up_is_gated_by_the_signs(app):
    await app.nav(L.NAV_STAIRWAY)
    signs = app.state.stage().signs
    assert signs, "stage 1 in content/ has move-up signs"
    assert app.find(L.MOVE_UP).disabled
    for s in signs[:-1]:
        await app.click(L.sign(s.text))
        assert app.find(L.MOVE_UP).disabled  # not until the last sign is ticked
    await app.click(L.sign(signs[-1].text))
    assert not app.find(L.MOVE_UP).disabled
    await app.click(L.MOVE_UP)
    assert app.state.stage_no == 2
    assert app.has(L.stage_indicator(2))
    # a stage 2 phrase from content/ is on the phrases screen
    await app.nav(L.NAV_PHRASES)
    first = app.state.stage(2).phrases[0]
    assert app.has(L.phrase(first.kind, first.text))


async def test_override_refused_without_reason_then_logged(app):
    await open_incident(app)
    await app.nav(L.NAV_STAIRWAY)
    await app.click(L.OVERRIDE)
    await app.click(L.OVERRIDE_CONFIRM)  # empty reason
    assert app.state.stage_no == 1
    assert app.state.override_error
    await app.type(L.OVERRIDE_REASON, "Subject asked for a deal; negotiator agreed")
    await app.click(L.OVERRIDE_CONFIRM)
    assert app.state.stage_no == 2
    assert app.state.overrides[-1].reason == "Subject asked for a deal; negotiator agreed"
    kinds = [str(n.kind) for n in app.state.log.all_notes(app.state.incident.id)]
    assert "override" in kinds and "stage_change" in kinds
    note = next(n for n in app.state.log.all_notes(app.state.incident.id)
                if str(n.kind) == "override")
    assert "negotiator agreed" in note.text


async def test_step_back_and_not_at_stage_one(app):
    await app.nav(L.NAV_STAIRWAY)
    assert not app.has(L.STEP_BACK)
    await tick_all_signs(app)
    await app.click(L.MOVE_UP)
    await app.click(L.STEP_BACK)
    assert app.state.stage_no == 1


async def test_prefs_survive_a_rebuild(tmp_path):
    data = tmp_path / "data"
    a = await start(CONTENT, data)
    await a.nav(L.NAV_STAIRWAY)
    await tick_all_signs(a)
    await a.click(L.MOVE_UP)
    await a.click(L.OPEN_SETTINGS)
    await a.click(L.THEME_DARK)
    await a.click(L.TEXT_SIZES[1.75])
    await open_incident(a)
    await a.nav(L.NAV_PHRASES)
    p = a.state.phrases()[0]
    await a.click(L.phrase(p.kind, p.text))
    await a.click(L.OPEN_SETTINGS)
    inc = a.state.incident.id
    a.close()
    b = await start(CONTENT, data)
    assert b.state.incident.id == inc and b.state.incident_open  # the open incident
    assert b.state.used_phrases  # phrases used in it, from its log
    assert b.state.stage_no == 2
    assert b.state.prefs.theme == "dark" and b.state.prefs.text_scale == 1.75
    assert b.state.screen == "settings"
    assert b.page.theme_mode.value == "dark"
    b.close()


async def test_checklist_tick_is_timestamped_and_logged(app):
    await open_incident(app)
    await app.nav(L.NAV_CHECKLIST)
    cl, items = app.state.checklists()[0]
    item = next(i for i in items if i.tick)
    before = app.state.checklist_progress()[0]
    await app.click(L.checklist_item(item.text))
    assert app.state.tick_time(cl.id, item.id)
    assert app.state.checklist_progress()[0] == before + 1
    notes = app.state.log.all_notes(app.state.incident.id)
    assert any(str(n.kind) == "checklist_tick" and n.text == item.text for n in notes)
    # folding a section hides its items
    await app.click(L.section_toggle(item.section or cl.title))
    assert not app.has(L.checklist_item(item.text))


async def test_situation_filters_and_shows_danger_signs(app):
    await app.click(L.OPEN_SITUATIONS)
    sit = next(s for s in app.state.guide.situations if s.danger_signs)
    await app.click(L.situation_choice(sit.title))
    assert app.state.prefs.situation == sit.id
    assert sit.danger_signs[0].text in app.texts()
    await app.nav(L.NAV_PHRASES)
    for p in app.state.phrases():
        assert not p.situations or sit.id in p.situations


async def test_phrase_tap_marks_used_and_logs(app):
    await open_incident(app)
    await app.nav(L.NAV_PHRASES)
    p = app.state.phrases()[0]
    await app.click(L.phrase(p.kind, p.text))
    assert "· used" in app.texts()
    notes = app.state.log.all_notes(app.state.incident.id)
    assert any(str(n.kind) == "phrase_used" and p.text in n.text for n in notes)


async def test_phrase_filters_by_stage(app):
    await app.nav(L.NAV_PHRASES)
    await app.click(L.filter_option(L.FILTER_STAGE, "3"))
    assert app.state.phrases() and all(p.stage == 3 for p in app.state.phrases())


async def test_search_opens_the_place_it_came_from(app):
    await app.click(L.OPEN_SEARCH)
    p = app.state.stage(2).phrases[0]
    await app.type(L.SEARCH_FIELD, " ".join(p.text.split()[:4]))
    assert app.state.results
    hit = next(h for h in app.state.results if h.target[0] == "phrase")
    await app.click(L.search_result(hit.title))
    assert app.state.screen == "phrases"
    assert app.state.phrase_stage() == hit.target[1]
    assert app.state.stage_no == 1  # reading is not moving


async def test_settings_lists_every_file_version(app):
    await app.click(L.OPEN_SETTINGS)
    texts = " ".join(app.texts())
    for m in app.state.guide.files:
        assert m.file in texts and m.version in texts


async def test_broken_content_shows_a_banner(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    bad = sorted((content / "stairway").glob("3-*.md"))[0]
    bad.write_text("---\nid: [unclosed\n---\n# Broken\n", encoding="utf-8")
    a = await start(content, tmp_path / "data")
    assert any(bad.name in n for n in a.state.notices)
    assert a.has(L.DISMISS_BANNER)
    a.close()


async def test_text_size_reaches_the_theme(app):
    await app.click(L.OPEN_SETTINGS)
    await app.click(L.TEXT_SIZES[1.5])
    assert app.page.theme.text_theme.body_medium.size == pytest.approx(14 * 1.5)
    assert app.page.dark_theme.text_theme.body_large.size == pytest.approx(16 * 1.5)


@pytest.mark.parametrize(
    "opener,field,confirm",
    [
        (L.OVERRIDE, L.OVERRIDE_REASON, L.OVERRIDE_CONFIRM),  # the override reason
        (None, L.NOTE_FIELD, L.NOTE_KINDS["note"]),  # a quick note
    ],
)
async def test_a_tap_right_after_typing_uses_the_typed_text(app, opener, field, confirm):
    if opener:
        await app.nav(L.NAV_STAIRWAY)
        await app.click(opener)
    else:
        await open_incident(app)
    box, button = app.find(field), app.find(confirm)
    app.session.apply_patch(box._i, {"value": "typed fast"})
    await app.session.dispatch_event(box._i, "change", "typed fast")
    await app.session.dispatch_event(button._i, "click", None)  # before any re-render
    await app.settle()
    if opener:
        assert app.state.overrides[-1].reason == "typed fast"
    else:
        assert app.state.timeline[0].text == "typed fast"
