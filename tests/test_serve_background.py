"""`serve` opens its port first and builds the app while the web client loads
(app.ui.serve.in_background): a page session that comes early waits for the build, one
that comes later does not, and a build that fails fails every session with its error."""

from __future__ import annotations

import asyncio
import threading

import pytest

from app.ui.serve import asgi_app, in_background
from tests.ui_harness import CONTENT


async def test_the_build_runs_in_a_thread_and_an_early_session_waits_for_it():
    release, calls, ready = threading.Event(), [], []

    def load():
        release.wait(10)
        return lambda page: calls.append(page) or f"state for {page}"

    main = in_background(load, ready.append)
    assert not main.built.done()  # in_background returned while the build still runs
    early = asyncio.ensure_future(main("page 1"))
    await asyncio.sleep(0.05)
    assert not early.done() and calls == [] and ready == []  # the session waits
    release.set()
    assert await asyncio.wait_for(early, 10) == "state for page 1"
    assert len(ready) == 1 and ready[0] is main.built.result()  # on_ready saw the real main
    assert await main("page 2") == "state for page 2"  # a later session does not wait
    assert calls == ["page 1", "page 2"]


async def test_a_failed_build_fails_every_session_with_its_error(capsys):
    def load():
        raise OSError("content folder unreadable")

    main = in_background(load, lambda built: pytest.fail("not built"))
    for page in ("page 1", "page 2"):
        with pytest.raises(OSError, match="content folder unreadable"):
            await asyncio.wait_for(main(page), 10)
    assert capsys.readouterr().err.count("OSError: content folder unreadable") == 1


async def test_asgi_app_in_the_background_sets_the_hub_once_built(tmp_path):
    app = asgi_app(CONTENT, tmp_path / "data", background=True)
    for _ in range(200):  # the hub is set by the build's thread
        if app.state.hub is not None:
            break
        await asyncio.sleep(0.05)
    hub = app.state.hub
    assert hub is not None and hub.current.guide.stages  # the real guide, compiled
    hub.stop()


async def test_asgi_app_builds_at_once_unless_asked(tmp_path):
    app = asgi_app(CONTENT, tmp_path / "data")
    assert app.state.hub is not None  # in-process callers (tests) get it built
    app.state.hub.stop()


async def test_a_failing_on_ready_does_not_leave_sessions_waiting():
    def ready(built):
        raise RuntimeError("hub not readable")

    main = in_background(lambda: (lambda page: page), ready)
    with pytest.raises(RuntimeError, match="hub not readable"):
        await asyncio.wait_for(main("page"), 10)
