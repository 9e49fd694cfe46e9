"""The pack core is pure: no flet (it runs on the phone before any screen exists)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import importlib, pkgutil, sys
import app.packs
for mod in pkgutil.walk_packages(app.packs.__path__, "app.packs."):
    importlib.import_module(mod.name)
loaded = sorted(m for m in sys.modules if m.startswith("app.packs."))
bad = sorted(m for m in sys.modules if m in ("flet", "tinydb") or m.startswith("flet."))
print(loaded)
assert not bad, bad
"""


def test_packs_import_no_flet_and_no_tinydb():
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "app.packs.store" in proc.stdout  # the probe really imported the modules
