"""A path that names a pipe, a device or a folder: one plain line, never a hang.

`cat /dev/zero`-like files and FIFOs never end, so each command runs in its own process
with a timeout: without `read_regular` these runs wait forever (or fill memory)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def fifo(tmp_path) -> Path:
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


def _run(*args: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"`{' '.join(args)}` waited on a file that never ends")


@pytest.mark.parametrize(
    "args, code, says",
    [
        (["verify", "{fifo}"], 1, "it is a named pipe (FIFO), not a file"),
        (["verify", "/dev/zero"], 1, "it is a device file, not a file"),
        (["verify", "{tmp}"], 1, "cannot read"),
        (["verify-pack", "{fifo}"], 2, "it is a named pipe (FIFO), not a file"),
        (["verify-pack", "/dev/zero"], 2, "it is a device file, not a file"),
        (["pack", "content", "--key", "{fifo}", "--out", "{tmp}/o.stairway",
          "--approved-by", "x"], 1, "it is a named pipe (FIFO), not a file"),
        (["pack", "content", "--key", "{tmp}", "--out", "{tmp}/o.stairway",
          "--approved-by", "x"], 1, "cannot be read"),
        (["pack", "README.md", "--key", "{fifo}", "--out", "{tmp}/o.stairway",
          "--approved-by", "x"], 2, "'README.md' is not a folder"),
    ],
)  # fmt: skip
def test_special_files_are_refused_in_one_line(tmp_path, fifo, args, code, says):
    got = _run(*[a.format(fifo=fifo, tmp=tmp_path) for a in args])
    assert got.returncode == code, got.stderr
    assert says in got.stderr and got.stderr.count("\n") == 1 and "Traceback" not in got.stderr


def test_importing_a_pipe_as_a_pack_is_refused_not_waited_on(tmp_path, fifo):
    import threading

    from app.packs import PackError
    from tests.packs_helpers import store_for

    store = store_for(tmp_path / "s", None)
    got: list = []

    def pick():
        try:
            store.preview_file(fifo)
        except PackError as e:
            got.append(e)

    t = threading.Thread(target=pick, daemon=True)
    t.start()
    t.join(timeout=30)
    if t.is_alive():
        with open(fifo, "wb"):
            pass
        pytest.fail("preview_file waited on a named pipe")
    assert got and "not a file" in got[0].message


@pytest.mark.parametrize("args", [["check", "content"], ["dump", "content"],
                                  ["practice", "classify", "Why did you do that?"]])
def test_a_full_disk_for_the_output_is_one_line_not_a_traceback(args):
    with open("/dev/full", "w") as full:
        got = subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, stdout=full,
                             stderr=subprocess.PIPE, text=True, timeout=120)
    assert got.returncode == 1
    assert got.stderr == "stairway: the output could not be written (No space left on device).\n"


def test_a_reader_that_goes_away_ends_the_command_quietly():
    """`python -m app dump | head -c 10`: no traceback, no "Exception ignored"."""
    proc = subprocess.Popen([sys.executable, "-m", "app", "dump", "content"], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 1 and err == ""


def test_an_export_larger_than_any_incident_is_refused_before_it_is_read(tmp_path):
    big = tmp_path / "big.json"
    with open(big, "wb") as f:
        f.truncate(600 * 2**20)  # sparse: no disk used, but 600 MB to a reader
    got = _run("verify", str(big))
    assert got.returncode == 1
    assert got.stderr == f"stairway: {big} is larger than any incident export (512 MB).\n"


@pytest.mark.parametrize("args, code", [(["verify", ""], 1), (["verify-pack", ""], 2)])
def test_an_empty_file_name_is_asked_for_not_read_as_the_folder(args, code):
    got = _run(*args)
    assert got.returncode == code and "give the " in got.stderr
    assert "directory" not in got.stderr and got.stderr.count("\n") == 1


def test_a_closed_stdout_is_no_traceback():
    got = subprocess.run(f"{sys.executable} -m app check content >&-", shell=True, cwd=ROOT,
                         capture_output=True, text=True, timeout=120, executable="/bin/bash")
    assert "Traceback" not in got.stderr and got.stderr == ""
