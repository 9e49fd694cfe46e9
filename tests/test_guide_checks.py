"""`check`: one small broken file per check, asserting the exact `PATH:LINE: message`.

Each row plants one defect in a copy of tests/fixtures/guide/valid/ (run as `c`).
"""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from app.cli import main, run_check
from tests.guide_helpers import VALID, copy_tree

R = "stairway/3-rapport.md"
S = "situations/suicidal.md"
SAY_BLOCK = (
    "## Say\n\n### Emotion labeling\n- You sound worn out (3).\n\n"
    "### Open-ended questions\nOnly for: suicidal\n"
    "- What matters most to you right now (3)?\n\n"
)
GOOD_HEADER = (
    '---\nid: extra\ntitle: Extra\nversion: "1.0"\nreviewed: 2026-11-01\n'
    "sources: [vecchi-2005]\n---\n"
)

CASES = [
    # front matter missing
    (
        ("write", "checklists/extra.md", "# Extra\n\n## A\n- [ ] x\n"),
        "c/checklists/extra.md:1: front matter is missing",
    ),
    # front matter never closed
    (
        ("write", "checklists/extra.md", "---\nid: extra\ntitle: X\n\n# Extra\n- [ ] x\n"),
        "c/checklists/extra.md:1: front matter is not closed",
    ),
    # invalid YAML: the line where the bracket opened
    (
        ("edit", R, "title: Rapport", "title: [Rapport"),
        "c/stairway/3-rapport.md:3: front matter is not valid YAML",
    ),
    # invalid YAML: an unquoted colon in a value
    (
        ("edit", R, "title: Rapport", "title: Rapport: trust"),
        "c/stairway/3-rapport.md:3: front matter is not valid YAML (mapping values",
    ),
    # each required key missing
    (("edit", R, "id: rapport\n", ""), "c/stairway/3-rapport.md:1: front matter has no 'id'"),
    (("edit", R, "title: Rapport\n", ""), "c/stairway/3-rapport.md:1: front matter has no 'title'"),
    (
        ("edit", R, 'version: "1.0"\n', ""),
        "c/stairway/3-rapport.md:1: front matter has no 'version'",
    ),
    (
        ("edit", R, "reviewed: 2026-11-01\n", ""),
        "c/stairway/3-rapport.md:1: front matter has no 'reviewed'",
    ),
    (
        ("edit", R, "sources: [vecchi-2005]\n", ""),
        "c/stairway/3-rapport.md:1: front matter has no 'sources'",
    ),
    # a stage file without `stage:`
    (("edit", R, "stage: 3\n", ""), "c/stairway/3-rapport.md:1: front matter has no 'stage'"),
    # reviewed is not a date
    (
        ("edit", R, "reviewed: 2026-11-01", "reviewed: last week"),
        "c/stairway/3-rapport.md:5: reviewed 'last week' is not a date",
    ),
    # reviewed looks like a date but is not one
    (
        ("edit", R, "reviewed: 2026-11-01", "reviewed: 2026-02-30"),
        "c/stairway/3-rapport.md:5: reviewed '2026-02-30' is not a date",
    ),
    # reviewed in the future
    (
        ("edit", R, "reviewed: 2026-11-01", "reviewed: 2999-01-01"),
        "c/stairway/3-rapport.md:5: reviewed 2999-01-01 is in the future",
    ),
    # the YAML trap: 1.10 would silently become 1.1
    (
        ("edit", R, 'version: "1.0"', "version: 1.10"),
        "c/stairway/3-rapport.md:4: version 1.10 must be in quotes",
    ),
    # id with capitals and spaces
    (
        ("edit", R, "id: rapport", "id: Rapport stage"),
        "c/stairway/3-rapport.md:2: id 'Rapport stage' must be lower case",
    ),
    # two files with one id: the second (in path order) is reported, naming the first
    (
        ("edit", "situations/hostage.md", "id: hostage", "id: suicidal"),
        "c/situations/suicidal.md:2: id 'suicidal' is already used by situations/hostage.md",
    ),
    # a stage number missing: reported on the first stairway file
    (
        ("delete", "stairway/4-influence.md"),
        "c/stairway/1-active-listening-stage.md:1: no file for stage 4",
    ),
    # a stage number repeated: reported on the second file's `stage:` line
    (
        ("edit", "stairway/5-behavioral-change.md", "stage: 5", "stage: 4"),
        "c/stairway/5-behavioral-change.md:8: stage 4 is also used by stairway/4-influence.md",
    ),
    # a stage number out of range
    (("edit", R, "stage: 3", "stage: 6"), "c/stairway/3-rapport.md:8: stage 6 is not 1 to 5"),
    # a stage number that is not a number
    (
        ("edit", R, "stage: 3", "stage: three"),
        "c/stairway/3-rapport.md:8: stage 'three' is not a number",
    ),
    # a source key not in sources.md
    (
        ("edit", R, "sources: [vecchi-2005]", "sources: [vecchi-2005, vechi-2006]"),
        "c/stairway/3-rapport.md:7: unknown source 'vechi-2006' (known: noesner-1997, vecchi-2005)",
    ),
    # a source key in a block list: the line of that key
    (
        ("edit", R, "sources: [vecchi-2005]", "sources:\n  - vecchi-2005\n  - vechi-2006"),
        "c/stairway/3-rapport.md:9: unknown source 'vechi-2006'",
    ),
    # sources written as one word instead of a list
    (
        ("edit", R, "sources: [vecchi-2005]", "sources: vecchi-2005"),
        "c/stairway/3-rapport.md:7: sources must be a list",
    ),
    # an unknown situation in `Only for:`
    (
        ("edit", R, "Only for: suicidal", "Only for: suicide"),
        "c/stairway/3-rapport.md:31: unknown situation 'suicide' (known: hostage, suicidal)",
    ),
    # an unknown skill heading in a stage file
    (
        ("edit", R, "### Emotion labeling", "### Emotion labelling"),
        "c/stairway/3-rapport.md:27: unknown skill 'Emotion labelling' "
        "(known: emotion-labeling, open-ended-questions)",
    ),
    # an unknown skill heading in a situation file (####)
    (
        ("edit", S, "#### Emotion labeling", "#### Empathy skill"),
        "c/situations/suicidal.md:28: unknown skill 'Empathy skill'",
    ),
    # an unknown stage heading in a situation file
    (
        ("edit", S, "### Empathy", "### Empathie"),
        "c/situations/suicidal.md:27: unknown stage 'Empathie' (known: 1 Active Listening",
    ),
    # an empty checklist item
    (
        ("edit", "checklists/first-officer.md", "- [ ] Set the inner perimeter.", "- [ ]"),
        "c/checklists/first-officer.md:14: checklist item is empty",
    ),
    # an empty phrase
    (("edit", R, "- You sound worn out (3).", "-"), "c/stairway/3-rapport.md:28: phrase is empty"),
    # an empty heading
    (("edit", R, "## Step back if", "##"), "c/stairway/3-rapport.md:22: heading is empty"),
    # a stage without any Say phrase
    (("edit", R, SAY_BLOCK, ""), "c/stairway/3-rapport.md:10: stage 'Rapport' has no Say phrase"),
    # not valid UTF-8: the line of the first bad byte
    (
        ("bytes", R, b"Purpose of Rapport.", b"Purpose of \xff Rapport."),
        "c/stairway/3-rapport.md:13: file is not valid UTF-8 (byte 0xff)",
    ),
    # a link to a content file that does not exist
    (
        ("edit", S, "first-officer.md)", "first-oficer.md)"),
        "c/situations/suicidal.md:11: link '../checklists/first-oficer.md' points to a file "
        "that does not exist",
    ),
    # a broken link on the second line of a paragraph: its own line, not the paragraph's
    (
        (
            "edit",
            S,
            "end their life. See the [checklist](../checklists/first-officer.md)",
            "end their life.\nSee the [checklist](gone.md)",
        ),
        "c/situations/suicidal.md:12: link 'gone.md' points to a file that does not exist "
        "(looked for situations/gone.md)",
    ),
    # a link outside the guide: shown as plain text, and nothing can open it offline
    (
        ("edit", S, "(../checklists/first-officer.md)", "(javascript:alert(1))"),
        "c/situations/suicidal.md:11: link 'javascript:alert(1)' goes outside the guide",
    ),
    (
        ("edit", S, "(../checklists/first-officer.md)", "(https://example.org/guide)"),
        "c/situations/suicidal.md:11: link 'https://example.org/guide' goes outside the guide",
    ),
    # extra: a stage with no tickable move-up sign
    (
        ("edit", R, "- [ ] Sign one of Rapport.\n- [ ] Sign two of Rapport.\n", ""),
        "c/stairway/3-rapport.md:18: stage 'Rapport' has no `- [ ]` item under `## Move up when`",
    ),
    # extra: a move-up sign that cannot be ticked
    (
        ("edit", R, "- [ ] Sign one of Rapport.", "- Sign one of Rapport."),
        "c/stairway/3-rapport.md:19: '## Move up when' items must be tickable",
    ),
    # extra: a phrase outside any skill heading in a stage file
    (
        ("edit", R, "## Say\n\n", "## Say\n- Loose phrase.\n\n"),
        "c/stairway/3-rapport.md:26: phrase is not under a skill heading",
    ),
    # extra: a paragraph under Say (the `- ` forgotten)
    (
        ("edit", R, "- You sound worn out (3).", "You sound worn out (3)."),
        "c/stairway/3-rapport.md:28: text under a Say/Avoid heading is not a phrase",
    ),
    # extra: a misspelt section the app would never show
    (
        ("edit", R, "## Step back if", "## Step back when"),
        "c/stairway/3-rapport.md:22: unknown section 'Step back when'",
    ),
    # extra: a misspelt front matter key
    (
        ("edit", R, "stage: 3", "stage: 3\ntitel: Rapport"),
        "c/stairway/3-rapport.md:9: unknown key 'titel' in the front matter",
    ),
    # extra: a key written twice
    (
        ("edit", R, "stage: 3", "stage: 3\ntitle: Again"),
        "c/stairway/3-rapport.md:9: key 'title' appears twice",
    ),
    # extra: `Only for:` not right under a heading
    (
        ("edit", R, "- Do the Rapport thing.", "- Do the Rapport thing.\n\nOnly for: hostage"),
        "c/stairway/3-rapport.md:18: `Only for:` must be the first line right under a heading",
    ),
    # extra: a source without its key in backticks
    (
        ("edit", "sources.md", "- `vecchi-2005`: Vecchi", "- Vecchi"),
        "c/sources.md:11: source has no key",
    ),
    # extra: a source key defined twice
    (
        ("edit", "sources.md", "`vecchi-2005`", "`noesner-1997`"),
        "c/sources.md:11: source 'noesner-1997' is defined twice (first on line 10)",
    ),
    # extra: a Markdown file outside the content folders
    (
        ("write", "notes/extra.md", GOOD_HEADER + "# Extra\n"),
        "c/notes/extra.md:1: file is not in a content folder",
    ),
    # a file far larger than any guide file: refused unread (parsing 5 MB took 24 s)
    (
        ("edit", R, "- You sound worn out (3).\n", "- You sound worn out (3).\n" + "x" * 300_000),
        "c/stairway/3-rapport.md:1: file is larger than 256 KB",
    ),
    # a NUL pasted into the text: markdown shows it as \ufffd
    (
        ("bytes", R, b"You sound worn out", b"You sound\x00 worn out"),
        "c/stairway/3-rapport.md:28: this line holds an invisible control character (U+0000)",
    ),
    # a NUL in the front matter: markdown-it made it \ufffd before the header check saw it
    (
        ("bytes", R, b"title: Rapport", b"title: Rap\x00port"),
        "c/stairway/3-rapport.md:3: this line holds an invisible control character (U+0000)",
    ),
    # a YAML tag: the title became "aGVsbG8=" with no word; a list as a key: its parser's
    # own objects were printed ("unknown key '[ScalarNode(tag=...")
    (
        ("edit", R, "title: Rapport", "title: !!binary aGVsbG8="),
        "c/stairway/3-rapport.md:3: 'title' has `!!binary` before its value, which the app "
        "does not read: delete `!!binary`",
    ),
    (
        ("edit", R, "title: Rapport", "title: Rapport\n[a, b]: c"),
        "c/stairway/3-rapport.md:4: a front-matter key must be one word before a colon",
    ),
    # a byte order mark pasted before a key, or a zero-width space before a heading:
    # "unknown key 'title'" beside "no 'title'", with nothing on screen to tell them apart
    (
        ("edit", R, "title: Rapport", "\ufefftitle: Rapport"),
        "c/stairway/3-rapport.md:3: this line holds an invisible character (U+FEFF, a byte "
        "order mark)",
    ),
    (
        ("edit", R, "## Say", "\u200b## Say"),
        "c/stairway/3-rapport.md:25: this line holds an invisible character (U+200B, a "
        "zero-width space)",
    ),
    # a situation repeats a line its stage file already shows for it (case and spacing aside)
    (
        ("edit", S, "### Active Listening\n", "### Rapport\n- What matters  most to you "
         "right now (3)?\n\n### Active Listening\n"),
        "c/situations/suicidal.md:25: 'What matters most to you right now (3)?' is already a "
        "stage 3 Say phrase (stairway/3-rapport.md line 32): for suicidal it shows twice; "
        "keep one",
    ),
    # two lines for every situation in the same stage file
    (
        ("edit", R, "- You sound worn out (3).\n", "- You sound worn out (3).\n"
         "- you sound worn out (3).\n"),
        "c/stairway/3-rapport.md:29: 'you sound worn out (3).' is already a stage 3 Say phrase "
        "(stairway/3-rapport.md line 28): for every situation it shows twice; keep one",
    ),
    # a list nested ten deep: markdown-it silently stops reading the file there
    (
        (
            "edit",
            "checklists/first-officer.md",
            "- [ ] Set the inner perimeter.\n",
            "- [ ] Set the inner perimeter.\n"
            + "".join("  " * (i + 1) + f"- level {i}\n" for i in range(10)),
        ),
        "c/checklists/first-officer.md:23: lists or quotes are nested too deeply here, so the "
        "rest of the file cannot be read: indent each sub-item once, under its item (fix this "
        "first",
    ),
]


