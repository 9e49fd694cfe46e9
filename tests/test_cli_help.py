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


@pytest.mark.parametrize("host", ["", " "])
def test_an_empty_host_is_a_usage_error_not_every_network(capsys, host):
    """--host "" listened on every interface while the warning read "serving on , "."""
    with pytest.raises(SystemExit) as done:
        main(["serve", "--host", host])
    assert done.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.endswith("an empty one means every network")


@pytest.mark.parametrize("port", ["70000", "-1", "0", "abc", "8550x", "9" * 5000])
@pytest.mark.parametrize("command", [["serve"], []])  # `python -m app` serves too
def test_a_port_out_of_range_is_one_line_and_exit_2(capsys, command, port):
    """--port 70000 was served on 4464 while the app said it ran at :70000."""
    with pytest.raises(SystemExit) as done:
        main([*command, "--port", port])
    assert done.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.endswith("is not a port: give a number from 1 to 65535")
