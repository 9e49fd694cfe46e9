"""The worst input fed to everything in the note log that reads input: every call
either works or raises an IncidentError (one plain sentence), never anything else,
and the log stays usable afterwards."""

from __future__ import annotations

import copy
import json
import random
from datetime import UTC, datetime

import pytest

from app.cli import main as cli_main
from app.incidents import IncidentError, IncidentLog, NoteKind
from app.incidents.export import verify

HOSTILE = [
    "\ud800",  # a lone surrogate
    "x" * 100_000,  # a 100 KB note
    "../../x",  # a path
    "/etc/passwd",  # an absolute path
    "a/b\n",  # a sub folder and a newline
    "\x00\x1b[31m",  # NUL and an escape sequence
    "=cmd|' /C calc'!A0",  # CSV injection
    "<script>alert(1)</script>\n---\n# h",  # HTML and Markdown structure
    "",  # empty
    None,  # nothing
    42,  # a number
    -1,  # a negative number
    float("nan"),  # not a number
    [],  # a list
    {"a": 1},  # a dict
    b"bytes",  # bytes
    datetime(2026, 1, 1),  # a naive time
]

CALLS = {
    "open situation": lambda lg, inc, v: lg.open_incident(v, "x"),
    "open location": lambda lg, inc, v: lg.open_incident("s", v),
    "open at": lambda lg, inc, v: lg.open_incident("s", "x", at=v),
    "kind": lambda lg, inc, v: lg.add_note(inc, v, "text"),
    "text": lambda lg, inc, v: lg.add_note(inc, NoteKind.NOTE, v),
    "ref": lambda lg, inc, v: lg.add_note(inc, NoteKind.NOTE, "t", ref=v),
    "stage": lambda lg, inc, v: lg.add_note(inc, NoteKind.STAGE_CHANGE, "", stage=v),
    "item": lambda lg, inc, v: lg.add_note(inc, NoteKind.CHECKLIST_TICK, "", item=v),
    "status": lambda lg, inc, v: lg.add_note(inc, NoteKind.DEMAND, "t", status=v),
    "due": lambda lg, inc, v: lg.add_note(inc, NoteKind.DEADLINE, "t", due=v),
    "at": lambda lg, inc, v: lg.add_note(inc, NoteKind.NOTE, "t", at=v),
    "field name": lambda lg, inc, v: lg.add_note(inc, NoteKind.NOTE, "t", **{str(v): 1}),
    "amend id": lambda lg, inc, v: lg.amend(inc, v, "t"),
    "amend text": lambda lg, inc, v: lg.amend(inc, lg.all_notes(inc)[0].id, v),
    "note id": lambda lg, inc, v: lg.note(inc, v),
    "incident id": lambda lg, inc, v: lg.notes(v),
    "before_seq": lambda lg, inc, v: lg.notes(inc, before_seq=v),
    "limit": lambda lg, inc, v: lg.notes(inc, limit=v),
    "export format": lambda lg, inc, v: lg.export(inc, v),
    "export zone": lambda lg, inc, v: lg.export(inc, "md", tz=v),
    "import": lambda lg, inc, v: lg.import_json(v),
    "situation change": lambda lg, inc, v: lg.update_incident(inc, situation=v),
    "close at": lambda lg, inc, v: lg.close_incident(inc, at=v),
}


@pytest.mark.parametrize("call", list(CALLS))
def test_every_call_takes_the_worst_input_with_a_sentence(tmp_path, call):
    lg = IncidentLog(tmp_path)
    inc = lg.open_incident("bridge", "x").id
    lg.add_note(inc, NoteKind.NOTE, "first")
    for value in HOSTILE:
        try:
            CALLS[call](lg, inc, value)
        except IncidentError as err:
            assert "\n" not in str(err).strip() and "Traceback" not in str(err), (call, value)
            str(err).encode("utf-8")  # fit to show: no lone surrogate in the sentence
    assert lg.pending(inc) == []
    if lg.incident(inc).is_open:
        assert lg.add_note(inc, NoteKind.NOTE, "still works").text == "still works"
    for fmt in ("md", "json", "csv"):
        lg.export(inc, fmt).encode("utf-8")
    lg.close()
    assert IncidentLog(tmp_path).chain_status(inc).intact


