"""What `check` and `dump` compute: values, not printing (that is app/cli.py's job).

`check(content_dir)` compiles the guide and returns a `Report`: the problems in the
order to read them (a file's own syntax problem first), the summary line and the exit
code (0 clean, 1 content problems). A content dir that is not a directory, or holds none
of a guide's parts, raises `ContentDirError` (the CLI's exit code 2). Nothing in a content
file raises here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from app import i18n
from app.guide.bundle import to_dict
from app.guide.codes import CODES
from app.guide.compile import compile_guide
from app.guide.files import FOLDERS, ROOT_FILES, content_paths
from app.guide.folder import folder_problems, name_problems
from app.guide.model import Guide, Problem

FOLDER_MESSAGES = {
    "private-key": "this is a private signing key: the content folder ships inside the app "
    "and in every pack, so move the key out of it and keep it secret",
    "file-is-link": "this is a symbolic link: a guide pack cannot hold one, so pack refuses "
    "the folder; copy the file here instead",
    "not-a-file": "this is not a plain file (a pipe, a socket or a device): pack refuses the "
    "folder; remove it",
    "folder-unreadable": "this folder cannot be opened, so none of its files are in the guide: "
    "check its permissions",
}


class ContentDirError(ValueError):
    """The content folder given is missing or not a folder (one plain sentence)."""


@dataclass(frozen=True)
class Report:
    guide: Guide
    n_files: int

    @property
    def lines(self) -> list[str]:
        """One `PATH:LINE: message` per problem, in reading order."""
        return [str(p) for p in self.guide.problems]

    @property
    def summary(self) -> str:
        noun = "file" if self.n_files == 1 else "files"
        problems = self.guide.problems
        if not problems:
            return f"checked {self.n_files} {noun}: no problems"
        n = len(problems)
        bad = len({p.path for p in problems})
        return (
            f"checked {self.n_files} {noun}: {n} problem{'s' if n != 1 else ''} in {bad} "
            f"file{'s' if bad != 1 else ''}"
        )

    @property
    def exit_code(self) -> int:
        return 1 if self.guide.problems else 0


def guide_folder(content_dir: str | Path) -> Path:
    """`content_dir` as a Path, or `ContentDirError` when it is not there, not a folder, or
    a folder holding none of a guide's parts (an empty folder is a guide being started).
    Every command that reads a guide refuses a folder the same way, in the same words."""
    path = Path(content_dir)
    if not path.is_dir():
        what = "is not a directory" if path.exists() else "does not exist"
        raise ContentDirError(
            f"content directory '{content_dir}' {what}: give the path to content/"
        )
    if not any((path / name).exists() for name in (*FOLDERS, *ROOT_FILES)) and _holds_any(path):
        # `check /` or a home folder: not a guide (and reading all of it takes minutes)
        parts = ", ".join([*(f"{n}/" for n in FOLDERS), *ROOT_FILES])
        raise ContentDirError(
            f"content directory '{content_dir}' holds none of a guide's parts ({parts}): "
            "give the path to content/, or start a guide in an empty folder"
        )
    return path


def _holds_any(path: Path) -> bool:
    try:
        with os.scandir(path) as it:
            return any(True for _ in it)
    except OSError:
        return False


def check(content_dir: str | Path, shown: str | None = None) -> Report:
    """Compile and count; `shown` prefixes problem paths (default: content_dir as given).

    The guide's own screen labels (`labels.txt`, app.i18n) are checked here too: the app
    reads them beside the guide, and a pack carries them. So is every other file in the
    folder for a private signing key: content/ ships inside the app."""
    path = guide_folder(content_dir)
    shown = str(content_dir) if shown is None else shown
    guide = compile_guide(path, shown)
    labels = [Problem(os.path.join(shown, rel), line, message, code, CODES[code].severity)
              for rel, line, code, message in i18n.problems(path)]
    keys = [Problem(os.path.join(shown, rel), 1, FOLDER_MESSAGES[code], code,
                    CODES[code].severity) for rel, code in folder_problems(path)]
    keys += [Problem(os.path.join(shown, rel), 1, message, code, CODES[code].severity)
             for rel, code, message in name_problems(path)]
    if labels or keys:
        guide = replace(guide, problems=(*guide.problems, *labels, *keys))
    n_labels = 1 if (path / i18n.LABELS_FILE).is_file() else 0
    return Report(guide, len(content_paths(path)) + n_labels)


def dump(content_dir: str | Path, shown: str | None = None) -> tuple[dict, Report]:
    """The compiled guide as plain data (bundle.to_dict, problems included), and its report."""
    report = check(content_dir, shown)
    return to_dict(report.guide), report
