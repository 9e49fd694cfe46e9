"""Entry point for `flet run` and `flet build`: `main(page)` for the default directories.

    flet run app/main.py                         # desktop window (needs the Flet client)
    FLET_WEB_NO_CDN=1 flet run --web app/main.py # browser, offline
    python -m app serve                          # what `make run` does (no browser launched)

On a phone (`flet build apk|ipa`), Flet sets FLET_APP_STORAGE_DATA to the app's private
storage and app.paths.data_dir() picks it up; content/ is packaged next to the app.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

# `flet run app/main.py` runs this file as a script: make the repo root importable.
_ROOT = Path(__file__).resolve().parent.parent
if str(_ROOT) not in sys.path:
    sys.path.insert(0, str(_ROOT))

import flet as ft  # noqa: E402

from app import paths  # noqa: E402
from app.ui.serve import in_background, load_main  # noqa: E402

_built = None


def _app():
    """The app's `main(page)`, built once per process in a thread of its own
    (`in_background`). `run()` starts the build before Flet starts, so importing the app
    and compiling the guide overlap the client's own start instead of following it."""
    global _built
    if _built is None:
        _built = in_background(lambda: load_main(paths.content_dir(), paths.data_dir()),
                               lambda main: None)
    return _built


async def main(page: ft.Page):
    """Build the app for this page; directories come from env vars or platform defaults.
    Returns the page's state (Flet ignores it; tests read it)."""
    result = await _app()(page)
    return await result if inspect.isawaitable(result) else result


def run() -> None:
    """Run as Flet decides for this platform: a phone app, a desktop window or `--web`."""
    _app()
    ft.run(main, assets_dir=str(paths.assets_dir()), no_cdn=True)


if __name__ == "__main__":
    run()
