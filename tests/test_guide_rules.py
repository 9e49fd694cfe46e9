"""Content model v2 checks (issue 7 sections 3 and 4), one small broken fixture each.

Each row plants one defect in a copy of tests/fixtures/guide/valid/ (run as `c`) and
asserts the exact `PATH:LINE: message` that `python -m app check c` prints, exit 1.
`app.cli.main` is what `python -m app` runs; one test runs the real module as well.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.guide_helpers import VALID, check_cli, copy_tree

E = "stairway/2-empathy.md"  # lines 27-39: Say (### Emotion labeling) then Avoid
S = "situations/suicidal.md"
C = "checklists/first-officer.md"
CALM = "- Calm down (2).\n  - Why: An order to feel calm makes them feel unheard.\n"
INSTEAD = "  - Instead: You sound really upset (2).\n"
SAY = "- You sound worn out (2).\n"
STYLE_RULE = '- calm down: Name the feeling instead: "You sound really upset."'
STYLE_LONGEST = "## Longest phrase\n20 words"
WORDS_21 = " ".join(["word"] * 20) + " end."

CASES = [
    # an Avoid phrase without `Why:`
    (
        (E, "  - Why: An order to feel calm makes them feel unheard.\n", ""),
        "c/stairway/2-empathy.md:37: Avoid phrase has no `Why:`: add a sub-item "
        "`  - Why: ...` saying why it hurts",
    ),
    # an Avoid phrase without `Instead:`
    (
        (E, INSTEAD, ""),
        "c/stairway/2-empathy.md:37: Avoid phrase has no `Instead:`: add a sub-item "
        "`  - Instead: ...` with what to say instead",
    ),
    # a sub-item whose label is not one of the five
    (
        (E, INSTEAD, "  - Because: It orders a feeling.\n" + INSTEAD),
        "c/stairway/2-empathy.md:39: sub-item 'Because: It orders a feeling.' must start "
        "with Why:, Instead:, Caution:, Only for: or Not for:",
    ),
    # `Instead:` under a Say phrase
    (
        (E, SAY, SAY + "  - Instead: Something else.\n"),
        "c/stairway/2-empathy.md:29: `Instead:` belongs under an Avoid phrase, not a Say "
        "phrase: delete it, or move the phrase under `## Avoid`",
    ),
    # `Why:` under a checklist item
    (
        (C, "- [ ] Set the inner perimeter.\n", "- [ ] Set the inner perimeter.\n  - Why: x\n"),
        "c/checklists/first-officer.md:15: `Why:` belongs under a phrase, not under this "
        "list item: use `Caution:` for a warning, or delete the line",
    ),
    # the same label twice
    (
        (E, INSTEAD, INSTEAD + "  - Instead: You sound upset.\n"),
        "c/stairway/2-empathy.md:40: `Instead:` appears twice under this item (first on "
        "line 39): keep one",
    ),
    # a label with nothing after it
    (
        (E, SAY, SAY + "  - Caution:\n"),
        "c/stairway/2-empathy.md:29: `Caution:` is empty: write the text after the colon, "
        "or delete the line",
    ),
    # a sub-item inside a sub-item
    (
        (E, INSTEAD, INSTEAD + "    - Caution: deeper\n"),
        "c/stairway/2-empathy.md:40: a sub-item cannot have sub-items of its own: move this "
        "line one level out",
    ),
    # `Not for:` naming a situation that does not exist, on one item
    (
        (E, SAY, SAY + "  - Not for: suicide\n"),
        "c/stairway/2-empathy.md:29: unknown situation 'suicide' (known: hostage, suicidal): "
        "use the id of a file in situations/",
    ),
    # `Not for:` under a heading, naming an unknown situation
    (
        (C, "## Don't\n", "## Don't\nNot for: barricade\n"),
        "c/checklists/first-officer.md:21: unknown situation 'barricade' (known: hostage, "
        "suicidal): use the id of a file in situations/",
    ),
    # `Only for:` under a phrase of a situation file, which is for that situation already
    (
        (S, "- You sound alone in this.\n", "- You sound alone in this.\n  - Only for: hostage\n"),
        "c/situations/suicidal.md:30: `Only for:` has no meaning in a situation's file: "
        "everything in it is shown for this situation alone. Delete the line",
    ),
    # ... right under its title, where it hid nothing and said nothing
    (
        (S, "# Suicidal subject\n", "# Suicidal subject\nOnly for: hostage\n"),
        "c/situations/suicidal.md:10: `Only for:` has no meaning in a situation's file: "
        "everything in it is shown for this situation alone. Delete the line",
    ),
    # ... under a section, or a `Not for:` under an item, even naming the file's own situation
    (
        (S, "## Priorities\n", "## Priorities\nNot for: suicidal\n"),
        "c/situations/suicidal.md:14: `Not for:` has no meaning in a situation's file: "
        "everything in it is shown for this situation alone. Delete the line",
    ),
    (
        (S, "- Keep them talking.\n", "- Keep them talking.\n  - Not for: hostage\n"),
        "c/situations/suicidal.md:15: `Not for:` has no meaning in a situation's file: "
        "everything in it is shown for this situation alone. Delete the line",
    ),
    # a sub-item under a skill's example
    (
        ("skills/active-listening.md", "- You sound angry.\n", "- You sound angry.\n  - Why: x\n"),
        "c/skills/active-listening.md:19: sub-items have no meaning in the skills file: write "
        "the text on the item's own line",
    ),
    # an empty slot
    (
        (E, SAY, "- You sound worn out, [].\n"),
        "c/stairway/2-empathy.md:28: phrase has an empty slot `[]`: write what to fill in, "
        "e.g. `[name]`",
    ),
    # a slot never closed
    (
        (E, SAY, "- It sounds like [name means a lot.\n"),
        "c/stairway/2-empathy.md:28: phrase has a `[` or `]` without its partner: a slot "
        "is written `[name]`",
    ),
    # a slot never opened, in an `Instead:`
    (
        (E, INSTEAD, "  - Instead: You sound upset, name].\n"),
        "c/stairway/2-empathy.md:39: `Instead:` has a `[` or `]` without its partner: a "
        "slot is written `[name]`",
    ),
    # no reviewed_by
    (
        (E, "reviewed_by: Test team\n", ""),
        "c/stairway/2-empathy.md:1: front matter has no 'reviewed_by': add `reviewed_by: "
        "...`, who checked the file",
    ),
    # reviewed_by with nothing after it
    (
        (E, "reviewed_by: Test team\n", 'reviewed_by: ""\n'),
        "c/stairway/2-empathy.md:6: reviewed_by is empty: write who checked this file, "
        "e.g. `reviewed_by: Stairway content team`",
    ),
    # a banned expression in a Say phrase, with what to write instead
    (
        (E, SAY, "- Please calm down now.\n"),
        "c/stairway/2-empathy.md:28: Say phrase uses 'calm down', which the writing rules "
        'forbid (style.md:12): Name the feeling instead: "You sound really upset."',
    ),
    # a `*` rule catches another ending, in a situation file's Say phrase
    (
        (S, "- It sounds like today has been unbearable.", "- Are the hostages hurt?"),
        "c/situations/suicidal.md:25: Say phrase uses 'hostages', which the writing rules "
        'forbid (style.md:13): Say "the people with you".',
    ),
    # a banned expression in an `Instead:` (Avoid phrases themselves may use it)
    (
        (E, INSTEAD, "  - Instead: Calm down, please.\n"),
        "c/stairway/2-empathy.md:39: `Instead:` uses 'Calm down', which the writing rules "
        'forbid (style.md:12): Name the feeling instead: "You sound really upset."',
    ),
    # a Say phrase longer than the longest allowed
    (
        (E, SAY, f"- {WORDS_21}\n"),
        "c/stairway/2-empathy.md:28: phrase has 21 words, more than the 20 the writing "
        "rules allow: cut it, or split it into two phrases",
    ),
    # an `Instead:` longer than the longest allowed
    (
        (E, INSTEAD, f"  - Instead: {WORDS_21}\n"),
        "c/stairway/2-empathy.md:39: `Instead:` has 21 words, more than the 20 the writing "
        "rules allow: cut it, or split it into two phrases",
    ),
    # a phrase of quote marks only is empty
    (
        (E, SAY, '- " … "\n'),
        "c/stairway/2-empathy.md:28: phrase is empty (it has no words, only marks): write "
        "the text or delete the line",
    ),
    # style.md: a rule line with no colon
    (
        ("style.md", STYLE_RULE, "- calm down, name the feeling instead"),
        "c/style.md:12: rule 'calm down, name the feeling instead' has no colon: write the "
        "expression, a colon, then what to write instead, e.g. `- calm down: Name the "
        'feeling instead: "You sound really upset."`',
    ),
    # style.md: a rule with nothing after the colon
    (
        ("style.md", STYLE_RULE, "- calm down:"),
        "c/style.md:12: rule 'calm down' does not say what to write instead: add it after "
        "the colon",
    ),
    # style.md: a `*` in the middle of a word
    (
        ("style.md", STYLE_RULE, "- ca*lm down: Name the feeling."),
        "c/style.md:12: rule 'ca*lm down' is not words before the colon: write whole words, "
        "with `*` only at the end of a word, e.g. `- calm down: Name the feeling instead: "
        '"You sound really upset."`',
    ),
    # style.md: the same rule twice
    (
        ("style.md", STYLE_RULE, STYLE_RULE + "\n- Calm Down: Again."),
        "c/style.md:13: rule 'Calm Down' appears twice (first on line 12): keep one",
    ),
    # style.md: a longest phrase that is not a number of words
    (
        ("style.md", STYLE_LONGEST, "## Longest phrase\ntwenty words"),
        "c/style.md:16: longest phrase 'twenty words' is not a number of words: write one "
        "line such as `20 words`",
    ),
    # style.md: an unknown section
    (
        ("style.md", "## Longest phrase", "## Shortest phrase"),
        "c/style.md:15: unknown section 'Shortest phrase' (known: Never in a Say phrase, "
        "Longest phrase): the check would not use it",
    ),
    # style.md is gone: the writing rules are not checked, and check says so
    (
        ("style.md", None, None),
        "c/style.md:1: style.md is missing, so the writing rules are not checked: add it "
        "(see content/README.md)",
    ),
    # a question the officer asks aloud obeys the writing rules too
    (
        (S, "- Do you have a plan to end your life?", "- Do you want me to calm down?"),
        "c/situations/suicidal.md:17: Question uses 'calm down', which the writing rules "
        'forbid (style.md:12): Name the feeling instead: "You sound really upset."',
    ),
    # a question longer than one breath
    (
        (S, "- Do you have a plan to end your life?", "- " + WORDS_21),
        "c/situations/suicidal.md:17: Question has 21 words, more than the 20 the writing "
        "rules allow: cut it, or split it into two phrases",
    ),
    # contacts.md: a number with letters
    (
        ("contacts.md", "- Emergency: 911", "- Emergency: 9I1"),
        "c/contacts.md:12: number '9I1' for 'Emergency' is not a phone number: use digits, "
        "spaces, -, ( ) and a leading +, at least 3 digits",
    ),
    # contacts.md: too few digits
    (
        ("contacts.md", "- Emergency: 911", "- Emergency: 91"),
        "c/contacts.md:12: number '91' for 'Emergency' is not a phone number: use digits, "
        "spaces, -, ( ) and a leading +, at least 3 digits",
    ),
    # contacts.md: no colon between label and number
    (
        ("contacts.md", "- Emergency: 911", "- Emergency 911"),
        "c/contacts.md:12: 'Emergency 911' is not a label, a colon and a number: write it "
        "as e.g. `- Suicide & Crisis Lifeline (US): 988`",
    ),
    # contacts.md: one label twice
    (
        ("contacts.md", "- Crisis line:", "- Emergency: 112\n- Crisis line:"),
        "c/contacts.md:15: 'Emergency' is listed twice (first on line 12): keep one",
    ),
    # contacts.md cut short after its title: the officer would have no number to tap
    (
        ("contacts.md", "## Emergency\n- Emergency: 911\n\n## Crisis lines\n"
         "- Crisis line: +1 (800) 555-0100", ""),
        "c/contacts.md:9: contacts.md gives no number, so the officer has none to tap: add "
        "one under a `##` heading, e.g. `- Suicide & Crisis Lifeline (US): 988`",
    ),
    # contacts.md: a number above every `##` section
    (
        ("contacts.md", "## Emergency", "- Dispatch: 555 0100\n\n## Emergency"),
        "c/contacts.md:11: number is not under a `##` section: add e.g. `## Crisis lines` above it",
    ),
]


def _plant(root, rel, old, new) -> None:
    path = root / rel
    if old is None:
        path.unlink()
        return
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(("plant", "expected"), CASES)
def test_each_v2_check_prints_its_exact_line(tmp_path, monkeypatch, capsys, plant, expected):
    root = copy_tree(VALID, tmp_path / "c")
    _plant(root, *plant)
    code, lines = check_cli(root, monkeypatch, capsys)
    assert code == 1
    assert expected in lines[:-1], "\n".join(lines)
    assert lines[-1].startswith("checked ")


def test_python_dash_m_app_check_exits_1_with_the_line(tmp_path):
    root = copy_tree(VALID, tmp_path / "c")
    _plant(root, E, SAY, "- Please calm down now.\n")
    proc = subprocess.run(
        [sys.executable, "-m", "app", "check", "c"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[0].startswith("c/stairway/2-empathy.md:28: Say phrase uses")
    assert "Traceback" not in proc.stderr
