"""Semantics whose tap a screen reader can use.

Flet 1.0's client wires a Semantics node's tap action to a handler named `on_click`, while
its Python class names that handler `on_tap`, which then never fires (and the node is not
activatable). This subclass adds `on_click`. No `from __future__ import annotations` here:
Flet reads the field's annotation at run time to type the event, and cannot read a string.
"""

from typing import Optional

import flet as ft
from flet.controls.base_control import control
from flet.controls.control_event import ControlEventHandler


@control("Semantics")
class TapSemantics(ft.Semantics):
    on_click: Optional[ControlEventHandler["TapSemantics"]] = None  # noqa: UP045, UP037
