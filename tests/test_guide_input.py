"""What an instructor may paste into a guide file that the check once mishandled.

Each row is input a QA pass found: a check that took minutes, a character or a block the
app dropped or showed while `check` said "no problems", a message that told the wrong
story. The check must answer each with `path:line: message`, fast and true.
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.guide.frontmatter import read_header
from app.guide.items import ItemIds
from app.i18n import catalogue
from tests.guide_helpers import REAL, check_cli, copy_tree

TODAY = dt.date(2026, 11, 29)
HEADER = (
    'id: rapport\ntitle: {title}\nversion: "1.0"\nreviewed: 2026-11-01\n'
    "reviewed_by: {by}\nsources: {sources}\nstage: 3\n"
)
CONTROL = "an invisible control character (U+{}), which shows as \ufffd or not at all: remove it"
BIDI = "an invisible direction mark (U+{}), which turns the text around it backwards on screen: "


def _header(title="Rapport", by="Team", sources="[noesner-1997]") -> list[tuple[int, str, str]]:
    """The problems of a stage file's header (its YAML starts on line 2: title is line 3)."""
    text = HEADER.format(title=title, by=by, sources=sources)
    return read_header(text, 2, "stage", TODAY).problems


class _CountingSet(set):
    """A set that counts how often it is asked whether it holds an id."""

    probes = 0

    def __contains__(self, item: object) -> bool:
        type(self).probes += 1
        return super().__contains__(item)


# ---- item ids: linear in the number of repeats ---------------------------------------


@pytest.mark.parametrize(
    "texts, ids",
    [
        # a text once: its slug
        (["Keep calm"], ["keep-calm"]),
        # repeats get -2, -3
        (["x", "x", "x"], ["x", "x-2", "x-3"]),
        # an id another text already took is skipped, as before
        (["x 2", "x", "x", "x"], ["x-2", "x", "x-3", "x-4"]),
        # a repeat's id as a base of its own gets its own suffixes
        (["x", "x", "x 2", "x 2"], ["x", "x-2", "x-2-2", "x-2-3"]),
        # a text of marks only: "item"
        (["!!", "??"], ["item", "item-2"]),
    ],
)
def test_item_ids_are_what_they_always_were(texts, ids):
    made = ItemIds()
    assert [made.make(t) for t in texts] == ids


def test_twenty_thousand_identical_items_take_one_probe_each():
    made = ItemIds()
    made.used = _CountingSet()
    _CountingSet.probes = 0
    n = 20_000
    got = [made.make("x") for _ in range(n)]
    assert got == ["x"] + [f"x-{k}" for k in range(2, n + 1)]
    # one look at the base and one at the suffix tried: 2 per item, never n*n/2
    assert _CountingSet.probes <= 2 * n


# ---- front matter: control characters and direction marks in a value -----------------


@pytest.mark.parametrize(
    "title, by, sources, line, holds",
    [
        # ESC written as a YAML escape: it clears a terminal that prints the title
        ('"Rap\\x1b[2Jport"', "Team", "[noesner-1997]", 3, CONTROL.format("001B")),
        # BEL at the very end
        ('"Rapport\\a"', "Team", "[noesner-1997]", 3, CONTROL.format("0007")),
        # a carriage return
        ('"Rap\\rport"', "Team", "[noesner-1997]", 3, CONTROL.format("000D")),
        # C1: CSI, a terminal's escape in one character
        ('"Rap\\x9bport"', "Team", "[noesner-1997]", 3, CONTROL.format("009B")),
        # C1: NEL, written as an escape, in another key
        ("Rapport", '"A\\x85B"', "[noesner-1997]", 6, CONTROL.format("0085")),
        # a right-to-left override: the title reads backwards
        ('"Rap\\u202eport"', "Team", "[noesner-1997]", 3, BIDI.format("202E") + "remove it"),
        # a right-to-left isolate and its end
        ('"\\u2067Rapport\\u2069"', "Team", "[noesner-1997]", 3,
         BIDI.format("2067") + "remove it"),
        # typed, not escaped: the same
        ("Rap\u202aport", "Team", "[noesner-1997]", 3, BIDI.format("202A") + "remove it"),
        # in a list of sources
        ("Rapport", "Team", '[noesner-1997, "x\\x1b"]', 7, CONTROL.format("001B")),
    ],
)
def test_a_control_or_direction_mark_in_a_header_value_is_reported(title, by, sources, line,
                                                                    holds):
    key = {3: "title", 6: "reviewed_by", 7: "sources"}[line]
    assert _header(title, by, sources) == [(line, "value-bad-character", f"'{key}' holds {holds}")]


@pytest.mark.parametrize(
    "title",
    [
        # a tab is fine
        '"Rap\\tport"',
        # letters from other scripts, dashes, quotes: fine
        "Rapport — «rapport» ½ Zoë",
        # a right-to-left script itself (no override) is fine
        "\u0645\u0631\u062d\u0628\u0627",
    ],
)
def test_ordinary_header_values_pass(title):
    assert _header(title) == []


