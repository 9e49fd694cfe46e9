"""`python -m app check` and `python -m app dump`: what the CLI calls.

Exit codes: 0 clean, 1 content problems, 2 usage error (no such content directory).
Nothing in a content file ever produces a traceback here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TextIO

from app.guide.bundle import to_dict
from app.guide.compile import compile_guide
from app.guide.files import content_paths
from app.guide.model import Guide


def _usage(content_dir: str, out: TextIO) -> int | None:
    path = Path(content_dir)
    if not path.is_dir():
        what = "is not a directory" if path.exists() else "does not exist"
        msg = f"stairway: content directory '{content_dir}' {what}: give the path to content/"
        print(msg, file=sys.stderr)
        if out is not sys.stdout and out is not sys.stderr:
            print(msg, file=out)
        return 2
    return None


def summary(guide: Guide, n_files: int) -> str:
    noun = "file" if n_files == 1 else "files"
    if not guide.problems:
        return f"checked {n_files} {noun}: no problems"
    n = len(guide.problems)
    bad = len({p.path for p in guide.problems})
    return (
        f"checked {n_files} {noun}: {n} problem{'s' if n != 1 else ''} in {bad} "
        f"file{'s' if bad != 1 else ''}"
    )


def run_check(content_dir: str, out: TextIO) -> int:
    """Print every problem as `PATH:LINE: message`, sorted, then one summary line."""
    usage = _usage(content_dir, out)
    if usage is not None:
        return usage
    guide = compile_guide(content_dir)
    for p in guide.problems:
        print(p, file=out)
    print(summary(guide, len(content_paths(Path(content_dir)))), file=out)
    return 1 if guide.problems else 0


def run_dump(content_dir: str, out: TextIO) -> int:
    """Print the compiled guide as JSON (what loaded, plus `problems` and `skipped`)."""
    usage = _usage(content_dir, out)
    if usage is not None:
        return usage
    guide = compile_guide(content_dir)
    data = to_dict(guide)
    data["problems"] = [str(p) for p in guide.problems]
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")
    for p in guide.problems:
        print(p, file=sys.stderr)
    return 1 if guide.problems else 0
