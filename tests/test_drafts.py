"""app/drafts.py: what is typed and not saved comes back after a restart, and a damaged or
unwritable drafts file never stops the app or loses what is in memory."""

from __future__ import annotations

import json

import pytest

from app import drafts as D
from app.drafts import Drafts

NOTE = D.key("note", "20261129-0130-ab12")


def test_a_draft_comes_back_in_a_new_instance_and_goes_when_dropped(tmp_path):
    first = Drafts(tmp_path)
    assert first.get(NOTE) == ""
    first.put(NOTE, "He has a knife in his left hand")
    assert Drafts(tmp_path).get(NOTE) == "He has a knife in his left hand"
    first.drop(NOTE)
    assert Drafts(tmp_path).get(NOTE) == ""


def test_an_emptied_field_leaves_no_draft(tmp_path):
    d = Drafts(tmp_path)
    d.put(NOTE, "abc")
    d.put(NOTE, "")
    assert json.loads((tmp_path / D.FILE_NAME).read_text()) == {}


def test_closing_an_incident_drops_its_drafts_only(tmp_path):
    d = Drafts(tmp_path)
    other = D.key("note", "20261129-0200-cd34")
    d.put(NOTE, "one")
    d.put(D.key("minutes", "20261129-0130-ab12"), "15")
    d.put(other, "two")
    d.put(D.START, "Elm St")
    d.drop_incident("20261129-0130-ab12")
    again = Drafts(tmp_path)
    assert again.get(NOTE) == "" and again.get(D.key("minutes", "20261129-0130-ab12")) == ""
    assert again.get(other) == "two" and again.get(D.START) == "Elm St"


@pytest.mark.parametrize("text", [
    "lone \ud800 surrogate", "emoji 🙂 عربى 中文", "=cmd|' /C calc'!A0", "[x](javascript:1)",
    "line one\nline two\r\n\x00nul",
])
def test_odd_text_is_kept_as_typed(tmp_path, text):
    Drafts(tmp_path).put(NOTE, text)
    assert Drafts(tmp_path).get(NOTE) == text


@pytest.mark.parametrize("content", [
    b"", b"{", b'{"note:x": "cut', b"[1, 2]", b'"a string"', b"\xff\xfe\x00",
    b'{"note:x": 5, "note:y": "kept", "7": null}',
])
def test_a_damaged_file_starts_empty_or_keeps_what_is_readable(tmp_path, content):
    (tmp_path / D.FILE_NAME).write_bytes(content)
    d = Drafts(tmp_path)  # never raises
    assert d.get("note:x") == ""
    assert d.get("note:y") == ("kept" if b"kept" in content else "")
    d.put(NOTE, "new")  # and writing over it works
    assert Drafts(tmp_path).get(NOTE) == "new"


def test_a_file_cut_short_is_kept_aside_and_every_whole_draft_comes_back(tmp_path):
    """A drafts.json cut short (a kill mid-copy, a full card): its whole entries come back,
    the file as found is kept aside, and one sentence says so; typing on never overwrites
    what could not be read."""
    place = D.key("place")
    full = json.dumps({place: "Elm St bridge north side",
                       NOTE: "Subject says knife in left pocket; wife and two kids inside"})
    (tmp_path / D.FILE_NAME).write_text(full[:-10])
    d = Drafts(tmp_path)
    assert d.get(place) == "Elm St bridge north side"
    assert d.get(NOTE) == ""  # cut: not whole, so not guessed at
    aside = list(tmp_path.glob("drafts.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_text() == full[:-10]  # kept as found
    assert d.problem == (f"Unsaved typing (drafts) was damaged. The file is kept as "
                         f"{aside[0].name}. Recovered: 1 draft.")
    d.put(D.key("reason"), "x")
    again = Drafts(tmp_path)
    assert again.get(place) == "Elm St bridge north side" and again.problem is None


@pytest.mark.parametrize("content, found", [
    (b"\xff\xfe\x00", "Recovered: none."),  # not UTF-8, nothing to find
    (b'{"start:": "Elm St", "note:x": "cu', "Recovered: 1 draft."),  # torn write
    (b'{"a:": "1", "b:": "2"} trailing', "Recovered: 2 drafts."),  # garbage after
    (b"[" * 100_000, "Recovered: none."),  # nested past the parser's depth
])
def test_every_damaged_file_is_said_once_with_what_came_back(tmp_path, content, found):
    (tmp_path / D.FILE_NAME).write_bytes(content)
    d = Drafts(tmp_path)
    assert d.problem is not None and d.problem.endswith(f" {found}")
    assert len(list(tmp_path.glob("drafts.json.corrupt-*"))) == 1


def test_a_damaged_file_that_cannot_be_moved_is_never_written_over(tmp_path, monkeypatch):
    def refuse(path):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(D, "move_aside", refuse)
    (tmp_path / D.FILE_NAME).write_bytes(b'{"start:": "Elm St", "note:x": "cu')
    d = Drafts(tmp_path)
    assert d.problem == ("Unsaved typing (drafts) was damaged and could not be moved aside "
                         "(Permission denied). Recovered: 1 draft. From now on, drafts are lost "
                         "when you close the app.")
    d.put(NOTE, "typed on")
    assert d.get(NOTE) == "typed on"
    assert (tmp_path / D.FILE_NAME).read_bytes() == b'{"start:": "Elm St", "note:x": "cu'


def test_a_folder_in_the_files_place_is_not_a_crash(tmp_path):
    (tmp_path / D.FILE_NAME).mkdir()
    d = Drafts(tmp_path)
    d.put(NOTE, "kept in memory")
    assert d.get(NOTE) == "kept in memory"


def test_an_unwritable_file_keeps_drafts_in_memory(tmp_path, monkeypatch):
    def refuse(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(D, "atomic_write", refuse)
    d = Drafts(tmp_path)
    d.put(NOTE, "still here")
    assert d.get(NOTE) == "still here"


def test_a_paste_longer_than_the_file_holds_stays_in_memory_only(tmp_path):
    d = Drafts(tmp_path)
    d.put(D.START, "Elm St")
    d.put(NOTE, "x" * (D.MAX_CHARS + 1))
    assert d.get(NOTE) == "x" * (D.MAX_CHARS + 1)
    again = Drafts(tmp_path)
    assert again.get(NOTE) == "" and again.get(D.START) == "Elm St"


def test_no_data_folder_means_memory_only(tmp_path):
    d = Drafts(None)
    d.put(NOTE, "x")
    assert d.get(NOTE) == "x" and list(tmp_path.iterdir()) == []


def test_keys_name_the_field_and_the_incident():
    assert D.key("note", "abc") == "note:abc" and D.START == "start:"
