"""A watchdog for the stuck Chromium renderer, the one hang the browser tests still had.

Now and then (CI at bba44e4, 3adc046 and 03be534, a local run on 2026-11-28) one renderer
of the headless Chromium spun at full CPU for good. Every Playwright call that needs the
page then waits on it, some with no timeout at all (a locator's `count()`), so the test
hung until faulthandler ended the whole run. Its cause is not found.

This thread watches every Chromium the tests launch (each carries `TAG` on its command
line) and reads the CPU time of its processes from /proc every `POLL` seconds. A process
that used at least `BUSY` of a core over the last `STUCK_AFTER` seconds, while one
Playwright call has waited all that time (`CALLS`), is taken for that renderer: its
browser and all of the browser's processes are killed, which makes the waiting call raise
at once. Both are needed. The stuck renderer spun at 99% for 12 minutes under a call that
never returned; a renderer of a healthy test can be as busy (0.77 of a core over a
minute in test_practice at 360x640 with the largest text, 2026-11-29: the watchdog killed
its browser twice, in CI and here), while the test's calls were answered all along.
The kill is remembered (`kills`) with the test that was running, so conftest can say so
and run that test once more (see `conftest.pytest_runtest_protocol`). Linux only, like
the rest of the browser tests.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

TAG = f"--stairway-e2e-run={os.getpid()}"  # an unknown switch: Chromium ignores it
POLL = 2.0
BUSY = 0.75
# Healthy renderers: most peak under 0.25 of a core over a minute, the practice walk at the
# largest text at 0.77 (STAIRWAY_STUCK_LOG, 2026-11-29); hence the waiting call as well.
# tests/e2e/test_stuck.py shortens the minute to a few seconds
STUCK_AFTER = float(os.environ.get("STAIRWAY_STUCK_AFTER", "60"))
_TICK = os.sysconf("SC_CLK_TCK")


class Calls:
    """When the test's oldest unanswered Playwright call began (sync API), or None.

    `install()` wraps Playwright's one door for sync calls (`SyncBase._sync`, a private
    name: playwright is pinned in pyproject.toml). A call made inside another (a route
    handler runs while the page's call waits) leaves the outer call's start alone."""

    def __init__(self) -> None:
        self.since: float | None = None
        self._installed = False

    def install(self) -> None:
        if self._installed:
            return
        from playwright._impl._sync_base import SyncBase

        sync, calls = SyncBase._sync, self

        def _sync(self, awaitable):
            __tracebackhide__ = True
            outer = calls.since is None
            if outer:
                calls.since = time.monotonic()
            try:
                return sync(self, awaitable)
            finally:
                if outer:
                    calls.since = None

        SyncBase._sync = _sync
        self._installed = True

    def waited(self, now: float) -> float:
        """How long the call under way has waited (0 with none)."""
        since = self.since
        return 0.0 if since is None else now - since


CALLS = Calls()


@dataclass(frozen=True)
class Kill:
    test: str  # the test running when the renderer was found stuck
    pid: int  # the busy process
    command: str  # its command line, shortened
    busy_for: float  # seconds it had been busy
    threads: str = ""  # its busiest threads and their CPU seconds (which one spun)

    def said(self) -> str:
        threads = f" [{self.threads}]" if self.threads else ""
        return f"pid {self.pid}, busy {self.busy_for:.0f} s{threads}: {self.command[:80]}"


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds used) of a live process, or None."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2:].split()  # the name in (...) may hold spaces
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK


def _command(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(
            "utf-8", "replace").strip()
    except OSError:
        return ""


def _threads(pid: int, top: int = 3) -> str:
    """The process's busiest threads by CPU time, by their kernel names: "chromium 61.2 s,
    ThreadPoolForeg 0.4 s" (a process's main thread carries the program's name)."""
    found = []
    try:
        tasks = list(os.scandir(f"/proc/{pid}/task"))
    except OSError:
        return ""
    for task in tasks:
        try:
            raw = Path(task.path, "stat").read_text()
        except OSError:
            continue
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        found.append(((int(fields[11]) + int(fields[12])) / _TICK, name))
    found.sort(reverse=True)
    return ", ".join(f"{name} {cpu:.1f} s" for cpu, name in found[:top])


def _processes() -> dict[int, tuple[int, float]]:
    seen = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (stat := _stat(int(entry.name))) is not None:
            seen[int(entry.name)] = stat
    return seen


def browsers(tag: str = TAG) -> dict[int, set[int]]:
    """Each tagged browser's pid with the pids of all its descendants (itself included)."""
    procs = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in procs.items():
        children.setdefault(parent, []).append(pid)
    found = {}
    for pid in procs:
        if tag in _command(pid).split():
            tree, todo = set(), [pid]
            while todo:
                p = todo.pop()
                if p not in tree:
                    tree.add(p)
                    todo.extend(children.get(p, ()))
            found[pid] = tree
    return found


class Watchdog(threading.Thread):
    """Polls the tagged browsers' processes and kills a browser whose process is stuck."""

    def __init__(self, tag: str = TAG, stuck_after: float = STUCK_AFTER,
                 poll: float = POLL, calls: Calls = CALLS) -> None:
        super().__init__(name="stuck-renderer-watchdog", daemon=True)
        self.tag, self.stuck_after, self.poll, self.calls = tag, stuck_after, poll, calls
        calls.install()
        self.test = "(no test)"  # set by conftest as each test starts
        self.kills: list[Kill] = []
        self.peak = 0.0  # the busiest full window seen (share of a core); conftest resets it
        self.longest_call = 0.0  # the longest wait on one Playwright call seen; conftest too
        self._halt = threading.Event()  # not `_stop`: Thread has one
        self._seen: dict[int, list[tuple[float, float]]] = {}  # pid: [(clock, CPU s)]

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        while not self._halt.wait(self.poll):
            try:
                self.check()
            except Exception:  # noqa: BLE001 - a watchdog must outlive odd /proc states
                pass

    def check(self) -> None:
        now = time.monotonic()
        waited = self.calls.waited(now)
        self.longest_call = max(self.longest_call, waited)
        alive = set()
        for browser, tree in browsers(self.tag).items():
            for pid in tree:
                if (stat := _stat(pid)) is None:
                    continue
                alive.add(pid)
                seen = self._seen.setdefault(pid, [])
                seen.append((now, stat[1]))
                while len(seen) > 1 and now - seen[1][0] >= self.stuck_after:
                    seen.pop(0)  # keep one sample at least `stuck_after` old
                began, cpu = seen[0]
                if now - began < self.stuck_after:
                    continue
                rate = (stat[1] - cpu) / (now - began)
                self.peak = max(self.peak, rate)
                if rate >= BUSY and waited >= self.stuck_after:
                    self._kill(browser, tree, pid, now - began)
                    break
        for gone in set(self._seen) - alive:
            del self._seen[gone]

    def _kill(self, browser: int, tree: set[int], pid: int, busy_for: float) -> None:
        self.kills.append(Kill(self.test, pid, _command(pid)[:200], busy_for, _threads(pid)))
        for p in [browser, *sorted(tree - {browser})]:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass


def second_chance(run, watchdog: Watchdog, test: str, own_page: bool, restart, warn):
    """Run a test (`run()` gives its reports) under the watchdog; see conftest.

    If the test failed and the watchdog killed a browser while it ran, every report gets
    a "stuck renderer" section naming the process. A test that opens its own page is then
    run once more (after `restart()`, which gives it a full test's time again), with a
    `warn(message)`; a second failure stands. Returns the reports to log.
    """
    for attempt in (1, 2):
        watchdog.test = test
        before = len(watchdog.kills)
        reports = run()
        killed = watchdog.kills[before:]
        if not (killed and any(r.failed for r in reports)):
            return reports
        said = "; ".join(k.said() for k in killed)
        for r in reports:
            r.sections.append(("stuck renderer", f"the watchdog killed its browser ({said})"))
        if attempt == 2 or not own_page:
            return reports
        warn(f"{test}: a Chromium renderer was stuck and its browser was killed ({said}); "
             "running the test once more")
        restart()
    return reports
