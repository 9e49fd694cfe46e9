"""What the officer has typed and not saved yet: the note half-written when they went to
look up a phrase, the place typed into "Start incident", a reason for an override.

Kept per field in memory and in `data_dir/drafts.json`, so a tab switch, Back, a reload or
a phone that killed the app in the background gives the words back. A draft is not a
note: it never goes into an incident's log or export, and it is dropped once its form is
saved or cancelled (or its incident is closed). Best effort by design: a missing or
unopenable file starts empty and one that cannot be written keeps the drafts in memory,
silently; what the app has shown as saved lives in the note log, never here. A damaged file
(cut short, not JSON) is kept aside as found (`app.fsutil.move_aside`), every entry still
whole in it comes back, and `problem` says so in one sentence (a banner, as a damaged
preferences file's); one that cannot be moved aside is never written over. No flet import.

    drafts = Drafts(data_dir)
    drafts.get("note:20261129-0130-ab12") -> ""      # nothing typed yet
    drafts.put("note:20261129-0130-ab12", "He has a knife")
    drafts.drop("note:20261129-0130-ab12")           # saved: the draft goes
    drafts.drop_incident("20261129-0130-ab12")       # the incident closed: its drafts go
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path

from app.fsutil import atomic_write, move_aside, read_regular, whole_json
from app.said import Said

FILE_NAME = "drafts.json"


def key(field: str, incident_id: str | None = None) -> str:
    """A draft's key: the field, then the incident it belongs to ("note:<id>"), or nothing
    after the colon when it belongs to none yet (the Start incident form)."""
    return f"{field}:{incident_id or ''}"


START = key("start")  # the place typed into the Start incident form
START_SITUATION = key("start-situation")  # the situation picked there

MAX_CHARS = 100_000  # written to the file up to this; a longer paste is kept in memory only
MAX_FILE_BYTES = 16 * 1024 * 1024  # far past what a few drafts of MAX_CHARS take
# (the file is rewritten at every keystroke: a megabyte each time would stall the phone)


class Drafts:
    def __init__(self, data_dir: Path | None) -> None:
        self.path = Path(data_dir) / FILE_NAME if data_dir is not None else None
        self.problem: Said | None = None  # a damaged file found when read, in one sentence
        self._texts: dict[str, str] = self._read()

    def _read(self) -> dict[str, str]:
        if self.path is None:
            return {}
        try:  # never waits on a pipe; a file past what drafts can hold is not read whole
            data = read_regular(self.path, MAX_FILE_BYTES)[:MAX_FILE_BYTES]
        except OSError:  # missing, unreadable, a folder: start empty
            return {}
        try:
            raw = json.loads(data)
        except (ValueError, RecursionError):  # cut short, nested past the parser's depth,
            return self._recover(data)  # not UTF-8
        if not isinstance(raw, dict):
            return self._recover(data)
        return _texts(raw.items())

    def _recover(self, data: bytes) -> dict[str, str]:
        """Keep the damaged file aside and read back every entry still whole in it."""
        assert self.path is not None
        text = data.decode("utf-8", "replace")
        strings = list(whole_json(text, '"', lambda value: isinstance(value, str)))
        pairs = [(k, v) for (k, _, k_end), (v, v_start, _) in itertools.pairwise(strings)
                 if text[k_end:v_start].strip() == ":"]
        found = _texts(pairs)
        n = Said("said_count_drafts", n=len(found)) if found else Said("said_drafts_none")
        try:
            kept = move_aside(self.path)
        except OSError as err:  # never written over: the drafts live in memory only
            self.path = None
            self.problem = Said("said_drafts_not_moved", reason=err.strerror or err, found=n)
            return found
        self.problem = Said("said_drafts_kept_as", name=kept.name, found=n)
        self._texts = found
        self._write()
        return found

    def get(self, key: str, default: str = "") -> str:
        return self._texts.get(key, default)

    def put(self, key: str, text: str) -> None:
        if self._texts.get(key, "") == text:
            return
        if text:
            self._texts[key] = text
        else:
            self._texts.pop(key, None)
        self._write()

    def drop(self, key: str) -> None:
        if self._texts.pop(key, None) is not None:
            self._write()

    def drop_incident(self, incident_id: str) -> None:
        """Drop the drafts of one incident (their keys end with ":<id>")."""
        gone = [k for k in self._texts if k.endswith(f":{incident_id}")]
        for k in gone:
            del self._texts[k]
        if gone:
            self._write()

    def _write(self) -> None:
        if self.path is None:
            return
        kept = {k: v for k, v in self._texts.items() if len(v) <= MAX_CHARS}
        try:
            # ASCII JSON: a lone surrogate typed into a field is kept as its \\u escape
            atomic_write(self.path, json.dumps(kept, ensure_ascii=True))
        except OSError:  # read-only or full: the drafts stay in memory (see the docstring)
            pass


def _texts(pairs) -> dict[str, str]:
    """The entries that are drafts: text under a text key (a key no field uses is kept, and
    never shown)."""
    return {k: v for k, v in pairs if isinstance(k, str) and isinstance(v, str) and v}
