"""One note-kind table read by the labels, the quick bar, the board and the brief; and
no import cycle inside app/incidents."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from app.incidents import KIND_LABELS, QUICK_KINDS, IncidentLog, NoteKind
from app.incidents import kinds as K

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "app" / "incidents"


def _imports(path: Path) -> set[str]:
    """Modules of app.incidents that `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "app.incidents":
                found |= {f"app.incidents.{a.name}" for a in node.names}
            elif node.module.startswith("app.incidents."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("app.incidents.")}
    return {m for m in found if (PACKAGE / f"{m.rsplit('.', 1)[1]}.py").exists()}


def test_no_import_cycle_inside_the_note_log():
    graph = {
        f"app.incidents.{p.stem}": _imports(p) for p in PACKAGE.glob("*.py")
        if p.stem != "__init__"
    }

    def visit(node: str, path: list[str]) -> None:
        for nxt in graph.get(node, ()):
            assert nxt not in path, " -> ".join(path + [nxt])
            visit(nxt, path + [nxt])

    for module in graph:
        visit(module, [module])


def test_commands_live_in_cli_not_in_the_core():
    for p in PACKAGE.glob("*.py"):
        text = p.read_text("utf-8")
        assert "def run_" not in text and "sys.stderr" not in text, p.name


def test_every_kind_is_one_row_of_the_table():
    assert [str(k) for k in NoteKind] == [spec.kind for spec in K.KINDS]
    assert KIND_LABELS == {NoteKind(s.kind): s.label for s in K.KINDS}
    assert QUICK_KINDS == tuple(NoteKind(s.kind) for s in K.KINDS if s.use == K.QUICK)
    for spec in K.KINDS:
        loggable = spec.use in (K.QUICK, K.MORE)
        assert bool(spec.button) == loggable, spec.kind  # a button exactly when loggable


def test_the_ui_quick_bar_and_labels_read_the_table():
    from app.ui import labels as L
    from app.ui.views import incident as view

    assert L.NOTE_KINDS == {s.kind: s.button for s in K.KINDS if s.button}
    assert list(view.QUICK) == [s.kind for s in K.KINDS if s.use == K.QUICK]
    assert list(view.MORE) == [s.kind for s in K.KINDS if s.use == K.MORE]


@pytest.mark.parametrize(
    "kind",
    [s.kind for s in K.KINDS if s.board],  # every kind with a board list
)
def test_each_board_kind_reaches_its_board_list_and_brief_section(kind):
    spec = K.spec(kind)
    lg = IncidentLog(None)
    inc = lg.open_incident("bridge", "x")
    text = f"text of a {kind.replace('_', ' ')}"
    lg.add_note(inc.id, kind, text)
    items = getattr(lg.board(inc.id), spec.board)
    assert [i.text for i in items] == [text]
    md = lg.export(inc.id, "md")
    section = md.split(f"## {spec.brief[0]}\n")[1].split("\n## ")[0]
    assert text in section


def test_positive_action_is_loggable_from_the_incident_screen():
    from app.ui import labels as L

    assert K.spec("positive_action").use in (K.QUICK, K.MORE)
    assert "positive_action" in L.NOTE_KINDS


@pytest.mark.parametrize("spec", [s for s in K.KINDS if s.use == K.RECORD])
def test_the_officer_cannot_log_the_incident_record_kinds(spec):
    lg = IncidentLog(None)
    inc = lg.open_incident("bridge", "x")
    with pytest.raises(Exception, match="written by the app"):
        lg.add_note(inc.id, spec.kind, "forged")