def _plant(root, action) -> None:
    kind, rel, *rest = action
    path = root / rel
    if kind == "write":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(rest[0], encoding="utf-8")
    elif kind == "delete":
        path.unlink()
    elif kind == "bytes":
        data = path.read_bytes()
        assert rest[0] in data
        path.write_bytes(data.replace(rest[0], rest[1], 1))
    else:
        text = path.read_text(encoding="utf-8")
        assert rest[0] in text, f"{rest[0]!r} not in {rel}"
        path.write_text(text.replace(rest[0], rest[1], 1), encoding="utf-8")


def _check(root, monkeypatch) -> tuple[int, list[str]]:
    monkeypatch.chdir(root.parent)
    out = io.StringIO()
    code = run_check(root.name, out)
    return code, out.getvalue().splitlines()


def test_valid_fixture_is_clean(tmp_path, monkeypatch):
    code, lines = _check(copy_tree(VALID, tmp_path / "c"), monkeypatch)
    assert (code, lines) == (0, ["checked 12 files: no problems"])


@pytest.mark.parametrize(("action", "expected"), CASES)
def test_each_defect_is_reported_at_its_line(tmp_path, monkeypatch, action, expected):
    root = copy_tree(VALID, tmp_path / "c")
    _plant(root, action)
    code, lines = _check(root, monkeypatch)
    assert code == 1
    problems, summary = lines[:-1], lines[-1]
    assert any(line.startswith(expected) for line in problems), "\n".join(lines)
    assert summary.startswith("checked ") and " problem" in summary
    # a file's own syntax problems ("fix this first") come first, then by path and line
    keys = [("fix this first" not in p, p.split(":")[0], int(p.split(":")[1])) for p in problems]
    assert keys == sorted(keys)


