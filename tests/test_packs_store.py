"""GuideStore: preview, apply (atomic), restart, go back, built-in guide, damaged packs."""

from __future__ import annotations

import os
import shutil

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.guide import compile_guide
from app.packs import GuideStore, PackError
from app.packs import store as store_module
from app.packs.keys import fingerprint, raw_public
from app.packs.manifest import version_key
from app.packs.pointer import DAMAGED, MAX_HISTORY
from tests.guide_helpers import VALID, copy_tree, edit
from tests.packs_helpers import (
    FIELDS,
    one_sentence,
    pack_bytes,
    snapshot,
    store_for,
    write_pub,
)


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


@pytest.fixture
def store(tmp_path, key):
    return store_for(tmp_path, key)


def applied(store: GuideStore, key, version: str, **kw):
    return store.apply(store.preview(pack_bytes(key, version=version, **kw)))


def test_preview_names_the_pack_and_what_changes(tmp_path, store, key):
    content = copy_tree(VALID, tmp_path / "new")
    edit(content, "stairway/3-rapport.md", "Purpose of Rapport.", "Build trust, slowly.")
    (content / "situations" / "README.md").write_text("Notes for instructors.\n")
    (content / "README.md").unlink()

    p = store.preview(pack_bytes(key, content, version="2026.11"))

    assert (p.pack.id, p.pack.version, p.pack.language) == ("metro-pd", "2026.11", "en")
    assert (p.pack.approved_by, p.pack.created) == (FIELDS["approved_by"], FIELDS["created"])
    assert p.pack.key_name == "metro-pd"
    assert p.pack.key_fingerprint == fingerprint(raw_public(key.public_key()))
    assert p.changed == ("stairway/3-rapport.md",)
    assert p.added == ("situations/README.md",)
    assert p.removed == ("README.md",)  # keys/ of the built-in guide is never compared
    assert p.replaces.builtin and not p.older and not p.needs_confirmation
    assert store.active().builtin  # a preview changes nothing
    assert not store.pointer_path.exists()


def test_apply_switches_the_whole_guide_and_survives_a_restart(tmp_path, store, key):
    content = copy_tree(VALID, tmp_path / "new")
    edit(content, "stairway/3-rapport.md", "Purpose of Rapport.", "Build trust, slowly.")

    active = store.apply(store.preview(pack_bytes(key, content, version="2.0")))

    assert (active.pack_id, active.version, active.builtin) == ("metro-pd", "2.0", False)
    assert active.label == "Metro PD guide 2.0 (metro-pd)"
    guide = compile_guide(active.content_dir)
    rapport = next(s for s in guide.stages if s.order == 3)
    assert rapport.purpose == "Build trust, slowly."
    restarted = GuideStore(tmp_path / "data", store.builtin_dir)
    assert restarted.active() == active
    assert list(store.staging.iterdir()) == []


def test_pointer_moves_only_after_the_pack_folder_is_complete(store, key, monkeypatch):
    seen = []
    real = store_module.write_pointer

    def spy(path, pointer):
        folder = store.stored / pointer.current / "content"
        seen.append(sorted(p.name for p in folder.rglob("*.md")))
        real(path, pointer)

    monkeypatch.setattr(store_module, "write_pointer", spy)
    applied(store, key, "1.0")
    assert seen and len(seen[0]) == len(list(VALID.rglob("*.md")))


@pytest.mark.parametrize(
    "fails",
    [
        "write_pointer",  # the pointer cannot be replaced (disk full): folder is put back
        "rename",  # the staged folder cannot be moved into place
    ],
)
def test_a_failed_apply_changes_nothing(store, key, monkeypatch, fails):
    applied(store, key, "1.0")
    preview = store.preview(pack_bytes(key, version="2.0"))
    before, active = snapshot(store.root), store.active()

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    if fails == "rename":
        monkeypatch.setattr(store_module.os, "rename", boom)
    else:
        monkeypatch.setattr(store_module, "write_pointer", boom)
    with pytest.raises(PackError) as got:
        store.apply(preview)
    monkeypatch.undo()

    assert got.value.code == "storage" and one_sentence(got.value.message)
    assert store.active() == active
    assert snapshot(store.root) == before
    assert store.apply(preview).version == "2.0"  # the officer can try again


def test_go_back_walks_the_history_then_stops(store, key):
    applied(store, key, "1.0")
    applied(store, key, "2.0")
    assert store.previous().version == "1.0"

    assert store.rollback().version == "1.0"
    assert store.rollback().builtin
    assert store.previous() is None
    with pytest.raises(PackError) as got:
        store.rollback()
    assert got.value.code == "no-previous" and one_sentence(got.value.message)


def test_use_builtin_keeps_the_pack_one_step_back(store, key):
    applied(store, key, "1.0")
    assert store.use_builtin().builtin
    assert store.previous().version == "1.0"
    assert store.rollback().version == "1.0"


def test_older_version_needs_confirmation(store, key):
    applied(store, key, "1.10")
    preview = store.preview(pack_bytes(key, version="1.9"))
    assert preview.older and preview.needs_confirmation

    with pytest.raises(PackError) as got:
        store.apply(preview)
    assert got.value.code == "older-version" and one_sentence(got.value.message)
    assert store.active().version == "1.10"

    assert store.apply(preview, confirm_older=True).version == "1.9"


