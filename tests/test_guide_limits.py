"""Values no instructor writes on purpose: a 200 KB title, a 5,000-digit `order` or
`stage`, a phone number of 100,000 digits (a QA pass, 2026-11-29). Each was accepted (or,
for the numbers, a traceback turned into 'tell a developer'), and a title was shown whole
on every screen.

The limits sit far above what the shipped guide writes (its longest title has 34
characters, its longest reviewed_by 89): a real instructor never meets them. Each message
quotes at most 40 characters of the value.
"""

from __future__ import annotations

import pytest

from app.guide.compile import compile_guide
from tests.guide_helpers import REAL, check_cli, copy_tree, edit

RAPPORT, FIRST, CONTACTS = "stairway/3-rapport.md", "checklists/first-officer.md", "contacts.md"
TITLE = "more than the 80 a title may have (one line an officer reads at a glance): shorten it"
CUT = "\u2026"


@pytest.mark.parametrize(
    "rel, old, new, message",
    [
        # the QA row: a 200 KB title (line 3 of the stage file)
        (RAPPORT, "title: Rapport", "title: " + "A" * 200_000,
         f"3: 'title' has 200,000 characters, {TITLE}"),
        # one past the limit; quoted or not, the same
        (RAPPORT, "title: Rapport", 'title: "' + "A" * 81 + '"',
         f"3: 'title' has 81 characters, {TITLE}"),
        # an id past 64 characters
        (CONTACTS, "id: contacts", "id: " + "a" * 65,
         "2: 'id' has 65 characters, more than the 64 an id may have: shorten it"),
        # a version past 40
        (CONTACTS, 'version: "1.1"', 'version: "' + "1" * 41 + '"',
         "4: 'version' has 41 characters, more than the 40 a version may have: shorten it"),
        # a reviewer past 200
        (CONTACTS, "reviewed_by: Stairway content team", "reviewed_by: " + "B" * 201,
         "6: 'reviewed_by' has 201 characters, more than the 200 a name may have: shorten it"),
        # a source key past 64, at its own line
        (CONTACTS, "sources: [988-bethe1to]", "sources:\n  - 988-bethe1to\n  - " + "k" * 65,
         "9: a source key has 65 characters, more than the 64 a key may have: use the key "
         "as written in sources.md"),
        # a 5,000-digit order: Python's int() refused it, and check said 'tell a developer'
        (FIRST, "order: 1", "order: " + "7" * 5000,
         f"8: order {'7' * 39}{CUT} has 5,000 digits, more than a position in a list needs: "
         "write a small whole number, e.g. `order: 1`"),
        # a 5,000-digit stage number likewise
        (RAPPORT, "stage: 3", "stage: " + "3" * 5000, f"8: stage {'3' * 39}{CUT} is not 1 to 5"),
        # a 100,000-digit phone number
        (CONTACTS, "- Emergency: 911", "- Emergency: " + "9" * 100_000,
         f"20: number '{'9' * 39}{CUT}' for 'Emergency' has 100,000 digits, more than the 15 "
         "a phone number can have: write an international number with + and its country "
         "code, without 00 or 011"),
        # a 100 KB label: only that number is left out, not the file (911 stays)
        (CONTACTS, "- Emergency: 911", "- " + "E" * 100_000 + ": 911",
         f"20: label '{'E' * 39}{CUT}' has 100,000 characters, more than the 120 a label may "
         "have: shorten it"),
        # one past the limit, before a good number
        (CONTACTS, "- Emergency: 911", "- " + "E" * 121 + ": 911",
         f"20: label '{'E' * 39}{CUT}' has 121 characters, more than the 120 a label may "
         "have: shorten it"),
        # sixteen digits: one more than E.164 allows
        (CONTACTS, "- Emergency: 911", "- Emergency: +1 234 567 890 123 456",
         "20: number '+1 234 567 890 123 456' for 'Emergency' has 16 digits, more than the 15 "
         "a phone number can have: write an international number with + and its country "
         "code, without 00 or 011"),
    ],
)
def test_an_absurd_value_is_reported_at_its_line(tmp_path, monkeypatch, capsys, rel, old, new,
                                                message):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, rel, old, new)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/{rel}:{message}"])


@pytest.mark.parametrize(
    "rel, old, new",
    [
        # a title of 80 characters: at the limit, fine
        (RAPPORT, "title: Rapport", "title: " + "A" * 80),
        # a label of 120 characters: at the limit, fine
        (CONTACTS, "- Emergency: 911", "- " + "E" * 120 + ": 911"),
        # fifteen digits, the longest E.164 number
        (CONTACTS, "- Emergency: 911", "- Emergency: +44 20 7946 0958 123"),
        # an order with leading zeros is a small number
        (FIRST, "order: 1", "order: 00000000001"),
    ],
)
def test_a_value_at_its_limit_is_fine(tmp_path, monkeypatch, capsys, rel, old, new):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, rel, old, new)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (0, [])


def test_the_app_never_shows_a_title_too_long_to_be_one(tmp_path):
    # the stage is left out, and the officer is told by its file name, not 200 KB of text
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, RAPPORT, "title: Rapport", "title: " + "A" * 200_000)
    skipped = {s.file: s.title for s in compile_guide(root).skipped}
    assert skipped == {RAPPORT: "3-rapport"}


def test_a_label_too_long_leaves_out_its_number_alone(tmp_path):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, CONTACTS, "- Emergency: 911", "- " + "E" * 100_000 + ": 911")
    guide = compile_guide(root)
    assert [c.number for c in guide.contacts] == ["988"]
    assert [(s.file, s.partial) for s in guide.skipped] == [(CONTACTS, True)]


def test_a_situation_too_long_is_not_blamed_twice(tmp_path, monkeypatch, capsys):
    # value-too-long only, not also "unknown situation ''"
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, "practice/suicidal-bridge.md", "situation: suicidal", "situation: " + "s" * 65)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, ["content/practice/suicidal-bridge.md:4: 'situation' has 65 "
                                    "characters, more than the 64 an id may have: shorten it"])
