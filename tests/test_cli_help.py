"""`python -m app --help`: its first line names every command, in full."""

from __future__ import annotations

import pytest

from app.cli import _parser, main


def test_the_help_names_every_command_and_ends_its_sentence(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    about = out.split("positional arguments:")[0]
    commands = _parser()._subparsers._group_actions[0].choices
    assert commands and all(name in about for name in commands)
    assert about.rstrip().endswith(".")
