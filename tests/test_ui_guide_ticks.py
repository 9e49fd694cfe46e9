"""Checklist ticks across a guide update: a tick whose item was reworded or dropped is shown
apart, done and read-only, in the words it was ticked in (never silently gone) until the call
ends, and a tick whose words the new guide still has follows them to their new place."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import prefs as P
from app.ui import labels as L
from tests.guide_helpers import VALID, copy_tree, edit
from tests.packs_helpers import builtin, pack_bytes
from tests.ui_harness import open_incident, start

CHECKLIST = "checklists/first-officer.md"
COVER = "Keep cover. Do not rush in."
PERIMETER = "Set the inner perimeter."
REWORDED = "Set an inner perimeter first."
OLD_KEY = "first-officer/set-the-inner-perimeter"


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


@pytest.fixture
def tree(tmp_path, key):
    return builtin(tmp_path, key), tmp_path / "data"


def pack(tmp_path, key, version: str, *edits: tuple[str, str]):
    """A signed pack of the valid guide with `edits` (old, new) made to its checklist."""
    content = copy_tree(VALID, tmp_path / f"guide-{version}")
    for old, new in edits:
        edit(content, CHECKLIST, old, new)
    path = tmp_path / f"guide-{version}.stairway"
    path.write_bytes(pack_bytes(key, content, version=version))
    return path


async def apply(app, path) -> None:
    await app.call(app.state.packs.import_file, path)
    await app.call(app.state.packs.apply)
    assert app.state.packs.origin.version == path.stem.removeprefix("guide-")


def apart(app, words: str) -> bool:
    """Is the tick in `words` shown in the box of earlier ticks (at its own time)?"""
    ticks = {w: at for _k, at, w in app.state.checklist.earlier()}
    if words not in ticks:
        return False
    return app.has(L.checklist_earlier(words, ticks[words].astimezone().strftime("%H:%M")))


def within(c, row) -> bool:
    while c is not None:
        if c is row:
            return True
        c = c.parent
    return False


def logged(app) -> list[str]:
    return [n.text for n in app.state.log.entries(app.state.incident.current.id)]


async def test_a_reworded_tick_is_shown_apart_done_and_read_only(tmp_path, key, tree):
    a = await start(*tree, route="/checklist")
    await open_incident(a)
    await a.nav(L.NAV_CHECKLIST)
    await a.click(L.checklist_item(COVER))
    await a.click(L.checklist_item(PERIMETER))
    at = a.state.prefs.checklist[OLD_KEY]
    await apply(a, pack(tmp_path, key, "2026.12", (f"- [ ] {PERIMETER}\n", f"- [ ] {REWORDED}\n")))
    await a.nav(L.NAV_CHECKLIST)
    clock = datetime.fromisoformat(at).astimezone().strftime("%H:%M")
    label = L.checklist_earlier(PERIMETER, clock)  # the words it was ticked in, and when
    row = a.find(label)
    assert f"{PERIMETER}  (ticked {clock})" in a.texts()
    inside = [c for c in a.controls() if within(c, row)]
    assert inside and not [c for c in inside if getattr(c, "on_click", None)
                           or getattr(c, "on_change", None)]  # nothing a stray tap undoes
    assert not a.find(L.checklist_item(REWORDED)).value  # the new wording is not ticked
    assert a.find(L.checklist_item(COVER)).value
    assert a.state.checklist.progress() == (1, 2)  # the tick counts for no item of the new guide
    assert a.state.prefs.checklist[OLD_KEY] == at  # its time is kept

    again = await start(*tree, route="/checklist")  # a restart: still shown apart
    assert again.has(label)
    again.close()

    heading = L.section_toggle("Done before the guide changed")
    await a.click(heading)  # folded away: it can fill a small phone's screen
    assert not a.has(label) and a.has(heading)
    assert any(x.startswith("Done before the guide changed  (1)") for x in a.texts())
    await a.click(heading)
    assert a.has(label)
    await a.back()  # the phone's Back from the checklist tab: Home, as from any tab
    assert a.state.nav.location.screen == "home"
    a.close()


async def test_a_dropped_tick_is_kept_until_the_call_is_closed(tmp_path, key, tree):
    a = await start(*tree, route="/checklist")
    await open_incident(a)
    await a.nav(L.NAV_CHECKLIST)
    await a.click(L.checklist_item(PERIMETER))
    await apply(a, pack(tmp_path, key, "2026.12", (f"- [ ] {PERIMETER}\n", "")))
    await a.nav(L.NAV_CHECKLIST)
    assert apart(a, PERIMETER)
    assert not a.has(L.checklist_item(PERIMETER))
    await a.click(L.section_toggle("Done before the guide changed"))  # folded
    await a.call(a.state.close_incident)
    await a.nav(L.NAV_CHECKLIST)
    assert not a.state.checklist.earlier()  # the next call starts with none
    assert not any("Done before" in x for x in a.labels())
    assert a.state.prefs.tick_texts == {}
    assert not a.state.checklist.earlier_folded()  # the next call's box will start open
    a.close()


async def test_a_tick_on_an_item_made_a_reminder_is_shown_apart(tmp_path, key, tree):
    a = await start(*tree, route="/checklist")
    await a.click(L.checklist_item(PERIMETER))
    await apply(a, pack(tmp_path, key, "2026.12", (f"- [ ] {PERIMETER}\n", f"- {PERIMETER}\n")))
    await a.nav(L.NAV_CHECKLIST)
    assert apart(a, PERIMETER)  # the reminder itself has no box
    assert a.state.checklist.progress()[0] == 0
    a.close()


async def test_ticks_made_before_the_incident_are_logged_in_their_own_words(tmp_path, key, tree):
    a = await start(*tree, route="/checklist")
    await a.click(L.checklist_item(PERIMETER))  # no incident open yet
    await apply(a, pack(tmp_path, key, "2026.12", (f"- [ ] {PERIMETER}\n", f"- [ ] {REWORDED}\n")))
    await open_incident(a)
    before = [x for x in logged(a) if x.startswith("Done before the incident was opened")]
    assert len(before) == 1 and before[0].endswith(f": {PERIMETER}")
    a.close()


async def test_a_tick_follows_its_words_when_the_checklist_is_renamed(tmp_path, key, tree):
    a = await start(*tree, route="/checklist")
    await a.click(L.checklist_item(COVER))
    at = a.state.prefs.checklist["first-officer/keep-cover-do-not-rush-in"]
    renamed = pack(tmp_path, key, "2026.12", ("id: first-officer\n", "id: first-on-scene\n"),
                   (f"- [ ] {COVER}\n", f"- [ ]   {COVER.upper()}\n"))
    await apply(a, renamed)
    await a.nav(L.NAV_CHECKLIST)
    assert a.find(L.checklist_item(COVER.upper())).value  # ticked in its new place
    assert not a.state.checklist.earlier()
    assert a.state.prefs.checklist == {"first-on-scene/keep-cover-do-not-rush-in": at}
    saved = json.loads((tree[1] / P.FILE_NAME).read_text())
    assert saved["checklist"] == {"first-on-scene/keep-cover-do-not-rush-in": at}
    a.close()


async def test_a_restart_under_a_renamed_checklist_carries_the_tick(tmp_path, key, tree):
    a = await start(*tree, route="/checklist")
    await a.click(L.checklist_item(COVER))
    a.close()
    store = a.state.packs.hub.store  # another process applies the update
    content = copy_tree(VALID, tmp_path / "renamed")
    edit(content, CHECKLIST, "id: first-officer\n", "id: first-on-scene\n")
    store.apply(store.preview(pack_bytes(key, content, version="3.0")))
    again = await start(*tree, route="/checklist")
    assert again.find(L.checklist_item(COVER)).value
    assert "first-on-scene/keep-cover-do-not-rush-in" in P.load(tree[1])[0].checklist
    again.close()


@pytest.mark.parametrize("words, shown", [
    (None, "Set the inner perimeter"),  # saved before words were kept: the id as words
    ("Set the \ud800 perimeter.", "Set the \ufffd perimeter."),  # half a character
    ("[x](javascript:alert(1)) =cmd|' /C calc'!A0", "[x](javascript:alert(1)) =cmd|' /C calc'!A0"),
    ("W" * 100_000, "W" * 100_000),
])
async def test_odd_saved_words_are_shown_as_they_are(tmp_path, key, tree, words, shown):
    """A hand-edited or old preferences file: the tick is shown apart, in its words or its
    id read as words, and logged in them when an incident opens; nothing raises."""
    tree[1].mkdir(parents=True)
    ticks = {OLD_KEY + "-2": "2026-11-29T10:00:00+00:00", "x/../../etc": "not a time"}
    texts = {} if words is None else {OLD_KEY + "-2": words}
    (tree[1] / P.FILE_NAME).write_text(json.dumps({"checklist": ticks, "tick_texts": texts}))
    a = await start(*tree, route="/checklist")
    assert apart(a, shown)
    assert [w for _k, _t, w in a.state.checklist.earlier()] == [shown]  # not the unreadable one
    await open_incident(a)
    assert any(x.endswith(f": {shown}") and x.startswith("Done before the incident")
               for x in logged(a))
    a.close()


async def test_thousands_of_earlier_ticks_show_the_latest_hundred(tmp_path, key, tree):
    """A hand-edited preferences file with 3,000 ticks of no item: the screen shows the 100
    latest and says how many more there are, instead of drawing 3,000 rows."""
    tree[1].mkdir(parents=True)
    ticks = {f"x/gone-{i:04}-x": f"2026-11-29T10:{i // 60 % 60:02}:{i % 60:02}+00:00"
             for i in range(3000)}
    (tree[1] / P.FILE_NAME).write_text(json.dumps({"checklist": ticks}))
    a = await start(*tree, route="/checklist")
    shown = [x for x in a.labels() if x.startswith("Done before the guide changed, ticked")]
    assert len(shown) == 100 and apart(a, "Gone 2999 x") and not apart(a, "Gone 2899 x")
    assert "2900 more not shown." in a.texts()
    assert len(a.state.checklist.earlier()) == 3000  # none dropped
    a.close()


STAGE1 = "stairway/1-active-listening-stage.md"
SIGN1, SIGN2 = "Sign one of Active Listening.", "Sign two of Active Listening."
SIGN1_NEW = "They talk a little more each time."


async def test_a_reworded_sign_is_shown_apart_and_no_longer_counts(tmp_path, key, tree):
    a = await start(*tree, route="/stairway")
    await a.click(L.sign(SIGN1))
    await a.click(L.sign(SIGN2))
    assert a.state.stairway.can_move_up
    content = copy_tree(VALID, tmp_path / "signs")
    edit(content, STAGE1, f"- [ ] {SIGN1}\n", f"- [ ] {SIGN1_NEW}\n")
    path = tmp_path / "guide-2026.12.stairway"
    path.write_bytes(pack_bytes(key, content, version="2026.12"))
    await apply(a, path)
    await a.nav(L.NAV_STAIRWAY)
    row = a.find(L.sign_earlier(SIGN1))  # the old words, read-only
    assert not [c for c in a.controls() if within(c, row) and (
        getattr(c, "on_click", None) or getattr(c, "on_change", None))]
    assert "Noted before the guide changed" in a.texts()
    assert not a.find(L.sign(SIGN1_NEW)).value and a.find(L.sign(SIGN2)).value
    assert not a.state.stairway.can_move_up  # the new wording is judged afresh
    await a.click(L.sign(SIGN2))  # ticks under the new guide keep the old one shown
    await a.click(L.sign(SIGN2))
    assert a.has(L.sign_earlier(SIGN1))
    await a.click(L.sign(SIGN1_NEW))
    assert a.state.stairway.can_move_up

    again = await start(*tree, route="/stairway")  # a restart: still shown
    assert again.has(L.sign_earlier(SIGN1))
    again.close()
    await a.click(L.MOVE_UP)
    await a.click(L.STEP_BACK)
    assert a.has(L.sign_earlier(SIGN1))  # kept with its stage
    await open_incident(a)
    await a.call(a.state.close_incident)
    await a.nav(L.NAV_STAIRWAY)
    assert not a.has(L.sign_earlier(SIGN1)) and a.state.prefs.sign_texts == {}
    a.close()


async def test_a_sign_saved_without_words_shows_its_id_as_words(tmp_path, key, tree):
    tree[1].mkdir(parents=True)
    (tree[1] / P.FILE_NAME).write_text(json.dumps(
        {"signs": {"1": [f"gone-{i}-x" for i in range(500)] + ["they-said-\ud800-yes-3"]}}))
    a = await start(*tree, route="/stairway")
    assert a.has(L.sign_earlier("They said \ufffd yes"))
    assert "401 more not shown." in a.texts()
    await a.click(L.sign(SIGN1))  # a tick under the new guide keeps them all
    assert len(a.state.stairway.earlier_signs()) == 501
    a.close()
