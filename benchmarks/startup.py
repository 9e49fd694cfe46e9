"""Startup: process start to first frame in Chromium, Stairway vs a Flet hello-world.

    .venv/bin/python benchmarks/startup.py [rounds]

Both apps are served the same way (Flet's FastAPI app under uvicorn, local CanvasKit, no
CDN) and loaded in the same headless Chromium, alternating, each round in a fresh browser
context (no HTTP cache carried over). Per round we time, from `Popen`:

- ready:   the server accepts connections;
- loading: the web client's `#loading` splash is gone (Flutter's first frame);
- content: the app's own first screen is in the accessibility tree (Stairway's
           "Start incident", the hello-world's text): the frame an officer can use.

Then the Python side, headless (Flet Session over a no-op connection, as the UI tests do):
building the factory (guide + search index + note log) and each screen's build.
Prints medians and the Stairway / hello-world ratio (target <= 1.3x on `content`).
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import (  # noqa: E402
    CHROMIUM,
    CHROMIUM_ARGS,
    PHONE,
    Net,
    enable_semantics,
    free_port,
    stop,
    wait_for_port,
)

HELLO_TEXT = "Hello from Flet"
HELLO_APP = f'''
import sys
import flet as ft
import uvicorn
from flet_web.fastapi import FastAPI, app as flet_app

def main(page: ft.Page):
    page.title = "Hello"
    page.add(ft.Text("{HELLO_TEXT}"))

outer = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
outer.mount("/", flet_app(main, no_cdn=True))
uvicorn.run(outer, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
            ws="websockets-sansio")
'''


def _stairway_cmd(port: int, data: Path) -> list[str]:
    return [sys.executable, "-m", "app", "serve", "--port", str(port), "--data-dir", str(data)]


def one_round(browser, cmd: list[str], port: int, text: str) -> dict[str, float]:
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, proc)
        ready = time.perf_counter() - t0
        ctx = browser.new_context(viewport=PHONE)
        net = Net()
        ctx.route("**/*", net.route)
        page = ctx.new_page()
        page.goto(f"http://127.0.0.1:{port}")
        page.wait_for_selector("#loading", state="detached", timeout=60_000)
        loading = time.perf_counter() - t0
        enable_semantics(page)
        page.get_by_text(text).first.wait_for(state="attached", timeout=60_000)
        content = time.perf_counter() - t0
        ctx.close()
        return {"ready": ready * 1000, "loading": loading * 1000, "content": content * 1000}
    finally:
        stop(proc)


def browser_rounds(rounds: int) -> dict[str, dict[str, list[float]]]:
    from playwright.sync_api import sync_playwright

    from app.ui import labels

    tmp = Path(tempfile.mkdtemp(prefix="stairway-bench-"))
    hello = tmp / "hello.py"
    hello.write_text(HELLO_APP)
    results: dict[str, dict[str, list[float]]] = {"hello": {}, "stairway": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        # one warm-up each (OS file cache, Chromium's wasm compile cache stays per context)
        for i in range(rounds + 1):
            for name in ("hello", "stairway"):
                port = free_port()
                if name == "hello":
                    cmd, text = [sys.executable, str(hello), str(port)], HELLO_TEXT
                else:
                    cmd, text = _stairway_cmd(port, tmp / f"data{i}"), labels.START_INCIDENT
                r = one_round(browser, cmd, port, text)
                if i == 0:
                    continue
                for k, v in r.items():
                    results[name].setdefault(k, []).append(v)
        browser.close()
    return results


async def python_side(rounds: int) -> dict[str, list[float]]:
    """ms to build the factory, the first frame, and each screen, over fresh sessions."""
    from flet.controls.context import _context_page
    from flet.messaging.connection import Connection
    from flet.messaging.session import Session
    from flet.pubsub.pubsub_hub import PubSubHub

    from app import paths
    from app.ui.app import build_main
    from app.ui.screens import SCREENS

    class NullConnection(Connection):
        def send_message(self, message) -> None:
            pass

    async def settle() -> None:
        for _ in range(12):
            await asyncio.sleep(0)

    out: dict[str, list[float]] = {}
    for _ in range(rounds):
        data = Path(tempfile.mkdtemp(prefix="stairway-bench-py-"))
        t = time.perf_counter()
        main = build_main(paths.content_dir(), data)
        out.setdefault("factory (guide, index, log)", []).append((time.perf_counter() - t) * 1e3)
        conn = NullConnection()
        conn.pubsubhub = PubSubHub()
        conn.loop = asyncio.get_running_loop()
        session = Session(conn)
        _context_page.set(session.page)
        t = time.perf_counter()
        state = main(session.page)
        session.get_page_patch()
        await settle()
        out.setdefault("first frame (home)", []).append((time.perf_counter() - t) * 1e3)
        for screen in SCREENS:
            t = time.perf_counter()
            state.nav.go(screen.name)
            await settle()
            session.get_page_patch()
            out.setdefault(f"screen {screen.name}", []).append((time.perf_counter() - t) * 1e3)
        session.close()
    return out


def main() -> int:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 2
    res = browser_rounds(rounds)
    print(f"Browser startup, {rounds} alternating rounds each, median ms from process start:")
    print(f"{'':10}{'ready':>10}{'loading':>10}{'content':>10}")
    for name in ("hello", "stairway"):
        row = "".join(
            f"{statistics.median(res[name][k]):10.0f}" for k in ("ready", "loading", "content")
        )
        print(f"{name:10}{row}")
    ratios = {
        k: statistics.median(res["stairway"][k]) / statistics.median(res["hello"][k])
        for k in ("ready", "loading", "content")
    }
    print("ratio     " + "".join(f"{ratios[k]:9.2f}x" for k in ("ready", "loading", "content")))
    verdict = "met" if ratios["content"] <= 1.3 else "NOT met"
    print(f"target: content ratio <= 1.3x: {verdict}")
    print()
    py = asyncio.run(python_side(rounds))
    print(f"Python side (headless session), median ms over {rounds} rounds:")
    for k, v in py.items():
        print(f"  {k:32}{statistics.median(v):8.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
