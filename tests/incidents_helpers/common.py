"""One fixture over memory and file storage (as TinyDB's own tests do)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.incidents import IncidentLog

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("writer.py")


@pytest.fixture(params=["memory", "file"])
def log(request, tmp_path):
    """An IncidentLog in memory, then on disk under tmp_path."""
    lg = IncidentLog(None) if request.param == "memory" else IncidentLog(tmp_path / "data")
    yield lg
    lg.close()


def reopen(lg: IncidentLog) -> IncidentLog:
    """The same store seen by a new process (file mode) or the same object (memory)."""
    return lg if lg.in_memory else IncidentLog(lg.data_dir)


def start_writer(data: Path, incident_id: str, count: int, fold_min: int) -> subprocess.Popen:
    """A child process appending `count` notes (0 = forever), printing each ack."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(data), incident_id, str(count), str(fold_min)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        text=True,
    )


def acked(output: str) -> list[str]:
    """Note ids the child reported as saved (complete lines only)."""
    ids = []
    for line in output.splitlines(keepends=True):
        parts = line.split()
        if line.endswith("\n") and len(parts) == 3 and parts[0] == "ACK" and len(parts[1]) == 12:
            ids.append(parts[1])
    return ids


def closed_and_amended(data: Path, note: str, *amendments: str) -> tuple[str, str]:
    """(incident id, note id): an incident with one note, closed, then amended; the log
    closed (so notes.json holds every entry)."""
    from app.incidents import NoteKind

    lg = IncidentLog(data)
    inc = lg.open_incident("Suicidal subject", "Harbour bridge")
    first = lg.add_note(inc.id, NoteKind.NOTE, note)
    lg.close_incident(inc.id)
    for text in amendments:
        lg.amend(inc.id, first.id, text)
    lg.close()
    return inc.id, first.id


def cut_last(data: Path, incident_id: str, n: int = 1) -> None:
    """Remove the last n entries from notes.json, as someone editing the file would."""
    import json

    notes = data / "incidents" / incident_id / "notes.json"
    doc = json.loads(notes.read_text())
    for key in sorted(doc["notes"], key=int)[-n:]:
        del doc["notes"][key]
    notes.write_text(json.dumps(doc))


def read_only_disk(monkeypatch, root: Path) -> None:
    """Make everything under `root` read-only until `monkeypatch.undo()`: opening a file to
    write or create it, or making a folder, fails with EROFS. Simulated: the tests run as
    root, for whom chmod cannot make a folder read-only."""
    import errno

    real_open, real_mkdir = os.open, os.mkdir

    def fake_open(path, flags, *args, **kwargs):
        if str(path).startswith(str(root)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_open(path, flags, *args, **kwargs)

    def fake_mkdir(path, *args, **kwargs):
        if str(path).startswith(str(root)):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real_mkdir(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "mkdir", fake_mkdir)
