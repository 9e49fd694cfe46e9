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
        (None, "--out"),  # --out "": a traceback before
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


FORGED = "x\nevil.md:1: forged message"  # a second line posing as a check problem


@pytest.mark.parametrize(
    "args",
    [
        ["check", "{p}"],  # no such content folder
        ["dump", "{p}"],
        ["verify", "{p}"],  # no such export
        ["verify-pack", "{p}"],  # no such pack
        ["verify-pack", "{pack}", "--keys", "{p}"],  # no such keys folder
        ["export", "--incident", "nope", "--data-dir", "{p}"],  # no such incident there
        ["practice", "kept", "--data-dir", "{p}"],  # no such data folder
        ["practice", "classify", "--content-dir", "{p}", "x"],  # no such content folder
        ["pack", "{p}", "--key", "{key}", "--out", "{tmp}/o", "--approved-by", "x"],
        ["pack", "{valid}", "--key", "{p}", "--out", "{tmp}/o", "--approved-by", "x"],
    ],
)  # fmt: skip
def test_a_line_break_in_a_path_stays_on_one_line(tmp_path, key, capsys, args):
    pack = tmp_path / "g.stairway"
    pack.write_bytes(b"PK")
    filled = [a.format(p=f"{tmp_path}/{FORGED}", tmp=tmp_path, key=key, pack=pack,
                       valid=VALID) for a in args]
    code = main(filled)
    got = capsys.readouterr()
    assert code != 0 and _one_line(got.err), got.err
    assert "\nevil.md" not in got.out + got.err and "x\\x0aevil.md:1: forged" in got.err


def test_the_lines_a_pack_and_a_key_print_name_their_files_on_one_line(tmp_path, capsys):
    keys = tmp_path / FORGED
    assert main(["keygen", "--out", str(keys), "--name", "k"]) == 0
    out = tmp_path / f"{FORGED}.stairway"
    args = ["pack", str(VALID), "--key", str(keys / "k.key"), "--out", str(out)]
    assert main([*args, "--approved-by", "x"]) == 0
    printed = capsys.readouterr().out
    assert "\nevil.md" not in printed and printed.count("x\\x0aevil.md:1: forged") == 3


@pytest.mark.parametrize(
    "args, says",
    [
        (["practice", "classify", "--content-dir", "{file}", "x"],
         "content folder '{file}' is not a folder"),  # was "does not exist"
        (["practice", "kept", "--data-dir", "{file}"],
         "data folder '{file}' is not a folder"),  # was "does not exist", and exit 1
        (["practice", "kept", "--data-dir", "{tmp}/nope"],
         "data folder '{tmp}/nope' does not exist"),  # was exit 1
        (["verify-pack", "{pack}", "--keys", "{file}"],
         "keys folder '{file}' is not a folder"),  # was "does not exist"
        (["check", ""], "give the content folder"),  # read the default folder
        (["dump", ""], "give the content folder"),  # dumped the default folder
        (["keygen", "--out", ""], "give the file or folder to write"),  # wrote into ./
        (["export", "--incident", "x", "--data-dir", ""], "give the data folder"),  # the default
        (["practice", "classify", "--content-dir", "", "x"], "give a folder with --content-dir"),
        (["practice", "kept", "--data-dir", ""], "give a folder with --data-dir"),
    ],
)  # fmt: skip
def test_usage_errors_say_what_is_wrong_with_the_path(tmp_path, monkeypatch, capsys, args, says):
    monkeypatch.chdir(tmp_path)  # keygen --out "" wrote its keys here
    file = tmp_path / "a-file.txt"
    file.write_text("not a folder\n")
    pack = tmp_path / "g.stairway"
    pack.write_bytes(b"PK")
    fill = dict(file=file, tmp=tmp_path, pack=pack)
    code = main([a.format(**fill) for a in args])
    err = capsys.readouterr().err
    assert code == 2 and _one_line(err) and says.format(**fill) in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file.txt", "g.stairway"]


@pytest.mark.parametrize("command", ["check", "dump"])
def test_a_folder_with_none_of_a_guides_parts_is_refused_at_once(tmp_path, capsys, command):
    """`check /` read the whole disk for minutes and printed thousands of problems about
    files that were never guide text. A folder holding none of a guide's parts is a usage
    error (exit 2, one line); an empty folder is still checked as a guide being started."""
    stray = tmp_path / "home"
    (stray / "Documents").mkdir(parents=True)
    (stray / "notes.md").write_text("# shopping\n")
    assert main([command, str(stray)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "holds none of a guide's parts" in err
    assert "stairway/" in err and "style.md" in err
    empty = tmp_path / "new-guide"
    empty.mkdir()
    assert main(["check", str(empty)]) == 1  # checked: each missing part said
    out = capsys.readouterr().out
    assert "new-guide/stairway:1: no file for stage 1" in out
    started = tmp_path / "started"
    started.mkdir()
    (started / "style.md").write_text("---\nid: style\n---\n")
    assert main(["check", str(started)]) == 1  # one part is enough to be read as a guide
    assert "holds none" not in capsys.readouterr().err


@pytest.mark.parametrize("argv", [
    ["practice", "classify", "--content-dir", "{dir}", "Calm down."],  # was exit 0, a verdict
    ["practice", "classify", "--content-dir", "{dir}", "--said", "Go away!", "Okay."],
])
def test_practice_refuses_a_folder_that_is_not_a_guide_as_check_does(tmp_path, capsys, argv):
    """`practice classify --content-dir` a folder with only a.txt judged against it: exit 0,
    a verdict without the never-say list's flags, and a warning of "1 problem(s)". It is
    refused as `check` and `dump` refuse it: the same one line, exit 2, nothing on stdout."""
    stray = tmp_path / "notguide"
    stray.mkdir()
    (stray / "a.txt").write_text("hello\n")
    assert main(["check", str(stray)]) == 2
    refused = capsys.readouterr().err
    assert main([a.format(dir=stray) for a in argv]) == 2
    out, err = capsys.readouterr()
    assert (out, err) == ("", refused) and _one_line(err) and "holds none" in err
    (stray / "style.md").write_text("---\nid: style\n---\n")  # a guide being started
    assert main([a.format(dir=stray) for a in argv]) == 0


LONG = "a" * 256  # one name over the 255 bytes a Linux file system allows


@pytest.mark.parametrize("args", [
    ["check", "{long}"], ["dump", "{long}"], ["keygen", "--out", "{long}"],
    ["verify-pack", "{long}"], ["verify-pack", "x.stairway", "--keys", "{long}"],
    ["pack", "{long}", "--key", "k", "--out", "o", "--approved-by", "x"],
    ["pack", "{valid}", "--key", "{long}", "--out", "o", "--approved-by", "x"],
    ["serve", "--content-dir", "{long}"], ["serve", "--data-dir", "{long}"],
    ["export", "--incident", "x", "--data-dir", "{long}"], ["verify", "{long}"],
    ["practice", "kept", "--data-dir", "{long}"],
    ["practice", "classify", "--content-dir", "{long}", "I hear you"],
])
def test_a_path_too_long_for_the_system_is_one_line_not_a_traceback(tmp_path, capsys, args):
    """A name over 255 bytes: most commands let the system's OSError out as a traceback."""
    long = str(tmp_path / LONG / "x")
    code = main([a.format(long=long, valid=VALID) for a in args])
    err = capsys.readouterr().err
    assert code == 2 and _one_line(err), err
    assert "the path is too long for this system" in err
