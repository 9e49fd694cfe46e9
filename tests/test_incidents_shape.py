"""`verify` names the kind of damage and the entry (app/incidents/shape.py, export.py).

Before, every problem read "chain broken", and an entry damaged in a field read as
"changed after it was written" (or, for a hash that is not text, as "inserted"). An
officer handing an export to a negotiator now reads which of three it is:
damaged (a field missing or not what the app writes), changed after it was written
(its hash does not match), or not following the entry before it. Exit code 1 for each.
"""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta

import pytest

from app.cli import main as cli_main
from app.incidents import IncidentLog, NoteKind
from app.incidents import chain as C
from app.incidents.export import verify
from app.incidents.model import ImportRefused

T0 = datetime(2026, 7, 1, 14, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> dict:
    """#0 opened, #1-#2 notes, #3 a demand, #4 a deadline, #5-#6 notes."""
    lg = IncidentLog(tmp_path_factory.mktemp("shape") / "data")
    inc = lg.open_incident("barricaded subject", "12 Oak Rd", at=T0)
    for i, (kind, fields) in enumerate([
        (NoteKind.NOTE, {}), (NoteKind.NOTE, {}), (NoteKind.DEMAND, {}),
        (NoteKind.DEADLINE, {"due": T0 + timedelta(hours=2)}), (NoteKind.NOTE, {}),
        (NoteKind.NOTE, {}),
    ]):
        lg.add_note(inc.id, kind, f"note {i + 1}", at=T0 + timedelta(minutes=i + 1), **fields)
    doc = json.loads(lg.export(inc.id, "json"))
    lg.close()
    return doc


def _set(index: int, **change):
    def apply(doc: dict) -> dict:
        doc["entries"][index].update(change)
        return doc
    return apply


def _drop_field(index: int, key: str):
    def apply(doc: dict) -> dict:
        del doc["entries"][index][key]
        return doc
    return apply


def _rechain_one(index: int):
    """A consistent forgery of one entry: its text changed and its own hash recomputed."""
    def apply(doc: dict) -> dict:
        e = doc["entries"][index]
        e["text"] = "he never had a weapon"
        e["hash"] = C.digest(C.canonical({k: v for k, v in e.items() if k != "hash"}))
        return doc
    return apply


def _both(*changes):
    def apply(doc: dict) -> dict:
        for change in changes:
            doc = change(doc)
        return doc
    return apply


DAMAGED, CHANGED, UNLINKED = "damaged", "changed", "not following"
ROWS = [
    # a field missing
    (_drop_field(3, "at"), DAMAGED, "Entry #3 is damaged: its 'at' field is missing."),
    (_drop_field(2, "text"), DAMAGED, "Entry #2 is damaged: its 'text' field is missing."),
    (_drop_field(5, "prev"), DAMAGED, "Entry #5 is damaged: its 'prev' field is missing."),
    # a time that is not a time: words, a number, no zone, past what a date can hold
    (_set(3, at="yesterday"), DAMAGED,
     "Entry #3 is damaged: its 'at' field is not a time (\"yesterday\")."),
    (_set(3, at=1751378400), DAMAGED, "Entry #3 is damaged: its 'at' field is not a time"),
    (_set(3, at="2026-07-01T14:03:00"), DAMAGED, "its 'at' field is not a time"),
    (_set(4, due="9999-12-31T23:59-23:59"), DAMAGED,
     "Entry #4 is damaged: its 'due' field is not a time"),
    # text that is not text, or half a character (a lone surrogate, as JSON can escape it)
    (_set(2, text=12), DAMAGED, "Entry #2 is damaged: its 'text' field is not text (12)."),
    (_set(2, text=["a", "b"]), DAMAGED, "its 'text' field is not text ([…])."),
    (_set(2, text="he said \ud800"), DAMAGED,
     "Entry #2 is damaged: its 'text' field holds half a character (a lone surrogate)"),
    # a number that is not a whole number: the entry is named by its place in the list
    (_set(4, seq="4"), DAMAGED,
     "Entry 5 of the list is damaged: its 'seq' field is not a whole number (\"4\")."),
    (_set(4, seq=4.0), DAMAGED, "its 'seq' field is not a whole number (4.0)."),
    (_set(4, seq=True), DAMAGED, "its 'seq' field is not a whole number (true)."),
    (_set(4, seq=-4), DAMAGED, "its 'seq' field is not a whole number (-4)."),
    # a kind, an id, a status, a hash that are not what the app writes
    (_set(1, kind="note\u202e"), DAMAGED,
     "Entry #1 is damaged: its 'kind' field is not a kind of entry (\"note\\u202e\")."),
    (_set(1, id="../../etc/passwd"), DAMAGED, "its 'id' field is not a note id"),
    (_set(3, status="maybe"), DAMAGED, "Entry #3 is damaged: its 'status' field is not a "
     "demand status (\"maybe\")."),
    (_set(6, hash=12), DAMAGED,  # before: "has no hash inside the chain: it was inserted"
     "Entry #6 is damaged: its 'hash' field is not a hash of 64 hexadecimal digits (12)."),
    (_set(2, **{"x\x1b[2J": "y"}), DAMAGED,  # a field no entry has, its name made visible
     "Entry #2 is damaged: its 'x\\x1b[2J' field is not a field an entry has."),
    # the first problem wins, whichever its kind
    (_both(_set(5, at="soon"), _set(2, text="note 2, edited")), CHANGED,
     "Entry #2 was changed after it was written (its hash does not match)."),
    # well formed, but changed after it was written
    (_set(2, text="note 2, edited"), CHANGED,
     "Entry #2 was changed after it was written (its hash does not match)."),
    (_set(3, at="2026-07-01T15:03:00.000000Z"), CHANGED, "Entry #3 was changed after it"),
    # well formed and hashed again, but no longer following the entry before
    (_rechain_one(4), UNLINKED,
     "Entry #5 does not follow entry #4: one of them was changed after it was written."),
]


@pytest.mark.parametrize("damage, kind, told", ROWS)
def test_verify_names_the_kind_of_damage_and_the_entry(
    tmp_path, capsys, exported, damage, kind, told
):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(damage(copy.deepcopy(exported))), "utf-8")  # \ud800 escaped
    assert cli_main(["verify", str(path)]) == 1  # exit code unchanged: any problem is 1
    out, err = capsys.readouterr()
    assert told in err and err.count("\n") == 1 and "Traceback" not in err
    assert out.startswith("7 entries, ") and out.count("\n") == 1
    if kind == DAMAGED:  # not "chain broken": the hash cannot say which field went wrong
        assert "chain broken" not in out and " is damaged: its '" in out
    else:
        assert "chain broken" in out and "is damaged" not in out
    with pytest.raises(ImportRefused) as refused:  # the import says the same, imports nothing
        IncidentLog(None).import_json(path.read_text("utf-8"))
    assert told in str(refused.value) and "Nothing was imported." in str(refused.value)


