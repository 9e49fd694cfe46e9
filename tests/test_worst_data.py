"""The worst files in the data folder: damaged, nested past the parser's depth, a folder or a
pipe where a file should be. The app opens, says what it found, and loses nothing else."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main
from app.incidents import IncidentLog, NoteKind
from app.practice.history import Attempt, PracticeHistory
from tests.test_worst_files import ROOT, _incident


def test_a_folder_where_a_file_should_be_is_named_by_its_path(tmp_path):
    from app.fsutil import NotRegularFile, read_regular

    with pytest.raises(NotRegularFile) as got:
        read_regular(tmp_path)
    assert got.value.filename == str(tmp_path) and "it is a folder" in got.value.strerror


def test_export_names_the_log_file_it_could_not_read(tmp_path, capsys):
    inc_id = _incident(tmp_path)
    record = tmp_path / "incidents" / inc_id / "incident.json"
    record.unlink()
    record.mkdir()
    code = main(["export", "--incident", inc_id, "--data-dir", str(tmp_path), "--format", "md"])
    err = capsys.readouterr().err
    assert "cannot write" not in err and " 3" not in err and "Traceback" not in err
    assert code == 0 or f"{record}" in err, err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_a_stored_pack_is_refused_not_waited_on(tmp_path):
    folder = tmp_path / "stored"
    (folder / "content").mkdir(parents=True)
    (folder / "manifest.json").write_text("{}")
    os.mkfifo(folder / "signature.json")
    run = subprocess.run(  # in a child: before the fix it waited for a writer forever
        [sys.executable, "-c", "import sys; from pathlib import Path; "
         "from app.packs.disk import read_tree; read_tree(Path(sys.argv[1]))", str(folder)],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "named pipe" in run.stderr and "PackError" in run.stderr, run.stderr


DAMAGED_JSON = {
    "nested past the parser's depth": b"[" * 100_000 + b"]" * 100_000,
    "a number too big for a float": b'{"text_scale": 1' + b"0" * 400 + b"}",
    "not UTF-8": b'{"theme": "\xff"}',
}


@pytest.mark.parametrize("raw", DAMAGED_JSON.values(), ids=DAMAGED_JSON.keys())
def test_damaged_preferences_and_drafts_never_stop_the_app(tmp_path, raw):
    from app import prefs
    from app.drafts import Drafts

    (tmp_path / "prefs.json").write_bytes(raw)
    (tmp_path / "drafts.json").write_bytes(raw)
    assert prefs.theme_of(tmp_path) == "system"
    loaded, problem = prefs.load(tmp_path)
    assert loaded == prefs.Prefs() and problem  # the defaults, and a sentence saying so
    assert list(tmp_path.glob("prefs.json.bad-*"))  # kept aside, not deleted
    assert Drafts(tmp_path).get("note") == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_in_place_of_a_data_file_is_never_waited_on(tmp_path):
    for name in ("prefs.json", "drafts.json", "packs/active.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(tmp_path / name)
    code = ("import sys; from pathlib import Path; from app import prefs; "
            "from app.drafts import Drafts; from app.packs.pointer import read_pointer; "
            "d = Path(sys.argv[1]); print(prefs.theme_of(d), prefs.load(d)[1], "
            "Drafts(d).get('x') == '', read_pointer(d / 'packs' / 'active.json')[1])")
    run = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=ROOT,
                         capture_output=True, text=True, timeout=60)  # before: forever
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr
    assert run.stdout.startswith("system ") and "named pipe" in run.stdout


def _nest(folder: Path, how: str) -> None:
    import zlib

    if how == "notes.json nested past the parser's depth":
        (folder / "notes.json").write_text('{"notes":' + "[" * 100_000)
    elif how == "a journal line with a right CRC over nested JSON":
        body = "[" * 100_000
        (folder / "journal.jsonl").write_text(f"{zlib.crc32(body.encode()):08x} {body}\n")
    else:  # incident.json whose document id is not a number
        record = json.loads((folder / "incident.json").read_text())
        record["incident"] = {"x": record["incident"]["1"]}
        (folder / "incident.json").write_text(json.dumps(record))


@pytest.mark.parametrize("how", [
    "notes.json nested past the parser's depth",
    "a journal line with a right CRC over nested JSON",
    "incident.json with a document id that is not a number",
])
def test_one_damaged_incident_never_closes_the_whole_note_log(tmp_path, how):
    log = IncidentLog(tmp_path)
    good = log.open_incident("Barricaded subject", "Oak Ave")
    log.add_note(good.id, NoteKind.NOTE, "Door is locked")
    log.close_incident(good.id)
    bad = log.open_incident("Suicidal subject", "Elm St")
    log.add_note(bad.id, NoteKind.NOTE, "He is on the rail")
    log.close()
    _nest(tmp_path / "incidents" / bad.id, how)

    again = IncidentLog(tmp_path)  # raised before: no note log for any incident
    assert {i.id for i in again.incidents()} >= {good.id}
    assert "Door is locked" in again.export(good.id, "md")
    again.export(bad.id, "md")  # what is left of it, told, never a traceback
    assert again.warnings
    again.close()


def test_practice_history_with_a_bad_id_or_record_reads_back_the_rest(tmp_path):
    h = PracticeHistory(tmp_path)
    for _ in range(3):
        h.record(Attempt("name-skill", "mirroring", True, 1.0, datetime.now(UTC)))
    path = tmp_path / "practice.json"
    data = json.loads(path.read_text())
    data["attempts"]["x"] = data["attempts"].pop("1")  # TinyDB turns every id into an int
    data["attempts"]["9"] = ["not", "an", "object"]
    path.write_text(json.dumps(data))

    again = PracticeHistory(tmp_path)
    assert len(again.attempts()) == 3  # none hidden by the odd one
    assert "Read back from it: 3 answers." in again.warnings[0]
    again.record(Attempt("name-skill", "mirroring", False, 1.0, datetime.now(UTC)))
    assert len(PracticeHistory(tmp_path).attempts()) == 4  # and new answers are kept


def _resealed(root, old: bytes, new: bytes) -> str:
    """A closed call whose sealed notes.json had `old` edited to `new` and was then sealed
    again, as only someone editing the file would; returns its id."""
    import hashlib

    log = IncidentLog(root)
    inc = log.open_incident("Hostage taker", "Main St")
    log.add_note(inc.id, NoteKind.NOTE, "He has a knife")
    log.close_incident(inc.id)
    log.close()
    path = root / "incidents" / inc.id / "notes.json"
    raw = path.read_bytes()
    head, mid = b'{"notes":', b',"seal":{"1":{"sha256":"'
    assert raw.startswith(head) and mid in raw  # the sealed layout the fold writes
    table = raw[len(head):raw.rindex(mid)]
    assert old in table
    table = table.replace(old, new, 1)
    path.write_bytes(head + table + mid + hashlib.sha256(table).hexdigest().encode()
                     + b'"}}}')
    return inc.id


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_a_note_edited_and_sealed_again_is_told_in_every_export(tmp_path, fmt):
    """The seal lets the app read notes.json fast; the hand-over brief hashes every entry."""
    inc_id = _resealed(tmp_path, b"He has a knife", b"He has no weapon")
    text = IncidentLog(tmp_path).export(inc_id, fmt)
    assert "He has no weapon" in text and "chain intact" not in text
    assert "was changed after it was written" in text


def test_a_sealed_note_with_a_bad_field_is_said_not_raised(tmp_path):
    """A notes.json edited to hold a field no entry can have, then sealed again, raised a
    bare KeyError when the note was first built (the seal lets the app trust it): the
    screen, which shows the log's own errors, had a traceback instead."""
    from app.incidents.model import IncidentError

    inc_id = _resealed(tmp_path, b'"kind":"note"', b'"kind":"no such kind"')
    with pytest.raises(IncidentError, match="Entry 2 of this call is damaged"):
        list(IncidentLog(tmp_path).notes(inc_id))


async def test_a_sealed_note_with_a_bad_field_is_said_on_screen(tmp_path):
    from tests.ui_harness import CONTENT, start

    inc_id = _resealed(tmp_path / "data", b'"kind":"note"', b'"kind":"no such kind"')
    app = await start(CONTENT, tmp_path / "data", route=f"/incident/{inc_id}")
    try:
        assert any(x.startswith("Entry 2 of this call is damaged: it was changed after it "
                                "was saved.") for x in app.texts()), app.texts()
    finally:
        app.close()


async def test_half_a_character_in_the_preferences_is_drawn_as_a_replacement(tmp_path):
    """A situation id the guide does not have is shown as it was saved; a lone surrogate
    in it (a hand edit, a broken keyboard) cannot be sent to any screen, and raised."""
    from tests.ui_harness import CONTENT, start

    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "prefs.json").write_text(json.dumps({"situation": "bridge\ud800"}))
    app = await start(CONTENT, tmp_path / "data", route="/checklist")
    try:
        assert "Showing items for: bridge\ufffd" in app.texts()
    finally:
        app.close()
