"""The label catalogues (app.i18n): the file format, the switch, what `check` says about a
guide's labels.txt, and guards that keep every label switchable.

The language is process-wide, so every test that switches it goes back to English.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from app import i18n
from app.guide.checks import check
from app.i18n import catalogue
from app.incidents import kinds as K
from app.ui import labels as L
from app.ui import screens
from tests.guide_helpers import REAL, copy_tree

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "app" / "ui"
ES = REAL / "translations" / "es"


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


# ---- the file format ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, labels, problems",
    [
        # a plain label; spaces around the text are dropped
        ("move_up:   Subir  ", {"move_up": "Subir"}, []),
        # comments and blank lines are skipped; the line numbers still count them
        ("# note\n\nmove_up: Subir\nmove_up x", {"move_up": "Subir"}, [(4, "labels-syntax")]),
        # a colon inside the text belongs to the text
        ("sign: Señal: {text}", {"sign": "Señal: {text}"}, []),
        # no text after the colon
        ("move_up:", {}, [(1, "labels-empty")]),
        # upper case, dots or spaces in a key
        ("Move_Up: Subir\nnav.home: Inicio", {}, [(1, "labels-syntax"), (2, "labels-syntax")]),
        # the same key twice: the first one stays
        ("move_up: Subir\nmove_up: Sube", {"move_up": "Subir"}, [(2, "labels-twice")]),
        # Windows line ends
        ("move_up: Subir\r\nstep_back: Bajar\r\n", {"move_up": "Subir", "step_back": "Bajar"}, []),
    ],
)
def test_parse(text, labels, problems):
    parsed = catalogue.parse(text)
    assert parsed.labels == labels
    assert [(line, code) for line, code, _ in parsed.problems] == problems


@pytest.mark.parametrize(
    "line, code, says",
    [
        # a key the English catalogue does not have, with the nearest one suggested
        ("move_upp: Subir", "labels-unknown-key", "did you mean 'move_up'?"),
        # a placeholder of the English label left out
        ("stage_indicator: Etapa {order}", "labels-placeholder", "missing {total}"),
        # a placeholder the app never fills in
        ("move_up: Subir {n}", "labels-placeholder", "not known {n}"),
        # a placeholder misspelt: both halves said
        ("sign: Señal: {texto}", "labels-placeholder", "missing {text}; not known {texto}"),
    ],
)
def test_validate_against_english(line, code, says):
    parsed = catalogue.read(f"nav_home: Inicio\n{line}\n".encode(), i18n.english())
    assert parsed.labels == {"nav_home": "Inicio"}  # the good line still applies
    assert [(n, c) for n, c, _ in parsed.problems] == [(2, code)]
    assert says in parsed.problems[0][2]


@pytest.mark.parametrize(
    "data, labels, code",
    [
        # a byte-order mark (some editors add one) is not part of the first key
        (b"\xef\xbb\xbfmove_up: Subir", {"move_up": "Subir"}, None),
        # Latin-1 bytes: the whole file is refused, at the line of the bad byte
        (b"move_up: Subir\nstep_back: Atr\xe1s", {}, "not-utf8"),
    ],
)
def test_read_bytes(data, labels, code):
    parsed = catalogue.read(data, i18n.english())
    assert parsed.labels == labels
    assert [c for _, c, _ in parsed.problems] == ([code] if code else [])


@pytest.mark.parametrize(
    "template, fields, out",
    [
        # every placeholder filled
        ("Stage {order} of {total}", {"order": 2, "total": 5}, "Stage 2 of 5"),
        # braces that are not placeholders stay (a note's text may hold any of them)
        ("Unsaved: {text}", {"text": "{x} }{ {{"}, "Unsaved: {x} }{ {{"),
        # a placeholder with no field stays visible instead of failing
        ("Call {label}: {number}", {"label": "911"}, "Call 911: {number}"),
    ],
)
def test_fill(template, fields, out):
    assert catalogue.fill(template, fields) == out


# ---- the shipped catalogues ----------------------------------------------------------


def test_every_shipped_catalogue_is_clean_and_complete():
    english = i18n.english()
    assert set(i18n.shipped()) >= {"en", "es"}
    for lang in i18n.shipped():
        words = i18n.builtin(lang)  # raises on any problem line
        assert set(words) == set(english), lang
        for key, text in words.items():
            assert i18n.placeholders(text) == i18n.placeholders(english[key]), (lang, key)


def test_spanish_keeps_labels_apart_that_english_keeps_apart():
    """A label is a handle (screen readers, tests): two English labels that differ must not
    become one Spanish label."""
    es, seen = i18n.builtin("es"), {}
    for key, text in i18n.english().items():
        other = seen.setdefault(es[key], (key, text))
        assert other[1] == text, f"{key} and {other[0]} are both '{es[key]}' in Spanish"


@pytest.mark.parametrize("lang", ["en", "es"])
def test_incident_title_carries_the_leave_guard_mark(lang):
    """serve.py's browser guard asks before leaving when the title holds ' · '."""
    from app.ui.serve import LEAVE_GUARD

    words = i18n.builtin(lang)
    assert " · " in words["incident_title"] and " · " not in words["app_title"]
    assert "\\u00b7" in LEAVE_GUARD


