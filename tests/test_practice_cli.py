"""`python -m app practice classify`: JSON on stdout and exit 0 (each flag says whether it
is unsure, `hedged`); usage errors are one line on stderr and exit 2, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from app.cli import main
from tests.guide_helpers import REAL


@pytest.mark.parametrize(
    "argv, skill, codes",
    [
        # mirroring, judged against --said
        (["--said", "They took everything from me.", "Took everything?"], "mirroring", []),
        # the content's style rules flag the banned word
        (["What are your demands?"], "open-ended-questions", ["banned-word"]),
        # a rapport killer with a promise
        (["I promise nobody will arrest you."], None, ["promise"]),
        # --said after the answer works too
        (["So he took your truck.", "--said", "My brother took my truck."], "paraphrasing", []),
    ],
)
def test_classify_prints_one_json_object(capsys, argv, skill, codes):
    assert main(["practice", "classify", "--content-dir", str(REAL), *argv]) == 0
    out = capsys.readouterr().out
    data = json.loads(out)
    assert set(data) == {"skill", "confidence", "flags", "feedback"}
    assert data["skill"] == skill
    assert [f["code"] for f in data["flags"]] == codes
    assert all(set(f) == {"code", "message", "hedged"} for f in data["flags"])
    assert 0 <= data["confidence"] <= 1 and data["feedback"]
    assert out.count("\n") == 1


@pytest.mark.parametrize(
    "argv, message",
    [
        (["practice"], "the following arguments are required: classify"),  # no subcommand
        (["practice", "classify"], "the following arguments are required: answer"),  # no answer
        (["practice", "classify", "--loud", "x"], "unrecognized arguments: --loud"),  # bad option
        (["practice", "grade", "x"], "invalid choice: 'grade'"),  # unknown subcommand
        (["practice", "classify", "--said"], "argument --said: expected one argument"),
        (
            ["practice", "classify", "--content-dir", "/no/such/dir", "x"],
            "content folder '/no/such/dir' does not exist",
        ),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(capsys, argv, message):
    try:
        code = main(argv)
    except SystemExit as e:
        code = e.code
    assert code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err, err


def test_the_real_command_runs_offline_in_a_child_process():
    proc = subprocess.run(
        [sys.executable, "-m", "app", "practice", "classify", "--said", "I'm done.", "Done?"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "", "STAIRWAY_CONTENT_DIR": str(REAL), "PYTHONIOENCODING": "ascii"},
    )
    assert (proc.returncode, proc.stderr) == (0, "")
    assert json.loads(proc.stdout)["skill"] == "mirroring"


@pytest.mark.parametrize(
    "answer, flags",
    [
        # only the learned backstop flags it: worded like a killer, to check
        ("We can sort all of this out tomorrow with a cup of tea.", [("rapport-killer", True)]),
        ("I promise nobody will get hurt.", [("promise", False)]),  # a rule's flag: to fix
    ],
)
def test_the_json_says_which_flags_are_unsure(capsys, answer, flags):
    assert main(["practice", "classify", "--content-dir", str(REAL), answer]) == 0
    got = json.loads(capsys.readouterr().out)["flags"]
    assert [(f["code"], f["hedged"]) for f in got] == flags


def test_a_guide_in_another_language_is_not_judged_by_the_english_skill_rules(capsys):
    """`practice classify --content-dir content/translations/es` said a good Spanish label
    "doesn't look like one of the listening skills": the English skill rules read it. Now
    the folder's language is used, as the Practice screen does: its never-say list, no skill."""
    es = REAL / "translations" / "es"
    assert main(["practice", "classify", "--content-dir", str(es),
                 "Parece que está muy enfadado."]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["skill"] is None and data["flags"] == []
    assert "doesn't look like" not in data["feedback"]
    assert main(["practice", "classify", "--content-dir", str(es), "Cálmese ya."]) == 0
    assert [f["code"] for f in json.loads(capsys.readouterr().out)["flags"]] == ["banned-word"]
    # --language names it outright; en reads the Spanish guide's style with English rules
    assert main(["practice", "classify", "--content-dir", str(es), "--language", "en",
                 "You sound angry."]) == 0
    assert json.loads(capsys.readouterr().out)["skill"] == "emotion-labeling"


@pytest.mark.parametrize("args, feedback", [
    (["--language", "es", "Parece que está muy enfadado."],
     "In this language, Stairway checks only the never-say list and the length. Compare "
     "the answer with the guide's model answers."),
    (["Я понимаю, тебе сейчас очень страшно"],
     "Stairway's rules read English only, so this answer was not judged."),
])
def test_an_unjudged_answer_does_not_point_to_model_answers_below(capsys, args, feedback):
    """The screen shows model answers under its verdict; the command prints none, and
    said "Compare it with the model answers below"."""
    assert main(["practice", "classify", *args]) == 0
    assert json.loads(capsys.readouterr().out)["feedback"] == feedback


@pytest.mark.parametrize("language", ["", "e s", "../es", "es\ud800", "=cmd|x"])
def test_a_language_that_is_not_a_code_is_one_line_and_exit_2(capsys, language):
    assert main(["practice", "classify", "--language", language, "x"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--language takes a language code" in err, err


def test_a_damaged_style_file_is_said_not_passed_over(tmp_path, capsys):
    """style.md not UTF-8: the never-say list was gone, and "Calm down" came back with no
    banned-word flag and no word on why."""
    import shutil

    content = tmp_path / "c"
    shutil.copytree(REAL, content)
    argv = ["practice", "classify", "--content-dir", str(content), "Calm down, you should relax"]
    assert main(argv) == 0
    clean = capsys.readouterr()
    assert clean.err == "" and "banned-word" in clean.out
    (content / "style.md").write_bytes(b"\xff\xfe garbage")
    assert main(argv) == 0
    got = capsys.readouterr()
    assert "banned-word" not in json.loads(got.out)["flags"].__repr__()
    assert got.err.startswith("stairway: warning: 1 problem(s) in the style rules or skills")
    assert got.err.count("\n") == 1
