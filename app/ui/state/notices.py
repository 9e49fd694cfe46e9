"""What guidance is missing, in the officer's words (paths go to the instructors' log).

No flet import. `Guide.skipped` holds `Skipped(file, kind, title, partial)` entries; a
bare path (an older guide) still names its kind by its folder.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePosixPath

FOLDER_KIND = {"stairway": "stage", "checklists": "checklist", "situations": "situation",
               "skills": "skills", "sources.md": "sources", "contacts.md": "contacts",
               "style.md": "style"}
TITLED = ("stage", "situation", "checklist")  # "the Rapport stage"
NAMES = {"skills": "the skills reference", "sources": "the source list",
         "contacts": "the numbers to call", "style": "the writing rules"}


def describe(entry: object) -> str:
    """"the Rapport stage", "some of the Hostage situation", "the numbers to call"."""
    kind = getattr(entry, "kind", None)
    title = getattr(entry, "title", None)
    if kind is None:  # a bare path: its folder names the kind
        parts = PurePosixPath(str(entry)).parts
        kind = next((FOLDER_KIND[p] for p in parts if p in FOLDER_KIND), "unknown")
    if kind in TITLED:
        what = f"the {title} {kind}" if title else f"a {kind}"
    else:
        what = NAMES.get(kind, f"the {title} file" if title else "a guide file")
    return f"some of {what}" if getattr(entry, "partial", False) else what


def missing_guidance(skipped: Iterable[object]) -> str | None:
    """One sentence for the banner, or None when nothing is missing."""
    names: list[str] = []
    for entry in skipped:
        if (what := describe(entry)) not in names:
            names.append(what)
    if not names:
        return None
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    listed = listed[0].upper() + listed[1:]
    return (f"{listed} could not be loaded. Work those parts from your training; your "
            "instructor has the details.")
