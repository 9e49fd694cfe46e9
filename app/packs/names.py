"""Which file names a pack may carry: the guide's own rule (app/guide/names.py), so that a
name `check` passes is one `pack` takes, and one a pack's manifest may list."""

from app.guide.names import CONTROL_RE, DRIVE_RE, MAX_NAME, fold, unsafe_reason

__all__ = ["CONTROL_RE", "DRIVE_RE", "MAX_NAME", "fold", "unsafe_reason"]
