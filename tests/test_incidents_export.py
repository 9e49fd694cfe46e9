"""Exports: handover brief (md), JSON round trip, CSV timeline, `python -m app export`."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta

import pytest

from app.cli import main as cli_main
from app.incidents import ImportRefused, IncidentLog, NoteKind
from app.incidents.export import run_export
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
    assert heads[-3:] == ["## Assessment", "## Recommendations", "## Timeline"]
    assert "2 contacts logged. In contact now." in md
    assert "1. 2026-07-01 15:01:00 BST to 2026-07-01 15:05:00 BST (0:04:00)" in md  # local
    assert "- Demand (granted, since 2026-07-01 15:12:00 BST): cigarettes" in md
    assert "- his daughter Emma (2026-07-01 15:02:00 BST) (amended)" in md  # board: latest
    assert "said the shop is closed" in md.split("## Lies told")[1]
    timeline = md.split("## Timeline")[1].splitlines()
    i = timeline.index("- #2 2026-07-01 15:02:00 BST **Hook**: his daughter Amy")
    assert timeline[i + 1] == "    - Amended #13 2026-07-01 15:13:00 BST: his daughter Emma"
    assert not any(line.startswith("- #13") for line in timeline)  # only beside its original


def test_markdown_neutralises_note_text(log):
    inc = log.open_incident("bridge", "x")
    log.add_note(inc.id, NoteKind.NOTE, "# not a heading\n- [x] <script>alert(1)</script> *b*")
    md = log.export(inc.id, "md")
    line = next(line for line in md.splitlines() if "**Note**" in line)
    assert line.endswith(r"\# not a heading  ")
    assert r"    - \[x\] \<script\>alert(1)\</script\> \*b\*" in md
    assert "<script>" not in md


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


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: "not json{", "not a JSON file"),  # garbage
        (lambda d: json.dumps({**d, "format": "other"}), "not a Stairway"),  # foreign file
        (lambda d: json.dumps({**d, "version": 99}), "Unsupported export version"),
        (lambda d: json.dumps({**d, "notes": [{"seq": 1}]}), "damaged"),  # missing fields
        (lambda d: json.dumps({**d, "notes": d["notes"] + d["notes"][:1]}), "same id"),
        (lambda d: json.dumps({**d, "notes": d["notes"][-1:]}), "not there"),  # dangling ref
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
    ],
)
def test_csv_neutralises_formulas(log, text, cell):
    inc = log.open_incident("bridge", "x")
    log.add_note(inc.id, NoteKind.NOTE, text)
    rows = list(csv.DictReader(io.StringIO(log.export(inc.id, "csv"))))
    assert [r["text"] for r in rows] == [cell]


def test_csv_is_the_whole_timeline(log):
    inc_id, notes = _incident(log)
    rows = list(csv.DictReader(io.StringIO(log.export(inc_id, "csv"))))
    assert [int(r["seq"]) for r in rows] == list(range(1, 14))
    assert rows[-1]["kind"] == "amendment" and rows[-1]["ref"] == notes["hook"].id
    assert rows[5]["due_utc"] == "2026-07-01T15:00:00.000000Z"


def test_cli_export_to_stdout_and_file(tmp_path, capsys):
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc_id, _ = _incident(lg)
    lg.close()
    assert (
        cli_main(["export", "--incident", inc_id, "--format", "md", "--data-dir", str(data)]) == 0
    )
    assert capsys.readouterr().out.startswith("# Handover brief: barricaded subject")
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
        (None, "missing-dir/x.md", "cannot write"),  # --out into a folder that is not there
    ],
)
def test_cli_export_failures_are_one_line(tmp_path, capsys, incident, out, message):
    data = tmp_path / "data"
    lg = IncidentLog(data)
    inc_id, _ = _incident(lg)
    out_file = str(tmp_path / out) if out else None
    assert run_export(incident or inc_id, "md", str(data), out_file, io.StringIO()) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and err.startswith("stairway: ")
