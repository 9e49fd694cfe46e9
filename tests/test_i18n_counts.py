"""A count of one is said as one, in every language: "1 entry is missing", never "1 entries
are missing". A label whose `n` can be 1 has a `_one` form (app/i18n's `counted`), which
`i18n.text` and `Said` pick by themselves."""

from __future__ import annotations

import re

import pytest

from app import i18n
from app.incidents import IncidentLog, NoteKind
from app.said import Said, local

# older labels whose caller picks the form for one by its own key (packs' labels.txt may
# name these keys, so they keep them)
PAIRED = {
    "move_up_left": "move_up_one_left",
    "refusal_many": "refusal_one",
    "words_flags": "words_flag_one",
    "guide_edit_problems": "guide_edit_problem",
}
# n is a length over a limit: a note's characters, an answer's words over the longest phrase
NEVER_ONE = {"said_note_too_long", "said_flag_too_long"}
COUNTED = re.compile(r"\{n\} (?:[a-z]+ ){0,2}[a-z]+s\b")  # "{n} entries", "{n} guide files"
ONE = sorted(k[: -len(i18n.ONE)] for k in i18n.english() if k.endswith(i18n.ONE)
             and k[: -len(i18n.ONE)] in i18n.english())


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


def sample(key: str, n: int) -> dict[str, object]:
    return {name: n if name == "n" else f"<{name}>"
            for name in i18n.placeholders(i18n.english()[key])}


def test_every_label_counting_things_has_a_form_for_one():
    counting = [k for k, v in i18n.english().items() if COUNTED.search(v)]
    assert len(counting) >= 15  # the pattern still finds them
    lacking = [k for k in counting if k + i18n.ONE not in i18n.english()
               and PAIRED.get(k) not in i18n.english() and k not in NEVER_ONE]
    assert lacking == []


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("key", ONE)
def test_text_says_the_form_for_one_when_n_is_one(lang, key):
    i18n.use(lang)
    one = i18n.builtin(lang)[key + i18n.ONE]
    assert i18n.text(key, **sample(key, 1)) == i18n.text(key + i18n.ONE, **sample(key, 1))
    assert "{n}" not in i18n.text(key, **sample(key, 1))
    assert i18n.text(key, **sample(key, 2)) != i18n.catalogue.fill(one, sample(key, 2))
    assert "2" in i18n.text(key, **sample(key, 2))


def test_a_said_keeps_the_form_for_one_in_english_and_on_screen():
    one = Said("said_missing", n=1, where=["#3"])
    assert one == "1 entry is missing (#3)." and one.key == "said_missing_one"
    assert Said("said_missing", n=True, where=["#3"]).key == "said_missing"  # not a count
    i18n.use("es")
    assert local(one) == "Falta 1 entrada (#3)."
    assert local(Said("said_missing", n=2, where=["#3", "#4"])) == "Faltan 2 entradas (#3, #4)."


def test_a_notes_file_with_one_bad_entry_says_one_of_each(tmp_path):
    data = tmp_path / "data"
    log = IncidentLog(data)
    inc = log.open_incident("recovery", "lab")
    log.add_note(inc.id, NoteKind.NOTE, "stored note 7 on the bridge")
    log.close()
    notes = data / "incidents" / inc.id / "notes.json"
    notes.write_bytes(notes.read_bytes().replace(b"stored note 7", b"stored note 9", 1))

    log = IncidentLog(data)
    said = log.warnings[0]
    assert said == (f"Stairway skipped 1 damaged entry in {notes} and recovered 1 entry; "
                    "the file will be kept aside.")
    i18n.use("es")
    assert local(said) == (f"Stairway omitió 1 entrada dañada de {notes} y recuperó "
                           "1 entrada; el archivo se guardará aparte.")
    log.close()
