"""Front matter keys that one kind of file reads and another does not.

`stage:` means something in a stage file only, `order:` in a checklist, `situation:` in
a practice scenario. Written anywhere else, the key was accepted and read by nothing
(`stage: 3` in a practice scenario: "no problems"), so the instructor believed it did
something. Each is now `key-unknown` at its line, naming where the key belongs.
"""

from __future__ import annotations

import pytest

from tests.guide_helpers import REAL, check_cli, copy_tree, edit

BRIDGE, RAPPORT = "practice/suicidal-bridge.md", "stairway/3-rapport.md"
FIRST, SUICIDAL = "checklists/first-officer.md", "situations/suicidal.md"
STAGE_FILE = "(`stage:` belongs only in a stage file, in stairway/)"


@pytest.mark.parametrize(
    "rel, old, new, line, message",
    [
        # the QA row: a stage number in a practice scenario
        (BRIDGE, "situation: suicidal\n", "situation: suicidal\nstage: 3\n", 5,
         f"key 'stage' has no meaning in a practice scenario: delete the line {STAGE_FILE}"),
        # a stage number in a checklist
        (FIRST, "order: 1\n", "order: 1\nstage: 1\n", 9,
         f"key 'stage' has no meaning in a checklist: delete the line {STAGE_FILE}"),
        # a position in a stage file: only checklists are put in order
        (RAPPORT, "stage: 3\n", "stage: 3\norder: 2\n", 9,
         "key 'order' has no meaning in a stage file: delete the line (`order:` belongs "
         "only in a checklist, in checklists/)"),
        # a situation in a situation file: its id already says which one it is
        (SUICIDAL, "title: Suicidal subject\n", "title: Suicidal subject\nsituation: suicidal\n", 4,
         "key 'situation' has no meaning in a situation file: delete the line "
         "(`situation:` belongs only in a practice scenario, in practice/)"),
        # a misspelt key lists only the keys this kind of file takes
        (BRIDGE, "situation: suicidal\n", "situation: suicidal\nsituaton: hostage\n", 5,
         "unknown key 'situaton' in the front matter (known: id, title, version, reviewed, "
         "reviewed_by, sources, approved_by, situation)"),
    ],
)
def test_a_key_of_another_kind_of_file_is_reported_at_its_line(
    tmp_path, monkeypatch, capsys, rel, old, new, line, message
):
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, rel, old, new)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/{rel}:{line}: {message}"])


def test_each_kind_keeps_its_own_key(tmp_path, monkeypatch, capsys):
    # `order:` in a checklist, `stage:` in a stage file, `situation:` in a scenario: as
    # shipped, no problem; `approved_by:` is welcome in every kind of file
    root = copy_tree(REAL, tmp_path / "content")
    edit(root, "contacts.md", "id: contacts\n", "id: contacts\napproved_by: Sgt A. Example\n")
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (0, [])
