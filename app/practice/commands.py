"""`python -m app practice ...`: the practice drills on the command line. No flet.

    practice classify [--said "WHAT THEY SAID"] "ANSWER"   the screen's classifier, as JSON
    practice kept [--data-dir DIR]                         answers kept for an instructor

`kept` prints the answers an officer marked "I think this is fine" in Your own words, as a
JSON array (oldest first), so an instructor can read them, label them and measure the
classifier on real trainees' answers. It only reads (a damaged history file is set aside,
as the app does when it opens one).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

Content = Callable[[str | None], tuple[Path, str]]  # the content folder and how to show it


class OneLine(argparse.ArgumentParser):
    """A usage error is one line on stderr and exit code 2."""

    def error(self, message: str):  # type: ignore[override]
        _say(f"stairway: {self.prog.removeprefix('stairway ')}: {message} (see --help)")
        raise SystemExit(2)


def _say(line: str) -> None:
    """One line on stderr: a path or an argument typed with a line break is shown escaped."""
    from app.terminal import terminal_safe

    print(terminal_safe(line), file=sys.stderr)


def parser() -> argparse.ArgumentParser:
    p = OneLine(prog="stairway practice", description="Practice drills on the command line.")
    sub = p.add_subparsers(dest="command", required=True, parser_class=OneLine,
                           metavar="classify | kept")
    c = sub.add_parser(
        "classify",
        help="name the listening skill an answer looks like and flag its problems (JSON)",
        description="Print JSON {skill, confidence, flags, feedback}: the Practice "
        "screen's classifier, using the content folder's style rules and skills.",
    )
    c.add_argument("answer", help="what the officer would say")
    c.add_argument("--said", default=None, help="what the person said (to judge mirroring)")
    c.add_argument("--content-dir", default=None, help="content folder (default: configured)")
    c.add_argument("--language", default=None,
                   help="the guide's language (default: LANG for translations/LANG/, else en); "
                   "the skill rules read English only")
    k = sub.add_parser(
        "kept",
        help='answers kept for an instructor ("I think this is fine"), as JSON',
        description="Print a JSON array of the answers kept in Your own words with "
        '"I think this is fine": when, the line id, what they said, the answer, the '
        "skill and flags the app gave (hedged: only the unsure one), its feedback and why. "
        "Oldest first.",
    )
    k.add_argument("--data-dir", default=None, help="data folder (default: configured)")
    return p


def main(argv: list[str], content: Content, out: TextIO | None = None) -> int:
    args = parser().parse_args(argv)
    out = out or sys.stdout
    for name, flag in (("content_dir", "--content-dir"), ("data_dir", "--data-dir")):
        if getattr(args, name, None) == "":  # not the default folder: no folder at all
            _say(f"stairway: give a folder with {flag}: an empty path names no folder")
            return 2
        if (given := getattr(args, name, None)) and _too_long(given):
            return 2
    if args.command == "kept":
        return run_kept(args.data_dir, out)
    return run_classify(args.answer, args.said, args.content_dir, content, out, args.language)


def _too_long(path: str) -> bool:
    from app import paths

    if paths.too_long(path):
        _say(f"stairway: {paths.long_path_said(path)}")
        return True
    return False


def _missing(path: Path) -> str:
    return "is not a folder" if path.exists() else "does not exist"


def _print_json(value: object, out: TextIO) -> None:
    try:
        print(json.dumps(value, ensure_ascii=False), file=out)
    except UnicodeEncodeError:  # a terminal that cannot show every character
        print(json.dumps(value), file=out)


def run_classify(answer: str, said: str | None, content_dir: str | None, content: Content,
                 out: TextIO, language: str | None = None) -> int:
    """`practice classify`: one JSON object on `out`; 2 when the content folder is missing
    or not a guide (in `check`'s words), or the language is not a language code. A guide in
    another language gets its own never-say list and no skill (the skill rules read English
    only), as on the screen."""
    from app.guide.checks import ContentDirError, guide_folder
    from app.guide.compile import compile_guide
    from app.guide.folder import language_of
    from app.i18n import LANGUAGE_RE
    from app.practice.classify import Classifier
    from app.said import Said

    path, shown = content(content_dir)
    if not path.is_dir():
        _say(f"stairway: content folder '{shown}' {_missing(path)}")
        return 2
    try:  # a folder with none of a guide's parts: refused as check refuses it
        guide_folder(path)
    except ContentDirError as err:
        _say(f"stairway: {err}")
        return 2
    if language is not None and not LANGUAGE_RE.match(language):
        _say(f"stairway: --language takes a language code such as en or es, not "
             f"'{language}'")
        return 2
    guide = compile_guide(path, shown)
    if wrong := [p for p in guide.problems if Path(p.path).name == "style.md"
                 or Path(p.path).parent.name == "skills"]:
        # the never-say list or a skill left out: an answer would look cleaner than it is
        _say(f"stairway: warning: {len(wrong)} problem(s) in the style rules or skills of "
             f"'{shown}': what they leave out is not checked (run: check {shown})")
    lang = language or language_of(path)
    result = Classifier.from_guide(guide, lang).classify(answer, said)
    got = result.to_dict()
    key = getattr(result.feedback, "key", "")
    if key in _NO_MODELS:  # the screen shows model answers below; here there are none
        got["feedback"] = " ".join(filter(None, (Said(_NO_MODELS[key]), result.reminder)))
    _print_json(got, out)
    return 0


# feedback that points to the model answers the screen shows -> its words for the terminal
_NO_MODELS = {"said_words_compare": "said_words_compare_cli",
              "said_words_not_english": "said_words_not_english_cli"}


def run_kept(data_dir: str | None, out: TextIO) -> int:
    """`practice kept`: a JSON array on `out`; 1 with one line when the history can't be
    read, 2 when the data folder is not there (or not a folder)."""
    from app import paths
    from app.practice import disputes as D
    from app.practice.attempt import PracticeError
    from app.practice.history import PracticeHistory

    folder = paths.data_dir(data_dir)
    if not folder.is_dir():  # a usage error, as a content folder that is not there is
        _say(f"stairway: data folder '{folder}' {_missing(folder)}")
        return 2
    try:
        history = PracticeHistory(folder)
        kept = D.kept(history, quiet=False)
    except OSError as err:
        _say(f"stairway: cannot read {err.filename or folder}: {err.strerror}")
        return 1
    except PracticeError as err:  # unreadable: never an empty list that looks like "none"
        _say(f"stairway: {err}")
        return 1
    for sentence in history.warnings:
        _say(f"stairway: {sentence}")
    _print_json([d.to_record() for d in kept], out)
    return 0
