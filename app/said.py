"""Sentences the core says to people, in English, that a screen can say in the officer's
language.

    from app.said import Said, local
    err = Said("said_not_written", where=folder, reason=Said("said_reason_full"))
    str(err)      # "Could not write to /data/x because the disk is full." (exports, CLI)
    local(err)    # the same in the active language: i18n.text("said_not_written", ...)

A `Said` is a `str` holding the English text of a key of app/i18n/en.txt, so everything
that reads it as text (exports, the CLI, logs, tests, `==`) reads English as before. It
also keeps its key and values: `local` fills the active language's text of the key, and
says each value that is itself a `Said` the same way (a list's items are joined by
commas). An error raised with a `Said` (`StorageUnavailable(Said(...))`) is said by
`local(err)` too. `capital=True` starts the text with a capital letter ("entry #3..."
inside a sentence, "Entry #3..." at its start).

Pure Python (no flet, no tinydb): the incident log and practice history use it.
"""

from __future__ import annotations

from app import i18n
from app.i18n.catalogue import fill

__all__ = ["Said", "local", "said_of"]


class Said(str):
    key: str
    values: dict[str, object]
    capital: bool

    def __new__(cls, key: str, /, *, capital: bool = False, **values: object) -> Said:
        english = i18n.english()
        key = i18n.counted(key, values)  # "1 entry", said as such in every language
        if key not in english:
            raise KeyError(f"unknown label key {key!r}: add it to app/i18n/en.txt")
        text = fill(english[key], {k: _each(v, str) for k, v in values.items()})
        self = super().__new__(cls, _capital(text) if capital else text)
        self.key, self.values, self.capital = key, values, capital
        return self

    def __reduce__(self):  # a copy or a pickle keeps the key, not only the English
        return _rebuild, (self.key, self.capital, self.values)


def _rebuild(key: str, capital: bool, values: dict[str, object]) -> Said:
    return Said(key, capital=capital, **values)


def _each(value: object, say) -> str:
    """A value said: a list's items one by one, joined with commas ("#2, #4 to #6")."""
    if isinstance(value, list | tuple):
        return ", ".join(say(v) for v in value)
    return say(value)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def said_of(err: BaseException) -> str:
    """What an error says, kept as a `Said` when it was raised with one (for `local` later)."""
    return err.args[0] if err.args and isinstance(err.args[0], Said) else str(err)


def local(said: object) -> str:
    """What `said` says in the active language (app.i18n): a `Said` (or an error raised with
    one) by its key, with its values said the same way; anything else as `str(said)`.
    A key with no text in that language shows the English, as every label does."""
    if isinstance(said, BaseException):
        said = said_of(said)
    if not isinstance(said, Said):
        return str(said)
    text = i18n.text(said.key, **{k: _each(v, local) for k, v in said.values.items()})
    return _capital(text) if said.capital else text
