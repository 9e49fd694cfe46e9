"""Guide <-> plain dicts (JSON): the compiled bundle and the `dump` output.

`from_dict(to_dict(g))` gives back an equal Guide, problems included.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from app.guide.model import (
    Answer,
    Checklist,
    Contact,
    Guide,
    Item,
    Meta,
    Phrase,
    Problem,
    Scenario,
    Situation,
    Skill,
    Skipped,
    Source,
    Stage,
    Turn,
)
from app.guide.style import Banned, StyleRules

# bump when the shape of the dict changes (2: content model v2, 3: practice, 4: the
# skills' intro)
FORMAT = 4

# For each class: the fields that hold nested dataclasses (tuples of them, or one).
_NESTED: dict[type, dict[str, type]] = {
    Guide: {
        "stages": Stage,
        "checklists": Checklist,
        "situations": Situation,
        "skills": Skill,
        "sources": Source,
        "files": Meta,
        "skipped": Skipped,
        "contacts": Contact,
        "style": StyleRules,
        "practice": Scenario,
        "problems": Problem,
    },
    Scenario: {"turns": Turn, "meta": Meta},
    Turn: {"answers": Answer},
    StyleRules: {"banned": Banned},
    Stage: {"do": Item, "signs": Item, "warnings": Item, "phrases": Phrase, "meta": Meta},
    Checklist: {"items": Item, "meta": Meta},
    Situation: {"priorities": Item, "questions": Item, "danger_signs": Item, "meta": Meta},
}
_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


def _dump(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return {name: _dump(getattr(obj, name)) for name in _fields(type(obj))}
    if isinstance(obj, tuple | list):
        return [_dump(x) for x in obj]
    return obj


def to_dict(guide: Guide) -> dict:
    d = _dump(guide)
    d["format"] = FORMAT
    return d


def _load(cls: type, d: dict) -> Any:
    nested = _NESTED.get(cls, {})
    kwargs = {}
    for name in _fields(cls):
        if name not in d:
            continue  # a field added later keeps its default
        value = d[name]
        sub = nested.get(name)
        if sub is not None:
            if isinstance(value, list):
                value = tuple(_load(sub, x) for x in value)
            else:
                value = _load(sub, value)
        elif isinstance(value, list):
            value = tuple(value)
        kwargs[name] = value
    return cls(**kwargs)


def from_dict(d: dict) -> Guide:
    """Rebuild a Guide from `to_dict` output. Raises ValueError on a foreign shape."""
    if not isinstance(d, dict) or d.get("format") != FORMAT:
        raise ValueError(f"not a Stairway guide bundle of format {FORMAT}")
    try:
        return _load(Guide, d)
    except (TypeError, KeyError, AttributeError) as e:
        raise ValueError(f"broken guide bundle: {e}") from e


# The cache's compact form: each dataclass as a list of its field values, in field order.
# About half the size of to_dict's JSON and several times faster to rebuild, which is what
# start-up on a phone pays for. Objects are rebuilt without running the frozen __init__.


def pack(guide: Guide) -> list:
    """Guide -> nested lists (JSON-ready); `unpack(pack(g)) == g`, problems included."""
    return [FORMAT, _pack(guide)]


def _pack(obj: Any) -> Any:
    if dataclasses.is_dataclass(obj):
        return [_pack(getattr(obj, name)) for name in _fields(type(obj))]
    if isinstance(obj, tuple | list):
        return [_pack(x) for x in obj]
    return obj


_BUILDERS: dict[type, Any] = {}


def _builder(cls: type):
    """A function row -> instance of cls, made once per class.

    Like dataclasses itself, we generate the function's source: one dict display per
    class, so that rebuilding thousands of items costs no per-field Python loop.
    """
    built = _BUILDERS.get(cls)
    if built is not None:
        return built
    names = _fields(cls)
    nested = _NESTED.get(cls, {})
    many = {f.name: str(f.type).startswith("tuple") for f in dataclasses.fields(cls)}
    env: dict[str, Any] = {"new": object.__new__, "cls": cls}
    parts = []
    for i, name in enumerate(names):
        if name in nested:
            env[f"b_{name}"] = _builder(nested[name])
            expr = f"tuple(map(b_{name}, r[{i}]))" if many[name] else f"b_{name}(r[{i}])"
        else:
            expr = f"tuple(r[{i}])" if many[name] else f"r[{i}]"
        parts.append(f"{name!r}: {expr}")
    n = len(names)
    src = (
        "def build(r):\n"
        f"    if len(r) != {n}:\n"
        f"        raise ValueError('a {cls.__name__} needs {n} values')\n"
        "    o = new(cls)\n"
        f"    o.__dict__.update({{{', '.join(parts)}}})\n"
        "    return o\n"
    )
    exec(src, env)  # noqa: S102 - our own generated source, from field names only
    _BUILDERS[cls] = env["build"]
    return env["build"]


def unpack(data: Any) -> Guide:
    """Rebuild a Guide from `pack` output. Raises ValueError on a foreign shape."""
    if not isinstance(data, list) or len(data) != 2 or data[0] != FORMAT:
        raise ValueError(f"not a Stairway guide bundle of format {FORMAT}")
    try:
        return _builder(Guide)(data[1])
    except (TypeError, KeyError, AttributeError, IndexError) as e:
        raise ValueError(f"broken guide bundle: {e}") from e
