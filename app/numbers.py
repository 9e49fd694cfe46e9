"""What counts as a number typed by a person: plain digits.

`str.isdigit()` accepts "³" and "١", which `int()` then refuses or reads as another
number, and `int()` refuses more than 4,300 digits: each a traceback where a sentence was
due. Content (a stage number), routes (`?read=2`) and fields (deadline minutes) ask here.
"""

from __future__ import annotations


def plain_int(text: str | None, digits: int = 9) -> int | None:
    """`text` as an int when it is 1 to `digits` ASCII digits; None otherwise."""
    if text and len(text) <= digits and text.isascii() and text.isdigit():
        return int(text)
    return None