def test_every_problem_is_collected_not_just_the_first(tmp_path, monkeypatch):
    root = copy_tree(VALID, tmp_path / "c")
    _plant(root, ("edit", R, "reviewed: 2026-11-01", "reviewed: soon"))
    _plant(root, ("edit", R, "- You sound worn out (3).", "-"))
    _plant(root, ("edit", "checklists/first-officer.md", "- [ ] Set the inner perimeter.", "- [ ]"))
    code, lines = _check(root, monkeypatch)
    assert code == 1
    assert [ln.split(": ")[0] for ln in lines[:-1]] == [
        "c/checklists/first-officer.md:14",
        "c/stairway/3-rapport.md:5",
        "c/stairway/3-rapport.md:28",
    ]
    assert lines[-1] == "checked 12 files: 3 problems in 2 files"


@pytest.mark.parametrize(
    "make",
    [
        # no such directory
        lambda tmp: tmp / "nowhere",
        # a file where the directory should be
        lambda tmp: (tmp / "file.md").write_text("x") and tmp / "file.md",
    ],
)
def test_missing_content_dir_is_a_usage_error(tmp_path, make):
    target = make(tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "app", "check", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert str(target) in proc.stderr


@pytest.mark.parametrize("command", ["check", "dump"])
def test_without_a_folder_the_configured_content_is_used(tmp_path, monkeypatch, capsys, command):
    # STAIRWAY_CONTENT_DIR names a broken copy; the current directory has a clean
    # ./content that must NOT be the one read
    root = copy_tree(VALID, tmp_path / "configured")
    _plant(root, ("edit", R, "reviewed: 2026-11-01", "reviewed: soon"))
    work = tmp_path / "work"
    copy_tree(VALID, work / "content")
    monkeypatch.chdir(work)
    monkeypatch.setenv("STAIRWAY_CONTENT_DIR", str(root))
    code = main([command])
    out, err = capsys.readouterr()
    assert code == 1
    problems = out if command == "check" else err
    assert f"{root}/stairway/3-rapport.md:5: reviewed 'soon' is not a date" in problems


def test_the_configured_folder_is_shown_relative_when_it_is_below(tmp_path, monkeypatch, capsys):
    root = copy_tree(VALID, tmp_path / "guide")
    _plant(root, ("edit", R, "reviewed: 2026-11-01", "reviewed: soon"))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("STAIRWAY_CONTENT_DIR", str(root))
    assert main(["check"]) == 1
    assert capsys.readouterr().out.startswith("guide/stairway/3-rapport.md:5: ")


# --- files that are not guide text but still sit in the folder ------------------------------


def test_a_private_key_anywhere_in_the_folder_is_reported(tmp_path, monkeypatch):
    """content/ ships inside the app: `keygen --out content` would put the key on every phone."""
    from app.packs.keys import keygen

    root = copy_tree(VALID, tmp_path / "c")
    keygen(root, "metro-pd")  # metro-pd.key and metro-pd.pub at the top
    pem = (root / "metro-pd.key").read_bytes()
    (root / "keys").mkdir()
    (root / "keys" / "old-signing.txt").write_bytes(b"kept for now\n" + pem)
    (root / "translations" / "es").mkdir(parents=True)
    (root / "translations" / "es" / "id_ed25519").write_bytes(
        b"-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n"
    )
    (root / "keys" / "README.md").write_text("Never put metro-pd.key here.\n")  # words are fine

    code, lines = _check(root, monkeypatch)

    assert code == 1
    flagged = [ln.split(": ")[0] for ln in lines if "this is a private signing key" in ln]
    assert flagged == [
        "c/keys/old-signing.txt:1",
        "c/metro-pd.key:1",
        "c/translations/es/id_ed25519:1",
    ]
    assert pem.decode().splitlines()[1] not in "\n".join(lines)  # the key itself is never printed
    assert lines[-1] == "checked 12 files: 3 problems in 3 files"


def test_a_named_pipe_in_the_folder_is_reported_not_waited_on(tmp_path, monkeypatch):
    import os
    import threading

    root = copy_tree(VALID, tmp_path / "c")
    os.mkfifo(root / "situations" / "pipe.md")
    got: list = []
    t = threading.Thread(target=lambda: got.append(_check(root, monkeypatch)), daemon=True)
    t.start()
    t.join(timeout=30)
    if t.is_alive():
        with open(root / "situations" / "pipe.md", "wb"):
            pass
        pytest.fail("check blocked on a named pipe")
    code, lines = got[0]
    assert code == 1
    want = "c/situations/pipe.md:1: file cannot be opened (it is a named pipe (FIFO), not a file)"
    assert any(ln.startswith(want) for ln in lines), "\n".join(lines)


@pytest.mark.parametrize(
    "make, says",
    [
        (lambda p: p.symlink_to(p), "it is a symbolic link that leads back to itself"),
        (lambda p: p.symlink_to(p.parent / "gone.md"), "it is a symbolic link to nothing"),
        (lambda p: p.write_text("x" * 300_000), "file is larger than 256 KB"),
    ],
)
def test_a_file_that_cannot_be_read_gets_one_plain_problem(tmp_path, monkeypatch, make, says):
    """Each also got "front matter is missing", and a link loop was told to check its
    permissions."""
    root = copy_tree(VALID, tmp_path / "c")
    make(root / "situations" / "odd.md")
    code, lines = _check(root, monkeypatch)
    mine = [ln for ln in lines if ln.startswith("c/situations/odd.md:")]
    assert code == 1 and len(mine) == 1 and says in mine[0], "\n".join(lines)
    assert "permissions" not in mine[0]


def test_control_characters_quoted_from_content_never_reach_the_terminal(tmp_path, monkeypatch):
    """A sub-item holding ESC ]0;...BEL ESC [2J was printed raw inside its message: it set
    the terminal's title and cleared the screen of whoever ran check."""
    root = copy_tree(VALID, tmp_path / "c")
    _plant(root, ("edit", "checklists/first-officer.md", "- [ ] Set the inner perimeter.\n",
                  "- [ ] Set the inner perimeter.\n  - \x1b]0;PWNED\x07\x1b[2Jbad\n"))
    code, lines = _check(root, monkeypatch)
    out = "\n".join(lines)
    assert code == 1 and "\\x1b]0;PWNED\\x07\\x1b[2Jbad" in out
    assert not any(ch in out for ch in "\x1b\x07")


def test_what_pack_would_refuse_check_says_first(tmp_path, monkeypatch):
    """check said "no problems" for a folder that pack then refused (a link, a pipe), and
    missed a private key that was hidden, in DER form, or read through a link."""
    import os

    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    root = copy_tree(VALID, tmp_path / "c")
    key = Ed25519PrivateKey.generate()
    der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    (root / "skills" / "der.bin").write_bytes(der)
    (root / ".old.key").write_text("hidden, but the app build copies it\n")
    outside = tmp_path / "elsewhere.txt"
    outside.write_bytes(der)
    (root / "skills" / "leak.txt").symlink_to(outside)
    os.mkfifo(root / "pipe")

    code, lines = _check(root, monkeypatch)

    found = sorted((ln.split(": ")[0], ln.split(": ")[1].split(":")[0]) for ln in lines[:-1])
    assert found == [
        ("c/.old.key:1", "this is a private signing key"),
        ("c/pipe:1", "this is not a plain file (a pipe, a socket or a device)"),
        ("c/skills/der.bin:1", "this is a private signing key"),
        ("c/skills/leak.txt:1", "this is a private signing key"),
        ("c/skills/leak.txt:1", "this is a symbolic link"),
    ], "\n".join(lines)
    assert code == 1
