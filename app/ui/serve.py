"""Serve Stairway in Flet web mode: local CanvasKit, no CDN, no browser launched.

`python -m app serve`, `python -m app`, `stairway` and `make run` all end up here.
We build Flet's ASGI app ourselves and run uvicorn directly instead of `ft.run(view=
WEB_BROWSER)`: that way nothing ever tries to open a browser (there is none on a
headless machine or a CI box) and we print the URL once the socket is bound.

Uploads (a guide pack imported in the browser) are accepted only into
`paths.uploads_dir(data_dir)`, only through URLs this process signed with a key it made
at start, and only up to the largest pack the store accepts. `watch=True` (`serve
--watch`, `make author`) is the instructors' live preview: the content folder is polled
and every save shows on every open page.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import secrets
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import paths

APP_NAME = "Stairway"
APP_DESCRIPTION = "Offline field guide for the first officer at a crisis scene."

NETWORK_WARNING = (
    "WARNING: serving on {host}, not loopback: incident notes become reachable from the network."
)

# Browser Back on the first screen leaves the page, and no Flutter widget can stop that.
# While an incident is open the app's title says so ("Stairway · incident open", the
# catalogue's incident_title, in any language: the " · " marks it), and the browser's own
# "Leave site?" question is asked first. Phones ask in the app instead.
LEAVE_GUARD = (
    "<script>addEventListener('beforeunload', function (e) {"
    " if (document.title.indexOf(' \\u00b7 ') >= 0) { e.preventDefault();"
    " e.returnValue = ''; } });</script>"
)


# Before its first frame the web client shows its loading logo, then a bare page: white,
# for a moment, even at night. The page is painted in the officer's saved theme instead
# (a light phone's "system" too): no white flash in the dark.
LIGHT_BACKDROP, NIGHT_BACKDROP = "#FFFBF8", "#0E0B0A"  # theme.LIGHT/NIGHT["surface"]


def backdrop(theme: str) -> str:
    """A <style> painting the page, and the loading screen, in `theme`'s surface."""
    def paint(colour: str) -> str:
        return f"html,body,#loading{{background:{colour}!important}}"

    if theme in ("light", "dark"):
        rule = paint(NIGHT_BACKDROP if theme == "dark" else LIGHT_BACKDROP)
    else:
        dark = paint(NIGHT_BACKDROP)
        rule = f"{paint(LIGHT_BACKDROP)}@media (prefers-color-scheme: dark){{{dark}}}"
    return f"<style>{rule}</style>"


class LeaveGuard:
    """ASGI middleware: put LEAVE_GUARD, and the backdrop in the saved theme (`theme()`),
    into the web client's index.html as it is served."""

    def __init__(self, app, theme: Callable[[], str] = lambda: "system") -> None:
        self.app = app
        self.theme = theme

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start: dict = {}
        chunks: list[bytes] = []

        async def patched(message) -> None:
            if message["type"] == "http.response.start":
                headers = dict(message.get("headers") or [])
                if headers.get(b"content-type", b"").startswith(b"text/html"):
                    start.update(message)  # hold it: the length changes
                    return
                await send(message)
            elif message["type"] == "http.response.body" and start:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                head = (LEAVE_GUARD + backdrop(self.theme())).encode()
                body = b"".join(chunks).replace(b"</head>", head + b"</head>", 1)
                headers = [(k, v) for k, v in start.get("headers", []) if k != b"content-length"]
                headers.append((b"content-length", str(len(body)).encode()))
                await send({**start, "headers": headers})
                await send({"type": "http.response.body", "body": body})
            else:
                await send(message)

        await self.app(scope, receive, patched)


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and 'localhost'; False for 0.0.0.0, LAN addresses, names."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def page_url(host: str, port: int) -> str:
    shown = "127.0.0.1" if host in ("", "0.0.0.0", "::", "*") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


def load_main(content_dir: Path, data_dir: Path, watch: bool = False) -> Callable[[Any], Any]:
    """The Flet `main(page)` for these directories (the UI helper's factory)."""
    from app.ui.app import build_main

    return build_main(content_dir, data_dir, watch=watch)


