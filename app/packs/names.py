"""Which file names a pack may carry: the guide's own rule (app/guide/names.py), so that a
name `check` passes is one `pack` takes, and one a pack's manifest may list."""

from app.guide.names import (
    BIDI_RE,
    CONTROL_RE,
    DRIVE_RE,
    MAX_NAME,
    bad_character,
    fold,
    unsafe_reason,
)

__all__ = [
    "BIDI_RE", "CONTROL_RE", "DRIVE_RE", "MAX_NAME", "bad_character", "fold", "unsafe_reason",
]
