"""A pack made by an earlier build still verifies: the format on officers' phones is stable."""

from __future__ import annotations

from pathlib import Path

from app.packs.keys import load_keyring
from app.packs.verify import inspect

FIXTURES = Path(__file__).parent / "fixtures" / "packs"


def test_the_stored_fixture_pack_still_verifies():
    report, pack = inspect((FIXTURES / "fixture-1.0.stairway").read_bytes(), load_keyring(FIXTURES))
    assert report.ok, [e.message for e in report.errors]
    assert (pack.manifest.id, pack.manifest.version) == ("fixture", "1.0")
    assert pack.signer.name == "fixture-signer"
    assert len(report.files) == len(pack.files) > 5
    assert {c.status for c in report.files} == {"ok"}


def test_the_fixture_key_is_not_trusted_by_the_app():
    shipped = Path(__file__).resolve().parent.parent / "content" / "keys"
    fixture = load_keyring(FIXTURES).keys[0]
    assert all(k.raw != fixture.raw for k in load_keyring(shipped).keys)
