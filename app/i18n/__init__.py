"""The UI's words, one catalogue per language, switched for the whole process.

    from app import i18n
    warnings = i18n.use("es", overrides=guide_folder)   # the active pack's language
    i18n.text("stage_indicator", order=2, total=5)       # "Etapa 2 de 5"
    i18n.language()                                      # "es"
    i18n.use_guide(store.active())   # the same, from app.packs' ActiveGuide

The catalogues are `key: text` files beside this module (`en.txt` holds every key and is
the reference; `es.txt` the Spanish). A guide folder may carry `labels.txt` in the same
format: it overrides the built-in catalogue of the pack's language, so a pack in a
language the app does not ship can bring its own words. A key with no text in the chosen
language shows the English (a warning for the instructors' log, never a crash); a bad line
of `labels.txt` is left out and named as `path:line: message` (`check` reports the same).

The language is process-wide, like the guide: web mode serves every tab from one process.
Screens read their labels while they render (app.ui.labels), so after `use()` the next
render is in the new language. Pure Python: no flet, no tinydb.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.fsutil import read_regular
from app.i18n import catalogue
from app.i18n.catalogue import Parsed, fill, placeholders

__all__ = [
    "ENGLISH", "LABELS_FILE", "ONE", "builtin", "counted", "english", "generation", "language",
    "problems", "placeholders", "shipped", "text", "use", "use_guide",
]  # fmt: skip

ENGLISH = "en"
ONE = "_one"  # the suffix of a label's form for a count of one (see counted)
LABELS_FILE = "labels.txt"  # a guide folder's own labels (the pack's language)
# Every label of the app in one language is about 35 KB; a file far past that is a paste
# gone wrong (and a pack carries no file over 4 MB), so it is refused unread.
MAX_LABELS_BYTES = 256 * 1024
HERE = Path(__file__).resolve().parent
LANGUAGE_RE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Active:
    language: str
    labels: dict[str, str]
    missing: tuple[str, ...] = ()  # keys that fell back to English
    generation: int = 0


@functools.cache
def english() -> dict[str, str]:
    """The English catalogue: every key the app has. A problem in it is a bug (raises)."""
    parsed = catalogue.parse((HERE / f"{ENGLISH}.txt").read_text(encoding="utf-8"))
    if parsed.problems:
        line, _, message = parsed.problems[0]
        raise ValueError(f"{HERE / 'en.txt'}:{line}: {message}")
    return dict(parsed.labels)


@functools.cache
def builtin(language: str) -> dict[str, str]:
    """The catalogue the app ships for `language` (empty when it ships none)."""
    code = language.lower()
    if code == ENGLISH:
        return english()
    path = HERE / f"{code}.txt"
    if not LANGUAGE_RE.match(code) or not path.is_file():
        return {}
    parsed = catalogue.read(path.read_bytes(), english())
    if parsed.problems:
        line, _, message = parsed.problems[0]
        raise ValueError(f"{path}:{line}: {message}")
    return dict(parsed.labels)


def shipped() -> tuple[str, ...]:
    """The languages the app has a built-in catalogue for."""
    return tuple(sorted(p.stem for p in HERE.glob("*.txt")))


def _chain(language: str) -> list[str]:
    """"es-MX" -> ["es", "es-mx"]: the general catalogue first, the regional one over it."""
    parts = language.lower().split("-")
    return ["-".join(parts[: i + 1]) for i in range(len(parts))]


_lock = threading.Lock()
_active = Active(ENGLISH, {})  # filled on first use (reading en.txt at import is not needed)


def _current() -> Active:
    global _active
    if not _active.labels:
        with _lock:
            if not _active.labels:
                _active = Active(ENGLISH, english(), generation=_active.generation)
    return _active


def use(
    language: str = ENGLISH, overrides: str | os.PathLike | Mapping[str, str] | None = None
) -> list[str]:
    """Switch every screen's words to `language` (the active pack's manifest language).

    `overrides` is the active guide folder (its `labels.txt`, if any, is read), a labels
    file, or a mapping of key -> text; it wins over the built-in catalogue. Returns one
    sentence per thing the instructors should know (a bad line, keys that show in
    English); never raises for bad input. An invalid language code means English.
    """
    global _active
    warnings: list[str] = []
    lang = (language or ENGLISH).strip()
    if not LANGUAGE_RE.match(lang):
        warnings.append(f"{lang[:20]!r} is not a language code like en or es-MX; using English.")
        lang = ENGLISH
    words: dict[str, str] = {}
    for code in _chain(lang):
        words.update(builtin(code))
    words.update(_overrides(overrides, warnings))
    base = english()
    missing = tuple(k for k in base if k not in words) if _chain(lang)[0] != ENGLISH else ()
    if missing:
        shown = ", ".join(missing[:6]) + (" and more" if len(missing) > 6 else "")
        warnings.append(
            f"{len(missing)} label{'s have' if len(missing) != 1 else ' has'} no '{lang}' "
            f"text and show{'s' if len(missing) == 1 else ''} in English: {shown}."
        )
    labels = {**base, **words}
    with _lock:
        same = _active.language == lang and _active.labels == labels  # nothing to re-render
        _active = Active(lang, labels, missing, _active.generation + (0 if same else 1))
    return warnings


def use_guide(active: object) -> list[str]:
    """Switch to the labels of the guide in use: an `app.packs.ActiveGuide` (its pack's
    manifest language, English for the built-in guide; its folder's `labels.txt` over the
    built-in catalogue). Call it before building what the screens show (banners are
    sentences in the language of the moment), then re-render every page."""
    pack = getattr(active, "pack", None)
    language = getattr(pack, "language", None) or ENGLISH
    return use(language, overrides=getattr(active, "content_dir", None))


def _overrides(
    overrides: str | os.PathLike | Mapping[str, str] | None, warnings: list[str]
) -> dict[str, str]:
    """The valid labels of the overrides; a sentence in `warnings` for each bad one."""
    if overrides is None:
        return {}
    if isinstance(overrides, Mapping):
        lines = {k: 0 for k in overrides}
        parsed = catalogue.validate(Parsed(dict(overrides), lines), english())
        warnings += [message for _, _, message in parsed.problems]
        return parsed.labels
    path = Path(overrides)
    if path.is_dir():
        path = path / LABELS_FILE
    if not path.exists():
        return {}
    try:
        data = read_regular(path, MAX_LABELS_BYTES)
    except OSError as e:
        warnings.append(f"{path} could not be read ({e.strerror}); its labels are not used.")
        return {}
    if len(data) > MAX_LABELS_BYTES:
        warnings.append(f"{path} is larger than {MAX_LABELS_BYTES // 1024} KB; its labels are "
                        "not used.")
        return {}
    parsed = catalogue.read(data, english())
    warnings += [f"{path}:{line}: {message}" for line, _, message in parsed.problems]
    return parsed.labels


def problems(content_dir: str | os.PathLike) -> list[tuple[str, int, str, str]]:
    """What `check` reports about a guide folder's `labels.txt`: (file, line, code,
    message), the file relative to the folder. None when the folder has no labels file."""
    path = Path(content_dir) / LABELS_FILE
    if not path.is_file():
        return []
    try:
        data = read_regular(path, MAX_LABELS_BYTES)
    except OSError as e:
        return [(LABELS_FILE, 1, "file-unreadable",
                 f"file cannot be opened ({e.strerror}): check its permissions")]
    if len(data) > MAX_LABELS_BYTES:
        return [(LABELS_FILE, 1, "file-too-big",
                 f"file is larger than {MAX_LABELS_BYTES // 1024} KB, far more than every "
                 "label of the app needs: remove what was pasted in")]
    return [(LABELS_FILE, line, code, message)
            for line, code, message in catalogue.read(data, english()).problems]


def language() -> str:
    """The language the screens are in now."""
    return _current().language


def generation() -> int:
    """A number that changes on every `use()`: the shell rebuilds every screen when it does."""
    return _current().generation


def missing() -> tuple[str, ...]:
    """The keys that show in English in the current language."""
    return _current().missing


def counted(key: str, fields: Mapping[str, object]) -> str:
    """`key` + "_one" when `fields` has n == 1 and en.txt has that key ("1 entry is
    missing", not "1 entries are missing"); otherwise `key`. Every language has the same
    keys, so a language with one plural form writes its `_one` text like its other one."""
    n = fields.get("n")
    if type(n) is int and n == 1 and key + ONE in english():
        return key + ONE
    return key


def text(key: str, **fields: object) -> str:
    """The label `key` in the current language, its `{placeholders}` filled from `fields`
    (its `_one` form when n is 1: `counted`). An unknown key is a programming error
    (KeyError naming it)."""
    key = counted(key, fields)
    try:
        value = _current().labels[key]
    except KeyError:
        raise KeyError(f"unknown label key {key!r}: add it to app/i18n/en.txt") from None
    return fill(value, fields)


def joined(names: list[str]) -> str:
    """"a", "a and b", "a, b and c" in the current language (label `missing_and`)."""
    if len(names) <= 1:
        return "".join(names)
    return text("missing_and", first=", ".join(names[:-1]), last=names[-1])


def has(key: str) -> bool:
    return key in english()
