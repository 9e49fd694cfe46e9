"""Every bad pack is refused with one sentence and a stable code, and nothing changes.

Each row builds a pack with exactly one defect from a good one. The store already has a
good pack active, so "nothing changed" is checked against a real active guide: the data
folder holds the same bytes, nothing is left in staging, and the same pack is active.
"""

from __future__ import annotations

import json
import re

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.packs import GuideStore, PackError
from app.packs.archive import Limits
from app.packs.keys import raw_public
from app.packs.verify import signature_bytes
from tests.packs_helpers import (
    canonical,
    entries,
    forge,
    manifest_of,
    one_sentence,
    pack_bytes,
    replace,
    resign,
    snapshot,
    store_for,
)

RAPPORT = "content/stairway/3-rapport.md"


@pytest.fixture(scope="module")
def key():
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def other():
    return Ed25519PrivateKey.generate()


@pytest.fixture(scope="module")
def good(key):
    return pack_bytes(key, version="2.0")


def rebuild(good: bytes, key, changes: dict[str, bytes | None], **fields) -> bytes:
    """The pack with content files changed AND the manifest updated and re-signed by key:
    a pack a trusted signer really made, wrong in its content or its fields."""
    import hashlib

    m = manifest_of(good)
    items = dict(entries(good))
    for rel, data in changes.items():
        if data is None:
            m["files"].pop(rel, None)
            items.pop("content/" + rel, None)
        else:
            m["files"][rel] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
            items["content/" + rel] = data
    m.update(fields)
    return forge(resign(list(items.items()), key, canonical(m)))


def rapport(good: bytes) -> bytes:
    return dict(entries(good))[RAPPORT]


