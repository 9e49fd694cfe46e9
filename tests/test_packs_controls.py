"""C1 controls and text-direction overrides in a pack's fields and names: refused when a
pack is made, verified or imported, and never printed raw by `verify-pack`.

Before: only codes below 32 and 127 were refused, so U+009B (CSI: a terminal reads it as
ESC [), U+0085 (a line break to some readers) and U+202E (right-to-left override) went
into a signed pack, passed `verify-pack` and the import, and reached the terminal raw."""

from __future__ import annotations

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.cli import main
from app.guide.names import unsafe_reason
from app.packs import PackError
from app.packs.build import make_pack
from tests.guide_helpers import VALID
from tests.packs_helpers import (
    FIELDS,
    canonical,
    entries,
    forge,
    manifest_of,
    pack_bytes,
    resign,
    store_for,
    write_pub,
)

BAD = [
    ("\x9b2J", "U+009B"),  # CSI: clears the screen as ESC [ 2 J does
    ("\x85", "U+0085"),  # NEL, a C1 line break
    ("\x1b[31m", "U+001B"),  # ESC, C0 (refused before too)
    ("\u202eX yb devorppa", "U+202E"),  # right-to-left override: reads backwards
    ("\u2066x\u2069", "U+2066"),  # a left-to-right isolate
    ("a\u2028b", "U+2028"),  # a Unicode line separator
]


@pytest.fixture(scope="module")
def key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


@pytest.mark.parametrize("text, code", BAD)
def test_names_with_controls_are_unsafe(text, code):
    assert code in unsafe_reason(f"situations/x{text}.md")


@pytest.mark.parametrize("text, code", BAD)
@pytest.mark.parametrize("field", ["title", "approved_by"])
def test_pack_refuses_a_field_holding_one(key, field, text, code):
    with pytest.raises(PackError) as got:
        make_pack(VALID, key, **{**FIELDS, "version": "1.0", field: f"Sgt {text}"})
    assert got.value.code == "bad-input" and f"'{field}' holds" in got.value.message
    assert code in got.value.message


def _signed_with(key, **fields) -> bytes:
    """A pack signed by the trusted key whose manifest holds these fields (as a signer
    with an older app, or a forger with the key, would make it)."""
    good = pack_bytes(key)
    m = {**manifest_of(good), **fields}
    return forge(resign(entries(good), key, canonical(m)))


@pytest.mark.parametrize("text, code", BAD)
def test_verify_and_import_refuse_a_signed_field_holding_one(key, tmp_path, capsys, text, code):
    data = _signed_with(key, title=f"Guide{text}", approved_by=f"Sgt {text}")
    pack = tmp_path / "c1.stairway"
    pack.write_bytes(data)
    trusted = tmp_path / "trusted"
    write_pub(key, trusted / "metro-pd.pub")
    assert main(["verify-pack", str(pack), "--keys", str(trusted)]) == 1
    got = capsys.readouterr()
    assert "holds a" in got.err and code in got.err
    assert text not in got.out + got.err  # escaped, never raw
    with pytest.raises(PackError) as refused:
        store_for(tmp_path / "s", key).preview(data)
    assert refused.value.code == "manifest-invalid" and code in refused.value.message


def test_verify_prints_a_refused_file_name_escaped(key, tmp_path, capsys):
    good = pack_bytes(key)
    m = manifest_of(good)
    m["files"]["situations/x\x9b2J.md"] = m["files"].pop("situations/suicidal.md")
    pack = tmp_path / "name.stairway"
    pack.write_bytes(forge(resign(entries(good), key, canonical(m))))
    write_pub(key, tmp_path / "trusted" / "metro-pd.pub")
    assert main(["verify-pack", str(pack), "--keys", str(tmp_path / "trusted")]) == 1
    got = capsys.readouterr()
    assert "\x9b" not in got.out + got.err and "x\\x9b2J.md" in got.err
