"""Exports: handover brief (md), JSON round trip, CSV timeline, `python -m app export`."""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import UTC, datetime, timedelta

import pytest

from app.cli import main as cli_main
from app.cli import run_export
from app.incidents import ImportRefused, IncidentLog, NoteKind
from tests.incidents_helpers import common

log = common.log  # fixture: parametrized over memory and file storage
T0 = datetime(2026, 7, 1, 14, 0, tzinfo=UTC)


def _incident(lg: IncidentLog) -> tuple[str, dict]:
    inc = lg.open_incident("barricaded subject", "12 Oak Rd", at=T0)
    at = iter(T0 + timedelta(minutes=m) for m in range(1, 100))
    add = lambda kind, text="", **f: lg.add_note(inc.id, kind, text, at=next(at), **f)  # noqa: E731
    notes = {
        "c1": add(NoteKind.CONTACT_START),
        "hook": add(NoteKind.HOOK, "his daughter Amy"),
        "demand": add(NoteKind.DEMAND, "cigarettes"),
        "trigger": add(NoteKind.TRIGGER, "sirens"),
        "c1end": add(NoteKind.CONTACT_END),
        "deadline": add(NoteKind.DEADLINE, "wants them by 15:00", due=T0 + timedelta(hours=1)),
        "lie": add(NoteKind.LIE_TOLD, "said the shop is closed"),
        "info": add(NoteKind.SUBJECT_INFO, "Dan, 41, lost his job"),
        "weapon": add(NoteKind.WEAPON, "shotgun, seen at window"),
        "person": add(NoteKind.PERSON, "mother across the road"),
        "c2": add(NoteKind.CONTACT_START),
    }
    notes["status"] = add(NoteKind.DEMAND_STATUS, "", ref=notes["demand"].id, status="granted")
    notes["fix"] = lg.amend(inc.id, notes["hook"].id, "his daughter Emma", at=next(at))
    return inc.id, notes


def test_markdown_brief_is_a_position_paper(log):
    inc_id, notes = _incident(log)
    md = log.export(inc_id, "md", tz="Europe/London")
    heads = [line for line in md.splitlines() if line.startswith("## ")]
    assert heads[:4] == [
        "## Contacts",
        "## Status",
        "## Demands and deadlines",
        "## Hooks and triggers",
    ]
    assert heads[-4:] == ["## Assessment", "## Recommendations", "## Timeline", "## Chain"]
    assert md.rstrip().endswith(log.chain_status(inc_id).sentence)  # count and head, last
    assert "2 contacts logged. In contact now." in md
    assert "1. 2026-07-01 15:01:00 BST to 2026-07-01 15:05:00 BST (0:04:00)" in md  # local
    assert "- Demand (granted, since 2026-07-01 15:12:00 BST): cigarettes" in md
    assert "- his daughter Emma (2026-07-01 15:02:00 BST) (amended)" in md  # board: latest
    assert "said the shop is closed" in md.split("## Lies told")[1]
    timeline = md.split("## Timeline")[1].splitlines()
    i = timeline.index("- #2 2026-07-01 15:02:00 BST **Hook**: his daughter Amy")
    assert timeline[i + 1] == "    - Amended #13 2026-07-01 15:13:00 BST: his daughter Emma"
    assert not any(line.startswith("- #13") for line in timeline)  # only beside its original
    assert timeline[2] == (
        "- #0 2026-07-01 15:00:00 BST **Incident opened** (location 12 Oak Rd): "
        "barricaded subject"
    )


def test_markdown_neutralises_note_text(log):
    inc = log.open_incident("bridge", "x")
    log.add_note(inc.id, NoteKind.NOTE, "# not a heading\n- [x] <script>alert(1)</script> *b*")
    log.add_note(inc.id, NoteKind.NOTE, "one line: <script>alert(1)</script> *b* # c")
    md = log.export(inc.id, "md")
    lines = md.splitlines()
    i = next(i for i, line in enumerate(lines) if line.endswith("**Note**:"))
    assert lines[i + 1 : i + 5] == [  # several lines: a fenced block inside the item
        "  ```",
        "  # not a heading",
        "  - [x] <script>alert(1)</script> *b*",
        "  ```",
    ]
    one = next(line for line in lines if "one line" in line)  # one line: escaped inline
    assert one.endswith(r"**Note**: one line: \<script\>alert(1)\</script\> \*b\* \# c")
    assert "<script>" not in md.replace("  - [x] <script>", "")


