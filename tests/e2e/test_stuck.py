"""The stuck-renderer watchdog (tests/e2e/stuck.py) and the second chance it gives a test.

A page stuck in a JavaScript loop stands in for the stuck renderer: Playwright's
`evaluate` waits on it with no timeout, as the hung runs did. These watchdogs watch only
the browser each test launches (its own tag), never the suite's.
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field

import pytest

from tests.e2e import stuck
from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

SPIN = "() => { while (true) {} }"


@pytest.fixture
def tagged(playwright, request):
    """(a Chromium of its own with a tag of its own, that tag)."""
    tag = f"--stairway-e2e-test={os.getpid()}-{request.node.name}"
    args = [a for a in CHROMIUM_ARGS if a != stuck.TAG] + [tag]
    b = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=args)
    yield b, tag
    if b.is_connected():
        b.close()


def watched(tagged, stuck_after: float):
    """(browser, a page on it, a started watchdog on its tag with a window of
    `stuck_after` seconds): the test stops the watchdog."""
    browser, tag = tagged
    page = browser.new_page()
    page.set_content("<p>a page</p>")
    dog = stuck.Watchdog(tag=tag, stuck_after=stuck_after, poll=0.5)
    dog.start()
    return browser, page, dog


def guarded(browser, seconds: float) -> threading.Timer:
    """If the watchdog does nothing, end the spin anyway so the test fails, not hangs;
    `timer.fired` says whether it had to."""
    def kill() -> None:
        timer.fired = True
        for tree in stuck.browsers(browser[1]).values():
            for pid in tree:
                try:
                    os.kill(pid, 9)
                except OSError:
                    pass

    timer = threading.Timer(seconds, kill)
    timer.fired = False
    timer.daemon = True
    timer.start()
    return timer


def test_a_spinning_renderer_is_killed_and_the_waiting_call_raises(tagged):
    from playwright.sync_api import Error as PlaywrightError

    browser, tag = tagged
    page = browser.new_page()
    page.set_content("<p>a page</p>")
    found = stuck.browsers(tag)
    assert len(found) == 1 and len(next(iter(found.values()))) > 1  # the browser and more
    dog = stuck.Watchdog(tag=tag, stuck_after=4, poll=0.5)
    dog.test = "the spinning test"
    dog.start()
    guard = guarded(tagged, 60)
    began = time.monotonic()
    try:
        with pytest.raises(PlaywrightError):
            page.evaluate(SPIN)
    finally:
        guard.cancel()
        dog.stop()
    took = time.monotonic() - began
    assert not guard.fired, f"the guard, not the watchdog, ended the spin ({took:.0f} s)"
    assert len(dog.kills) == 1
    kill = dog.kills[0]
    assert kill.test == "the spinning test" and kill.busy_for >= 4
    assert "--type=renderer" in kill.command
    deadline = time.monotonic() + 10
    while stuck.browsers(tag) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert stuck.browsers(tag) == {}  # the whole browser is gone, not just the renderer


def test_a_renderer_busy_for_a_while_is_left_alone(tagged):
    browser, page, dog = watched(tagged, 6)
    try:
        spun = page.evaluate("""() => { const end = Date.now() + 3000;
                                         let n = 0; while (Date.now() < end) n++; return n; }""")
        time.sleep(1)
        assert page.evaluate("() => 1 + 1") == 2
    finally:
        dog.stop()
    assert spun > 0 and dog.kills == []
    assert browser.is_connected()


def test_a_long_wait_on_an_idle_page_is_left_alone(tagged):
    """A call may wait longer than the window (a timer, a slow server); with no process
    busy nothing is stuck."""
    browser, page, dog = watched(tagged, 3)
    try:
        page.wait_for_timeout(6000)
    finally:
        dog.stop()
    assert dog.longest_call >= 3  # the call did wait past the window
    assert dog.kills == [] and browser.is_connected()
    assert page.evaluate("() => 1 + 1") == 2


def test_a_renderer_busy_all_along_is_left_alone_while_its_calls_return(tagged):
    """Busy for twice the window, as the practice walk at the largest text was (0.77 of a
    core over a minute, killed twice in one run), but every call is answered: slow, not
    stuck."""
    browser, page, dog = watched(tagged, 4)
    began = time.monotonic()
    try:
        while time.monotonic() - began < 9:
            page.evaluate("""() => { const end = Date.now() + 1000;
                                     while (Date.now() < end) {} }""")
    finally:
        dog.stop()
    assert dog.peak >= stuck.BUSY  # as busy as the stuck renderer, over the whole window
    assert dog.kills == [] and browser.is_connected()
    assert 0.5 < dog.longest_call < 4


def test_a_call_made_inside_another_keeps_the_outer_calls_start(tagged):
    """A route handler's call runs while the page's call waits; the wait is the outer's."""
    browser, _ = tagged
    page = browser.new_page()
    seen = []

    def handler(route):
        seen.append(stuck.CALLS.since)
        route.fulfill(body="<p>a page</p>", content_type="text/html")
        seen.append(stuck.CALLS.since)

    page.route("**/*", handler)
    before = time.monotonic()
    page.goto("http://127.0.0.1:9/a-page")
    assert stuck.CALLS.since is None  # nothing waits now
    assert len(seen) == 2 and seen[0] == seen[1] and seen[0] >= before


