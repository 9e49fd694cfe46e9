"""What guidance is missing, in the officer's words (paths go to the instructors' log).

No flet import. `Guide.skipped` holds `Skipped(file, kind, title, partial)` entries; a
bare path (an older guide) still names its kind by its folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

from app.i18n import joined
from app.i18n import text as t

FOLDER_KIND = {"stairway": "stage", "checklists": "checklist", "situations": "situation",
               "skills": "skills", "sources.md": "sources", "contacts.md": "contacts",
               "style.md": "style"}
TITLED = ("stage", "situation", "checklist")  # "the Rapport stage"
NAMED = ("skills", "sources", "contacts", "style")  # "the numbers to call"


def describe(entry: object) -> str:
    """"the Rapport stage", "some of the Hostage situation", "the numbers to call" (in the
    language in use: catalogue keys missing_<kind>, missing_<kind>_untitled)."""
    kind = getattr(entry, "kind", None)
    title = getattr(entry, "title", None)
    if kind is None:  # a bare path: its folder names the kind
        parts = PurePosixPath(str(entry)).parts
        kind = next((FOLDER_KIND[p] for p in parts if p in FOLDER_KIND), "unknown")
    if kind in TITLED:
        what = t(f"missing_{kind}", title=title) if title else t(f"missing_{kind}_untitled")
    elif kind in NAMED:
        what = t(f"missing_{kind}")
    else:
        what = t("missing_file", title=title) if title else t("missing_file_untitled")
    return t("missing_some", what=what) if getattr(entry, "partial", False) else what


def missing_guidance(skipped: Iterable[object]) -> str | None:
    """One sentence for the banner, or None when nothing is missing."""
    names: list[str] = []
    for entry in skipped:
        if (what := describe(entry)) not in names:
            names.append(what)
    if not names:
        return None
    sentence = t("missing_banner", what=joined(names))
    return sentence[0].upper() + sentence[1:]
