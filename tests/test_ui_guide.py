"""Settings > Guide, headless: import a pack, preview, apply to every open page, refuse bad
packs with their sentence (nothing changed), older versions, going back, a damaged pack.

The built-in content is a copy of the valid fixture that trusts a fresh key; packs are
made with `make_pack` from edited copies, so each test sees its own change on screen.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.ui import labels as L
from app.ui.app import build_main
from tests.guide_helpers import VALID, copy_tree, edit
from tests.packs_helpers import (
    FIELDS,
    builtin,
    canonical,
    forge,
    pack_bytes,
    replace,
    resign,
    snapshot,
)
from tests.ui_harness import CONTENT, start

STAGE1 = "stairway/1-active-listening-stage.md"
NEW_PHRASE = "You sound exhausted tonight (1)."


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


@pytest.fixture
def tree(tmp_path, key):
    """(built-in content trusting `key`, data folder)."""
    return builtin(tmp_path, key), tmp_path / "data"


@pytest.fixture
async def tabs(tree):
    """Two pages of one process (one hub), both on Settings > Guide."""
    main = build_main(*tree)
    apps = [await start(*tree, route="/settings/guide", main=main) for _ in range(2)]
    yield apps
    for a in apps:
        a.close()


def pack_file(tmp: Path, key, version="2026.11", phrase=NEW_PHRASE, **kw) -> Path:
    content = copy_tree(VALID, tmp / f"src-{version}")
    edit(content, STAGE1, "You sound worn out (1).", phrase)
    path = tmp / f"metro-{version}.stairway"
    path.write_bytes(pack_bytes(key, content, version=version, **kw))
    return path


def phrases(app) -> set[str]:
    return {p.text for s in app.state.guide.stages for p in s.phrases}


async def imported(app, path: Path) -> None:
    await app.call(app.state.packs.import_file, path)


async def test_good_pack_previews_then_applies_on_every_open_page(tmp_path, key, tabs):
    a, b = tabs
    await imported(a, pack_file(tmp_path, key))
    texts = a.texts()
    for shown in ("Metro PD guide, version 2026.11", f"Approved by {FIELDS['approved_by']}",
                  "Language: English", "Signed with the trusted key metro-pd",
                  "Replaces: Built-in guide", "0 files added, 1 changed, 0 removed."):
        assert shown in texts, shown
    assert NEW_PHRASE not in phrases(a)  # a preview changes nothing yet
    await a.click(L.GUIDE_APPLY)
    await b.settle()
    for app in (a, b):  # both tabs switched, without a reload
        assert NEW_PHRASE in phrases(app) and "You sound worn out (1)." not in phrases(app)
        assert app.state.packs.origin.key == "metro-pd 2026.11"
    assert "Now using Metro PD guide 2026.11." in a.texts()
    await b.back()  # Settings
    await b.click(L.OPEN_ABOUT)
    assert "Metro PD guide, version 2026.11" in b.texts()


def _zip_without(data: bytes, name: str) -> bytes:
    return forge(replace(data, name, None))


def _changed_after_signing(data: bytes) -> bytes:
    return forge(replace(data, f"content/{STAGE1}", b"---\nid: x\n---\n# Changed\n"))


def _bad_manifest(data: bytes, key) -> bytes:
    """A manifest the trusted key really signed, which is not UTF-8 text."""
    return forge(resign(replace(data, "manifest.json", None), key, b"\xff\xfe not json"))


BAD = [
    # signed with a key the app does not trust
    ("untrusted-key", lambda tmp, key: pack_bytes(Ed25519PrivateKey.generate())),
    # a content file edited after the pack was signed
    ("file-changed", lambda tmp, key: _changed_after_signing(pack_bytes(key))),
    # a content file the manifest lists is gone
    ("file-missing", lambda tmp, key: _zip_without(pack_bytes(key), f"content/{STAGE1}")),
    # the download stopped half way
    ("not-a-pack", lambda tmp, key: pack_bytes(key)[:700]),
    # the manifest is not text
    ("manifest-not-utf8", lambda tmp, key: _bad_manifest(pack_bytes(key), key)),
    # a name that climbs out of the guide folder
    ("unsafe-path", lambda tmp, key: forge([("../evil.md", b"x")])),
]


@pytest.mark.parametrize("code, make", BAD, ids=[c for c, _ in BAD])
async def test_bad_pack_shows_its_sentence_and_changes_nothing(tmp_path, key, tabs, code, make):
    a, _ = tabs
    data_dir = a.state.data_dir
    before, guide = snapshot(data_dir / "packs"), a.state.guide
    path = tmp_path / "bad.stairway"
    path.write_bytes(make(tmp_path, key))
    await imported(a, path)
    refusal = a.state.packs.refusal
    assert refusal is not None and refusal.code == code, refusal
    assert refusal.message in a.texts()
    if code == "untrusted-key":  # says what to do next, not only what is wrong
        assert refusal.message.endswith("ask your department for its own signed pack, or a "
                                        "build that trusts this key.")
    assert "The guide in use did not change." in a.texts()
    assert a.state.packs.preview is None and a.state.guide is guide
    assert snapshot(data_dir / "packs") == before
    assert not a.has(L.GUIDE_APPLY)


async def test_content_problems_are_listed_as_path_line(tmp_path, key, tabs):
    a, _ = tabs
    content = copy_tree(VALID, tmp_path / "broken")
    edit(content, STAGE1, "- You sound worn out (1).", "- ")  # an empty phrase
    # make_pack refuses a broken tree: sign one by hand, as a careless signer could
    bad = _resign_with_file(pack_bytes(key), key, f"content/{STAGE1}",
                            (content / STAGE1).read_bytes())
    path = tmp_path / "broken.stairway"
    path.write_bytes(bad)
    await imported(a, path)
    r = a.state.packs.refusal
    assert r is not None and r.code == "content-problems" and r.details
    assert r.details[0].startswith(f"{STAGE1}:"), r.details
    assert f"{L.GUIDE_PROBLEMS} ({len(r.details)})" in a.texts()
    assert r.details[0] in a.texts()  # in the expandable list


def _resign_with_file(data: bytes, key, name: str, new: bytes) -> bytes:
    """The pack with one file replaced and its manifest hash updated, signed again."""
    items = replace(data, name, new)
    m = json.loads(dict(items)["manifest.json"])
    rel = name.removeprefix("content/")
    m["files"][rel]["sha256"] = hashlib.sha256(new).hexdigest()
    m["files"][rel]["size"] = len(new)
    return forge(resign(items, key, canonical(m)))


async def apply_pack(app, path: Path) -> None:
    await imported(app, path)
    assert app.state.packs.preview is not None, app.state.packs.refusal
    await app.click(L.GUIDE_APPLY)


async def test_older_version_asks_a_second_time(tmp_path, key, tabs):
    a, _ = tabs
    await apply_pack(a, pack_file(tmp_path, key, "2.0", "You sound tired tonight (2)."))
    await imported(a, pack_file(tmp_path, key, "1.0", "You sound tired tonight (1)."))
    assert any("older version than the guide in use (2.0)" in t for t in a.texts())
    await a.click(L.GUIDE_APPLY)  # the first confirmation only asks again
    assert a.state.packs.origin.version == "2.0"
    assert "Metro PD guide 1.0 is older than the guide in use (2.0). Use the older guide " \
           "anyway?" in a.texts()
    await a.click(L.GUIDE_NO)
    assert a.state.packs.origin.version == "2.0" and a.state.packs.preview is not None
    await a.click(L.GUIDE_APPLY)
    await a.click(L.GUIDE_YES)
    assert a.state.packs.origin.version == "1.0"
    assert "You sound tired tonight (1)." in phrases(a)


async def test_go_back_and_built_in_are_confirmed_and_switch_every_page(tmp_path, key, tabs):
    a, b = tabs
    # nothing to go back to yet: said where the buttons would be, not behind a tap
    assert not a.has(L.GUIDE_ROLLBACK) and not a.has(L.GUIDE_BUILTIN)
    assert "There is no previous guide to go back to." in a.texts()
    assert "The built-in guide is already in use." in a.texts()
    await apply_pack(a, pack_file(tmp_path, key))
    await a.click(L.GUIDE_BUILTIN)
    assert any(t.startswith("Use the guide that came with the app?") for t in a.texts())
    await a.click(L.GUIDE_NO)
    assert a.state.packs.origin.kind == "pack"
    await a.click(L.GUIDE_BUILTIN)
    await a.click(L.GUIDE_YES)
    await b.settle()
    assert [x.state.packs.origin.kind for x in (a, b)] == ["built-in", "built-in"]
    assert NEW_PHRASE not in phrases(b)
    await a.click(L.GUIDE_ROLLBACK)  # the pack is one step back
    assert "Go back to Metro PD guide 2026.11 (metro-pd)? The whole app switches now." \
        in a.texts()
    await a.click(L.GUIDE_YES)
    await b.settle()
    assert NEW_PHRASE in phrases(b) and b.state.packs.origin.key == "metro-pd 2026.11"


async def test_active_pack_survives_a_restart(tmp_path, key, tree):
    a = await start(*tree, route="/settings/guide")
    await apply_pack(a, pack_file(tmp_path, key))
    a.close()
    again = await start(*tree, route="/about")  # a new process: a new hub
    assert "Metro PD guide, version 2026.11" in again.texts()
    assert NEW_PHRASE in phrases(again)
    again.close()


async def test_a_signed_pack_approval_covers_its_files_on_about(tmp_path, key, tree):
    before = await start(*tree, route="/about")  # built-in: no file is approved
    assert L.ABOUT_TRAINING_ONLY in before.texts() and L.ABOUT_NOT_APPROVED in before.texts()
    before.close()
    a = await start(*tree, route="/settings/guide")
    await apply_pack(a, pack_file(tmp_path, key))
    a.close()
    about = await start(*tree, route="/about")
    texts = about.texts()
    assert L.ABOUT_TRAINING_ONLY not in texts and L.ABOUT_NOT_APPROVED not in texts
    assert f"Approved with its pack by {FIELDS['approved_by']}" in texts
    about.close()


async def test_damaged_stored_pack_falls_back_with_a_banner(tmp_path, key, tree):
    a = await start(*tree, route="/settings/guide")
    await apply_pack(a, pack_file(tmp_path, key))
    a.close()
    stored = next((tree[1] / "packs" / "stored").iterdir())
    (stored / "content" / STAGE1).write_text("tampered\n", encoding="utf-8")
    again = await start(*tree, route="/about")
    banner = [n for n in again.state.ui.notices if n.startswith("Using the built-in guide")]
    assert banner and "\n" not in banner[0], again.state.ui.notices
    assert banner[0] in again.texts()  # shown on screen, above the About screen
    assert "Built-in guide, version" in " ".join(again.texts())
    assert NEW_PHRASE not in phrases(again)
    again.close()


async def test_live_preview_turns_packs_off(tmp_path, key, tree):
    main = build_main(*tree, watch=True)
    try:
        a = await start(*tree, route="/settings/guide", main=main)
        assert a.find(L.GUIDE_IMPORT).disabled
        assert not a.has(L.GUIDE_ROLLBACK)  # nothing to go back to: said, not offered
        await imported(a, pack_file(tmp_path, key))
        assert a.state.packs.refusal.message.startswith("Guide packs are off during live")
        assert not (tree[1] / "packs" / "stored").exists()
        a.close()
    finally:
        main.hub.stop()


async def test_with_no_trusted_key_import_is_not_offered_and_the_screen_says_why(tmp_path):
    """The Import button used to be there, only to refuse every pack when tapped."""
    content = copy_tree(CONTENT, tmp_path / "content")
    assert not list((content / "keys").glob("*.pub"))  # the shipped folder trusts no key
    a = await start(content, tmp_path / "data", route="/settings/guide")
    assert not a.has(L.GUIDE_IMPORT)
    assert a.texts().count(L.GUIDE_NO_KEYS) == 1 and not a.has(L.GUIDE_TRUSTED_KEYS)
    a.close()
