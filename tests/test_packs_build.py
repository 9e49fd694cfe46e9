"""make_pack: the manifest it signs, what it leaves out, and what it refuses."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.packs import PackError
from app.packs.build import make_pack
from app.packs.keys import KeyRing, TrustedKey, fingerprint, raw_public
from app.packs.verify import inspect
from tests.guide_helpers import VALID, copy_tree, edit
from tests.packs_helpers import FIELDS, entries, manifest_of


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


def ring_of(key) -> KeyRing:
    raw = raw_public(key.public_key())
    return KeyRing((TrustedKey("metro-pd", fingerprint(raw), raw, "metro-pd.pub"),))


def test_manifest_lists_every_file_with_its_sha256(key):
    data, manifest = make_pack(VALID, key, version="1.4", **FIELDS)

    m = manifest_of(data)
    assert {k: m[k] for k in FIELDS} == FIELDS and m["version"] == "1.4" and m["format"] == 1
    on_disk = sorted(p.relative_to(VALID).as_posix() for p in VALID.rglob("*") if p.is_file())
    assert sorted(m["files"]) == on_disk
    for rel, entry in m["files"].items():
        body = (VALID / rel).read_bytes()
        assert entry == {"sha256": hashlib.sha256(body).hexdigest(), "size": len(body)}
    report, pack = inspect(data, ring_of(key))
    assert report.ok and pack is not None and report.signer.name == "metro-pd"


def test_same_input_same_bytes(key):
    a, _ = make_pack(VALID, key, version="1.0", **FIELDS)
    b, _ = make_pack(VALID, key, version="1.0", **FIELDS)
    assert a == b  # Ed25519 is deterministic and the zip has a fixed date and order


def test_keys_and_hidden_files_stay_out(tmp_path, key):
    content = copy_tree(VALID, tmp_path / "c")
    (content / "keys").mkdir()
    (content / "keys" / "metro-pd.pub").write_text("public")
    (content / ".git").mkdir()
    (content / ".git" / "config").write_text("x")
    (content / ".draft.md").write_text("x")

    names = [n for n, _ in entries(make_pack(content, key, version="1.0", **FIELDS)[0])]

    assert not [n for n in names if "keys" in n or "/." in n or n.startswith(".")]


def test_translations_are_packed_on_their_own(tmp_path, key):
    content = copy_tree(VALID, tmp_path / "c")
    copy_tree(VALID, content / "translations" / "es")

    names = [n for n, _ in entries(make_pack(content, key, version="1.0", **FIELDS)[0])]
    es = [n for n, _ in entries(make_pack(content / "translations" / "es", key, version="1.0",
                                          **FIELDS)[0])]

    assert names and not [n for n in names if "translations" in n]
    assert sorted(es) == sorted(names)  # the same guide, packed from its own folder


def test_content_problems_refuse_the_pack_as_path_line(tmp_path, key):
    content = copy_tree(VALID, tmp_path / "c")
    edit(content, "stairway/3-rapport.md", "reviewed: 2026-11-01", "reviewed: someday")

    with pytest.raises(PackError) as got:
        make_pack(content, key, version="1.0", **FIELDS)

    assert got.value.code == "content-problems"
    assert any(d.startswith(f"{content}/stairway/3-rapport.md:5: ") for d in got.value.details)


@pytest.mark.parametrize(
    "field, value",
    [
        ("version", "v2"),  # not numbers
        ("version", "1.2.3.4.5"),  # more than four parts
        ("id", "Metro PD"),  # not a slug
        ("language", "english"),  # not a language code
        ("approved_by", " "),  # nobody approved it
        ("title", "a\nb"),  # a control character
        ("created", "yesterday"),  # not a UTC time
    ],
)
def test_unusable_fields_refuse_the_pack(key, field, value):
    fields = {**FIELDS, "version": "1.0", field: value}
    with pytest.raises(PackError) as got:
        make_pack(VALID, key, **fields)
    assert got.value.code == "bad-input" and field.split("_")[0] in got.value.message


def test_names_that_differ_only_in_case_refuse_the_pack(tmp_path, key):
    content = copy_tree(VALID, tmp_path / "c")
    (content / "situations" / "README.md").write_text("a")
    (content / "situations" / "readme.md").write_text("b")
    with pytest.raises(PackError) as got:
        make_pack(content, key, version="1.0", **FIELDS)
    assert got.value.code == "duplicate-name"
