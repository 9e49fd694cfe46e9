"""Component hooks the screens share: a re-render clock and a text field's value, kept as
a draft (app/drafts.py) when the field asks for it."""

from __future__ import annotations

import asyncio

import flet as ft


def use_tick(seconds: float = 1.0) -> int:
    """Re-render the calling component every `seconds` (clocks, countdowns).

    The no-op cleanup matters: Flet cancels an async effect's task on unmount only when
    the effect has a cleanup, so without it every visit would leak a ticking task.
    """
    tick, set_tick = ft.use_state(0)

    async def run() -> None:
        while True:
            await asyncio.sleep(seconds)
            try:
                set_tick(lambda t: t + 1)
            except RuntimeError:  # the session was closed under us (tab gone): stop
                return

    ft.use_effect(run, [], cleanup=lambda: None)
    return tick


def use_field(initial: str = "", drafts=None, key: str | None = None, on_edit=None):
    """A text field's value for a component: (value to render, getter, on_change).

    Read the text with the getter, not the rendered value, in a button's handler: a tap
    that arrives right after typing can reach the server before the re-render, while
    the button still holds the previous render's closure.

    With `drafts` and `key`, what is typed is kept as a draft under `key` and comes back
    when the field is built again (another screen and back, a reload); `reset` drops it.
    The form drops it too when the officer cancels (`drafts.drop(key)`). `on_edit(text)`
    is called at each change (e.g. to take away an error the new words may have mended).
    """
    drafted = drafts is not None and bool(key)
    kept = drafts.get(key, initial) if drafted else initial
    value, set_value = ft.use_state(kept)
    latest = ft.use_ref(kept)

    def on_change(e) -> None:
        latest.current = e.control.value or ""
        if drafted:
            drafts.put(key, latest.current)
        set_value(latest.current)
        if on_edit is not None:
            on_edit(latest.current)

    def get() -> str:
        return latest.current

    def reset(text: str = "") -> None:
        latest.current = text
        if drafted:
            drafts.drop(key)
        set_value(text)

    get.reset = reset
    return value, get, on_change