def test_every_note_kind_and_board_list_has_its_labels():
    english = i18n.english()
    for s in K.KINDS:
        assert english[f"kind_{s.kind}"] == s.label  # the timeline says what exports say
        if s.button:
            assert english[f"save_{s.kind}"] == s.button
    for name, title in K.BOARD_SECTIONS:
        assert english[f"board_{name}"] == title
    from app.incidents import DemandStatus

    assert all(i18n.has(f"demand_{s.value}") for s in DemandStatus)


def test_every_screen_has_its_title_and_label():
    for s in screens.SCREENS:
        assert i18n.has(s.title_key) and i18n.has(s.label_key), s.name
        assert i18n.has(f"screen_{s.name}")


def test_every_key_is_used_by_the_app():
    """A key nobody reads is a label translators work on for nothing. A `_one` key is read
    through its plural one (i18n.counted)."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "app").rglob("*.py"))
    dynamic = ("kind_", "save_", "board_", "screen_", "demand_", "status_", "theme_",
               "text_size_", "missing_", "log_", "language_")  # built from names or codes
    unused = [k for k in i18n.english()
              if not k.startswith(dynamic)
              and not (k.endswith(i18n.ONE) and k[: -len(i18n.ONE)] in i18n.english())
              and f'"{k}"' not in code
              and f"L.{k.upper()}" not in code and f"'{k}'" not in code]
    assert unused == []


# ---- switching ----------------------------------------------------------------------


def test_use_switches_every_kind_of_label():
    before = (L.MOVE_UP, L.stage_indicator(2), screens.get("phrases").title, L.TEXT_SIZES[1.0])
    gen = i18n.generation()
    assert i18n.use("es") == []
    assert i18n.language() == "es" and i18n.generation() > gen
    after = (L.MOVE_UP, L.stage_indicator(2), screens.get("phrases").title, L.TEXT_SIZES[1.0])
    assert after == ("Subir", "Etapa 2 de 5", "Frases", "Texto normal") and after != before
    assert L.NOTE_KINDS["demand"] == "Guardar como exigencia"
    i18n.use("en")
    assert L.MOVE_UP == "Move up"


@pytest.mark.parametrize(
    "language, expect_lang, move_up, warned",
    [
        # a regional code uses the general catalogue
        ("es-MX", "es-MX", "Subir", None),
        # a language the app does not ship: English, and the instructors are told
        ("fr", "fr", "Move up", "show in English"),
        # not a language code at all: English
        ("../es", "en", "Move up", "is not a language code"),
        # nothing given: English, nothing to say
        ("", "en", "Move up", None),
        # a lone surrogate: English, and the sentence can still be printed
        ("es\udcff", "en", "Move up", "'es\\udcff' is not a language code"),
    ],
)
def test_use_with_other_codes(language, expect_lang, move_up, warned):
    warnings = i18n.use(language)
    assert i18n.language() == expect_lang and L.MOVE_UP == move_up
    assert (warned is None and warnings == []) or any(warned in w for w in warnings)


def test_a_guide_folder_labels_file_overrides_and_bad_lines_are_named(tmp_path):
    (tmp_path / "labels.txt").write_text(
        "nav_home: Portada\nmove_up: Sube {n}\nbogus_key: x\n", encoding="utf-8"
    )
    warnings = i18n.use("es", overrides=tmp_path)
    assert L.NAV_HOME == "Portada"  # the guide's own word wins
    assert L.MOVE_UP == "Subir"  # its bad line is left out: the built-in Spanish stays
    assert [w.split(": ", 1)[0] for w in warnings] == [
        f"{tmp_path / 'labels.txt'}:2", f"{tmp_path / 'labels.txt'}:3"]


def test_a_pack_in_another_language_brings_its_labels_and_the_rest_is_english(tmp_path):
    (tmp_path / "labels.txt").write_text("nav_home: Accueil\nmove_up: Monter\n", "utf-8")
    warnings = i18n.use("fr", overrides=tmp_path)
    assert (L.NAV_HOME, L.MOVE_UP, L.STEP_BACK) == ("Accueil", "Monter", "Step back")
    n = len(i18n.english()) - 2
    assert warnings == [w for w in warnings if w.startswith(f"{n} labels have no 'fr' text")]
    assert len(warnings) == 1 and "step_back" in i18n.missing()


@pytest.mark.parametrize(
    "overrides, move_up",
    [
        # a folder without labels.txt: the built-in catalogue only
        (lambda tmp: tmp, "Subir"),
        # a labels file named directly
        (lambda tmp: _write(tmp / "x.txt", "move_up: Arriba"), "Arriba"),
        # a mapping (a test, or a future settings screen)
        (lambda tmp: {"move_up": "Arriba"}, "Arriba"),
        # a file that is not UTF-8: ignored with a warning, nothing else changes
        (lambda tmp: _write(tmp / "labels.txt", b"move_up: Arr\xedba"), "Subir"),
    ],
)
def test_override_forms(tmp_path, overrides, move_up):
    i18n.use("es", overrides=overrides(tmp_path))
    assert L.MOVE_UP == move_up


def _write(path: Path, data) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


@pytest.mark.parametrize(
    "pack_language, language, move_up",
    [
        # a Spanish pack
        ("es", "es", "Subir"),
        # the built-in guide (no pack): English
        (None, "en", "Move up"),
    ],
)
def test_use_guide_follows_the_active_guide(tmp_path, pack_language, language, move_up):
    from app.packs.model import ActiveGuide, PackInfo

    pack = PackInfo("p", "P", "1", pack_language, "", "", "", "", "") if pack_language else None
    i18n.use("es")  # whatever was in use before
    assert i18n.use_guide(ActiveGuide(tmp_path, pack)) == []
    assert (i18n.language(), L.MOVE_UP) == (language, move_up)


def test_an_unreadable_labels_file_is_a_warning_not_a_crash(tmp_path):
    (tmp_path / "labels.txt").mkdir()  # a folder where the file should be: reading fails
    warnings = i18n.use("es", overrides=tmp_path)
    assert L.MOVE_UP == "Subir" and warnings and "could not be read" in warnings[0]


def test_an_unknown_key_in_code_is_a_loud_programming_error():
    with pytest.raises(KeyError, match="unknown label key 'no_such_label'"):
        i18n.text("no_such_label")
    with pytest.raises(AttributeError):
        L.NO_SUCH_LABEL  # noqa: B018
    with pytest.raises(AttributeError, match="has placeholders"):
        L.STAGE_INDICATOR  # noqa: B018 - a template needs its function


# ---- check: a guide folder's labels.txt ---------------------------------------------


@pytest.mark.parametrize(
    "line, code",
    [
        # a key that does not exist
        ("nav_hom: Inicio", "labels-unknown-key"),
        # a placeholder dropped
        ("stage_indicator: Etapa {order}", "labels-placeholder"),
        # an empty label
        ("move_up:", "labels-empty"),
        # not a label at all
        ("Subir", "labels-syntax"),
        # a key given twice
        ("nav_home: Portada", "labels-twice"),
    ],
)
def test_check_reports_labels_problems_as_path_line(tmp_path, line, code):
    root = copy_tree(ES, tmp_path / "es")
    (root / "labels.txt").write_text(f"# ours\nnav_home: Inicio\n{line}\n", encoding="utf-8")
    report = check(root, "es")
    assert report.exit_code == 1
    assert [(p.code, str(p).split(": ", 1)[0]) for p in report.guide.problems] == [
        (code, "es/labels.txt:3")]
    plain = check(ES, "es").summary  # "checked N files: no problems"; labels.txt is one more
    files = int(plain.split()[1]) + 1
    assert report.summary.startswith(f"checked {files} files: 1 problem in 1 file"), plain


def test_check_accepts_a_good_labels_file_and_the_spanish_guide(tmp_path):
    root = copy_tree(ES, tmp_path / "es")
    (root / "labels.txt").write_text("nav_home: Portada\n", encoding="utf-8")
    assert check(root).exit_code == 0 and check(ES).exit_code == 0


def test_a_pack_with_a_bad_labels_file_is_refused(tmp_path):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.packs.build import make_pack
    from app.packs.errors import PackError

    root = copy_tree(ES, tmp_path / "es")
    (root / "labels.txt").write_text("move_up: Sube {n}\n", encoding="utf-8")
    with pytest.raises(PackError) as err:
        make_pack(root, Ed25519PrivateKey.generate(), id="es", title="es", version="1",
                  language="es", approved_by="Sgt")
    assert err.value.code == "content-problems"
    assert any(d.endswith("labels.txt:1: label 'move_up': not known {n} (the English is "
                          "'Move up')") for d in err.value.details)


# ---- guards: nothing captured at import time, no English left in the screens ---------

LABEL_CALLS = {"t", "text"}  # i18n.text imported as t, or called as i18n.text


def import_time_reads(source: str) -> list[int]:
    """Lines where a label is read while the module is imported: at module level, in a
    class body, in a default argument or a decorator (a switch cannot change those)."""
    found: list[int] = []

    def is_read(node: ast.AST) -> bool:
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            return node.value.id == "L" or (node.value.id == "i18n" and node.attr == "text")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return node.func.id in LABEL_CALLS
        return False

    def visit(node: ast.AST, deferred: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            args = node.args
            for d in [*args.defaults, *[k for k in args.kw_defaults if k is not None]]:
                visit(d, deferred)
            for dec in getattr(node, "decorator_list", []):
                visit(dec, deferred)
            body = node.body if isinstance(node.body, list) else [node.body]
            for stmt in body:
                visit(stmt, True)
            return
        if not deferred and is_read(node):
            found.append(node.lineno)
        for child in ast.iter_child_nodes(node):
            visit(child, deferred)

    visit(ast.parse(source), False)
    return found


@pytest.mark.parametrize(
    "source, lines",
    [
        # a module-level constant captures the language of the import
        ("X = L.MOVE_UP", [1]),
        # so does a table of labels
        ("T = (('a', L.THEME_DARK),)", [1]),
        # a default argument is evaluated once, at import
        ("def f(x=L.MOVE_UP):\n    return x", [1]),
        # a class attribute too
        ("class A:\n    x = t('move_up')", [2]),
        # read inside a function: read at render time, fine
        ("def f():\n    return L.MOVE_UP, t('move_up')", []),
        # in a lambda body: read when it runs, fine
        ("f = lambda: L.MOVE_UP", []),
    ],
)
def test_the_import_time_guard_finds_captures(source, lines):
    assert import_time_reads(source) == lines


def test_no_label_is_read_at_import_time_in_the_ui():
    bad = [f"{p.relative_to(ROOT)}:{n}" for p in sorted(UI.rglob("*.py"))
           for n in import_time_reads(p.read_text(encoding="utf-8"))]
    assert bad == []


ENGLISH = re.compile(r"[A-Za-z]{2,} [A-Za-z]{2,}|^\W*[A-Z][a-z]+\W*$")


def hard_coded(source: str) -> list[tuple[int, str]]:
    """String literals that read like English words on a screen (docstrings, __all__, the
    text of an exception, a programming error, and log lines, for instructors, left out)."""
    tree = ast.parse(source)
    skip: set[int] = set()
    for n in ast.walk(tree):
        body = getattr(n, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # a docstring
        logged = (isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
                  and getattr(n.func.value, "id", "") in ("log", "logging"))
        if logged or isinstance(n, ast.Raise) or (
            isinstance(n, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in n.targets)
        ):
            skip |= {id(c) for c in ast.walk(n)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip
            and ENGLISH.search(n.value)]


@pytest.mark.parametrize(
    "source, found",
    [
        # a sentence in a view
        ('c.para("No incident is open.", fs)', [(1, "No incident is open.")]),
        # one capitalised word (a heading)
        ('c.heading("Hooks", fs)', [(1, "Hooks")]),
        # an f-string's words
        ('x = f"Version {v}, reviewed"', [(1, "Version ")]),
        # keys, icon names, routes and docstrings are not words on a screen
        ('"""Doc string here."""\nt("move_up"); getattr(ft.Icons, "HOME"); go("board")', []),
        # an exception's text is for developers, a log line for instructors
        ('raise ValueError("unknown theme")\nlog.info("upload not possible")', []),
    ],
)
def test_the_hard_coded_guard_finds_english(source, found):
    assert hard_coded(source) == found


# state/hub.py is left out: its words are the instructors' log and the incident record
# (Origin.title, Origin.record, English like every record); screens show the origin
# through labels.guide_title, and its sentences for the officer come from the catalogue.
@pytest.mark.parametrize(
    "path", sorted([*(UI / "views").glob("*.py"),
                    *(p for p in (UI / "state").glob("*.py") if p.name != "hub.py"),
                    UI / "router.py", UI / "labels.py", UI / "screens.py", UI / "packpicker.py"]),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_no_hard_coded_english_in_screens(path):
    assert hard_coded(path.read_text(encoding="utf-8")) == []


def test_a_guides_language_is_named_not_coded():
    """The pack check said "Language: es"; a code the catalogue has no name for stays."""
    assert L.language_name("es") == "Spanish (español)" and L.language_name("en") == "English"
    assert L.language_name("es-MX") == "Spanish (español)" and L.language_name("fr") == "fr"
    i18n.use("es")
    try:
        assert L.language_name("es") == "español"
    finally:
        i18n.use("en")
