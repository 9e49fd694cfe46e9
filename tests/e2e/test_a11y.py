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
