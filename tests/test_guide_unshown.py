"""Code and HTML blocks the app never shows, wherever they sit (app.guide.unshown).

Under `## Do` or a Say heading such a block was already reported (not-a-list-item). In a
stage's `## Purpose`, a situation's summary, a skill's description, a practice scenario,
a checklist, contacts.md, style.md or sources.md it vanished from the app while `check`
said "no problems" (a QA pass, 2026-11-29). Each is now `block-not-shown` at its line.
So is a sub-item under a Purpose item: the purpose is lines of text, and it was dropped.
"""

from __future__ import annotations

import pytest

from tests.guide_helpers import REAL, check_cli, copy_tree, insert_after

CODE = "is never shown in the app: remove the ``` lines (or the indent) to write it as text or " \
    "`- ` items"
HTML = "is never shown in the app: remove the <tags> to write it as text or `- ` items (a note " \
    "only instructors read goes in <!-- -->)"
RAPPORT, SUICIDAL = "stairway/3-rapport.md", "situations/suicidal.md"
SKILLS, BRIDGE = "skills/active-listening.md", "practice/suicidal-bridge.md"
SUMMARY = "A person in crisis who may end their life."


@pytest.mark.parametrize(
    "rel, line, block, message",
    [
        # the QA row: a fenced code block in a stage's Purpose
        (RAPPORT, "## Purpose", "```\nStay calm.\n```\n",
         f"14: a code block under '## Purpose' {CODE}"),
        # an HTML block after the Purpose's text
        (RAPPORT, "Keep listening.", "\n<div>\nNever rush.\n</div>\n",
         f"17: an HTML block under '## Purpose' {HTML}"),
        # the QA row: a code block (indented four spaces) in a situation's summary
        (SUICIDAL, SUMMARY, "\n    Ask about the means.\n",
         f"14: a code block under '# Suicidal subject' {CODE}"),
        # an HTML block in the summary
        (SUICIDAL, SUMMARY, "\n<p>Ask about the means.</p>\n",
         f"14: an HTML block under '# Suicidal subject' {HTML}"),
        # before a stage's first section, where nothing is shown
        (RAPPORT, "# Rapport", "\n<aside>Stage three</aside>\n",
         f"13: an HTML block under '# Rapport' {HTML}"),
        # a skill's description and its `When to use`
        (SKILLS, "## Emotion labeling", "~~~\nName it.\n~~~",
         f"15: a code block under '## Emotion labeling' {CODE}"),
        (SKILLS, "### When to use", "<p>When they shout.</p>\n",
         f"18: an HTML block under '### When to use' {HTML}"),
        # a practice scenario's scene, and a turn
        (BRIDGE, "# A man on the bridge rail", "\n```\nNight, a bridge.\n```",
         f"13: a code block under '# A man on the bridge rail' {CODE}"),
        (BRIDGE, "> Stay back!", "\n```\nHe grips the rail.\n```",
         f"18: a code block under '## Turn 1' {CODE}"),
        # a checklist's section: the items in it never reached the officer
        ("checklists/first-officer.md", "## Take cover", "```\n- [ ] Keep cover.\n```",
         f"22: a code block under '## Take cover' {CODE}"),
        # a number in a code block was never a button to call
        ("contacts.md", "## Emergency", "```\n- Dispatch: 555 0100\n```",
         f"20: a code block under '## Emergency' {CODE}"),
        # a rule in a code block was never checked: the check, not the app, reads style.md
        ("style.md", "## Never in a Say phrase", "```\n- relax: Name the feeling.\n```",
         "21: a code block under '## Never in a Say phrase' is never read by the check: "
         "remove the ``` lines (or the indent) to write it as text or `- ` items"),
        # sources.md
        ("sources.md", "# Sources", "\n<p>Add new keys at the end.</p>\n",
         f"12: an HTML block under '# Sources' {HTML}"),
        # inside a list item: neither the item's text nor a block of its own
        # a fenced block inside a `## Do` item: not the item's text, so never shown
        (RAPPORT, "- Use their name", "\n  ```\n  Ask what they like to be called.\n  ```",
         "20: a code block under '## Do' is not a list item, so the app would not show it: "
         "remove the ``` lines (or the indent) and start each line with `- `"),
        # an HTML block inside a checklist item's sub-item
        ("checklists/first-officer.md", "- [ ] Keep cover.", "  - Caution: Stay low.\n\n"
         "    <div>\n    Behind the engine block.\n    </div>",
         f"25: an HTML block under '## Take cover' {HTML}"),
        # a code block inside a practice answer
        (BRIDGE, "- Best: I'm staying back", "\n      He nods.\n",
         f"20: a code block under '## Turn 1' {CODE}"),
    ],
)
def test_a_block_no_section_shows_is_reported_at_its_line(tmp_path, monkeypatch, capsys, rel,
                                                          line, block, message):
    root = copy_tree(REAL, tmp_path / "content")
    insert_after(root, rel, line, block)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/{rel}:{message}"])


@pytest.mark.parametrize(
    "rel, line, block",
    [
        # an HTML comment is hidden on purpose: a note between instructors
        (RAPPORT, "## Purpose", "<!-- ask the negotiator about this one -->\n"),
        (SUICIDAL, SUMMARY, "\n<!-- reviewed with the CIT team -->\n"),
        ("contacts.md", "## Emergency", "<!-- dispatch number goes here -->"),
        # a thematic break holds no text
        (BRIDGE, "# A man on the bridge rail", "\n***"),
    ],
)
def test_a_comment_anywhere_is_no_problem(tmp_path, monkeypatch, capsys, rel, line, block):
    root = copy_tree(REAL, tmp_path / "content")
    insert_after(root, rel, line, block)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (0, [])


def test_a_sub_item_under_a_purpose_item_is_reported_at_its_line(tmp_path, monkeypatch, capsys):
    # a Caution under a line of the Purpose never reached the officer
    root = copy_tree(REAL, tmp_path / "content")
    insert_after(root, RAPPORT, "## Purpose", "- Build trust first.\n  - Caution: A sudden "
                 "calm can mean they have decided to die.\n")
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/{RAPPORT}:15: sub-items have no meaning in "
                                    "'## Purpose': write the text on the item's own line"])
