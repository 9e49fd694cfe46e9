"""One atomic_write for prefs, the guide cache, incident storage and exports."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

import pytest

from app import fsutil

ROOT = Path(__file__).resolve().parents[1]


def test_two_concurrent_writes_to_one_path_never_leave_a_torn_or_mixed_file(tmp_path):
    target = tmp_path / "prefs.json"
    payloads = [bytes([65 + i]) * (2_000_000 + i * 7919) for i in range(2)]  # A..., B...
    errors: list[BaseException] = []
    seen: set[bytes] = set()
    stop = threading.Event()

    def writer(data: bytes) -> None:
        try:
            for _ in range(25):
                fsutil.atomic_write(target, data)
        except BaseException as err:  # noqa: BLE001 - any failure is the finding
            errors.append(err)

    def reader() -> None:
        while not stop.is_set():
            try:
                seen.add(target.read_bytes())
            except FileNotFoundError:
                pass

    threads = [threading.Thread(target=writer, args=(p,)) for p in payloads]
    watcher = threading.Thread(target=reader)
    watcher.start()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    stop.set()
    watcher.join()
    assert errors == []
    seen.add(target.read_bytes())
    assert seen <= set(payloads)  # every version read was one writer's whole file
    assert [p.name for p in tmp_path.iterdir()] == ["prefs.json"]  # no temp file left


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "x.json"
    fsutil.atomic_write(target, b"old")

    def no_space(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil.os, "fsync", no_space)
    with pytest.raises(OSError):
        fsutil.atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.json"]


@pytest.mark.parametrize(
    "module",
    [
        "app/prefs.py",  # the officer's preferences
        "app/guide/cache.py",  # the compiled guide bundle
        "app/incidents/storage.py",  # notes.json and incident.json
        "app/incidents/journal.py",  # journals set aside, repairs
        "app/incidents_cli.py",  # `export --out`
        "app/drafts.py",  # what is typed and not saved yet
        "app/ui/state/export.py",  # exports saved on the device
        "app/packs/build.py",  # `pack --out`
        "app/packs/pointer.py",  # which guide pack is active
    ],
)
def test_every_file_writer_uses_the_one_atomic_write(module):
    tree = ast.parse((ROOT / module).read_text("utf-8"))
    names = {n.attr if isinstance(n, ast.Attribute) else n.id for n in ast.walk(tree)
             if isinstance(n, ast.Attribute | ast.Name)}
    assert "mkstemp" not in names and "write_text" not in names, module
    imported = [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert any(n.module == "app.fsutil" or (n.module == "app" and any(
        a.name == "fsutil" for a in n.names)) for n in imported), module