CASES = [
    # a signature the trusted key made, but over other bytes
    (
        "wrong-signature",
        lambda g, k, o: forge(
            replace(
                g,
                "signature.json",
                signature_bytes(raw_public(k.public_key()), k.sign(b"other bytes")),
            )
        ),
        "bad-signature",
        None,
    ),  # fmt: skip
    # a perfectly good pack from a key the app does not trust
    ("untrusted-key", lambda g, k, o: pack_bytes(o, version="3.0"), "untrusted-key", None),
    # one content file edited after signing, manifest untouched
    (
        "file-changed",
        lambda g, k, o: forge(replace(g, RAPPORT, rapport(g) + b"\n- Extra.\n")),
        "file-changed",
        None,
    ),  # fmt: skip
    # a file the manifest lists was taken out
    ("file-missing", lambda g, k, o: forge(replace(g, RAPPORT, None)), "file-missing", None),
    # a file slipped in that the manifest does not list
    (
        "file-added",
        lambda g, k, o: forge([*entries(g), ("content/situations/extra.md", b"# X\n")]),
        "file-added",
        None,
    ),  # fmt: skip
    # '../' climbs out of the staging folder
    (
        "dotdot",
        lambda g, k, o: forge([*entries(g), ("content/../../evil.md", b"x")]),
        "unsafe-path",
        None,
    ),  # fmt: skip
    # an absolute path
    ("absolute", lambda g, k, o: forge([*entries(g), ("/tmp/evil.md", b"x")]), "unsafe-path", None),
    # a Windows drive letter
    ("drive", lambda g, k, o: forge([*entries(g), ("C:/evil.md", b"x")]), "unsafe-path", None),
    # backslashes, which Windows reads as folder separators
    (
        "backslash",
        lambda g, k, o: forge([*entries(g), ("content\\..\\evil.md", b"x")]),
        "unsafe-path",
        None,
    ),  # fmt: skip
    # the signed manifest itself lists a path that escapes
    (
        "manifest-escape",
        lambda g, k, o: rebuild(
            g,
            k,
            {"../evil.md": None},
            files={**manifest_of(g)["files"], "../evil.md": {"sha256": "0" * 64, "size": 1}},
        ),
        "unsafe-path",
        None,
    ),  # fmt: skip
    # 2 MB of zeros in a few KB: far past any ratio Markdown reaches
    (
        "bomb-ratio",
        lambda g, k, o: forge([*entries(g), ("content/big.md", b"\0" * 2_000_000)]),
        "zip-bomb",
        None,
    ),  # fmt: skip
    # more files than the limit allows
    ("bomb-count", lambda g, k, o: g, "too-many-files", Limits(max_files=5)),
    # more bytes unpacked than the limit allows
    ("bomb-total", lambda g, k, o: g, "too-big", Limits(max_total_bytes=4000)),
    # one file larger than a file may be
    ("bomb-file", lambda g, k, o: g, "too-big", Limits(max_file_bytes=1000)),
    # the pack file itself too large
    ("bomb-pack", lambda g, k, o: g, "too-big", Limits(max_pack_bytes=1000)),
    # a trusted signer signed bytes that are not JSON
    (
        "manifest-not-json",
        lambda g, k, o: forge(resign(entries(g), k, b"{not json")),
        "manifest-not-json",
        None,
    ),  # fmt: skip
    # a trusted signer signed bytes that are not UTF-8
    (
        "manifest-not-utf8",
        lambda g, k, o: forge(resign(entries(g), k, b'{"id": "\xff\xfe"}')),
        "manifest-not-utf8",
        None,
    ),  # fmt: skip
    # a manifest field that is not usable (a version that is not numbers)
    ("manifest-field", lambda g, k, o: rebuild(g, k, {}, version="two"), "manifest-invalid", None),
    # a lone surrogate in a field (valid JSON escape, not text that can be shown)
    (
        "manifest-surrogate",
        lambda g, k, o: forge(
            resign(entries(g), k, json.dumps({**manifest_of(g), "title": "\ud800"}).encode())
        ),
        "manifest-invalid",
        None,
    ),  # fmt: skip
    # a manifest from a future pack format
    ("manifest-format", lambda g, k, o: rebuild(g, k, {}, format=2), "manifest-invalid", None),
    # a manifest with a field this format does not have
    ("manifest-unknown", lambda g, k, o: rebuild(g, k, {}, extra="x"), "manifest-invalid", None),
    # cut in half, as a failed download leaves it
    ("truncated-half", lambda g, k, o: g[: len(g) // 2], "not-a-pack", None),
    # one byte short
    ("truncated-1", lambda g, k, o: g[:-1], "not-a-pack", None),
    # nothing at all
    ("empty", lambda g, k, o: b"", "not-a-pack", None),
    # not a zip
    ("not-zip", lambda g, k, o: b"# just markdown\n", "not-a-pack", None),
    # a symbolic link entry (would point anywhere once extracted)
    (
        "symlink",
        lambda g, k, o: forge(
            [*entries(g), ("content/link.md", b"/etc/passwd")], symlink="content/link.md"
        ),
        "symlink",
        None,
    ),  # fmt: skip
    # the same name twice: which one is "the" file?
    ("duplicate", lambda g, k, o: forge([*entries(g), (RAPPORT, b"evil")]), "duplicate-name", None),
    # names equal on a case-insensitive phone file system
    (
        "duplicate-case",
        lambda g, k, o: forge([*entries(g), (RAPPORT.upper(), b"evil")]),
        "duplicate-name",
        None,
    ),  # fmt: skip
    # a file that is both a file and a folder
    (
        "file-and-folder",
        lambda g, k, o: forge([*entries(g), (RAPPORT + "/x.md", b"x")]),
        "unsafe-path",
        None,
    ),  # fmt: skip
    # a password-protected entry
    ("encrypted", lambda g, k, o: forge(entries(g), encrypted=RAPPORT), "encrypted", None),
    # a pack trying to add a trusted key
    ("keys", lambda g, k, o: rebuild(g, k, {"keys/evil.pub": b"x"}), "keys-in-pack", None),
    # something outside content/
    (
        "unexpected",
        lambda g, k, o: forge([*entries(g), ("run.sh", b"x")]),
        "unexpected-entry",
        None,
    ),  # fmt: skip
    # no manifest at all
    ("no-manifest", lambda g, k, o: forge(replace(g, "manifest.json", None)), "no-manifest", None),
    # no signature at all
    (
        "no-signature",
        lambda g, k, o: forge(replace(g, "signature.json", None)),
        "no-manifest",
        None,
    ),  # fmt: skip
    # a signature file that is not the expected JSON
    (
        "signature-garbage",
        lambda g, k, o: forge(replace(g, "signature.json", b"\x00garbage")),
        "bad-signature-file",
        None,
    ),  # fmt: skip
    # a trusted signer's pack whose content fails the content checks
    (
        "content-check",
        lambda g, k, o: rebuild(
            g,
            k,
            {
                "stairway/3-rapport.md": rapport(g).replace(
                    b"reviewed: 2026-11-01", b"reviewed: someday"
                )
            },
        ),
        "content-problems",
        None,
    ),  # fmt: skip
]


@pytest.mark.parametrize("build, code, limits", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_pack_is_refused_and_nothing_changes(tmp_path, key, other, good, build, code, limits):
    store = store_for(tmp_path, key)
    first = pack_bytes(key, version="1.0")
    store.apply(store.preview(first))
    before_active = store.active()
    before = snapshot(store.root)
    # tighter limits for the size rows (the stored pack is judged by the default ones)
    importer = GuideStore(tmp_path / "data", store.builtin_dir, limits=limits or Limits())

    with pytest.raises(PackError) as got:
        importer.preview(build(good, key, other))

    assert got.value.code == code, got.value.message
    assert one_sentence(got.value.message), got.value.message
    assert snapshot(store.root) == before
    assert store.active() == before_active
    assert list(store.staging.iterdir()) == []


def test_content_problems_are_listed_as_path_line(tmp_path, key, good):
    store = store_for(tmp_path, key)
    broken = rapport(good).replace(b"reviewed: 2026-11-01", b"reviewed: someday")
    bad = rebuild(good, key, {"stairway/3-rapport.md": broken, "stairway/2-empathy.md": None})

    with pytest.raises(PackError) as got:
        store.preview(bad)

    details = got.value.details
    assert details and all(re.match(r"^[\w./-]+\.md:\d+: \S", d) for d in details), details
    assert any(d.startswith("stairway/3-rapport.md:5: ") for d in details), details
    assert details[0] in got.value.message  # the sentence names the first problem


def test_no_trusted_key_refuses_every_pack(tmp_path, key, good):
    store = store_for(tmp_path, None)
    assert store.trusted_keys() == ()
    with pytest.raises(PackError) as got:
        store.preview(good)
    assert got.value.code == "no-trusted-keys"
    assert store.active().builtin


def test_signature_checked_before_the_manifest_is_believed(tmp_path, key, other, good):
    """A manifest re-signed by an untrusted key fails on trust, whatever it claims."""
    m = manifest_of(good)
    m["approved_by"] = "Someone Else"
    bad = forge(resign(entries(good), other, json.dumps(m).encode()))
    with pytest.raises(PackError) as got:
        store_for(tmp_path, key).preview(bad)
    assert got.value.code == "untrusted-key"


def _declare_smaller(data: bytes, name: str, size: int) -> bytes:
    """Patch the central directory so `name` claims to unpack to `size` bytes."""
    raw = bytearray(data)
    at = raw.find(b"PK\x01\x02")
    while at >= 0:
        n = int.from_bytes(raw[at + 28 : at + 30], "little")
        if raw[at + 46 : at + 46 + n] == name.encode():
            raw[at + 24 : at + 28] = size.to_bytes(4, "little")
        at = raw.find(b"PK\x01\x02", at + 4)
    return bytes(raw)


def test_a_lying_size_header_cannot_inflate_past_it(tmp_path, key, good):
    """A bomb that declares 100 bytes but holds 3 MB: reading stops at the declared size
    and the checksum refuses the entry."""
    name = "content/big.md"
    bomb = _declare_smaller(forge([*entries(good), (name, b"a" * 3_000_000)]), name, 100)
    with pytest.raises(PackError) as got:
        store_for(tmp_path, key).preview(bomb)
    assert got.value.code == "not-a-pack" and name in got.value.message


def test_a_picked_file_too_large_is_refused_before_reading(tmp_path, key):
    store = store_for(tmp_path, key, limits=Limits(max_pack_bytes=1000))
    big = tmp_path / "big.stairway"
    big.write_bytes(b"x" * 1001)
    with pytest.raises(PackError) as got:
        store.preview_file(big)
    assert got.value.code == "too-big" and one_sentence(got.value.message)
    with pytest.raises(PackError) as got:
        store.preview_file(tmp_path / "gone.stairway")
    assert got.value.code == "storage" and "gone.stairway" in got.value.message


def test_a_picked_good_file_previews(tmp_path, key, good):
    path = tmp_path / "good.stairway"
    path.write_bytes(good)
    assert store_for(tmp_path, key).preview_file(path).pack.version == "2.0"
