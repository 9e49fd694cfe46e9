"""`python -m app export | verify`: the note log's two commands (what app/cli.py calls).

Commands live here, not in app/incidents/ (the core prints nothing). Exit codes: 0 done,
1 with one plain line on stderr (no such incident, a file that cannot be written or read,
a broken chain).
"""

from __future__ import annotations

import errno
import sys
from pathlib import Path
from typing import TextIO

from app import paths


def _say(sentence: str) -> None:
    """One line on stderr: a path typed with a line break in it is shown escaped."""
    from app.incidents.validate import clean_text
    from app.terminal import terminal_safe

    print(f"stairway: {terminal_safe(clean_text(sentence))}", file=sys.stderr)


def run_export(
    incident_id: str, fmt: str, data_dir: str | None, out_file: str | None, stdout: TextIO
) -> int:
    """`python -m app export`: 0 on success, 1 with one line on stderr otherwise."""
    from app.fsutil import atomic_write, not_a_file
    from app.incidents import IncidentError, IncidentLog

    try:
        log = IncidentLog(paths.data_dir(data_dir), preload=False)
        text = log.export(incident_id, fmt)
        for sentence in log.warnings:
            _say(sentence)
        if out_file:
            target, data = Path(out_file), paths.data_dir(data_dir)
            if (why := not_a_file(target, "incident.md") or _in_data(target, data)):
                _say(f"cannot write {out_file}: {why}")
                return 1
            try:
                atomic_write(Path(out_file), text)
            except OSError as err:  # name the file asked for, never the temporary one
                missing = err.errno == errno.ENOENT and not Path(out_file).parent.is_dir()
                _say(f"cannot write {out_file}: "
                     + ("its folder does not exist" if missing else str(err.strerror)))
                return 1
        else:
            stdout.write(text)
            stdout.flush()
    except IncidentError as err:
        _say(str(err))
        return 1
    except OSError as err:
        _say(f"cannot read {err.filename or data_dir}: {err.strerror}")  # the note log
        return 1
    return 0


def _in_data(path: Path, root: Path) -> str | None:
    """An export written over the data folder's own files would replace the evidence (the
    note log), the practice history, the preferences or the guide in use."""
    try:
        inside = path.resolve().is_relative_to(Path(root).resolve())
    except (OSError, RuntimeError):  # a symlink loop: the write says why
        return None
    return f"it is inside the data folder ({root}); write the export elsewhere" if inside \
        else None


# An export holds every entry of one incident (a note is at most 100 KB): far below this.
# A bigger file is refused before it is read, not read into memory whole.
MAX_EXPORT_BYTES = 512 * 2**20


def run_verify(path: str, stdout: TextIO) -> int:
    """`python -m app verify FILE.json`: "N entries, chain intact, head XXXX XXXX XXXX" and
    0; the first entry damaged in a field (shape.py), changed, removed or inserted, or a
    cut the export records, and 1."""
    from app.fsutil import read_regular
    from app.incidents import IncidentError
    from app.incidents.export import verify
    from app.terminal import terminal_safe

    if not path.strip():
        _say("give the export file to check, e.g. incident.json")
        return 1
    try:
        big = Path(path).stat().st_size > MAX_EXPORT_BYTES  # told before anything is read
        data = b"" if big else read_regular(Path(path), MAX_EXPORT_BYTES)
        if big or len(data) > MAX_EXPORT_BYTES:
            _say(f"{path} is larger than any incident export ({MAX_EXPORT_BYTES // 2**20} MB).")
            return 1
        _, _, status = verify(data)
    except OSError as err:
        _say(f"cannot read {path}: {err.strerror}")
        return 1
    except IncidentError as err:
        _say(f"{path}: {err}")
        return 1
    if not status.intact or status.warning:  # broken, or whole but told cut by its app
        _say(f"{path}: {status.problem or status.warning}")
    stdout.write(terminal_safe(status.sentence) + "\n")  # it may quote the file: one line
    return 0 if status.intact and not status.warning else 1
