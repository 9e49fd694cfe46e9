"""Drive the real app factory headless: Flet's Session over a fake client connection.

    app = await start(content_dir, data_dir, route="/phrases?stage=2")
    await app.click(labels.MOVE_UP)
    app.find(labels.MOVE_UP).disabled
    app.invoked("Wakelock")           # service methods the app called, in order
    await app.back()                  # Android's Back / the app bar arrow (a view pop)
    await app.browser_back()          # the browser's Back (a route change)

Controls are found by their semantic label (visible text, tooltip, semantics label,
field label), the same handle screen readers and the browser tests use. The connection
records every service method the app invokes and answers it as a client would; a
`push_route` comes back as a `route_change`, as the real client does.
"""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import flet as ft
import msgpack
from flet.components.public_utils import unwrap_component
from flet.controls.base_control import BaseControl
from flet.controls.context import _context_page
from flet.messaging.connection import Connection
from flet.messaging.protocol import MessageAction, configure_encode_object_for_msgpack
from flet.messaging.session import Session
from flet.pubsub.pubsub_hub import PubSubHub

from app.ui.app import build_main


class FakeClient(Connection):
    """Encodes and drops patches; records and answers method calls; echoes pushed routes."""

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self.calls: list[tuple[str, str, dict]] = []  # (control type, method, args)
        self.history: list[str] = ["/"]  # the browser's history, as pushed
        self.sent_bytes = 0

    def send_message(self, message) -> None:
        # encoded as the real web connection does: a value the client cannot read fails here
        self.sent_bytes += len(msgpack.packb([message.action, message.body],
                                             default=configure_encode_object_for_msgpack(
                                                 BaseControl)))
        if message.action != MessageAction.INVOKE_METHOD:
            return
        body = message.body
        ctl = self.session.index.get(body.control_id) if self.session else None
        kind = type(ctl).__name__ if ctl is not None else "?"
        self.calls.append((kind, body.name, dict(body.args or {})))
        self.loop.call_soon(self._answer, body)

    def _answer(self, body) -> None:
        if self.session is None:
            return
        self.session.handle_invoke_method_results(body.control_id, body.call_id, None, None)
        if body.name == "push_route":
            route = body.args["route"]
            if route != self.history[-1]:
                self.history.append(route)
                self.loop.create_task(self.route_change(route))

    async def route_change(self, route: str) -> None:
        page = self.session.page
        await self.session.dispatch_event(page._i, "route_change", {"route": route})


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
    if isinstance(c, ft.Switch) and isinstance(c.label, ft.Container):
        out.append(c.label.content.value)  # a wrapping label (common.switch)
    content = getattr(c, "content", None)
    buttons = ft.Button | ft.FilledButton | ft.OutlinedButton | ft.TextButton
    if isinstance(c, buttons) and isinstance(content, str):
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
        """Every control on the screen the officer sees: the top view of the stack."""
        views = self.views()
        top = views[-1] if views else None
        out = []
        for c in list(self.session.index.values()):
            p = c
            while p is not None and p is not top:
                p = p.parent
            if p is top and c is not None:
                out.append(c)
        return out

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
        out = []
        for c in self.controls():
            if isinstance(c, ft.Text) and c.value:
                out.append(c.value)
            elif isinstance(c, ft.Text) and c.spans:
                out.append("".join(s.text or "" for s in c.spans))
        return out

    def invoked(self, control_type: str) -> list[tuple[str, dict]]:
        """(method, args) of every call the app made to a service of this type."""
        return [(m, a) for t, m, a in self.session.connection.calls if t == control_type]

    def views(self) -> list[ft.View]:
        """The views stack, root first (the page holds it behind the Root component)."""
        return [unwrap_component(v) for v in unwrap_component(self.page.views) or []]

    def top_view(self) -> ft.View:
        return self.views()[-1]

    async def back(self) -> None:
        """Android's Back (or the app bar arrow): pop the top view, or ask it to confirm."""
        view = self.top_view()
        if len(self.views()) > 1 and view.can_pop:
            await self.session.dispatch_event(self.page._i, "view_pop", {"route": view.route})
        elif view.on_confirm_pop is not None:
            await self.session.dispatch_event(view._i, "confirm_pop", None)
        await self.settle()

    async def browser_back(self) -> None:
        """The browser's Back: the previous route in history comes as a route change."""
        history = self.session.connection.history
        if len(history) > 1:
            history.pop()
            await self.session.connection.route_change(history[-1])
        await self.settle()

    async def click(self, label: str) -> None:
        c = self.find(label)
        if isinstance(c, ft.Semantics):
            c = c.content
        if isinstance(c, ft.Checkbox | ft.Switch):
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
        """Tap a bottom-bar tab; from a screen without the bar, go Back until there is one."""
        for _ in range(4):
            if self.top_view().navigation_bar is not None:
                break
            await self.back()
        bar = self.top_view().navigation_bar
        i = [d.label for d in bar.destinations].index(label)
        self.session.apply_patch(bar._i, {"selected_index": i})
        await self.session.dispatch_event(bar._i, "change", str(i))
        await self.settle()

    async def call(self, fn, *args):
        """Call a state method as this page's event handler would: with this page as the
        current one (it matters when several pages are open), then let it render."""
        _context_page.set(self.page)
        result = fn(*args)
        await self.settle()
        return result

    def close(self) -> None:
        self.session.close()


async def start(content_dir: Path, data_dir: Path, route: str = "/", main=None) -> App:
    """A page of the real app; pass `main` (a build_main result) for a second tab of the
    same process (one guide, one note log)."""
    conn = FakeClient()
    conn.pubsubhub = PubSubHub()
    conn.loop = asyncio.get_running_loop()
    conn.history = [route]
    session = Session(conn)
    conn.session = session
    session.page.route = route
    conn.page_url = "http://127.0.0.1:8550"
    session.page.platform = ft.PagePlatform.ANDROID  # the client a phone would be
    _context_page.set(session.page)
    state = (main or build_main(content_dir, data_dir))(session.page)
    if inspect.isawaitable(state):  # the phone entry's main (app.main) is async
        state = await state
    session.get_page_patch()  # serialize and mount the first frame, as a client connect does
    app = App(session, state)
    await app.settle()
    return app


CONTENT = Path(__file__).resolve().parent.parent / "content"


async def tick_all_signs(app: App) -> None:
    from app.ui import labels as L

    for s in app.state.stairway.stage().signs:
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


async def save_on_a_full_disk(app: App, monkeypatch, text: str):
    """Save a note as the officer does while every write fails with "no space left";
    returns the real `Book.append`, to put back for the retry."""
    import errno

    from app.incidents.book import Book
    from app.ui import labels as L

    real = Book.append

    def full(self, note):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(Book, "append", full)
    await app.type(L.NOTE_FIELD, text)
    await app.click(L.note_kind("note"))
    return real
