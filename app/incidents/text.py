"""Officer text made safe for the exports, shown as typed.

- `visible`: control characters and bidi overrides as visible escapes (`\\x07`,
  `\\u202e`); CRLF read as one line break; newlines and tabs kept.
- Markdown: every field the officer typed comes out as the officer's text, never as
  structure. A single line with no surrounding spaces is written inline with every
  character Markdown could read as markup backslash-escaped. Anything else (several
  lines, leading or trailing spaces, tabs at the edges) goes in a fenced code block
  whose fence is longer than any run of backticks in the text, so headings, setext
  underlines, lists, tables, code, HTML and indentation inside it stay plain text.
  Inline, a bare address (`http://`, any `scheme://`, `www.`, `name@host`) would still be
  made a link by viewers that auto-link (GFM, markdown-it's linkify), so a word joiner
  (U+2060, invisible) goes before its `://`, its `.` or its `@`: it reads the same and
  is not a link, and a copy of it does not open. Code blocks are never auto-linked.
- CSV: a cell that a spreadsheet would run as a formula (= + - @ tab CR first) gets a
  leading apostrophe. Spreadsheets drop leading spaces (NBSP and U+3000 too) and read
  the full-width and small signs (＝ ﹦) as the plain ones, so a sign after leading
  spaces or zero-width characters, or in such a form (its NFKC form), counts as first.
"""

from __future__ import annotations

import re
import unicodedata

_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_MD = re.compile(r"([\\`*_\[\]<>#|~&!])")
_TICKS = re.compile(r"`+")
# Where an auto-linker starts a link: before "://", between "www" and ".", before the "@"
# of an address. Backslash escapes are not enough: some viewers link after unescaping.
_LINK = re.compile(r"(?=://)|(?<=www)(?=\.)|(?<=[\w.+-])(?=@\w)", re.IGNORECASE)
_JOINER = "\u2060"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


def visible(text: str) -> str:
    """Control characters and bidi overrides as escapes; newlines and tabs kept."""
    text = text.replace("\r\n", "\n")

    def esc(m: re.Match) -> str:
        c = ord(m.group())
        return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"

    return _UNSAFE.sub(esc, text)


def cell(value: object) -> str:
    """A CSV cell a spreadsheet shows as text, never runs as a formula."""
    raw = "" if value is None else str(value)
    text = visible(raw)
    return "'" + text if _formula(raw) else text


def _formula(raw: str) -> bool:
    """True when the first character that is not a space (or zero-width) starts a formula."""
    for c in raw:
        if unicodedata.normalize("NFKC", c).startswith(_FORMULA):
            return True
        if not (c.isspace() or c in _ZERO_WIDTH):
            return False
    return False


def md_inline(text: str) -> str:
    """Text inert inside one Markdown line; a line break shows as the two characters \\n.
    An address in it shows as typed but is not a link (a word joiner breaks it)."""
    unlinked = _LINK.sub(_JOINER, visible(text))
    return _MD.sub(r"\\\1", unlinked).replace("\n", "\\\\n")


def fits_inline(text: str) -> bool:
    """True when `md_inline` shows the text exactly (one line, nothing at the edges)."""
    shown = visible(text)
    return "\n" not in shown and shown == shown.strip() and bool(shown)


def md_block(text: str, indent: str = "") -> list[str]:
    """The text as a fenced code block, every line indented by `indent`."""
    shown = visible(text)
    longest = max((len(run) for run in _TICKS.findall(shown)), default=0)
    fence = "`" * max(3, longest + 1)
    return [indent + fence, *(indent + line for line in shown.split("\n")), indent + fence]


def md_field(lead: str, text: str, indent: str = "", tail: str = "") -> list[str]:
    """Markdown lines for '`lead` `text` `tail`' where only `text` is the officer's.

    `lead` is already Markdown (e.g. "- Location:"); `indent` is the column of the
    list item's content, where a fenced block must start to stay inside the item.
    """
    if fits_inline(text):
        return [f"{lead} {md_inline(text)}{tail}"]
    if not text:
        return [f"{lead}{tail}"]
    return [f"{lead}{tail}", *md_block(text, indent)]