def test_check_names_an_escaped_control_in_a_title_at_its_line(tmp_path, monkeypatch, capsys):
    root = copy_tree(REAL, tmp_path / "content")
    path = root / "stairway" / "3-rapport.md"
    text = path.read_text(encoding="utf-8")
    assert "\ntitle: Rapport\n" in text
    path.write_text(text.replace("\ntitle: Rapport\n", '\ntitle: "Rap\\x1b[2Jport\\a"\n'),
                    encoding="utf-8")
    code, out = check_cli(root, monkeypatch, capsys)
    assert code == 1
    assert out[0] == f"content/stairway/3-rapport.md:3: 'title' holds {CONTROL.format('001B')}"


# ---- labels.txt: control characters and direction marks -------------------------------


@pytest.mark.parametrize(
    "line, problem",
    [
        # ESC and BEL pasted into a label
        ("move_up: Up\x1b[2J\x07", "an invisible control character (U+001B)"),
        # BEL alone, at the end (where strip() would have dropped a \x1f)
        ("move_up: Up\x07", "an invisible control character (U+0007)"),
        ("move_up: Up\x1f", "an invisible control character (U+001F)"),
        # C1
        ("move_up: Up\x9b31m", "an invisible control character (U+009B)"),
        # a right-to-left override
        ("move_up: \u202eevil", "an invisible direction mark (U+202E)"),
    ],
)
def test_a_control_in_a_label_is_a_problem_at_its_line(line, problem):
    parsed = catalogue.parse(f"# ours\nnav_home: Inicio\n{line}\n")
    assert parsed.labels == {"nav_home": "Inicio"}  # the bad label is left out
    assert [(n, code) for n, code, _ in parsed.problems] == [(3, "labels-bad-character")]
    assert parsed.problems[0][2].startswith(f"label 'move_up' holds {problem}, ")


def test_a_label_with_a_tab_or_another_script_is_fine():
    parsed = catalogue.parse("move_up:\tSubir\nnav_home: \u0627\u0644\u0631\u0626\u064a\n")
    assert list(parsed.labels) == ["move_up", "nav_home"] and parsed.problems == []


# ---- code and HTML blocks where a list item or a phrase belongs ------------------------

CODE_FIX = "remove the ``` lines (or the indent) and start each line with `- `"
HTML_FIX = "remove the <tags> and start each line with `- `"
RAPPORT, SUICIDAL = "stairway/3-rapport.md", "situations/suicidal.md"
SKILLS = "skills/active-listening.md"