def test_an_entry_that_is_not_an_object_is_named(exported):
    doc = copy.deepcopy(exported)
    doc["entries"][4] = "note 4"
    with pytest.raises(ImportRefused, match=r"Entry 5 of the list is damaged: it is not an "
                       r"entry \(a JSON object\)\."):
        verify(json.dumps(doc))


@pytest.mark.parametrize("value", [
    "x" * 5000,  # long: cut to 40 characters
    "\x1b]0;pwned\x07\r\u202e\u2028",  # controls, a bidi override, a line break
    [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["deep"]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]],  # nested
    {"a": {"b": None}}, None, 1e308, -0.0, 2**64,
])
def test_a_value_quoted_in_the_sentence_is_short_and_one_line(exported, value):
    doc = copy.deepcopy(exported)
    doc["entries"][3]["at"] = value
    status = verify(json.dumps(doc, ensure_ascii=False))[2]
    assert status.damaged and not status.intact and "'at' field" in status.problem
    shown = status.problem
    assert len(shown) < 120 and shown.isprintable() and "\u202e" not in shown


def test_a_whole_export_is_intact_and_not_damaged(exported):
    status = verify(json.dumps(exported))[2]
    assert status.intact and not status.damaged
    assert status.sentence.startswith("7 entries, chain intact, head ")


