"""What an instructor writes in a stage or situation file that the app never uses: a `###`
heading outside Say and Avoid, an `Only for:` under `## Purpose`, text above a stage's
first section; and a `###` heading in contacts.md.

Both were dropped with no word (an earlier review, 2026-11-29): `### Before you speak`
under `## Do` never reached the officer (its items did, without it), and `Only for:
suicidal` under `## Purpose` did nothing (the purpose is shown in every situation) while
`check` said "no problems". Each is now reported at its line; the rest of the section
still loads.
"""

from __future__ import annotations

import pytest

from app.guide.compile import compile_guide
from tests.guide_helpers import REAL, check_cli, copy_tree, insert_after

RAPPORT, SUICIDAL = "stairway/3-rapport.md", "situations/suicidal.md"
NO_HEADINGS = ("is never shown in the app: only `## Say` and `## Avoid` have headings inside "
               "them. Delete the line")
PURPOSE = "has no meaning under '## Purpose': the purpose is shown in every situation. Delete " \
    "the line"


@pytest.mark.parametrize(
    "rel, line, block, messages",
    [
        # the review's row: a `###` under `## Do`, its items above an old one
        (RAPPORT, "## Do", "### Before you speak\n- Take a breath.",
         [f"18: a heading '### Before you speak' under '## Do' {NO_HEADINGS} (what is under "
          "it stays in '## Do')"]),
        # its text under it is not an item either: said at its own line, as before
        (RAPPORT, "## Do", "### Before you speak\nTake a breath.\n",
         [f"18: a heading '### Before you speak' under '## Do' {NO_HEADINGS} (what is under "
          "it stays in '## Do')",
          "19: text under '## Do' is not a list item, so the app would not show it: start the "
          "line with `- `"]),
        # a `####` under `## Move up when`
        (RAPPORT, "- [ ] They use your name.", "#### If they gave it\n- [ ] They say it.",
         [f"28: a heading '#### If they gave it' under '## Move up when' {NO_HEADINGS} (what "
          "is under it stays in '## Move up when')"]),
        # under `## Purpose`: its lines still join the purpose
        (RAPPORT, "## Purpose", "### Why\nTrust comes first.",
         [f"14: a heading '### Why' under '## Purpose' {NO_HEADINGS} (what is under it stays "
          "in '## Purpose')"]),
        # a situation's `## Priorities`
        (SUICIDAL, "## Priorities", "### Safety first",
         [f"17: a heading '### Safety first' under '## Priorities' {NO_HEADINGS} (what is "
          "under it stays in '## Priorities')"]),
        # the review's row: `Only for:` under `## Purpose`
        (RAPPORT, "## Purpose", "Only for: suicidal",
         [f"14: `Only for:` {PURPOSE}"]),
        # `Not for:` likewise; an unknown name there is not blamed as well
        (RAPPORT, "## Purpose", "Not for: sucidal",
         [f"14: `Not for:` {PURPOSE}"]),
        # under a heading inside `## Purpose`: both are told
        (RAPPORT, "## Purpose", "### Why\nOnly for: hostage\n",
         [f"14: a heading '### Why' under '## Purpose' {NO_HEADINGS} (what is under it stays "
          "in '## Purpose')", f"15: `Only for:` {PURPOSE}"]),
        # text above a stage's first section: a stage has no summary, so it was dropped
        ("stairway/2-empathy.md", "# Empathy", "\nShow them you get it.\n",
         ["13: text under '# Empathy' is never shown in the app: move it under `## Purpose` "
          "(a note only instructors read goes in <!-- -->)"]),
        # a `###` in contacts.md: its numbers stay in the `##` section, the heading vanished
        ("contacts.md", "## Emergency", "### Local\n- Dispatch: 555 0100",
         ["20: a heading '### Local' under '## Emergency' is never shown in the app: "
          "contacts.md has only `##` sections. Delete the line (what is under it stays in "
          "'## Emergency')"]),
        # a `###` in a checklist: its items stay in the `##` section, the heading vanished
        ("checklists/first-officer.md", "## Take cover", "### Outside\n- [ ] Close the road.",
         ["22: a heading '### Outside' under '## Take cover' is never shown in the app: a "
          "checklist has only `##` sections. Delete the line (what is under it stays in "
          "'## Take cover')"]),
        # a `###` in a practice scenario, or above the first skill: the heading vanished
        ("practice/suicidal-bridge.md", "## Turn 2", "### Hint",
         ["29: a heading '### Hint' is never shown in the app: a scenario has its `#` title "
          "and `## Turn` headings only. Delete the line, or make it a paragraph (what the "
          "officer sees happen)"]),
        ("skills/active-listening.md", "# Active listening skills", "\n### Tip",
         ["12: a heading '### Tip' above the first skill is never shown in the app: the "
          "advice there is text only. Delete the line (what is under it stays in the advice)"]),
        # `Only for:` in contacts.md did nothing (an unknown name was blamed, a known one not)
        ("contacts.md", "## Crisis lines", "Only for: suicidal",
         ["23: `Only for:` and `Not for:` have no meaning in contacts.md: every number is "
          "shown in every situation. Delete the line"]),
        ("contacts.md", "## Emergency", "Not for: sucidal, hostage",
         ["20: `Only for:` and `Not for:` have no meaning in contacts.md: every number is "
          "shown in every situation. Delete the line"]),
        # not the first line under its heading: told once, as before
        (RAPPORT, "Keep listening.", "\nOnly for: suicidal",
         ["17: `Only for:` must be the first line right under a heading"]),
    ],
)
def test_what_the_app_never_uses_is_reported_at_its_line(tmp_path, monkeypatch, capsys, rel, line,
                                                         block, messages):
    root = copy_tree(REAL, tmp_path / "content")
    insert_after(root, rel, line, block)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/{rel}:{m}" for m in messages])


@pytest.mark.parametrize(
    "rel, line, block",
    [
        # a `###` under Say names a skill, under Avoid a group: as before
        (RAPPORT, "## Avoid", "### Orders\n- Calm down.\n  - Why: It tells them how to feel.\n"
         "  - Instead: You sound angry.\n"),
        # `Only for:` under `## Do` and in a checklist section does what README says
        (RAPPORT, "## Do", "Only for: suicidal"),
        ("checklists/first-officer.md", "## Take cover", "Only for: hostage"),
    ],
)
def test_what_the_app_uses_is_no_problem(tmp_path, monkeypatch, capsys, rel, line, block):
    root = copy_tree(REAL, tmp_path / "content")
    insert_after(root, rel, line, block)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (0, [])


def test_the_items_under_a_stray_heading_still_load(tmp_path):
    root = copy_tree(REAL, tmp_path / "content")
    insert_after(root, RAPPORT, "## Do", "### Before you speak\n- Take a breath.")
    stage = next(s for s in compile_guide(root).stages if s.order == 3)
    assert stage.do[0].text == "Take a breath."
    assert stage.do[0].section == "Do"