@pytest.mark.parametrize("target", ["memory", "file"])
def test_json_round_trip_gives_an_identical_incident(log, tmp_path, target):
    inc_id, _ = _incident(log)
    log.close_incident(inc_id, at=T0 + timedelta(hours=3))
    exported = log.export(inc_id, "json")
    other = IncidentLog(None) if target == "memory" else IncidentLog(tmp_path / "other")
    imported = other.import_json(exported)
    assert imported == log.incident(inc_id)
    assert other.all_notes(inc_id) == log.all_notes(inc_id)
    assert other.board(inc_id) == log.board(inc_id)
    assert other.export(inc_id, "json") == exported
    if target == "file":  # and it is on disk, not only in memory
        assert IncidentLog(tmp_path / "other").all_notes(inc_id) == log.all_notes(inc_id)


def _without(d: dict, i: int) -> str:
    return json.dumps({**d, "entries": d["entries"][:i] + d["entries"][i + 1 :]})


def _edit(d: dict, i: int, **change) -> str:
    entries = [dict(e) for e in d["entries"]]
    entries[i].update(change)
    return json.dumps({**d, "entries": entries})


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: "not json{", "not a JSON file"),  # garbage
        (lambda d: json.dumps({**d, "format": "other"}), "not a Stairway"),  # foreign file
        (lambda d: json.dumps({**d, "version": 99}), "Unsupported export version"),
        (lambda d: json.dumps({**d, "version": True}), "Unsupported export version True"),
        (lambda d: json.dumps({**d, "version": 1}),  # told as such, not "KeyError: 'notes'"
         r"^The export has no list of notes \(a version 1 export keeps one\)\.$"),
        (lambda d: _edit(d, 2, seq=1).replace('"seq": 1,', '"seq": ' + "9" * 5000 + ",", 1),
         "A number in the export has thousands of digits"),  # JSON; too long for Python
        (lambda d: json.dumps({**d, "entries": [{"seq": 0}]}),
         "Entry #0 is damaged: its 'id' field is missing"),  # no fields: damaged, not broken
        (lambda d: json.dumps({**d, "entries": d["entries"] + d["entries"][-1:]}),
         "Two entries are numbered #13"),  # the last entry twice
        (lambda d: _without(d, 4), r"1 entry is missing \(#4\)"),  # one entry taken out
        (lambda d: _edit(d, 2, text="his daughter Amie"), "Entry #2 was changed"),  # one word
        (lambda d: json.dumps({**d, "entries": d["entries"][:-2], "head": d["head"]}),
         "removed from the end"),  # the last entries cut off
        (lambda d: json.dumps({**d, "incident": {**d["incident"], "location": "elsewhere"}}),
         "record does not match"),  # the record, which is not chained, edited
        # every entry removed, count and head to match: "0 entries, not chained yet", exit 0
        (lambda d: json.dumps({**d, "entries": [], "count": 0, "head": None}),
         r"no entries: even a new incident has its opening \(#0\)"),
        # a key twice: a reader sees the first text, the program the second
        (lambda d: _edit(d, 2, text="KEEP").replace('"text": "KEEP"',
                                                     '"text": "EVIL", "text": "KEEP"', 1),
         r"A key appears twice in one entry \(text\)"),
    ],
)
def test_import_refuses_bad_files(log, mutate, message):
    inc_id, _ = _incident(log)
    doc = json.loads(log.export(inc_id, "json"))
    with pytest.raises(ImportRefused, match=message):
        IncidentLog(None).import_json(mutate(doc))


def test_import_refuses_an_existing_incident(log):
    inc_id, _ = _incident(log)
    with pytest.raises(ImportRefused, match="already exists"):
        log.import_json(log.export(inc_id, "json"))


