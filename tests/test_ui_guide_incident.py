"""A guide switched while an incident is worked: the incident keeps working (ids survive),
its record names every guide it was worked with, and all three exports print them."""

from __future__ import annotations

import csv
import io
import json

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import __version__
from app.incidents.export import verify
from app.packs import PackError
from app.ui import labels as L
from app.ui.app import build_main
from tests.guide_helpers import VALID, copy_tree, edit
from tests.packs_helpers import builtin, pack_bytes
from tests.test_ui_guide import apply_pack, pack_file, phrases
from tests.ui_harness import open_incident, start

BUILTIN = f"built-in {__version__}"
CHECKLIST = "checklists/first-officer.md"


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


@pytest.fixture
def tree(tmp_path, key):
    return builtin(tmp_path, key), tmp_path / "data"


def exports(app) -> dict[str, str]:
    inc = app.state.incident.current.id
    return {f: app.state.log.export(inc, f) for f in ("md", "json", "csv")}


async def test_exports_name_each_guide_the_incident_was_worked_with(tmp_path, key, tree):
    main = build_main(*tree)
    a = await start(*tree, main=main)
    b = await start(*tree, main=main)  # a second tab: the change is recorded once
    await open_incident(a)
    await b.call(b.state.incident.select, a.state.incident.current.id)
    before = exports(a)
    assert "Guide from" in before["md"] and BUILTIN in before["md"]
    entry0 = json.loads(before["json"])["entries"][0]
    assert (entry0["kind"], entry0["item"]) == ("incident_opened", BUILTIN)

    await a.nav(L.NAV_HOME)
    a.state.nav.go("guide")
    await a.settle()
    await apply_pack(a, pack_file(tmp_path, key))
    await b.settle()
    out = exports(a)
    md_guides = [x for x in out["md"].splitlines() if x.startswith("- Guide from")]
    assert len(md_guides) == 2 and BUILTIN in md_guides[0]
    assert "metro-pd 2026.11" in md_guides[1] and "signed with key metro-pd" in md_guides[1]
    named = [e for e in json.loads(out["json"])["entries"] if e["kind"] == "guide_in_use"]
    assert [e["item"] for e in named] == ["metro-pd 2026.11"]  # once, not once per tab
    assert "approved by Sgt A. Example, Training Unit" in named[0]["text"]
    rows = list(csv.DictReader(io.StringIO(out["csv"])))
    assert [r["item"] for r in rows if r["kind"] == "guide_in_use"] == ["metro-pd 2026.11"]
    assert rows[0]["item"] == BUILTIN
    assert verify(out["json"])[2].intact  # the record entries are in the chain
    a.close()
    b.close()


async def test_incident_keeps_working_when_an_item_is_removed(tmp_path, key, tree):
    a = await start(*tree, route="/checklist")
    await open_incident(a)
    await a.nav(L.NAV_CHECKLIST)
    await a.click(L.checklist_item("Keep cover. Do not rush in."))
    await a.click(L.checklist_item("Set the inner perimeter."))
    stage = a.state.stairway.number
    content = copy_tree(VALID, tmp_path / "smaller")
    edit(content, CHECKLIST, "- [ ] Set the inner perimeter.\n", "")
    pack = tmp_path / "smaller.stairway"
    pack.write_bytes(pack_bytes(key, content, version="2026.12"))
    await a.call(a.state.packs.import_file, pack)
    await a.call(a.state.packs.apply)
    assert a.state.packs.origin.version == "2026.12"
    await a.nav(L.NAV_CHECKLIST)
    assert a.find(L.checklist_item("Keep cover. Do not rush in.")).value  # ticked, by id
    assert not a.has(L.checklist_item("Set the inner perimeter."))  # gone from the screen
    assert a.state.checklist.progress() == (1, 1)
    assert "first-officer/set-the-inner-perimeter" in a.state.prefs.checklist  # kept
    assert a.state.incident.is_open and a.state.stairway.number == stage
    await a.nav(L.NAV_INCIDENT)
    await a.type(L.NOTE_FIELD, "Still on the rail")
    await a.click(L.note_kind("note"))
    assert "Still on the rail" in a.texts()
    a.close()


async def test_a_restart_with_another_guide_is_recorded(tmp_path, key, tree):
    a = await start(*tree)
    await open_incident(a)
    inc = a.state.incident.current.id
    store = a.state.packs.hub.store
    store.apply(store.preview(pack_bytes(key, version="3.0")))  # as another process would
    a.close()
    again = await start(*tree)  # the app restarts; the incident is still open
    named = [n.item for n in again.state.log.entries(inc) if n.kind == "guide_in_use"]
    assert named == ["metro-pd 3.0"]
    again.close()


async def test_a_guide_that_cannot_be_built_changes_nothing(tmp_path, key, tree, monkeypatch):
    a = await start(*tree, route="/settings/guide")
    await a.call(a.state.packs.import_file, pack_file(tmp_path, key))
    hub = a.state.packs.hub

    def broken(*args, **kw):
        raise RuntimeError("disk went away")

    monkeypatch.setattr("app.guide.load_guide", broken)
    await a.click(L.GUIDE_APPLY)
    r = a.state.packs.refusal
    assert r is not None and r.code == "storage" and "did not change" in r.message
    assert hub.store.active().builtin and hub.current.origin.kind == "built-in"
    assert "You sound worn out (1)." in phrases(a)
    with pytest.raises(PackError):  # the pointer is as before: no step to go back to
        hub.rollback()
    a.close()