def in_background(load: Callable[[], Callable[[Any], Any]], on_ready: Callable[[Any], None]):
    """An async `main(page)` that waits for `load()`, run at once in a thread of its own.

    The web client takes about two seconds to load before its first page session asks
    for `main`; importing the app and compiling the guide (most of a second on the CI
    machine, the first time) is done in those seconds instead of before the port opens.
    A session that comes sooner waits. If `load()` (or `on_ready`) fails, its traceback
    is printed once and every session fails with its error."""
    import asyncio
    import concurrent.futures
    import threading
    import traceback

    built: concurrent.futures.Future = concurrent.futures.Future()

    def run() -> None:
        try:
            main = load()
            on_ready(main)
        except BaseException as exc:  # noqa: BLE001 - every session reports it
            traceback.print_exc()
            built.set_exception(exc)
        else:
            built.set_result(main)

    threading.Thread(target=run, name="stairway-load", daemon=True).start()

    async def main(page) -> Any:
        real = await asyncio.wrap_future(built)
        return real(page)

    main.built = built
    return main


def asgi_app(content_dir: Path, data_dir: Path, on_startup: list | None = None,
             watch: bool = False, secret_key: str | None = None, background: bool = False):
    """Flet's FastAPI app serving Stairway from the local web client (no CDN).

    Mounted in an outer Flet FastAPI like flet's own server does: the outer app's
    lifespan starts Flet's session manager and then runs `on_startup`. `background`:
    the app is built in a thread while the port opens and the client loads
    (`in_background`); `state.hub` is set when it is built.
    """
    from flet_web.fastapi import FastAPI
    from flet_web.fastapi import app as flet_fastapi_app

    from app.packs.archive import DEFAULT_LIMITS

    outer = FastAPI(on_startup=on_startup or [], docs_url=None, redoc_url=None, openapi_url=None)
    outer.state.hub = None
    if background:
        def ready(built) -> None:
            outer.state.hub = getattr(built, "hub", None)

        main = in_background(lambda: load_main(content_dir, data_dir, watch), ready)
    else:
        main = load_main(content_dir, data_dir, watch)
        outer.state.hub = getattr(main, "hub", None)
    for var in ("FLET_UPLOAD_DIR", "FLET_MAX_UPLOAD_SIZE", "FLET_SECRET_KEY"):
        os.environ.pop(var, None)  # uploads go to our folder, under our limit and key only
    from app.prefs import theme_of

    outer.add_middleware(LeaveGuard, theme=lambda: theme_of(data_dir))
    outer.mount(
        "/",
        flet_fastapi_app(
            main,
            assets_dir=str(paths.assets_dir()),
            app_name=APP_NAME,
            app_short_name=APP_NAME,
            app_description=APP_DESCRIPTION,
            no_cdn=True,
            upload_dir=str(paths.uploads_dir(data_dir).resolve()),
            max_upload_size=DEFAULT_LIMITS.max_pack_bytes,
            secret_key=secret_key or secrets.token_hex(32),  # a test may pass its own
        ),
    )
    return outer


def serve(
    host: str = "127.0.0.1",
    port: int = 8550,
    content_dir: Path | None = None,
    data_dir: Path | None = None,
    watch: bool = False,
) -> int:
    """Serve until interrupted; returns the process exit code."""
    try:
        import flet_web  # noqa: F401 - the web client this serves
        import uvicorn
    except ImportError as exc:
        print(f"stairway: the web server is not installed ({exc.name}); install it with "
              "pip install -e '.[serve]' (make run does).", file=sys.stderr)
        return 2

    content = paths.content_dir(content_dir).resolve()
    data = paths.data_dir(data_dir).resolve()
    if not content.is_dir():
        print(f"stairway: content directory not found: {content}", file=sys.stderr)
        return 2
    try:
        data.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        # The UI still shows the guide; the note log reports the problem on screen.
        print(f"stairway: cannot create data directory {data}: {e}", file=sys.stderr)

    if not is_loopback(host):
        print(NETWORK_WARNING.format(host=host), file=sys.stderr, flush=True)

    url = page_url(host, port)

    def announce() -> None:
        print(f"Stairway is running at {url}  (Ctrl+C to stop)", flush=True)
        if watch:
            print(f"Live preview: every save in {content} shows on every open page.",
                  flush=True)

    app = asgi_app(content, data, on_startup=[announce], watch=watch, background=True)
    logging.getLogger("flet").setLevel(logging.WARNING)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", ws="websockets-sansio")
    server = uvicorn.Server(config)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    except OSError as e:
        print(f"stairway: cannot serve on {host}:{port}: {e}", file=sys.stderr)
        return 1
    # uvicorn exits on its own when it cannot bind (it logs and calls sys.exit(1)).
    return 0
