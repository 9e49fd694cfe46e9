"""Every banner that can show text from a file or a file's name shows a control character
and half a character as escapes (app/terminal.py), as the import refusal already did.

A folder or file name, a pack's link, an incident record's situation reached the banners
(app/ui/views/banners.py), the incident screen's "not saved" banner and the one-line
answer raw: an ESC went to the screen (and wherever the officer pasted it), and half a
character (a name's byte that is not UTF-8, read as U+DC80) could not even be sent to the
client, so the screen update failed and the banner never showed. One row per banner, each
fed through the real place its text comes from.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.incidents import IncidentLog, NoteKind
from app.ui import labels as L
from app.ui.app import build_main, report
from tests.guide_helpers import VALID, copy_tree
from tests.packs_helpers import builtin, pack_bytes
from tests.ui_harness import CONTENT, save_on_a_full_disk, start

CONTROL = "\x1b[2J"  # ESC [2J clears a screen
EVIL = f"{CONTROL}\udc80"  # U+DC80: the byte 0x80 of a name, not UTF-8
SHOWN = "\\x1b[2J\\udc80"
RAW = ("\x1b", "\udc80")


async def _stored_pack(tmp_path, monkeypatch):
    """A stored pack that fails its check at start: a link inside it, named with them."""
    key = Ed25519PrivateKey.generate()
    content, data = builtin(tmp_path, key), tmp_path / "data"
    pack = tmp_path / "metro.stairway"
    pack.write_bytes(pack_bytes(key, VALID, version="2026.11"))
    app = await start(content, data, route="/settings/guide")
    await app.call(app.state.packs.import_file, pack)
    await app.click(L.GUIDE_APPLY)
    app.close()
    stored = next((data / "packs" / "stored").iterdir())
    (stored / "content" / f"x{EVIL}.md").symlink_to(stored / "manifest.json")
    return await start(content, data, route="/about")


def _evil_data(tmp_path) -> Path:
    return tmp_path / f"data{EVIL}"


async def _note_log(tmp_path, monkeypatch):
    """The note log's warning of a damaged file: its path, in a data folder so named."""
    data = _evil_data(tmp_path)
    lg = IncidentLog(data)
    inc = lg.open_incident("Suicidal subject", "Harbour bridge")
    lg.add_note(inc.id, NoteKind.NOTE, "He is on the rail")
    lg.close()
    notes = data / "incidents" / inc.id / "notes.json"
    notes.write_bytes(notes.read_bytes()[:-40])
    return await start(CONTENT, data)


async def _practice_history(tmp_path, monkeypatch):
    """Practice history's warning of a damaged file: its path."""
    data = _evil_data(tmp_path)
    data.mkdir()
    (data / "practice.json").write_text("{not json", "utf-8")
    return await start(CONTENT, data, route="/practice/progress")


async def _left_open(tmp_path, monkeypatch):
    """A call left open (left_open.py), its situation as typed: the log keeps a control
    character (evidence, as typed) and never half a character (cleaned at the door, refused
    when read: one in its record is replaced by the entries' words when the app starts)."""
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc = lg.open_incident(f"Suicidal {CONTROL}", "Harbour bridge")
    lg.close()
    record = data / "incidents" / inc.id / "incident.json"
    doc = json.loads(record.read_text("utf-8"))
    doc["incident"]["1"]["situation"] = f"Suicidal {EVIL}"
    record.write_text(json.dumps(doc), "utf-8")
    return await start(CONTENT, data)


def _edited_guide(tmp_path) -> Path:
    content = copy_tree(VALID, tmp_path / "content")
    (content / "stairway" / f"x{EVIL}.md").write_text("# A stage with no front matter\n")
    return content


async def _live_preview(tmp_path, monkeypatch):
    """The live preview's problems, one `path:line: message` a line: a file so named."""
    content = _edited_guide(tmp_path)
    main = build_main(content, tmp_path / "data", watch=True)
    monkeypatch.setattr("app.ui.app.report", lambda lines: None)
    main.hub.stop()  # the first build is all this needs
    return await start(content, tmp_path / "data", main=main)


async def _missing_guidance(tmp_path, monkeypatch):
    """Guidance that could not be loaded, named by its file when it has no title."""
    monkeypatch.setattr("app.ui.app.report", lambda lines: None)
    return await start(_edited_guide(tmp_path), tmp_path / "data")


async def _not_saved(tmp_path, monkeypatch):
    """The incident screen's banner for a note the disk refused: the folder's path."""
    app = await start(CONTENT, _evil_data(tmp_path))
    from tests.ui_harness import open_incident

    await open_incident(app, "Harbour bridge")
    await save_on_a_full_disk(app, monkeypatch, "He is on the rail")
    return app


async def _answer(tmp_path, monkeypatch):
    """The one-line answer: a closed call that cannot be read (a folder where its notes
    file should be), opened from its address."""
    data = _evil_data(tmp_path)
    lg = IncidentLog(data)
    inc = lg.open_incident("Suicidal subject", "Harbour bridge")
    lg.close_incident(inc.id)
    lg.close()
    notes = data / "incidents" / inc.id / "notes.json"
    notes.unlink()
    notes.mkdir()
    app = await start(CONTENT, data)
    await app.session.connection.route_change(f"/incident/{inc.id}")
    assert app.state.ui.message
    return app


BANNERS = {  # the banner: (how its text is made, what it shows of them)
    "a damaged stored pack": (_stored_pack, SHOWN),
    "the note log: a damaged file": (_note_log, SHOWN),
    "practice history: a damaged file": (_practice_history, SHOWN),
    "a call left open": (_left_open, "(Suicidal \\x1b[2J, opened"),
    "the live preview's problems": (_live_preview, SHOWN),
    "missing guidance": (_missing_guidance, SHOWN),
    "the incident screen's not-saved banner": (_not_saved, SHOWN),
    "the one-line answer": (_answer, SHOWN),
}


@pytest.mark.parametrize("banner, shown", BANNERS.values(), ids=BANNERS.keys())
async def test_a_banner_shows_a_control_character_and_half_a_character_escaped(
    tmp_path, monkeypatch, banner, shown
):
    app = await banner(tmp_path, monkeypatch)  # before: raw, or the screen failed to update
    try:
        await app.settle()
        texts = app.texts()
        assert any(shown in x for x in texts), [x for x in texts if "\\" in x or EVIL in x]
        assert not any(c in x for x in texts for c in RAW)
    finally:
        app.close()


def test_a_banner_made_of_lines_keeps_its_lines_and_escapes_a_break_inside_one():
    from app.terminal import lines_of, screen_safe

    shown = lines_of(["2 problems:", f"a{EVIL}\nforged.md:1: fine", "b.md:2: empty"])
    assert screen_safe(shown, lines=True).split("\n") == [
        "2 problems:", f"a{SHOWN}\\x0aforged.md:1: fine", "b.md:2: empty"]


def test_the_servers_terminal_gets_guide_problems_escaped(capsys):
    """`serve` prints the guide's problems for the instructors: a file's name with an ESC
    in it acted on the terminal."""
    report([f"guide problem: content/x{EVIL}.md:1: front matter is missing"])
    err = capsys.readouterr().err
    assert f"content/x{SHOWN}.md:1" in err and not any(c in err for c in RAW)
