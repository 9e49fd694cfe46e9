"""Keys: keygen's files and modes, never overwriting, and the trusted key list."""

from __future__ import annotations

import re
import stat

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.packs import PackError
from app.packs.keys import fingerprint, keygen, load_keyring, load_private, load_public, raw_public
from tests.packs_helpers import write_pub


def test_keygen_writes_a_private_key_only_its_owner_reads(tmp_path):
    private, public = keygen(tmp_path / "keys", "metro-pd")

    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    key = load_private(private)
    assert load_public(public) == raw_public(key.public_key())
    message = b"the manifest"
    key.public_key().verify(key.sign(message), message)  # the pair belongs together


@pytest.mark.parametrize(
    "existing",
    [
        "metro-pd.key",  # the private key is there already
        "metro-pd.pub",  # only the public half is there
    ],
)
def test_keygen_never_overwrites(tmp_path, existing):
    (tmp_path / existing).write_bytes(b"precious")
    with pytest.raises(PackError) as got:
        keygen(tmp_path, "metro-pd")
    assert got.value.code == "exists" and existing in got.value.message
    assert (tmp_path / existing).read_bytes() == b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == [existing]


@pytest.mark.parametrize("out", ["/dev/null", "a-file"])
def test_keygen_into_something_that_is_not_a_folder_says_so(tmp_path, out):
    """`keygen --out /dev/null` said "/dev/null/metro-pd.key already exists"."""
    target = tmp_path / out if out == "a-file" else out
    if out == "a-file":
        target.write_text("notes")
    with pytest.raises(PackError) as got:
        keygen(target, "metro-pd")
    assert (got.value.code, got.value.message) == (
        "bad-input", f"{target} is not a folder: --out takes the folder to write the key pair in.")


@pytest.mark.parametrize(
    "name",
    [
        "../escape",  # a path, not a name
        "Metro PD",  # spaces and capitals
        "",  # nothing
    ],
)
def test_keygen_refuses_bad_names(tmp_path, name):
    with pytest.raises(PackError) as got:
        keygen(tmp_path, name)
    assert got.value.code == "bad-input"
    assert list(tmp_path.iterdir()) == []


def test_fingerprint_is_eight_groups_of_hex():
    raw = raw_public(Ed25519PrivateKey.generate().public_key())
    assert re.fullmatch(r"([0-9a-f]{4} ){7}[0-9a-f]{4}", fingerprint(raw))
    other = raw_public(Ed25519PrivateKey.generate().public_key())
    assert fingerprint(raw) != fingerprint(other)


def test_keyring_lists_names_and_fingerprints_and_skips_bad_files(tmp_path):
    a, b = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    write_pub(b, tmp_path / "county-so.pub")
    write_pub(a, tmp_path / "metro-pd.pub")
    write_pub(a, tmp_path / "metro-pd-copy.pub")  # the same key twice
    (tmp_path / "broken.pub").write_text("not a key")
    (tmp_path / "Bad Name.pub").write_bytes((tmp_path / "county-so.pub").read_bytes())
    (tmp_path / "README.md").write_text("how to add a key")  # not a key: not listed

    ring = load_keyring(tmp_path)

    assert [(k.name, k.fingerprint) for k in ring.keys] == [
        ("county-so", fingerprint(raw_public(b.public_key()))),
        ("metro-pd", fingerprint(raw_public(a.public_key()))),
    ]
    assert len(ring.problems) == 3
    assert all(p.endswith(".") and "\n" not in p for p in ring.problems)


def test_keyring_of_a_missing_folder_is_empty(tmp_path):
    assert load_keyring(tmp_path / "nope").keys == ()


@pytest.mark.parametrize(
    "content",
    [
        b"-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n",  # broken PEM
        b"",  # empty file
        b"\x00" * 20000,  # too big to be a key
    ],
)
def test_a_bad_private_key_is_one_sentence(tmp_path, content):
    path = tmp_path / "k.key"
    path.write_bytes(content)
    with pytest.raises(PackError) as got:
        load_private(path)
    assert got.value.code == "bad-key" and str(path) in got.value.message


def test_a_private_key_named_pub_in_the_keys_folder_is_said_as_a_private_key(tmp_path):
    """verify-pack said only "is not a PEM public key. It is ignored.": a signing key in a
    folder that is shared must be named as what it is, and removed."""
    private, _ = keygen(tmp_path / "made", "metro-pd")
    keys = tmp_path / "keys"
    keys.mkdir()
    (keys / "metro-pd.pub").write_bytes(private.read_bytes())
    ring = load_keyring(keys)
    assert list(ring.keys) == []
    assert list(ring.problems) == [
        f"{keys / 'metro-pd.pub'} holds a private signing key, not a public key: remove it "
        "from this folder and keep it secret. It is ignored."]
    with pytest.raises(PackError, match="holds a private signing key"):
        load_public(keys / "metro-pd.pub")