def _insert(root, rel: str, heading: str, block: str) -> None:
    """Put `block` right under the first line `heading` of one file."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert f"\n{heading}\n" in text, heading
    path.write_text(text.replace(f"\n{heading}\n", f"\n{heading}\n{block}", 1), encoding="utf-8")


@pytest.mark.parametrize(
    "rel, heading, block, message",
    [
        # a fenced code block under ## Do: it vanished from the app, check said nothing
        (RAPPORT, "## Do", "```\n- Keep the knife in view.\n```\n\n",
         f"18: a code block under '## Do' is not a list item, so the app would not show it: "
         f"{CODE_FIX}"),
        # an indented code block (four spaces) likewise
        (RAPPORT, "## Do", "    Keep the knife in view.\n\n",
         f"18: a code block under '## Do' is not a list item, so the app would not show it: "
         f"{CODE_FIX}"),
        # an HTML block
        (RAPPORT, "## Do", "<div>\nNever turn your back.\n</div>\n\n",
         f"18: an HTML block under '## Do' is not a list item, so the app would not show it: "
         f"{HTML_FIX}"),
        # under another item section of a stage
        (RAPPORT, "## Step back if", "~~~\nThey go quiet.\n~~~\n\n",
         f"38: a code block under '## Step back if' is not a list item, so the app would not "
         f"show it: {CODE_FIX}"),
        # under a Say heading, where a paragraph is "not a phrase"
        (RAPPORT, "### Emotion labeling", "```\nYou sound tired.\n```\n",
         f"50: a code block under a Say/Avoid heading is not a phrase: {CODE_FIX}"),
        # a situation's questions
        (SUICIDAL, "## Questions to ask", "<p>Are you safe?</p>\n\n",
         f"37: an HTML block under '## Questions to ask' is not a list item, so the app would "
         f"not show it: {HTML_FIX}"),
        # a skill's examples, where a paragraph is "not an example"
        (SKILLS, "### Examples", "```\nYou sound angry.\n```\n",
         f"21: an example must be a list item, not a code block: {CODE_FIX}"),
    ],
)
def test_a_block_the_app_would_drop_is_reported(tmp_path, monkeypatch, capsys, rel, heading,
                                               block, message):
    root = copy_tree(REAL, tmp_path / "content")
    _insert(root, rel, heading, block)
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/{rel}:{message}"])


@pytest.mark.parametrize(
    "block",
    [
        # an HTML comment is hidden on purpose: a note between instructors
        "<!-- ask the negotiator about this one -->\n\n",
        # a thematic break (a rule) holds no text: nothing is lost
        "***\n\n",
    ],
)
def test_a_comment_under_do_is_no_problem(tmp_path, monkeypatch, capsys, block):
    root = copy_tree(REAL, tmp_path / "content")
    _insert(root, RAPPORT, "## Do", block)
    assert check_cli(root, monkeypatch, capsys)[0] == 0


# ---- front matter: a character YAML takes for a line break ------------------------------

TYPED = "this line holds an invisible {}, which YAML reads as a line break: delete it"


@pytest.mark.parametrize(
    "title, by, line, message",
    [
        # U+2028 typed in a plain value: it was "not valid YAML (could not find expected
        # ':')" on the next line, and the character was never named
        ("Rap\u2028port", "Team", 3, TYPED.format("line separator (U+2028)")),
        # the same in quotes
        ('"Rap\u2028port"', "Team", 3, TYPED.format("line separator (U+2028)")),
        # U+0085 (NEL) typed
        ("Rap\x85port", "Team", 3, TYPED.format("next-line mark (U+0085)")),
        # U+2029 in another key
        ("Rapport", "A\u2029B", 6, TYPED.format("paragraph separator (U+2029)")),
        # written as a YAML escape: the value holds it
        ('"Rap\\u2028port"', "Team", 3, "'title' holds an invisible line separator (U+2028), "
         "which shows as a line break or not at all: remove it"),
    ],
)
def test_a_line_break_yaml_sees_is_named_at_its_line(title, by, line, message):
    assert _header(title, by) == [(line, "value-bad-character", message)]


def test_after_a_line_separator_every_line_is_still_right():
    text = HEADER.format(title="Rap\u2028port", by="Team", sources="[noesner-1997]")
    problems = read_header(text.replace("stage: 3", "stage: 9"), 2, "stage", TODAY).problems
    assert [(n, code) for n, code, _ in problems] == [
        (3, "value-bad-character"), (8, "number-invalid")]


def test_check_names_a_pasted_line_separator_in_a_title(tmp_path, monkeypatch, capsys):
    root = copy_tree(REAL, tmp_path / "content")
    path = root / "stairway" / "3-rapport.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: Rapport\n", "\ntitle: Rap\u2028port\n"),
                    encoding="utf-8")
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [
        "content/stairway/3-rapport.md:3: " + TYPED.format("line separator (U+2028)")])


# ---- front matter: a line break in a value that is one line --------------------------

BROKEN = "holds a line break, which a one-line value cannot have: write it on one line, with " \
    "no `|` or `>` after the colon"


@pytest.mark.parametrize(
    "old, new, message",
    [
        # the review's row: `title: |` keeps the line break, and every screen showed it
        ("title: Rapport", "title: |\n  Rap\n  port", f"3: 'title' {BROKEN}"),
        # empty lines inside `|`
        ("title: Rapport", "title: |\n\n  Rap\n\n\n  port\n", f"3: 'title' {BROKEN}"),
        # `>` folds lines into one, but keeps the break at an empty line
        ("title: Rapport", "title: >\n  Rap\n\n  port", f"3: 'title' {BROKEN}"),
        # written as an escape in quotes
        ("title: Rapport", 'title: "Rap\\nport"', f"3: 'title' {BROKEN}"),
        # the same in the other one-line values
        ("id: rapport", "id: |\n  rap\n  port", f"2: 'id' {BROKEN}"),
        ('version: "1.5"', "version: |\n  1.5\n  1.6", f"4: 'version' {BROKEN}"),
        ("reviewed_by: Stairway content team", "reviewed_by: |\n  Sgt A\n  Sgt B",
         f"6: 'reviewed_by' {BROKEN}"),
        # a lone surrogate and a line break: the character that breaks saving comes first
        ("title: Rapport", 'title: "Rap\\udcff\\nport"',
         "3: 'title' holds \\udcff, which no screen can show: write the character itself, or "
         "remove it"),
    ],
)
def test_a_line_break_in_a_one_line_value_is_reported(tmp_path, monkeypatch, capsys, old, new,
                                                      message):
    root = copy_tree(REAL, tmp_path / "content")
    path = root / "stairway" / "3-rapport.md"
    text = path.read_text(encoding="utf-8")
    assert f"\n{old}\n" in text
    path.write_text(text.replace(f"\n{old}\n", f"\n{new}\n", 1), encoding="utf-8")
    code, out = check_cli(root, monkeypatch, capsys)
    assert (code, out[:-1]) == (1, [f"content/stairway/3-rapport.md:{message}"])


@pytest.mark.parametrize(
    "title",
    [
        # `|` with one line: its own line break at the end is no break in the title
        "|\n  Rapport",
        # `>` folds two lines into one
        ">\n  Rap\n  port",
        # a plain value over two lines is one line with a space
        "Rap\n  port",
        # `|` with only empty lines around the one line
        "|\n\n  Rapport\n\n",
    ],
)
def test_a_title_written_over_lines_that_reads_as_one_is_fine(title):
    assert _header(title) == []
