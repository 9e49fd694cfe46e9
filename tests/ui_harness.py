"""Drive the real app factory headless: Flet's Session over a no-op connection.

    app = await start(content_dir, data_dir)
    await app.click(labels.MOVE_UP)
    app.find(labels.MOVE_UP).disabled

Controls are found by their semantic label (visible text, tooltip, semantics label,
field label), the same handle screen readers and the browser tests use.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import flet as ft
from flet.controls.context import _context_page
from flet.messaging.connection import Connection
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub

from app.ui.app import build_main


class NullConnection(Connection):
    def send_message(self, message) -> None:  # no client: drop every patch
        pass


def label_of(c) -> list[str]:
    if isinstance(c, ft.Icon | ft.Text) and c.semantics_label:
        return []  # it names the button it sits in (common.button / icon_button)
    out = []
    for attr in ("semantics_label", "tooltip", "label"):
        v = getattr(c, attr, None)
        if isinstance(v, str):
            out.append(v)
    if isinstance(c, ft.Semantics) and c.label:
        out.append(c.label)
    content = getattr(c, "content", None)
    if isinstance(c, ft.Button | ft.FilledButton | ft.OutlinedButton) and isinstance(content, str):
        out.append(content)
    if isinstance(c, ft.Button | ft.FilledButton | ft.OutlinedButton) and isinstance(
        content, ft.Text
    ):
        # a button announces its text's semantics label when it has one, else the text
        out.append(content.semantics_label or content.value)
    return out


class App:
    def __init__(self, session: Session, state) -> None:
        self.session = session
        self.page = session.page
        self.state = state

    async def settle(self) -> None:
        for _ in range(12):
            await asyncio.sleep(0)

    def controls(self) -> list:
        return [c for c in list(self.session.index.values()) if c is not None]

    def find_all(self, label: str) -> list:
        return [c for c in self.controls() if label in label_of(c)]

    def find(self, label: str):
        found = self.find_all(label)
        assert found, f"no control labelled {label!r}; have: {sorted(self.labels())[:60]}"
        return found[0]

    def has(self, label: str) -> bool:
        return bool(self.find_all(label))

    def labels(self) -> set[str]:
        return {lab for c in self.controls() for lab in label_of(c)}

    def texts(self) -> list[str]:
        return [c.value for c in self.controls() if isinstance(c, ft.Text) and c.value]

    async def click(self, label: str) -> None:
        c = self.find(label)
        if isinstance(c, ft.Semantics):
            c = c.content
        if isinstance(c, ft.Checkbox):
            self.session.apply_patch(c._i, {"value": not c.value})
            await self.session.dispatch_event(c._i, "change", None)
        else:
            assert not c.disabled, f"{label!r} is disabled"
            await self.session.dispatch_event(c._i, "click", None)
        await self.settle()

    async def type(self, label: str, text: str) -> None:
        c = self.find(label)
        self.session.apply_patch(c._i, {"value": text})
        await self.session.dispatch_event(c._i, "change", text)
        await self.settle()

    async def nav(self, label: str) -> None:
        bar = next(c for c in self.controls() if isinstance(c, ft.NavigationBar))
        i = [d.label for d in bar.destinations].index(label)
        self.session.apply_patch(bar._i, {"selected_index": i})
        await self.session.dispatch_event(bar._i, "change", str(i))
        await self.settle()

    def close(self) -> None:
        self.session.close()


async def start(content_dir: Path, data_dir: Path) -> App:
    conn = NullConnection()
    conn.pubsubhub = PubSubHub()
    conn.loop = asyncio.get_running_loop()
    session = Session(conn)
    _context_page.set(session.page)
    state = build_main(content_dir, data_dir)(session.page)
    session.get_page_patch()  # serialize and mount the first frame, as a client connect does
    app = App(session, state)
    await app.settle()
    return app


CONTENT = Path(__file__).resolve().parent.parent / "content"


async def tick_all_signs(app: App) -> None:
    from app.ui import labels as L

    for s in app.state.stage().signs:
        await app.click(L.sign(s.text))


async def open_incident(app: App, location: str = "Elm St bridge"):
    """Start an incident from home the way an officer does; returns the situation."""
    from app.ui import labels as L

    await app.nav(L.NAV_HOME)
    await app.click(L.START_INCIDENT)
    sit = app.state.guide.situations[0]
    await app.click(L.situation_choice(sit.title))
    await app.type(L.START_LOCATION, location)
    await app.click(L.START_CONFIRM)
    return sit