@pytest.mark.parametrize(
    "text, cell",
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),  # formula
        ("+1+2", "'+1+2"),  # plus
        ("-2+3", "'-2+3"),  # minus
        ("@SUM(A1)", "'@SUM(A1)"),  # at
        ("\t=1", "'\t=1"),  # tab then formula
        ("\r=1", "'\\x0d=1"),  # carriage return: quoted, and shown as a visible escape
        ("plain words", "plain words"),  # untouched
        ("a = b", "a = b"),  # an = inside is fine
        # spreadsheets drop leading spaces before they look for a formula
        (" =1+1", "' =1+1"),  # a space
        ("  \t-1", "'  \t-1"),  # spaces, then a tab
        (" \r=1", "' \\x0d=1"),  # a space, then a carriage return
        ("\u00a0=1+1", "'\u00a0=1+1"),  # a no-break space
        ("\u3000@SUM(A1)", "'\u3000@SUM(A1)"),  # an ideographic (full-width) space
        ("\u200b=1+1", "'\u200b=1+1"),  # a zero-width space
        ("\ufeff+1", "'\ufeff+1"),  # a byte order mark
        # and read the full-width and small signs as the plain ones
        ("\uff1d1+1", "'\uff1d1+1"),  # ＝ full-width equals
        ("\uff0b1", "'\uff0b1"),  # ＋ full-width plus
        ("\uff0d1", "'\uff0d1"),  # － full-width minus
        ("\uff20SUM(A1)", "'\uff20SUM(A1)"),  # ＠ full-width at
        ("\u3000\uff1d1", "'\u3000\uff1d1"),  # both at once
        ("\ufe661", "'\ufe661"),  # ﹦ small equals
        ("  plain", "  plain"),  # spaces before words are left alone
        ("a \uff1d b", "a \uff1d b"),  # a full-width = inside is fine
    ],
)
def test_csv_neutralises_formulas(log, text, cell):
    inc = log.open_incident("bridge", "x")
    log.add_note(inc.id, NoteKind.NOTE, text)
    rows = list(csv.DictReader(io.StringIO(log.export(inc.id, "csv"))))
    assert [r["text"] for r in rows if r["kind"] == "note"] == [cell]


def test_csv_is_the_whole_timeline(log):
    inc_id, notes = _incident(log)
    rows = list(csv.DictReader(io.StringIO(log.export(inc_id, "csv"))))
    assert [int(r["seq"]) for r in rows[:-1]] == list(range(0, 14))  # entry #0: opened
    assert rows[-2]["kind"] == "amendment" and rows[-2]["ref"] == notes["hook"].id
    assert rows[6]["due_utc"] == "2026-07-01T15:00:00.000000Z"
    status = log.chain_status(inc_id)
    assert rows[-1]["seq"] == "chain" and rows[-1]["text"] == status.sentence  # ends with it
    assert rows[-1]["hash"] == rows[-2]["hash"] == status.head
    assert status.sentence.startswith("14 entries, chain intact, head ")


def test_cli_export_to_stdout_and_file(tmp_path, capsys):
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc_id, _ = _incident(lg)
    lg.close()
    assert (
        cli_main(["export", "--incident", inc_id, "--format", "md", "--data-dir", str(data)]) == 0
    )
    out = capsys.readouterr().out
    assert out.startswith(f"# Handover brief, incident {inc_id}\n\n- Situation: barricaded subject")
    out = tmp_path / "brief.json"
    args = ["--format", "json", "--data-dir", str(data), "--out", str(out)]
    assert cli_main(["export", "--incident", inc_id, *args]) == 0
    assert json.loads(out.read_text("utf-8"))["incident"]["id"] == inc_id
    assert not out.with_name("brief.json.tmp").exists()


