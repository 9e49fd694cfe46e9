"""What a command prints, or a screen shows, about text it did not write: `terminal_safe(line)`.

A content file quoted in a message, a file name, a path typed on the command line or a
pack's field could set the terminal's title, clear its screen, reverse the text that
follows or start a forged `path:line:` line of its own. Every command (app/cli.py,
app/incidents_cli.py, app/packs/cli.py, app/practice/commands.py) prints such text
through this one function, and the screens show it so too: an import refusal
(app/ui/state/guide.py), every banner (app/ui/views/banners.py: a damaged stored pack, a
damaged note log or history, a call left open...) and the incident screen's "not saved"
banner. On a screen too, a reversing mark turns the sentence around, a copied ESC or CR
acts wherever it is pasted, and half a character (a file name's byte that is not UTF-8)
could not even be sent to the screen: the update failed and the banner never showed.
A banner made of lines on purpose (`Lines`) keeps its line breaks (`screen_safe`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# C0 and C1 controls (tab aside), DEL, line breaks, the bidi embeddings, overrides and
# isolates, and half a character (a lone surrogate, as a file name with bytes that are not
# UTF-8 is read: no terminal or screen can encode it). Shown as \x1b, \x0a, \u2028, \udc80...
_CONTROL = re.compile(
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def terminal_safe(line: str) -> str:
    """The line with every character that could act on a terminal shown as an escape."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", line)


class Lines(str):
    """Text whose line breaks are its own: lines joined on purpose, each escaped first
    (`lines_of`), so a break that came inside a line shows as an escape, never as a
    line of its own (the live preview's `path:line: message` banner)."""


def lines_of(lines: Iterable[str]) -> Lines:
    return Lines("\n".join(terminal_safe(line) for line in lines))


def screen_safe(text: str, lines: bool = False) -> str:
    """`terminal_safe` for a screen; with `lines` (the text said a `Lines`) its line
    breaks are kept and every line escaped."""
    if lines:
        return "\n".join(terminal_safe(line) for line in text.split("\n"))
    return terminal_safe(text)
