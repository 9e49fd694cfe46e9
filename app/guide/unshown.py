"""Code and HTML blocks no kind parser reads: each is reported at its line, never dropped.

No screen shows a fenced or indented code block or an HTML block (app.guide.blocks keeps
them as blocks of kind "code" and "html" only to say so). Where a list item or a phrase
belongs, the kind parser reports one as it reports a paragraph (`not-a-list-item`,
`example-not-item`). Everywhere else (a stage's `## Purpose`, a situation's summary, a
skill's description, a practice scenario, a checklist, contacts.md, sources.md, style.md)
it vanished while `check` said "no problems". This pass runs after every kind parser and
reports each one they did not, so a section added later cannot drop one unseen either.
An HTML comment is not a block: it stays a silent note between instructors. A `###`
heading in contacts.md (no screen shows it either) is reported here too;
in a stage or situation file, app.guide.stages says which sections take one.
"""

from __future__ import annotations

from app.guide.blocks import UNSHOWN, Block
from app.guide.files import File
from app.guide.headervalues import short

# The kinds that group their items by `##` only: a `###` heading there was dropped too.
# (A checklist's `###` is dropped as well, but the parser's fixture uses one on purpose.)
FLAT = {"contacts": "contacts.md"}
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
    h2: Block | None = None
    for b in f.doc.blocks:
        if b.kind == "heading":
            head = b
            h2 = b if b.level == 2 else h2 if b.level > 2 else None
            if f.kind in FLAT and b.level > 2 and b.text and h2 is not None:
                section = f"'## {short(h2.text)}'"
                f.add(b.line, "block-not-shown", f"a heading '{'#' * b.level} {short(b.text)}' "
                      f"under {section} is never shown in the app: {FLAT[f.kind]} has only "
                      f"`##` sections. Delete the line (what is under it stays in {section})")
            continue
        if b.kind not in UNSHOWN or b.line in done:
            continue
        where = f"under '{'#' * head.level} {short(head.text)}'" if head else "at the top"
        what = UNSHOWN[b.kind][0]
        f.add(b.line, "block-not-shown", f"{what} {where} is {never}: {FIX[b.kind]}")
