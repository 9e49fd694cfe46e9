"""Code and HTML blocks no kind parser reads: each is reported at its line, never dropped.

No screen shows a fenced or indented code block or an HTML block (app.guide.blocks keeps
them as blocks of kind "code" and "html" only to say so). Where a list item or a phrase
belongs, the kind parser reports one as it reports a paragraph (`not-a-list-item`,
`example-not-item`). Everywhere else (a stage's `## Purpose`, a situation's summary, a
skill's description, a practice scenario, a checklist, contacts.md, sources.md, style.md)
it vanished while `check` said "no problems". This pass runs after every kind parser and
reports each one they did not, so a section added later cannot drop one unseen either.
An HTML comment is not a block: it stays a silent note between instructors.
"""

from __future__ import annotations

from app.guide.blocks import UNSHOWN, Block
from app.guide.files import File
from app.guide.headervalues import short

# The codes a kind parser already gives such a block at its line.
REPORTED = ("not-a-list-item", "example-not-item")
FIX = {
    "code": "remove the ``` lines (or the indent) to write it as text or `- ` items",
    "html": "remove the <tags> to write it as text or `- ` items (a note only instructors "
    "read goes in <!-- -->)",
}


def report_unshown(f: File) -> None:
    """Report every code or HTML block of `f` that is not reported yet."""
    if f.kind == "unknown":
        return  # the whole file is left out, and told so (file-outside-folders)
    done = {line for line, code, _ in f.problems if code in REPORTED}
    never = "never read by the check" if f.kind == "style" else "never shown in the app"
    head: Block | None = None
    for b in f.doc.blocks:
        if b.kind == "heading":
            head = b
            continue
        if b.kind not in UNSHOWN or b.line in done:
            continue
        where = f"under '{'#' * head.level} {short(head.text)}'" if head else "at the top"
        what = UNSHOWN[b.kind][0]
        f.add(b.line, "block-not-shown", f"{what} {where} is {never}: {FIX[b.kind]}")
