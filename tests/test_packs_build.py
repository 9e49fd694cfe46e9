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
from tests.packs_helpers import FIELDS, entries, manifest_of, write_pub


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
    # `check` names the clash first (name-case-clash), so pack refuses on its report
    assert got.value.code == "content-problems"
    assert any("differ only in case" in line for line in got.value.details)


# --- what the content folder must never hand to a pack -------------------------------------


def _refused(content, key) -> PackError:
    with pytest.raises(PackError) as got:
        make_pack(content, key, version="1.0", **FIELDS)
    return got.value


def _pem(key) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def test_a_private_key_from_keygen_in_the_folder_is_refused(tmp_path, key):
    """`keygen --out content` is one slip away from shipping the key to every phone."""
    from app.packs.keys import keygen

    content = copy_tree(VALID, tmp_path / "c")
    private, _ = keygen(content, "metro-pd")

    err = _refused(content, key)

    assert err.code == "private-key" and str(private) in err.message
    assert "never go in a pack" in err.message
    assert private.read_bytes().decode() not in err.message + "".join(err.details)


@pytest.mark.parametrize("where", ["keys/old-signing.txt", "situations/notes.md"])
def test_a_private_key_under_any_name_anywhere_is_refused(tmp_path, key, where):
    content = copy_tree(VALID, tmp_path / "c")
    (content / where).parent.mkdir(exist_ok=True)
    (content / where).write_bytes(b"kept here for now\n" + _pem(key))

    err = _refused(content, key)

    assert err.code == "private-key" and err.message.startswith(f"{content / where}: ")


def test_a_private_key_in_a_translation_is_refused(tmp_path, key):
    content = copy_tree(VALID, tmp_path / "c")
    es = copy_tree(VALID, content / "translations" / "es")
    (es / "metro.key").write_bytes(_pem(key))

    assert _refused(content, key).code == "private-key"  # the whole folder is looked over
    assert _refused(es, key).code == "private-key"


def test_a_symbolic_link_is_refused_not_followed(tmp_path, key):
    content = copy_tree(VALID, tmp_path / "c")
    secret = tmp_path / "outside.md"
    secret.write_text("not for the pack\n")
    (content / "situations" / "linked.md").symlink_to(secret)

    err = _refused(content, key)

    assert err.code == "symlink" and "linked.md" in err.message
    assert "not for the pack" not in err.message + "".join(err.details)


def test_a_linked_folder_is_refused(tmp_path, key):
    content = copy_tree(VALID, tmp_path / "c")
    (tmp_path / "elsewhere").mkdir()
    (content / "extra").symlink_to(tmp_path / "elsewhere", target_is_directory=True)

    assert _refused(content, key).code == "symlink"


def test_a_named_pipe_is_refused_at_once(tmp_path, key):
    """Reading a FIFO blocks until someone writes to it: the build must not wait."""
    import os
    import threading

    content = copy_tree(VALID, tmp_path / "c")
    os.mkfifo(content / "situations" / "pipe.md")
    got: list = []

    def build():
        try:
            make_pack(content, key, version="1.0", **FIELDS)
        except PackError as e:
            got.append(e)

    t = threading.Thread(target=build, daemon=True)
    t.start()
    t.join(timeout=30)
    if t.is_alive():  # unblock the reader so the test run can end
        with open(content / "situations" / "pipe.md", "wb"):
            pass
        pytest.fail("make_pack blocked on a named pipe")
    assert got and got[0].code == "not-a-file" and "named pipe" in got[0].message


def test_a_guide_that_mentions_keys_still_packs(tmp_path, key):
    """Only a real key header refuses: words about keys, and public keys, are fine."""
    content = copy_tree(VALID, tmp_path / "c")
    (content / "keys").mkdir()
    (content / "keys" / "README.md").write_text(
        "Keep the private key (metro-pd.key) off this folder. BEGIN PRIVATE KEY is its header.\n"
    )
    write_pub(Ed25519PrivateKey.generate(), content / "keys" / "metro-pd.pub")

    data, _ = make_pack(content, key, version="1.0", **FIELDS)

    report, pack = inspect(data, ring_of(key))
    assert report.ok and pack is not None