@pytest.mark.parametrize(
    "incident, out, message",
    [
        ("20990101-0000-dead", None, "There is no incident 20990101-0000-dead"),  # unknown
        ("../etc", None, "There is no incident"),  # not an id at all
        # --out into a folder that is not there: the file asked for, never a temporary one
        (None, "missing-dir/x.md", "missing-dir/x.md: its folder does not exist\n"),
        # a folder, or a pipe, is never replaced by the export (a FIFO became a file)
        (None, "a-folder", "a-folder: it is a folder: give a file name"),
        (None, "a-pipe", "a-pipe: it is not a regular file (a device or a pipe)"),
    ],
)
def test_cli_export_failures_are_one_line(tmp_path, capsys, incident, out, message):
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc_id, _ = _incident(lg)
    out_file = str(tmp_path / out) if out else None
    if out == "a-folder":
        (tmp_path / out).mkdir()
    elif out == "a-pipe":
        os.mkfifo(tmp_path / out)
    assert run_export(incident or inc_id, "md", str(data), out_file, io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("stairway: ")


@pytest.mark.parametrize(
    "change, said",
    [
        # the count as text: it read "entries were removed from the end"
        ({"count": "14"}, '(count is "14")'),
        ({"head": 12}, "(head is 12)"),  # the head as a number
        ({"count": "14", "head": 12}, '(count is "14", head is 12)'),  # both
        ({"count": True}, "(count is true)"),  # a yes/no is not a number
        ({"count": -1}, "(count is -1)"),  # below zero
        ({"count": 14.0}, "(count is 14.0)"),  # not a whole number as JSON writes one
        ({"head": "not a hash"}, '(head is "not a hash")'),  # text that is no hash
        ({"head": None}, "(head is null)"),  # no head, yet entries
        ({"count": None}, "(count is null)"),  # no count
        ({"count": "x" * 100}, '(count is "' + "x" * 38 + "…)"),  # a long value, cut
    ],
)
def test_verify_says_an_exports_fields_are_damaged(tmp_path, capsys, change, said):
    lg = IncidentLog(tmp_path / "data")
    inc_id, _ = _incident(lg)
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps({**json.loads(lg.export(inc_id, "json")), **change}), "utf-8")
    assert cli_main(["verify", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == (f"stairway: {path}: The export's fields are damaged {said}: an export ends "
                   "with the number of its entries (count) and the hash of the last one "
                   "(head).\n")


@pytest.mark.parametrize("missing", ["count", "head"])
def test_verify_says_an_exports_field_is_missing(tmp_path, capsys, missing):
    lg = IncidentLog(tmp_path / "data")
    inc_id, _ = _incident(lg)
    doc = json.loads(lg.export(inc_id, "json"))
    del doc[missing]
    path = tmp_path / "damaged.json"
    path.write_text(json.dumps(doc), "utf-8")
    assert cli_main(["verify", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"damaged ({missing} is missing)" in err and err.count("\n") == 1


BOM = "\ufeff"


@pytest.mark.parametrize(
    "text, code, said",
    [
        (lambda e: BOM + e, 0, "14 entries, chain intact"),  # a BOM an editor added
        (lambda e: BOM + e.replace("\n", "\r\n"), 0, "chain intact"),  # and Windows line ends
        (lambda e: BOM + BOM + e, 1, "not a JSON file"),  # only one is a BOM; two are damage
        (lambda e: BOM + "not json", 1, "not a JSON file"),  # a BOM does not make it JSON
        (lambda e: e.replace("{", "{" + BOM, 1), 1, "not a JSON file"),  # inside, it is damage
    ],
)
def test_verify_reads_an_export_that_starts_with_a_bom(tmp_path, capsys, text, code, said):
    """Rejected as "not a JSON file": the file was whole, only an editor had added a BOM."""
    lg = IncidentLog(tmp_path / "data")
    inc_id, _ = _incident(lg)
    path = tmp_path / "incident.json"
    path.write_bytes(text(lg.export(inc_id, "json")).encode("utf-8"))
    assert cli_main(["verify", str(path)]) == code
    out, err = capsys.readouterr()
    assert said in (out if code == 0 else err) and err.count("\n") == code


def test_import_reads_an_export_that_starts_with_a_bom(log):
    inc_id, _ = _incident(log)
    exported = log.export(inc_id, "json")
    other = IncidentLog(None)
    assert other.import_json(BOM + exported) == log.incident(inc_id)  # as text
    assert IncidentLog(None).import_json((BOM + exported).encode("utf-8")).id == inc_id  # bytes


def test_cli_export_says_a_file_is_where_the_incidents_folder_should_be(tmp_path, capsys):
    """It said "There is no incident X in …/incidents", sending the officer to look for an
    incident that may well be on a backup, when the folder itself is the problem."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "incidents").write_text("not a folder")
    assert run_export("20261130-0158-3f62", "md", str(data), None, io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err == f"stairway: Could not read {data / 'incidents'} because a file is where " \
                  "one of its folders should be.\n"
