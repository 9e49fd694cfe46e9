"""Bundled fallback fonts, so officers' notes in any script render instead of as boxes.

The Flet web client ships Roboto only (Latin, Greek, Cyrillic) and, offline, cannot fetch
Flutter's Noto fallbacks from the CDN: Arabic, Hebrew, Thai, Bengali, CJK, emoji and every
other script Roboto lacks would show as empty boxes. We bundle open-licensed fonts in
assets/fonts/ (licences next to them), register them with `page.fonts`, and put them in
every text style's `font_family_fallback` through the theme. Glyphs are taken from the
first family that has them: PRIMARY, then FALLBACK in order.

The web renderer uses at most six families per text style (primary included): a seventh
is silently ignored (found by screenshot: CJK turned to boxes). Hence five fallbacks, and
Roboto named explicitly as the primary, since a style with no family lists Roboto after
the fallbacks and Latin text would then be drawn by the CJK font.

    apply_fonts(page)                    # once, in main(page)
    page.theme = with_fallback(ft.Theme(color_scheme_seed=...))
    page.dark_theme = with_fallback(ft.Theme(...))
"""

from __future__ import annotations

import dataclasses

import flet as ft

# family name -> path relative to assets/ (served by the web client, packaged by flet build)
FONTS: dict[str, str] = {
    "NotoSansArabic": "fonts/NotoSansArabic-Regular.ttf",
    # Hebrew, Thai, Lao, Khmer, Myanmar, Ethiopic, Armenian, Georgian, Bengali, Gurmukhi,
    # Gujarati, Tamil, Telugu, Kannada, Malayalam and Sinhala: Noto Sans fonts merged into
    # one family (see assets/fonts/README.md), as the renderer takes six families at most
    "StairwayScripts": "fonts/StairwayScripts-Regular.ttf",
    "NotoSansDevanagari": "fonts/NotoSansDevanagari-Regular.ttf",
    "NotoColorEmoji": "fonts/NotoColorEmoji.ttf",
    "WenQuanYiMicroHei": "fonts/WenQuanYiMicroHei.ttf",  # Chinese, Japanese, Korean
}

PRIMARY = "Roboto"  # the web client's own font (Latin, Greek, Cyrillic)
MAX_FAMILIES = 6  # primary + fallbacks the web renderer honours

# Emoji before CJK so that symbols present in both come out in colour.
FALLBACK: list[str] = [
    "NotoSansArabic",
    "StairwayScripts",
    "NotoSansDevanagari",
    "NotoColorEmoji",
    "WenQuanYiMicroHei",
]

_TEXT_THEME_SLOTS = [
    f.name for f in dataclasses.fields(ft.TextTheme) if f.type and "TextStyle" in str(f.type)
]


def apply_fonts(page: ft.Page) -> None:
    """Register the bundled fonts on the page (keeps any fonts already registered)."""
    page.fonts = {**(page.fonts or {}), **FONTS}


def fallback_style(style: ft.TextStyle | None = None) -> ft.TextStyle:
    """`style` (or a blank style) with the bundled families as its fallback.

    A style that names its own family keeps it; otherwise PRIMARY is named.
    """
    style = style or ft.TextStyle()
    return dataclasses.replace(
        style, font_family=style.font_family or PRIMARY, font_family_fallback=list(FALLBACK)
    )


def with_fallback(theme: ft.Theme | None = None) -> ft.Theme:
    """`theme` with FALLBACK on every text style of its text themes.

    Styles the theme already sets keep their other properties.
    """
    theme = theme or ft.Theme()
    for attr in ("text_theme", "primary_text_theme"):
        tt = getattr(theme, attr) or ft.TextTheme()
        for slot in _TEXT_THEME_SLOTS:
            setattr(tt, slot, fallback_style(getattr(tt, slot)))
        setattr(theme, attr, tt)
    return theme