def _mangle(data: bytes, rng: random.Random) -> bytes:
    how = rng.choice(["truncate", "flip", "garbage", "zero", "dup"])
    if not data:
        return b"\x00garbage"
    at = rng.randrange(len(data))
    if how == "truncate":
        return data[:at]
    if how == "flip":
        return data[:at] + bytes([data[at] ^ (1 << rng.randrange(8))]) + data[at + 1 :]
    if how == "garbage":
        return data[:at] + bytes(rng.randrange(256) for _ in range(20)) + data[at + 20 :]
    if how == "zero":
        return b"\x00" * len(data)
    return data + data[at:]  # a block written twice


def _incident_on_disk(data) -> str:
    lg = IncidentLog(data, fold_min=5)
    inc = lg.open_incident("bridge", "Elm St")
    for i in range(12):
        lg.add_note(inc.id, NoteKind.HOOK if i % 3 else NoteKind.NOTE, f"note {i} é 語")
    lg.close()
    lg = IncidentLog(data, fold_min=10**9)
    for i in range(4):
        lg.add_note(inc.id, NoteKind.NOTE, f"journal {i}")
    return inc.id


@pytest.mark.parametrize("seed", range(40))
def test_damaged_files_never_raise_anything_but_a_sentence(tmp_path, seed):
    rng = random.Random(seed)
    data = tmp_path / "data"
    inc = _incident_on_disk(data)
    folder = data / "incidents" / inc
    files = sorted(p for p in folder.iterdir() if p.is_file())
    for path in rng.sample(files, rng.randint(1, 3)):
        path.write_bytes(_mangle(path.read_bytes(), rng))
    try:
        lg = IncidentLog(data)
        lg.incidents()
        lg.all_notes(inc)
        lg.chain_status(inc).sentence.encode("utf-8")
        for fmt in ("md", "json", "csv"):
            lg.export(inc, fmt)
        if lg.incident(inc).is_open:
            lg.add_note(inc, NoteKind.NOTE, "after the damage")
        lg.close()
    except IncidentError:
        pass
    for w in IncidentLog(data).warnings:
        assert "Traceback" not in w and w.strip() == w


def _export() -> dict:
    lg = IncidentLog(None)
    inc = lg.open_incident("bridge", "x", at=datetime(2026, 1, 1, tzinfo=UTC))
    for i in range(5):
        lg.add_note(inc.id, NoteKind.NOTE, f"n{i}")
    return json.loads(lg.export(inc.id, "json"))


def _hostile_docs(rng: random.Random, base: dict) -> list:
    docs = []
    values = [None, 1, -5, 10**30, "x", "", [], {}, [1], {"seq": "1"}, "\ud800", 1.5, True]
    for _ in range(60):
        doc = copy.deepcopy(base)
        target = rng.choice(["doc", "incident", "entry", "entries"])
        if target == "doc":
            doc[rng.choice(list(doc) + ["extra"])] = rng.choice(values)
        elif target == "incident":
            doc["incident"][rng.choice(list(doc["incident"]))] = rng.choice(values)
        elif target == "entry":
            e = rng.choice(doc["entries"])
            e[rng.choice(list(e) + ["ref", "due", "status", "seal"])] = rng.choice(values)
        else:
            doc["entries"][rng.randrange(len(doc["entries"]))] = rng.choice(values)
        docs.append(doc)
    return docs


@pytest.mark.parametrize("seed", range(5))
def test_hostile_exports_are_refused_or_reported_never_crash(tmp_path, capsys, seed):
    rng = random.Random(seed)
    base = _export()
    for i, doc in enumerate(_hostile_docs(rng, base)):
        text = json.dumps(doc)
        try:
            IncidentLog(tmp_path / f"d{i}").import_json(text)
        except IncidentError:
            pass
        try:
            verify(text)
        except IncidentError:
            pass
        path = tmp_path / f"x{i}.json"
        path.write_text(text, "utf-8")
        assert cli_main(["verify", str(path)]) in (0, 1)
    err = capsys.readouterr().err
    assert "Traceback" not in err
