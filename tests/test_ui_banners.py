"""Banners (app/ui/views/banners.py), headless: a long warning shows its first lines and
"Show all" until opened, a short one shows whole with no button, the screen reader gets
the whole text either way, and the largest text size makes more warnings long."""

from __future__ import annotations

import flet as ft

from app.ui import labels as L

LONG = ("Entry #3 was saved, yet the log now ends at #1: "
        "entries at the end were lost or removed. (Incident 20261128-1857-292e)")
SHORT = "Notes are off."


def banner_text(app, text: str) -> ft.Text:
    return next(c for c in app.controls() if isinstance(c, ft.Text) and c.value == text)


async def tell(app, *notices: str) -> None:
    await app.call(lambda: (app.state.ui.notices.extend(notices), app.state.ui.changed()))


async def test_a_long_banner_shows_its_first_lines_until_opened(app):
    await tell(app, LONG)
    text = banner_text(app, LONG)
    assert text.max_lines == 3 and text.semantics_label == LONG  # read whole, shown short
    assert app.has(L.BANNER_MORE) and not app.has(L.BANNER_LESS)
    await app.click(L.BANNER_MORE)
    opened = banner_text(app, LONG)
    assert opened.max_lines is None and app.has(L.BANNER_LESS)
    # Flutter cuts text with an ellipsis and no line limit to one line (seen in Chromium)
    assert opened.overflow != ft.TextOverflow.ELLIPSIS
    await app.click(L.BANNER_LESS)
    assert banner_text(app, LONG).max_lines == 3 and app.has(L.BANNER_MORE)


async def test_a_short_banner_shows_whole_with_no_button(app):
    await tell(app, SHORT)
    assert banner_text(app, SHORT).max_lines is None
    assert not app.has(L.BANNER_MORE) and app.has(L.DISMISS_BANNER)


async def test_opening_one_banner_leaves_the_others_short_and_dismiss_forgets_it(app):
    other = LONG.replace("#3", "#4")
    await tell(app, LONG, other)
    await app.click(L.BANNER_MORE)  # the first
    assert banner_text(app, LONG).max_lines is None and banner_text(app, other).max_lines == 3
    await app.click(L.DISMISS_BANNER)  # the first
    assert app.state.ui.notices == [other] and app.state.ui.opened == set()
    assert banner_text(app, other).max_lines == 3


async def test_at_the_largest_text_a_shorter_warning_is_long(app):
    middle = "The note log could not be opened on this device. Notes are off."  # 64 characters
    await tell(app, middle)
    assert not app.has(L.BANNER_MORE)  # three lines at 100% hold it
    await app.call(lambda: (setattr(app.state.prefs, "text_scale", max(L.TEXT_SIZES)),
                            app.state.ui.changed()))
    assert app.has(L.BANNER_MORE) and banner_text(app, middle).max_lines == 3
