"""Suite-wide ordering: the browser tests run last.

Playwright's sync API keeps an event loop running in the main thread for as long as its
session-scoped browser lives; an asyncio test collected after it would fail with
"Runner.run() cannot be called from a running event loop". Moving tests/e2e to the end
keeps one `pytest` command (the README's `make test`) for the whole suite.
"""

from __future__ import annotations

from pathlib import Path

import pytest

E2E = Path(__file__).parent / "e2e"


def pytest_collection_modifyitems(session, config, items):
    items.sort(key=lambda item: Path(str(item.fspath)).is_relative_to(E2E))


@pytest.fixture
async def app(tmp_path):
    """The real app (factory, shipped content/, a fresh data dir) in a headless session."""
    from tests.ui_harness import CONTENT, start

    a = await start(CONTENT, tmp_path / "data")
    yield a
    a.close()
