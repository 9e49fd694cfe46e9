"""Screen-reader view of every screen: each control has a name and can be activated."""

from __future__ import annotations

from tests.e2e.test_screens import SCREENS, _open

# Interactive nodes with no name of their own, or named but not activatable (a labelled
# wrapper without a tap action). Disabled controls are left out: they rightly do nothing.
UNUSABLE = """() => [...document.querySelectorAll('flt-semantics[role], textarea, input')]
  .filter(e => ['button', 'checkbox', 'tab', 'radio', 'switch'].includes(e.getAttribute('role'))
               || ['TEXTAREA', 'INPUT'].includes(e.tagName))
  .filter(e => e.getAttribute('aria-disabled') !== 'true' && !e.disabled)
  .map(e => ({role: e.getAttribute('role') || e.tagName.toLowerCase(),
              name: (e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 50),
              tappable: e.hasAttribute('flt-tappable') || ['TEXTAREA', 'INPUT'].includes(e.tagName)
                        || e.getAttribute('role') === 'tab'}))
  .filter(x => !x.name || !x.tappable)
  .map(x => `${x.role} '${x.name}'${x.tappable ? '' : ' cannot be activated'}`)"""


def test_every_control_is_named_and_activatable(phone):
    problems = {}
    for screen in SCREENS:
        _open(phone, screen)
        # a control that is named a moment after it is drawn is named (under load the
        # search field's autofocused input came before its label once); one that stays
        # unnamed for 3 s still fails
        for _ in range(10):
            if not (found := phone.evaluate(UNUSABLE)):
                break
            phone.wait_for_timeout(300)
        if found:
            problems[screen] = found
    assert problems == {}
