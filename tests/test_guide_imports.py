"""The pure core never imports flet (DESIGN.md: layers import one way)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, pkgutil, sys
import app.guide, app.incidents
for pkg in (app.guide, app.incidents):
    for mod in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + "."):
        importlib.import_module(mod.name)
loaded = sorted(m for m in sys.modules if m.startswith("app."))
bad = sorted(m for m in sys.modules if m == "flet" or m.startswith("flet."))
print(len(loaded), loaded)
assert not bad, bad
"""


def test_guide_and_incidents_import_no_flet():
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "app.guide.compile" in proc.stdout  # the probe really imported the modules


def test_guide_imports_no_tinydb():
    code = "import app.guide.checks, app.guide.query, sys; assert 'tinydb' not in sys.modules"
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
