"""The suite cannot hang CI: a test still stuck after pytest-timeout has fired ends the run.

pyproject.toml sets pytest-timeout (it fails the test once, by a signal) and, behind it,
pytest's faulthandler with exit on timeout. This runs a stuck test under the project's
own settings, with both limits shortened, and checks that the run ends, red, with the
stuck test's stack printed.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

STUCK = '''
import signal, time

def test_stuck_in_finally():
    try:
        time.sleep(60)
    finally:  # like a browser close that never returns: deaf to pytest-timeout's signal
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(60)
'''


def test_a_test_stuck_after_its_timeout_ends_the_run_with_its_stack(tmp_path):
    (tmp_path / "test_stuck.py").write_text(STUCK)
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
           "-c", str(ROOT / "pyproject.toml"), "--rootdir", str(tmp_path),
           "-o", "timeout=1", "-o", "faulthandler_timeout=3", str(tmp_path / "test_stuck.py")]
    began = time.monotonic()
    out = subprocess.run(cmd, capture_output=True, text=True, timeout=50, cwd=tmp_path)
    took = time.monotonic() - began
    assert out.returncode != 0
    assert "Timeout (0:00:03)!" in out.stderr
    assert "test_stuck_in_finally" in out.stderr  # the stack says where it stuck
    assert took < 45, f"the run took {took:.0f} s: it waited for the stuck test"


def test_the_watchdog_waits_longer_than_any_test_may_run():
    """faulthandler_timeout counts from a test's start: below a test's own
    @pytest.mark.timeout it would end the whole run while that test is still allowed to
    work (it cut a 600 s browser test at 420 s on 2026-11-28)."""
    import re
    import tomllib

    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"]
    watchdog = options["ini_options"]["faulthandler_timeout"]
    marks = [int(n) for p in (ROOT / "tests").rglob("*.py")
             for n in re.findall(r"mark\.timeout\((\d+)\)", p.read_text(encoding="utf-8"))]
    longest = max([options["ini_options"]["timeout"], *marks])
    assert longest >= 600 and watchdog >= longest + 120
