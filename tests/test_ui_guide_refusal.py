"""An import refusal on screen shows what came from the file as visible escapes.

A pack's file names, the picked file's own name and the disk's words about it reach the
refusal sentence (app/ui/state/guide.py). Raw, an ESC or a CR in them reached the screen
(and whatever the officer copied it into) and U+202E turned the rest of the sentence
around. They are escaped as a command's output is (`app.terminal.terminal_safe`).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.terminal import terminal_safe
from app.ui.packpicker import PackPicker
from tests.packs_helpers import builtin, forge
from tests.ui_harness import start

EVIL = "a\x1b[2J\r\u202egnp\u2028\x9b.md"  # clear screen, carriage return, reversed, CSI
SHOWN = "a\\x1b[2J\\x0d\\u202egnp\\u2028\\x9b.md"
RAW = ("\x1b", "\r", "\u202e", "\u2028", "\x9b", "\udc80")


@pytest.fixture
async def app(tmp_path):
    a = await start(builtin(tmp_path, Ed25519PrivateKey.generate()), tmp_path / "data",
                    route="/settings/guide")
    yield a
    a.close()


def _on_screen(app) -> list[str]:
    return [x for x in app.texts() if "gnp" in x]


async def _from_archive(app, tmp_path):
    path = tmp_path / "bad.stairway"
    path.write_bytes(forge([(EVIL, b"x")]))
    await app.call(app.state.packs.import_file, path)


async def _from_the_disk(app, tmp_path):  # the picked path is gone: the disk says so
    await app.call(app.state.packs.import_file, tmp_path / f"{EVIL}.stairway")


async def _from_the_picker(app, tmp_path):  # an empty file picked: refused by its name
    picker = PackPicker(SimpleNamespace(web=True), app.state.packs, tmp_path / "uploads")
    await picker._picked(SimpleNamespace(files=[SimpleNamespace(
        name=f"{EVIL}.stairway", path=None, bytes=None, size=0, id=1)]))
    await app.settle()


async def _undecodable(app, tmp_path):  # a name with a byte that is not UTF-8 (0x80)
    await app.call(app.state.packs.import_file, tmp_path / "gnp\udc80.stairway")


@pytest.mark.parametrize("refused, shown", [
    (_from_archive, SHOWN), (_from_the_disk, SHOWN), (_from_the_picker, SHOWN),
    (_undecodable, "gnp\\udc80.stairway"),  # before: the screen could not even send it
])
async def test_a_refusal_on_screen_escapes_what_came_from_the_file(app, tmp_path, refused,
                                                                   shown):
    await refused(app, tmp_path)
    r = app.state.packs.refusal
    assert r is not None and shown in r.message, r
    assert terminal_safe(r.message) == r.message and all(d == terminal_safe(d) for d in r.details)
    on_screen = _on_screen(app)
    assert on_screen and all(shown in x for x in on_screen)
    assert not any(c in x for x in app.texts() for c in RAW)


async def test_the_name_being_checked_is_escaped_too(app):
    app.state.packs.checking(f"{EVIL}.stairway")
    assert app.state.packs.busy is not None and SHOWN in app.state.packs.busy
