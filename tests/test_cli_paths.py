"""Paths a person types on the command line: what `--out` may replace, an empty path,
a file where a folder is expected, a line break in a name. One line on stderr, the exit
code of a usage error (2), and nothing replaced that must not be."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.cli import main
from tests.guide_helpers import VALID


@pytest.fixture
def key(tmp_path, capsys) -> Path:
    assert main(["keygen", "--out", str(tmp_path / "k"), "--name", "metro-pd"]) == 0
    capsys.readouterr()
    return tmp_path / "k" / "metro-pd.key"


def _one_line(err: str) -> bool:
    return err.startswith("stairway: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize(
    "make, says",
    [
        (None, "give the pack file to write with --out"),  # --out "": a traceback before
        ("fifo", "it is not a regular file (a device or a pipe)"),  # the pipe was replaced
        ("folder", "it is a folder: give a file name, e.g. guide.stairway"),  # exit 1 before
    ],
)
def test_pack_out_refuses_an_empty_name_a_pipe_and_a_folder(tmp_path, key, capsys, make, says):
    out = tmp_path / "target"
    if make == "fifo":
        os.mkfifo(out)  # stands for a device such as /dev/null: never replaced
    elif make == "folder":
        out.mkdir()
    target = str(out) if make else ""
    code = main(["pack", str(VALID), "--key", str(key), "--out", target, "--approved-by", "x"])
    err = capsys.readouterr().err
    assert code == 2 and _one_line(err) and says in err, err
    if make == "fifo":
        assert stat.S_ISFIFO(out.lstat().st_mode)
    elif make == "folder":
        assert out.is_dir() and not any(out.iterdir())
