"""app/said.py: the core's sentences stay English as text (exports, the CLI, tests) and are
said on screen in the officer's language. The last two tests walk it in Spanish through
the headless app: a full disk while saving a note, and a log whose last notes were cut.
"""

from __future__ import annotations

import copy
import errno
import pickle

import pytest

from app import i18n
from app.incidents.chain import Verifier
from app.incidents.model import StorageUnavailable
from app.incidents.storage import reason
from app.said import Said, local, said_of
from app.ui import labels as L
from tests.test_ui_i18n_screens import spanish_pack
from tests.ui_harness import open_incident, save_on_a_full_disk, start


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


def not_written(errno_: int = errno.ENOSPC) -> Said:
    return Said("said_not_written", where="/data/x", reason=reason(OSError(errno_, "x")))


def test_a_said_is_its_english_text_whatever_the_language():
    i18n.use("es")
    said = not_written()
    assert said == "Could not write to /data/x because the disk is full."
    assert isinstance(said, str) and f"{said}" == str(said)


def test_local_says_it_in_the_active_language_with_its_values_too():
    said = not_written()
    assert local(said) == said  # English is English
    i18n.use("es")
    assert local(said) == "No se pudo escribir en /data/x porque el disco está lleno."
    assert local(not_written(errno.EACCES)).endswith(
        "porque la app no tiene permiso para escribir ahí.")


@pytest.mark.parametrize(
    "said, english, spanish",
    [
        # capital: the same sentence at the start of another one
        (Said("said_incident", id="X", problem=Said("said_past_end", tail=3, last=1, capital=True)),
         "Entry #3 was saved, yet the log now ends at #1: entries at the end "
         "were lost or removed. (Incident X)",
         "Se guardó la entrada #3 y ahora el registro termina en "
         "la #1: se perdieron o se borraron entradas del final. (Incidente X)"),
        # a list of values, each said
        (Said("said_missing", n=4, where=["#2", Said("said_range", first=4, last=6)]),
         "4 entries are missing (#2, #4 to #6).", "Faltan 4 entradas (#2, #4 a #6)."),
        # a plain value (an OS error's own words) stays as it is
        (Said("said_reason_other", error="Input/output error"),
         "the disk reported an error (Input/output error)",
         "el disco dio un error (Input/output error)"),
    ],
)
def test_nested_capital_and_listed_values(said, english, spanish):
    assert said == english
    i18n.use("es")
    assert local(said) == spanish


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("said", [
    Said("said_incident", id="20261128-1900-04d5", problem=Said("said_past_end", tail=3, last=1,
                                                                capital=True)),
    Said("said_no_entries", id="20261128-1900-04d5", folder="/data/incidents/x"),
    Said("said_no_closing", id="20261128-1900-04d5"),
])
def test_a_damaged_incident_is_told_problem_first_not_id_first(said, language):
    """A banner folded at the largest text shows about 50 characters: an 18-character id
    and "Incident" up front left a few words of what went wrong."""
    i18n.use(language)
    text = local(said)
    assert text.index("20261128-1900-04d5") >= 20, text
    assert not text.startswith(("Incident", "Incidente")), text


def test_an_error_raised_with_a_said_is_said_too():
    err = StorageUnavailable(not_written(), "/data/x")
    assert str(err) == not_written() and said_of(err).key == "said_not_written"
    assert said_of(ValueError("plain")) == "plain" and local(ValueError("plain")) == "plain"
    i18n.use("es")
    assert local(err).startswith("No se pudo escribir")


def test_the_chain_tells_its_problems_as_said():
    v = Verifier("inc")
    v.feed({"seq": "x"}, None)
    assert v.status().problem == "Entry 1 of the list has no valid number."
    i18n.use("es")
    assert local(v.status().problem) == "La entrada 1 de la lista no tiene un número válido."


def test_a_copy_or_a_pickle_keeps_the_key():
    said = not_written()
    for again in (copy.copy(said), copy.deepcopy(said), pickle.loads(pickle.dumps(said))):
        assert again == said and again.key == said.key
        i18n.use("es")
        assert local(again) == local(said)
        i18n.use("en")


