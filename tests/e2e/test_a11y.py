"""Screen-reader view of every screen: each control has a name and can be activated."""

from __future__ import annotations

from tests.e2e.conftest import click
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


# Cards whose label already says their text ("Say: What happened today?"): a screen reader
# read the label, then the same text drawn inside the card ("SAY What happened today?").
# Each card's text (its name up to the first part the label does not hold) must be heard
# once in the card. (Elsewhere on the screen it may be: an Avoid card's "Instead: You sound
# really upset." is also a Say card.)
REPEATED = """() => {
  const name = e => (e.getAttribute('aria-label') || e.textContent || '').trim();
  const nodes = [...document.querySelectorAll('flt-semantics')];
  const cards = nodes.filter(e => e.getAttribute('role') === 'button'
      && /^(Say|Avoid|Result): /.test(name(e)));
  const twice = [];
  for (const card of cards) {
    const text = name(card).replace(/^(Say|Avoid|Result): /, '')
      .split(/\\n| \u00b7 | Why: | Instead: | Caution: | \u2026 /)[0].trim();
    if (text.length > 2 && card.textContent.split(text).length
        + (card.getAttribute('aria-label') || '').split(text).length - 2 > 1) twice.push(text);
  }
  return {cards: cards.length, twice};
}"""


def test_a_card_says_its_text_once(phone):
    """Phrase cards and search results: once as the card's name, never again inside it."""
    heard = {}
    for screen in ("phrases", "search"):
        _open(phone, screen)  # the search screen looks for "calm": an Avoid phrase and more
        found = phone.evaluate(REPEATED)
        assert found["cards"], f"no card on {screen}: the check would pass on nothing"
        heard[screen] = found["twice"]
    assert heard == {"phrases": [], "search": []}


# The options of one group (Settings' theme, its text sizes): how each is marked for a screen
# reader. A chosen option was marked on a node around its button, not on the button itself.
MARKS = """prefix => [...document.querySelectorAll('flt-semantics[role=button]')]
  .filter(e => (e.getAttribute('aria-label') || e.textContent || '').trim().startsWith(prefix))
  .map(e => [(e.getAttribute('aria-label') || e.textContent).trim(),
             e.getAttribute('aria-current')])"""


def test_a_chosen_option_is_marked_on_its_own_button(phone):
    _open(phone, "settings")
    for prefix in ("Theme: ", "Text size "):
        marks = dict(phone.evaluate(MARKS, prefix))
        assert len(marks) >= 3 and sorted(marks.values()).count("true") == 1, marks
        assert set(marks.values()) == {"true", "false"}, marks
    marks = dict(phone.evaluate(MARKS, "Theme: "))
    was = next(name for name, mark in marks.items() if mark == "true")
    other = next(name for name in marks if name != was)
    click(phone, "button", other)
    for _ in range(20):  # the choice reaches the page
        if dict(phone.evaluate(MARKS, "Theme: ")).get(other) == "true":
            break
        phone.wait_for_timeout(250)
    marks = dict(phone.evaluate(MARKS, "Theme: "))
    click(phone, "button", was)  # the shared page's theme as it was, for the next test
    assert marks[other] == "true" and marks[was] == "false", marks
