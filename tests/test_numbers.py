"""`plain_int`: the one reading of a number a person typed (app.numbers)."""

from __future__ import annotations

import pytest

from app.numbers import plain_int


@pytest.mark.parametrize("text, number", [
    ("3", 3), ("030", 30), ("999999999", 999999999),
    ("³", None),  # isdigit() says yes, int() says no
    ("١", None),  # an Arabic-Indic one: a number, but not the one typed on this keyboard
    ("9" * 5000, None),  # past int()'s digit limit
    ("1234567890", None),  # past nine digits: no minutes, stage or page is that large
    ("-1", None), ("+1", None), (" 1", None), ("1.0", None), ("", None), (None, None),
    ("\udcff", None),
])
def test_only_plain_digits_are_a_number(text, number):
    assert plain_int(text) == number
