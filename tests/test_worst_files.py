"""The worst files found by feeding every reader bad input (a QA pass, 2026-11-29): each
row failed before its fix with a traceback, a hang, a silent loss or a file overwritten.

- a date past year 9999 once its zone is applied, in an incident record, an export or a
  practice record (OverflowError);
- `pack --out` naming the private key, `export --out` naming the note log's own files;
- a pack signature nested thousands deep (RecursionError);
- a named pipe where the log keeps a file (a read that waited forever);
- a console that is not UTF-8, and line breaks in a name printed to the terminal;
- a content folder that cannot be opened (its files were left out without a word).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from app.cli import main, terminal_safe
from app.guide.checks import check
from app.incidents import ImportRefused, IncidentLog, NoteKind
from app.packs import PackError
from app.packs.verify import parse_signature
from app.practice.history import Attempt, PracticeHistory
from tests.guide_helpers import VALID, copy_tree

ROOT = Path(__file__).resolve().parent.parent
FAR = "9999-12-31T23:59:59-23:59"  # a valid ISO time whose UTC is past datetime.max


def _incident(data: Path) -> str:
    log = IncidentLog(data)
    inc = log.open_incident("Suicidal subject", "Elm St")
    log.add_note(inc.id, NoteKind.NOTE, "He is on the rail")
    log.close()
    return inc.id


def test_an_incident_record_dated_past_9999_is_rebuilt_and_the_log_opens(tmp_path):
    inc_id = _incident(tmp_path)
    record = tmp_path / "incidents" / inc_id / "incident.json"
    record.write_text(record.read_text().replace(
        json.loads(record.read_text())["incident"]["1"]["opened_at"], FAR))
    log = IncidentLog(tmp_path)  # raised OverflowError: no incident could be opened
    assert "He is on the rail" in log.export(inc_id, "md")
    assert any("rebuilt" in w or "set aside" in w for w in log.warnings), log.warnings


@pytest.mark.parametrize("change, message", [
    # a date past 9999: a plain refusal, not a traceback
    (lambda d: d["incident"].update(opened_at=FAR), "incident record is damaged"),
    # no incident record, or one that is not an object: said plainly, no Python words
    (lambda d: d.pop("incident"), "has no incident record"),
    (lambda d: d.update(incident="x"), "has no incident record"),
    (lambda d: d.update(incident=[1]), "has no incident record"),
])
def test_a_damaged_export_is_refused_in_one_plain_sentence(tmp_path, change, message):
    inc_id = _incident(tmp_path / "data")
    doc = json.loads(IncidentLog(tmp_path / "data").export(inc_id, "json"))
    change(doc)
    with pytest.raises(ImportRefused, match=message) as err:
        IncidentLog(tmp_path / "other").import_json(json.dumps(doc))
    assert "NoneType" not in str(err.value) and "subscriptable" not in str(err.value)
    path = tmp_path / "x.json"
    path.write_text(json.dumps(doc))
    assert main(["verify", str(path)]) == 1


def test_practice_records_dated_past_9999_are_skipped_not_fatal(tmp_path):
    good = {"drill": "own-words", "skill": "emotion-labeling", "right": True, "seconds": 3.0,
            "at": "2026-11-29T01:45:02+00:00", "item": "practice-bridge/x", "timed": False}
    (tmp_path / "practice.json").write_text(json.dumps({
        "attempts": {"1": {**good, "at": FAR}, "2": good},
        "disputed": {"1": {"at": FAR, "item": "practice-bridge/turn-1", "said": "I'll jump",
                           "answer": "You sound angry", "skill": None, "flags": [],
                           "hedged": False, "feedback": "", "reasons": []}},
    }))
    history = PracticeHistory(tmp_path)
    assert len(history.attempts()) == 1  # raised OverflowError: Progress could not open
    assert main(["practice", "kept", "--data-dir", str(tmp_path)]) == 0


def test_pack_never_writes_over_a_key(tmp_path, capsys):
    assert main(["keygen", "--out", str(tmp_path / "k"), "--name", "metro-pd"]) == 0
    key, pub = tmp_path / "k" / "metro-pd.key", tmp_path / "k" / "metro-pd.pub"
    before = key.read_bytes(), pub.read_bytes()
    for out in (key, pub):
        assert main(["pack", str(VALID), "--key", str(key), "--out", str(out),
                     "--approved-by", "QA"]) == 2
        assert "is a key file" in capsys.readouterr().err
    assert (key.read_bytes(), pub.read_bytes()) == before


def test_export_never_writes_over_the_note_log(tmp_path, capsys):
    data = tmp_path / "data"
    inc_id = _incident(data)
    PracticeHistory(data).record(Attempt("name-skill", "mirroring", True, 1.0,
                                         datetime.now(UTC)))
    (data / "prefs.json").write_text("{}")
    folder = data / "incidents" / inc_id
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    others = {p: p.read_bytes() for p in (data / "practice.json", data / "prefs.json")}
    for target in [*(folder / name for name in before), *others]:
        assert main(["export", "--incident", inc_id, "--data-dir", str(data), "--format",
                     "md", "--out", str(target)]) == 1
        assert "inside the data folder" in capsys.readouterr().err
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert {p: p.read_bytes() for p in others} == others  # practice history, preferences
    out = tmp_path / "brief.md"  # beside it is fine
    assert main(["export", "--incident", inc_id, "--data-dir", str(data), "--format",
                 "md", "--out", str(out)]) == 0 and out.read_text().startswith("# ")


def test_a_signature_nested_thousands_deep_is_a_damaged_pack():
    with pytest.raises(PackError, match="signature cannot be read"):
        parse_signature(b"[" * 5000)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
@pytest.mark.parametrize("name", ["notes.json", "incident.json", "journal.jsonl"])
def test_a_named_pipe_in_the_log_is_said_not_waited_on(tmp_path, name):
    inc_id = _incident(tmp_path)
    path = tmp_path / "incidents" / inc_id / name
    path.unlink(missing_ok=True)
    os.mkfifo(path)
    run = subprocess.run(  # in a child: before the fix it waited for a writer forever
        [sys.executable, "-m", "app", "export", "--incident", inc_id, "--data-dir",
         str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert "Traceback" not in run.stderr
    assert run.returncode == 0 or "named pipe" in run.stderr, run.stderr


@pytest.mark.parametrize("encoding", ["ascii", "cp1252"])
def test_a_console_that_is_not_utf8_gets_escapes_not_a_traceback(encoding):
    run = subprocess.run(
        [sys.executable, "-m", "app", "dump", "content/translations/es"], cwd=ROOT,
        capture_output=True, env={**os.environ, "PYTHONIOENCODING": encoding}, timeout=120)
    assert run.returncode == 0, run.stderr.decode(errors="replace")[-500:]
    assert b"Traceback" not in run.stderr and b"\\u" in run.stdout


@pytest.mark.parametrize("name, shown", [
    ("situations/a\nb:3: fake.md", "situations/a\\x0ab:3: fake.md"),  # a forged second line
    ("a\u2028b", "a\\u2028b"),  # a Unicode line break
    ("a\x1b[31mb", "a\\x1b[31mb"),  # a colour escape
    ("tab\there", "tab\there"),  # a tab is fine
    ("name\udc80.md", "name\\udc80.md"),  # a byte that is not UTF-8, as a file name reads
])
def test_names_printed_to_the_terminal_stay_on_one_line(name, shown):
    assert terminal_safe(name) == shown


def test_a_folder_that_cannot_be_opened_is_a_problem_not_a_silence(tmp_path, monkeypatch):
    content = copy_tree(VALID, tmp_path / "content")
    (content / "practice").mkdir(exist_ok=True)
    real = os.scandir

    def scandir(path="."):
        if Path(path).name == "practice":  # as chmod 000 does for anyone but root
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    report = check(content)
    found = [p for p in report.guide.problems if p.code == "folder-unreadable"]
    assert [(Path(p.path).name, p.line) for p in found] == [("practice", 1)]
    assert report.exit_code == 1  # and so pack refuses the folder


def test_the_far_date_really_is_past_the_end_of_time():
    with pytest.raises(OverflowError):
        datetime.fromisoformat(FAR).astimezone(UTC)


# --- what `check` passed and `pack` then refused (check must say it first) ------------------


@pytest.mark.parametrize("name", ["Bridge.MD", "bridge.Md", "bridge.markdown"])
def test_a_markdown_file_the_guide_would_not_read_is_named(tmp_path, name):
    content = copy_tree(VALID, tmp_path / "c")
    source = next((content / "situations").glob("*.md"))
    (content / "situations" / name).write_bytes(source.read_bytes())
    report = check(content)
    found = [p for p in report.guide.problems if p.code == "file-name-not-md"]
    assert [(Path(p.path).name, p.line) for p in found] == [(name, 1)]
    assert "rename it to " + name.rsplit(".", 1)[0] + ".md" in found[0].message
    assert report.exit_code == 1


def test_a_readme_in_capitals_is_documentation_not_a_problem(tmp_path):
    content = copy_tree(VALID, tmp_path / "c")
    (content / "situations" / "README.MD").write_text("notes for instructors\n")
    assert not [p for p in check(content).guide.problems if p.code == "file-name-not-md"]


def test_names_that_differ_only_in_case_are_a_check_problem(tmp_path):
    content = copy_tree(VALID, tmp_path / "c")
    source = next((content / "situations").glob("*.md"))
    twin = source.with_name(source.stem.upper() + ".md")
    twin.write_bytes(source.read_bytes())
    report = check(content)
    found = [p for p in report.guide.problems if p.code == "name-case-clash"]
    assert len(found) == 1 and found[0].line == 1
    assert Path(found[0].path).name in (source.name, twin.name)
    assert "differ only in case" in found[0].message and report.exit_code == 1


def test_translations_are_left_to_their_own_check(tmp_path):
    content = copy_tree(VALID, tmp_path / "c")
    es = copy_tree(VALID, content / "translations" / "es")
    (es / "situations" / "X.MD").write_text("x\n")
    codes = {p.code for p in check(content).guide.problems}
    assert not codes & {"file-name-not-md", "name-case-clash"}


def test_a_labels_file_too_big_for_a_pack_is_a_check_problem(tmp_path):
    from app import i18n

    content = copy_tree(VALID, tmp_path / "c")
    (content / "labels.txt").write_bytes(b"# pasted\n" * (i18n.MAX_LABELS_BYTES // 9 + 1))
    found = [p for p in check(content).guide.problems if p.path.endswith("labels.txt")]
    assert [(p.code, p.line) for p in found] == [("file-too-big", 1)]
    warnings: list[str] = []
    assert i18n._overrides(content, warnings) == {} and "larger than" in warnings[0]


def test_a_journal_copied_with_crlf_line_ends_is_read_whole(tmp_path):
    """A copy through a tool that rewrote line ends used to set every entry aside."""
    log = IncidentLog(tmp_path)
    inc = log.open_incident("Suicidal subject", "Elm St")
    for text in ("He is on the rail", "Wants his sister", "Said \"no\"\r\nthen quiet"):
        log.add_note(inc.id, NoteKind.NOTE, text)
    journal = tmp_path / "incidents" / inc.id / "journal.jsonl"
    before = [n.text for n in log.entries(inc.id)]
    del log  # as a killed app leaves it: the journal not folded yet
    raw = journal.read_bytes()
    assert raw.count(b"\n") >= 4 and b"\r\n" not in raw
    journal.write_bytes(raw.replace(b"\n", b"\r\n"))

    again = IncidentLog(tmp_path)
    assert [n.text for n in again.entries(inc.id)] == before
    assert again.warnings == [] and journal.exists()
    again.close()


@pytest.mark.parametrize("field, value", [
    ("head", "\x9b2J\u202e" + "0" * 60),  # CSI (C1) and a reversing mark, in a forged head
    ("count", "4\u2028stairway: forged line"),  # a Unicode line break in the count
])
def test_verify_prints_a_forged_value_escaped_on_both_streams(tmp_path, capsys, field, value):
    log = IncidentLog(tmp_path / "data")
    doc = json.loads(log.export(log.open_incident("Suicidal subject", "Elm St").id, "json"))
    doc[field] = value
    path = tmp_path / "forged.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    assert main(["verify", str(path)]) == 1
    out, err = capsys.readouterr()
    for stream in (out, err):  # before: stdout carried the raw characters
        assert stream.count("\n") == 1 and stream[:-1].isprintable(), repr(stream)
    with pytest.raises(ImportRefused) as refused:  # the import's sentence: printable too
        IncidentLog(None).import_json(path.read_text("utf-8"))
    assert str(refused.value).isprintable()