@pytest.mark.parametrize(
    "version, older, same",
    [
        ("1.10", False, True),  # the same version again
        ("1.11", False, False),  # newer
        ("1.9.9", True, False),  # older although its last part is bigger
        ("2", False, False),  # newer with fewer parts
    ],
)
def test_version_order_against_the_active_pack(store, key, version, older, same):
    applied(store, key, "1.10")
    p = store.preview(pack_bytes(key, version=version))
    assert (p.older, p.same_version) == (older, same)
    store.discard(p)
    assert list(store.staging.iterdir()) == []


def test_another_pack_id_is_never_older(store, key):
    applied(store, key, "5.0")
    p = store.preview(pack_bytes(key, version="1.0", id="county-so"))
    assert not p.older


@pytest.mark.parametrize(
    "a, b",
    [
        ("1.10", "1.9"),  # numbers, not text
        ("2026.11", "2026.2.30"),  # month 11 after month 2
        ("1.0.1", "1"),  # a missing part counts as 0
    ],
)
def test_version_key_orders_numerically(a, b):
    assert version_key(a) > version_key(b)


def test_applying_twice_is_refused_as_stale(store, key):
    preview = store.preview(pack_bytes(key, version="1.0"))
    store.apply(preview)
    with pytest.raises(PackError) as got:
        store.apply(preview)
    assert got.value.code == "stale-preview"


def test_old_packs_are_swept_beyond_the_history(store, key):
    for n in range(MAX_HISTORY + 3):
        applied(store, key, f"1.{n}")
    assert len(list(store.stored.iterdir())) <= MAX_HISTORY + 1
    versions = []
    while store.previous() is not None:
        versions.append(store.rollback().version)
    assert versions[0] == f"1.{MAX_HISTORY + 1}"


def _edit(folder):
    p = folder / "content" / "stairway" / "3-rapport.md"
    p.write_bytes(p.read_bytes() + b"\n- Added on the phone.\n")


def _symlink(folder):
    os.symlink("/etc/hostname", folder / "content" / "stairway" / "6-link.md")


def _linked(folder):
    """The stored folder moved away and a link put in its place (once loaded as it was)."""
    os.rename(folder, folder.parent.parent / "elsewhere")
    os.symlink(folder.parent.parent / "elsewhere", folder)


DAMAGE = [
    ("edited", _edit, "file-changed"),  # a content file edited on the device
    ("deleted", lambda f: (f / "content" / "stairway" / "2-empathy.md").unlink(), "file-missing"),
    ("added", lambda f: (f / "content" / "x.md").write_text("# x\n"), "file-added"),
    ("manifest", lambda f: (f / "manifest.json").unlink(), "storage"),  # manifest gone
    ("signature", lambda f: (f / "signature.json").write_text("{}"), "bad-signature-file"),
    ("symlink", _symlink, "symlink"),  # a link planted in the folder
    ("linked", _linked, "symlink"),  # the pack's folder itself is a link
    ("folder", lambda f: shutil.rmtree(f), "storage"),  # the whole folder gone
]


@pytest.mark.parametrize("damage, code", [d[1:] for d in DAMAGE], ids=[d[0] for d in DAMAGE])
def test_damaged_stored_pack_falls_back_with_one_line(tmp_path, store, key, damage, code):
    folder = applied(store, key, "1.0").pack.folder
    damage(store.stored / folder)

    after_restart = GuideStore(tmp_path / "data", store.builtin_dir).active()

    assert after_restart.builtin and after_restart.content_dir == store.builtin_dir
    assert one_sentence(after_restart.message) and folder in after_restart.message
    with pytest.raises(PackError) as got:
        store._load(folder)
    assert got.value.code == code


def test_key_no_longer_trusted_falls_back(store, key):
    applied(store, key, "1.0")
    (store.keys_dir / "metro-pd.pub").unlink()  # the department replaced its key
    write_pub(Ed25519PrivateKey.generate(), store.keys_dir / "metro-pd-2026.pub")
    active = store.active()
    assert active.builtin and one_sentence(active.message)
    assert "does not trust" in active.message


@pytest.mark.parametrize(
    "pointer",
    [
        b"{not json",  # torn or edited
        b'{"format": 1, "current": "../../etc", "history": []}',  # a path, not a folder name
        b'{"format": 9, "current": null}',  # a format this app does not know
        b"\xff\xfe",  # not UTF-8
    ],
)
def test_damaged_pointer_means_builtin_with_one_line(store, key, pointer):
    applied(store, key, "1.0")
    store.pointer_path.write_bytes(pointer)
    active = store.active()
    assert active.builtin and active.message == DAMAGED
    assert store.use_builtin().builtin  # and the officer can still choose


def test_an_unwritable_data_folder_is_one_sentence(tmp_path, key):
    (tmp_path / "data").write_text("a file where the data folder should be")
    store = GuideStore(tmp_path / "data", store_for(tmp_path, key).builtin_dir)
    with pytest.raises(PackError) as got:
        store.preview(pack_bytes(key, version="1.0"))
    assert got.value.code == "storage" and one_sentence(got.value.message)
    assert store.active().builtin
    assert store.active().message is None  # no record is damaged: there is no folder


def test_a_failed_unpack_leaves_no_half_written_folder(store, key, monkeypatch):
    from app.packs import disk

    real, calls = disk._write, []

    def fail_third(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(disk, "_write", fail_third)
    with pytest.raises(PackError) as got:
        store.preview(pack_bytes(key, version="1.0"))
    assert got.value.code == "storage" and one_sentence(got.value.message)
    assert len(calls) == 3 and list(store.staging.iterdir()) == []