def test_an_unknown_key_is_a_loud_programming_error():
    with pytest.raises(KeyError, match="said_nothing_here"):
        Said("said_nothing_here")


def english_words(texts: list[str]) -> list[str]:
    return [s for s in texts if any(w in s for w in (
        "could not", "Could not", "was saved", "disk is full", "entries at the end", "Entry #"))]


async def test_in_spanish_a_full_disk_is_told_in_spanish(tmp_path, monkeypatch):
    builtin, _, _ = spanish_pack(tmp_path)
    app = await start(builtin, tmp_path / "data")
    try:
        assert i18n.language() == "es"
        await open_incident(app, "Puente de la calle Olmo")
        await save_on_a_full_disk(app, monkeypatch, "Tiró el teléfono")
        assert app.has(L.RETRY_SAVE)
        said = " ".join(app.texts())
        assert "porque el disco está lleno" in said and "solo está en la app abierta" in said
        assert english_words(app.texts()) == []
    finally:
        app.close()


async def test_in_spanish_notes_cut_from_the_log_are_told_in_spanish(tmp_path):
    builtin, _, _ = spanish_pack(tmp_path)
    app = await start(builtin, tmp_path / "data")
    await open_incident(app, "Puente de la calle Olmo")
    inc_id = app.state.incident.current.id
    for text in ("Habla de su hija", "Pide agua", "Se sienta en la barandilla"):
        await app.type(L.NOTE_FIELD, text)
        await app.click(L.note_kind("note"))
    folder = app.state.log.root / inc_id
    app.close()
    journal = folder / "journal.jsonl"
    lines = journal.read_bytes().splitlines(keepends=True)
    journal.write_bytes(b"".join(lines[:-2]))  # the last two notes gone, as if never written

    app = await start(builtin, tmp_path / "data")  # reopens the open incident
    try:
        assert i18n.language() == "es"
        await app.nav(L.NAV_INCIDENT)
        said = " ".join(app.texts())
        assert "Se guardó la entrada #" in said and f"(Incidente {inc_id})" in said  # banner
        assert "y ahora el registro termina en la #" in said
        assert "cadena intacta" in said and ", pero se guardó la entrada #" in said  # chain line
        assert english_words(app.texts()) == []
    finally:
        app.close()


async def test_in_spanish_practice_history_not_saved_is_told_in_spanish(tmp_path, monkeypatch):
    from app.practice.history import PracticeHistory

    def full(self, name=None):
        raise OSError(errno.ENOSPC, "No space left on device")

    builtin, _, _ = spanish_pack(tmp_path)
    app = await start(builtin, tmp_path / "data")
    try:
        monkeypatch.setattr(PracticeHistory, "_table", full)
        await app.click(L.OPEN_PRACTICE)
        await app.click(L.DRILL_SKILL)
        q = app.state.practice.quiz.questions[0]
        await app.click(L.quiz_choice(q.choices[0].label))
        said = " ".join(app.texts())
        assert "No se pudo guardar el historial de práctica: el disco está lleno." in said
        assert "Practice history" not in said and english_words(app.texts()) == []
    finally:
        app.close()


def test_damaged_preferences_are_told_in_the_active_language(tmp_path):
    from app import prefs

    prefs.path(tmp_path).write_text("{not json", encoding="utf-8")
    _, problem = prefs.load(tmp_path)
    assert problem.startswith("Preferences were unreadable, kept as prefs.json.bad-")
    i18n.use("es")
    assert local(problem).startswith("No se pudieron leer los ajustes; se guardaron aparte")


@pytest.mark.parametrize("where", [
    "/data/{reason}/x",  # a placeholder inside a value is text, never filled again
    "/data/\udcff\ud800/x",  # lone surrogates from a path the OS gave back
    "/data/../../etc/passwd",
    "=cmd|' /C calc'!A0 | **bold** [link](http://x)",  # CSV and Markdown injection
    "/data/" + "x" * 100_000,  # a huge value
])
def test_odd_values_are_said_as_they_are(where):
    said = Said("said_not_written", where=where, reason=Said("said_reason_full"))
    assert said == f"Could not write to {where} because the disk is full."
    i18n.use("es")
    assert local(said) == f"No se pudo escribir en {where} porque el disco está lleno."