# ---- the second chance (no browser: reports and kills are stand-ins) -------------------


@dataclass
class Report:
    failed: bool
    sections: list = field(default_factory=list)


class Runs:
    """A test's attempts: each pass or fail, each with or without a kill while it ran."""

    def __init__(self, dog, *attempts: tuple[bool, bool]) -> None:
        self.dog, self.attempts, self.restarts, self.warnings = dog, list(attempts), 0, []

    def run(self):
        failed, killed = self.attempts.pop(0)
        if killed:
            self.dog.kills.append(stuck.Kill(self.dog.test, 4242, "chromium --type=renderer", 61))
        return [Report(False), Report(failed), Report(False)]  # setup, call, teardown

    def go(self, own_page: bool):
        return stuck.second_chance(self.run, self.dog, "t::x", own_page,
                                   self.restart, self.warnings.append)

    def restart(self) -> None:
        self.restarts += 1


def test_a_killed_failed_test_with_its_own_page_runs_once_more():
    runs = Runs(stuck.Watchdog(), (True, True), (False, False))
    reports = runs.go(own_page=True)
    assert [r.failed for r in reports] == [False, False, False]  # the second attempt's
    assert runs.restarts == 1 and runs.attempts == []
    assert len(runs.warnings) == 1 and "pid 4242" in runs.warnings[0]


def test_a_second_failure_stands_and_says_why():
    runs = Runs(stuck.Watchdog(), (True, True), (True, True))
    reports = runs.go(own_page=True)
    assert reports[1].failed and runs.restarts == 1
    assert reports[1].sections == [("stuck renderer", "the watchdog killed its browser "
                                    "(pid 4242, busy 61 s: chromium --type=renderer)")]


def test_a_test_on_a_shared_page_is_not_run_again():
    runs = Runs(stuck.Watchdog(), (True, True))
    reports = runs.go(own_page=False)
    assert reports[1].failed and reports[1].sections and runs.restarts == 0


@pytest.mark.parametrize("attempt", [(True, False), (False, True), (False, False)])
def test_only_a_failure_with_a_kill_gets_a_second_chance(attempt):
    runs = Runs(stuck.Watchdog(), attempt)
    reports = runs.go(own_page=True)
    assert runs.restarts == 0 and runs.warnings == [] and runs.attempts == []
    assert reports[1].failed == attempt[0] and reports[1].sections == []


# ---- the whole path: watchdog, kill, second attempt, in a pytest of its own -------------


def _demo(tmp_path, **env):
    import subprocess
    import sys

    from tests.e2e.conftest import ROOT

    tried = tmp_path / "attempts"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rA", "-W",
         "default", str(ROOT / "tests" / "e2e" / "stuck_demo.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=240,
        env={**os.environ, "STAIRWAY_STUCK_AFTER": "3", "STAIRWAY_STUCK_DEMO": str(tried),
             **env})
    return run, int(tried.read_text())


def test_a_test_stuck_once_passes_on_its_second_attempt_with_a_warning(tmp_path):
    run, attempts = _demo(tmp_path)
    assert run.returncode == 0, run.stdout[-3000:]
    assert attempts == 2
    assert "a Chromium renderer was stuck and its browser was killed" in run.stdout
    assert "running the test once more" in run.stdout


def test_a_test_stuck_twice_fails_and_its_report_names_the_kill(tmp_path):
    run, attempts = _demo(tmp_path, STAIRWAY_STUCK_DEMO_ALWAYS="1")
    assert run.returncode == 1 and attempts == 2
    assert "the watchdog killed its browser (pid " in run.stdout
