"""Light and night themes, and the text scale.

Colours are given as full Material colour schemes so views only name roles
(`primary_container`, `error_container`...) and both themes follow. The night scheme
keeps night vision: near-black warm background, no pure white, amber and red accents.
Every text/background pair below meets WCAG AA (4.5:1) or better; `contrast()` computes
it and tests/test_ui_theme.py checks the pairs.
"""

from __future__ import annotations

import flet as ft

MIN_TARGET = 48  # px: smallest touch target

LIGHT = {
    "primary": "#8A3B00",
    "on_primary": "#FFFFFF",
    "primary_container": "#FFE0CC",
    "on_primary_container": "#3A1600",
    "secondary": "#5C4A3E",
    "on_secondary": "#FFFFFF",
    "secondary_container": "#E6F2E6",
    "on_secondary_container": "#143A17",
    "error": "#B3261E",
    "on_error": "#FFFFFF",
    "error_container": "#FDE3E0",
    "on_error_container": "#5F120C",
    "surface": "#FFFBF8",
    "on_surface": "#1E1B18",
    "on_surface_variant": "#4A423C",
    "outline": "#6F655E",
    "outline_variant": "#D3C4BA",
    "tertiary": "#7A4A1F",
    "on_tertiary": "#FFFFFF",
    "tertiary_container": "#FFDCC2",
    "on_tertiary_container": "#2E1500",
    "surface_container_lowest": "#FFFFFF",
    "surface_container_low": "#FBF3EE",
    "surface_container": "#F6ECE6",
    "surface_container_high": "#F0E5DE",
    "surface_container_highest": "#EADFD8",
    "surface_dim": "#E2D8D1",
    "surface_bright": "#FFFBF8",
    "surface_tint": "#8A3B00",
    "inverse_surface": "#352F2B",
    "on_inverse_surface": "#FAEEE7",
    "inverse_primary": "#FFB68A",
}

NIGHT = {
    "primary": "#FFB74D",
    "on_primary": "#231300",
    "primary_container": "#4A2C00",
    "on_primary_container": "#FFD9A8",
    "secondary": "#C9B8A8",
    "on_secondary": "#1C140E",
    "secondary_container": "#1F2A1C",
    "on_secondary_container": "#C8DDB8",
    "error": "#FF8A80",
    "on_error": "#2A0000",
    "error_container": "#4A0F0B",
    "on_error_container": "#FFCFC9",
    "surface": "#0E0B0A",
    "on_surface": "#D9C8B8",
    "on_surface_variant": "#B8A797",
    "outline": "#8C7B6C",
    "outline_variant": "#4D4038",
    "tertiary": "#E6A06F",
    "on_tertiary": "#2A1300",
    "tertiary_container": "#5A3212",
    "on_tertiary_container": "#FFDCC2",
    "surface_container_lowest": "#0A0807",
    "surface_container_low": "#16110E",
    "surface_container": "#1C1612",
    "surface_container_high": "#241D18",
    "surface_container_highest": "#2E2520",
    "surface_dim": "#0E0B0A",
    "surface_bright": "#352B24",
    "surface_tint": "#FFB74D",
    "inverse_surface": "#D9C8B8",
    "on_inverse_surface": "#2B211B",
    "inverse_primary": "#8A3B00",
}

# (foreground, background) role pairs that carry text; each must reach 4.5:1.
TEXT_PAIRS = (
    ("on_surface", "surface"),
    ("on_surface_variant", "surface"),
    ("primary", "surface"),
    ("on_primary", "primary"),
    ("on_primary_container", "primary_container"),
    ("on_secondary_container", "secondary_container"),
    ("on_error_container", "error_container"),
    ("error", "surface"),
    ("on_error", "error"),
    ("on_surface", "surface_container"),  # the bottom bar
    ("on_surface", "surface_container_highest"),
    ("on_tertiary_container", "tertiary_container"),
    ("on_inverse_surface", "inverse_surface"),
)

BASE_SIZES = {  # Material 3 type scale, scaled by the officer's text size
    "display_small": 36,
    "headline_large": 32,
    "headline_medium": 28,
    "headline_small": 24,
    "title_large": 22,
    "title_medium": 16,
    "title_small": 14,
    "body_large": 16,
    "body_medium": 14,
    "body_small": 12,
    "label_large": 14,
    "label_medium": 12,
    "label_small": 11,
}


FIXED = ("label_medium", "label_small")


def _luminance(hex_color: str) -> float:
    h = hex_color.lstrip("#")
    rgb = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two #RRGGBB colours."""
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def text_theme(scale: float, color: str) -> ft.TextTheme:
    # label_medium/small stay fixed: the bottom bar uses them and must fit five labels
    styles = {
        k: ft.TextStyle(size=v if k in FIXED else round(v * scale, 1), color=color)
        for k, v in BASE_SIZES.items()
    }
    return ft.TextTheme(**styles)


def make_theme(colors: dict[str, str], scale: float) -> ft.Theme:
    return ft.Theme(
        color_scheme=ft.ColorScheme(**colors),
        scaffold_bgcolor=colors["surface"],
        canvas_color=colors["surface"],
        text_theme=text_theme(scale, colors["on_surface"]),
        primary_text_theme=text_theme(scale, colors["on_primary"]),
        visual_density=ft.VisualDensity.STANDARD,
    )


THEME_MODES = {
    "system": ft.ThemeMode.SYSTEM,
    "light": ft.ThemeMode.LIGHT,
    "dark": ft.ThemeMode.DARK,
}


def apply(page: ft.Page, theme: str, scale: float) -> None:
    """Set the page's themes for the officer's choice (called by the app shell only)."""
    from app.ui import fonts  # bundled fallback fonts: notes in any script render offline

    fonts.apply_fonts(page)
    # No blend between themes: Flutter otherwise animates from its default blue theme to
    # ours when the first screen arrives. Screenshots of 10 cold starts showed that blue,
    # smaller-buttoned first frame twice, and the blend held back the settled frame
    # (benchmarks/startup.py, `painted`).
    page.theme_animation_style = ft.AnimationStyle.no_animation()
    page.theme = fonts.with_fallback(make_theme(LIGHT, scale))
    page.dark_theme = fonts.with_fallback(make_theme(NIGHT, scale))
    page.theme_mode = THEME_MODES.get(theme, ft.ThemeMode.SYSTEM)
    page.bgcolor = None


class Sizes:
    """Font sizes for the current text scale; views call `fs(16)` instead of `16`."""

    def __init__(self, scale: float) -> None:
        self.scale = scale

    def fs(self, base: float) -> float:
        return round(base * self.scale, 1)