def _deep(doc: dict, depth: int) -> str:
    text = json.dumps(doc)
    old = json.dumps(doc["entries"][3]["at"])
    return text.replace(old, "[" * depth + "1" + "]" * depth, 1)


WORST = {
    "cut short in an entry": lambda d: json.dumps(d)[: len(json.dumps(d)) // 2],
    "cut short after its last brace is lost": lambda d: json.dumps(d)[:-1],
    "a value nested 500 deep": lambda d: _deep(d, 500),
    "a value nested past the parser's depth": lambda d: _deep(d, 100_000),
    "a lone surrogate in a field's name": lambda d: json.dumps(_set(2, **{"\ud800": 1})(d)),
    "a formula for a spreadsheet as a field": lambda d: json.dumps(
        _set(2, **{"=HYPERLINK(\"http://x\")": "@SUM(1)"})(d)),
    "Markdown as a kind": lambda d: json.dumps(_set(2, kind="# [x](http://x)\n|a|")(d)),
    "an incident id that climbs out": lambda d: json.dumps(
        {**d, "incident": {**d["incident"], "id": "../../etc"}}),
    "an entry id that climbs out": lambda d: json.dumps(_set(2, id="../" * 30)(d)),
}


@pytest.mark.parametrize("make", WORST.values(), ids=WORST.keys())
def test_the_worst_exports_get_one_line_and_exit_1(tmp_path, capsys, exported, make):
    path = tmp_path / "export.json"
    path.write_text(make(copy.deepcopy(exported)), "utf-8")
    assert cli_main(["verify", str(path)]) == 1
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "Traceback" not in err
    assert (out + err).replace("\n", "").isprintable()  # one line each, nothing raw


# A record as the app writes one (chained, no optional field), then one field changed.
NOTE = {"id": "0123456789ab", "seq": 3, "at": "2026-07-01T14:03:00.000000Z", "kind": "note",
        "text": "He is on the rail", "prev": "a" * 64}
FIELD_VALUES = [  # (field, value): refused, unless the field is optional and the value null
    *[("seq", v) for v in (-1, "3", 1.5, True, None)],
    *[("id", v) for v in ("0123456789aB", "abc", 5, None)],
    *[("at", v) for v in ("soon", 5, None, "2026-13-01T00:00:00Z",
                          "9999-12-31T23:59:59-23:59")],  # the last overflows to UTC
    *[("kind", v) for v in ("nope", 5, ["note"], {}, None)],
    *[("text", v) for v in (5, None, "half \ud800 a character", ["x"], "")],  # "" is text
    *[(f, v) for f in ("ref", "stage", "item", "location", "seal")
      for v in (5, "half \udc00", ["x"], None, "a")],
    *[("due", v) for v in ("soon", 5, None, "2026-07-01T16:00:00.000000Z")],
    *[("status", v) for v in ("maybe", 5, None, "granted")],
]


@pytest.mark.parametrize("field, value", FIELD_VALUES)
def test_verify_names_a_field_exactly_when_opening_the_log_would_refuse_the_entry(
    field, value
):
    """One form for both (records.FORM): the reader that opens a log refuses an entry at its
    first fault, and verify names that field; neither may pass what the other refuses."""
    from app.incidents.journal_read import DAMAGE  # what opening a log drops an entry for
    from app.incidents.records import record_to_note
    from app.incidents.shape import damage

    rec = {**NOTE, field: value}
    try:
        record_to_note(rec, "20260701-1400-ab12")
        refused = False
    except DAMAGE:
        refused = True
    said = damage({**rec, "hash": "b" * 64}, 1)
    assert (said is not None) is refused, said
    assert said is None or f"its '{field}' field" in said
