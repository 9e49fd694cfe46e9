"""Headless tests of the guide screens through the real factory (content/, temp data).

Every test drives the app by the labels in app.ui.labels, then checks what is on screen
and what reached the note log and the preferences file.
"""

from __future__ import annotations

import shutil

import flet as ft
import pytest

from app.i18n import text as t
from app.ui import labels as L
from app.ui import screens
from app.ui.router import Location, to_route
from tests.ui_harness import CONTENT, label_of, open_incident, start, tick_all_signs


async def test_home_shows_stage_and_start(app):
    assert app.state.nav.screen == "home"
    assert app.has(L.START_INCIDENT)
    assert app.state.stairway.stage().title in app.texts()


async def test_move_up_says_why_then_moves_when_every_sign_is_ticked(app):
    await app.nav(L.NAV_STAIRWAY)
    signs = app.state.stairway.stage().signs
    assert signs, "stage 1 in content/ has move-up signs"
    # tappable: a refusal is said right there, not silent; a screen reader hears what is
    # left, as it is shown (it heard "Move up" alone)
    await app.click(f"Move up ({len(signs)} signs left)")
    assert app.state.stairway.number == 1
    assert any(t.startswith(f"{len(signs)} signs are not ticked yet") for t in app.texts())
    assert app.has(L.OVERRIDE)  # the way on without the signs is right below
    for s in signs[:-1]:
        await app.click(L.sign(s.text))
    await app.click("Move up (1 sign left)")
    assert any(t.startswith("1 sign is not ticked yet") for t in app.texts())
    await app.click(L.sign(signs[-1].text))
    await app.click(L.MOVE_UP)
    assert app.state.stairway.number == 2
    assert app.has(L.stage_indicator(2))
    assert app.find(L.stage_indicator(2)).exclude_semantics  # not "... of 5 1 2 3 4 5"
    steps = app.find(L.stage_indicator(2)).content.controls
    assert isinstance(steps[0].content, ft.Icon) and steps[0].content.icon == ft.Icons.CHECK
    assert [s.content.value for s in steps[1:]] == ["2", "3", "4", "5"]  # no "✓" glyph
    await app.nav(L.NAV_PHRASES)  # a stage 2 phrase from content/ is on the phrases screen
    first = app.state.phrases.list()[0]
    assert first.stage == 2 and app.has(L.phrase(first.kind, first.text))


async def test_override_refused_without_reason_then_logged(app):
    await open_incident(app)
    await app.nav(L.NAV_STAIRWAY)
    first = app.state.stairway.stage().signs[0]
    await app.click(L.sign(first.text))
    await app.click(L.OVERRIDE)
    # the form says which move it records and what was not seen (it named neither)
    st = app.state.stairway
    texts = app.texts()
    intro = next(x for x in texts if x.startswith(L.OVERRIDE_INTRO))
    left = len(st.stage(1).signs) - 1
    assert intro.endswith(f"From stage 1 ({st.stage(1).title}) to stage 2 "
                          f"({st.stage(2).title}). {left} signs are not ticked yet: they "
                          "are listed below the buttons.")  # the walk wrote before reading
    below = next(x for x in texts if x.startswith("Signs not ticked yet:\n"))
    assert below.splitlines()[1:] == [f"• {s.text}" for s in st.stage(1).signs[1:]]
    # the reason and its buttons come first: the list would push them off a small phone
    form = next(c for c in app.controls() if isinstance(c, ft.Text) and c.value == below).parent
    order = [label_of(c) + [getattr(c, "value", None)] for c in form.controls]
    confirm = next(i for i, names in enumerate(order) if L.OVERRIDE_CONFIRM in names)
    assert confirm < next(i for i, names in enumerate(order) if below in names)
    await app.click(L.OVERRIDE_CONFIRM)  # empty reason
    assert app.state.stairway.number == 1
    assert "Write why you move up before the signs are there." in app.texts()  # whole, wraps
    await app.type(L.OVERRIDE_REASON, "Subject asked for a deal; negotiator agreed")
    await app.click(L.OVERRIDE_CONFIRM)
    assert app.state.stairway.number == 2
    notes = app.state.log.all_notes(app.state.incident.current.id)
    assert {"override", "stage_change"} <= {str(n.kind) for n in notes}
    assert any(str(n.kind) == "override" and "negotiator agreed" in n.text for n in notes)


async def test_step_back_and_not_at_stage_one(app):
    await app.nav(L.NAV_STAIRWAY)
    assert not app.has(L.STEP_BACK)
    await tick_all_signs(app)
    await app.click(L.MOVE_UP)
    await app.click(L.STEP_BACK)
    assert app.state.stairway.number == 1


async def test_prefs_survive_a_rebuild(tmp_path):
    data = tmp_path / "data"
    a = await start(CONTENT, data)
    await a.nav(L.NAV_STAIRWAY)
    await tick_all_signs(a)
    await a.click(L.MOVE_UP)
    await a.click(L.OPEN_SETTINGS)
    await a.click(L.THEME_DARK)
    await a.click(L.TEXT_SIZES[1.75])
    await open_incident(a)
    await a.nav(L.NAV_PHRASES)
    p = a.state.phrases.list()[0]
    await a.click(L.phrase(p.kind, p.text))
    await a.nav(L.NAV_CHECKLIST)
    inc = a.state.incident.current.id
    a.close()
    b = await start(CONTENT, data)  # the app was killed: it opens where it was
    assert b.state.incident.current.id == inc and b.state.incident.is_open
    assert p.id in b.state.incident.used_phrases  # from the log, by the phrase's id
    assert b.state.stairway.number == 2
    assert b.state.prefs.theme == "dark" and b.state.prefs.text_scale == 1.75
    assert b.state.nav.screen == "checklist"
    assert b.page.theme_mode.value == "dark"
    b.close()


async def test_checklist_tick_is_timestamped_logged_and_ticks_the_phone(app):
    await open_incident(app)
    await app.nav(L.NAV_CHECKLIST)
    cl, items = app.state.checklist.lists()[0]
    item = next(i for i in items if i.tick)
    before = app.state.checklist.progress()[0]
    await app.click(L.checklist_item(item.text))
    assert app.state.checklist.tick_time(cl.id, item.id)
    assert app.state.checklist.progress()[0] == before + 1
    notes = app.state.log.all_notes(app.state.incident.current.id)
    assert any(str(n.kind) == "checklist_tick" and n.text == item.text for n in notes)
    assert app.invoked("HapticFeedback") == [("light_impact", {})]
    await app.click(L.section_toggle(item.section or cl.title))  # folding hides its items
    assert not app.has(L.checklist_item(item.text))


async def test_a_section_with_nothing_to_tick_shows_no_count(app):
    await app.nav(L.NAV_CHECKLIST)
    sections = {}
    for _, items in app.state.checklist.lists():
        for i in items:
            sections.setdefault(i.section, []).append(i.tick)
    signs = [s for s, ticks in sections.items() if s and not any(ticks)]
    counted = [s for s, ticks in sections.items() if s and any(ticks)]
    assert signs and counted, "the shipped checklist has both kinds of section"
    texts = app.texts()
    assert all(s in texts and not any(x.startswith(s + "  (") for x in texts) for s in signs)
    assert all(any(x.startswith(s + "  (0/") for x in texts) for s in counted)


async def test_situation_filters_and_shows_danger_signs(app):
    await app.click(L.OPEN_SITUATIONS)
    sit = next(s for s in app.state.guide.situations if s.danger_signs)
    await app.click(L.situation_choice(sit.title))
    assert app.state.prefs.situation == sit.id
    assert sit.danger_signs[0].text in app.texts()
    await app.nav(L.NAV_PHRASES)
    for p in app.state.phrases.list():
        assert not p.situations or sit.id in p.situations


async def test_phrase_tap_marks_used_and_logs_its_id(app):
    await open_incident(app)
    await app.nav(L.NAV_PHRASES)
    p = app.state.phrases.list()[0]
    await app.click(L.phrase(p.kind, p.text))
    assert "· used" in app.texts()
    notes = app.state.log.all_notes(app.state.incident.current.id)
    assert any(str(n.kind) == "phrase_used" and n.item == p.id and p.text in n.text
               for n in notes)
    inc = app.state.incident.current.id
    said = next(n.text for n in notes if str(n.kind) == "phrase_used")
    assert [i.text for i in app.state.log.board(inc).lists["phrases"]] == [said]
    await app.nav(L.NAV_INCIDENT)  # what was tried, on the board a negotiator reads first
    await app.click(L.OPEN_BOARD)
    assert "Phrases used" in app.texts() and any(said in x for x in app.texts())
    brief = app.state.log.export(inc, "md")
    title = "## Guide phrases marked as said (not a full record of what was said)"
    assert title in brief
    section = brief.split(title)[1].split("\n## ")[0]
    assert p.text in section


async def test_a_phrase_tapped_twice_at_once_is_logged_once(app, monkeypatch):
    """A double tap (or a thumb landing twice while scrolling) wrote two entries into the
    evidence log. Said again later, it is logged again."""
    from app.ui.state import phrases as P

    clock = [100.0]
    monkeypatch.setattr(P, "monotonic", lambda: clock[0])
    await open_incident(app)
    await app.nav(L.NAV_PHRASES)
    p = app.state.phrases.list()[0]
    await app.click(L.phrase(p.kind, p.text))
    clock[0] += 0.4
    await app.click(L.phrase(p.kind, p.text))

    def used() -> int:
        notes = app.state.log.all_notes(app.state.incident.current.id)
        return sum(str(n.kind) == "phrase_used" for n in notes)

    assert used() == 1
    clock[0] += P.TWICE
    await app.click(L.phrase(p.kind, p.text))
    assert used() == 2


async def test_a_screen_reader_hears_a_phrase_card_once_and_can_tap_it(app):
    """The card's own text is hidden from a screen reader (its label says the phrase; the
    rest is its value), so the tap reaches the app through the label's node."""
    await open_incident(app)
    await app.nav(L.NAV_PHRASES)
    p = next(p for p in app.state.phrases.list() if p.kind == "say")
    card = app.find(L.phrase(p.kind, p.text))
    assert isinstance(card, ft.Semantics) and card.exclude_semantics
    await app.session.dispatch_event(card._i, "click", None)  # TalkBack's double tap
    await app.settle()
    notes = app.state.log.all_notes(app.state.incident.current.id)
    assert [n.item for n in notes if str(n.kind) == "phrase_used"] == [p.id]
    assert app.find(L.phrase(p.kind, p.text)).value.startswith(L.PHRASE_USED)


async def test_an_avoid_card_is_read_not_tapped_and_its_button_logs_it(app):
    """A tap anywhere on an Avoid card logged "Said (an Avoid phrase)" into the evidence
    log while the officer only read why to avoid it: the card is no button now; its "I said
    it" button is the one way to log it."""
    await open_incident(app)
    await app.nav(L.NAV_PHRASES)
    p = next(p for p in app.state.phrases.list() if p.kind == "avoid" and p.why)
    card = app.find(L.phrase(p.kind, p.text))
    assert isinstance(card, ft.Semantics) and card.exclude_semantics
    assert not card.button and getattr(card, "on_click", None) is None
    assert f"{L.PHRASE_WHY}: {p.why}" in card.value

    def said():
        notes = app.state.log.all_notes(app.state.incident.current.id)
        return [n.text for n in notes if str(n.kind) == "phrase_used"]

    await app.session.dispatch_event(card._i, "click", None)  # nothing listens
    await app.settle()
    assert said() == []
    mark = t("phrase_avoid_said_label", text=p.text)
    assert app.find(mark).content.value == L.PHRASE_AVOID_SAID  # shown "I said it"
    await app.click(mark)
    # an Avoid phrase marked used was said: "Avoided: ..." told the negotiator the opposite
    assert said() == [f"Said (an Avoid phrase): {p.text}"]
    assert app.find(L.phrase(p.kind, p.text)).value.startswith(L.PHRASE_USED)


async def test_named_stage_chips_are_one_tap_above_the_list(app):
    await app.nav(L.NAV_PHRASES)
    empathy = app.state.stairway.stage(2)
    chip = app.find(L.stage_chip(2, empathy.title))  # "2 Empathy", not a bare "2"
    assert chip.content.value == f"2 {empathy.title}"
    await app.click(L.stage_chip(2, empathy.title))
    assert app.state.nav.route == "/phrases?stage=2"
    assert app.state.phrases.list() and all(p.stage == 2 for p in app.state.phrases.list())


def row_of(control) -> ft.Row:
    p = control
    while not isinstance(p, ft.Row):
        p = p.parent
    return p


async def test_at_large_text_stage_chips_show_numbers_and_the_chosen_name_below(app):
    """At 175% five named chips filled the first screen; a sideways row could leave the
    chosen chip half off the edge. Numbers fit, and the chosen stage is named below."""
    await app.nav(L.NAV_PHRASES)
    one = app.state.stairway.stage(1)
    assert app.find(L.stage_chip(1, one.title)).content.value == f"1 {one.title} (now)"
    await app.click(L.OPEN_SETTINGS)
    await app.click(L.TEXT_SIZES[1.75])
    await app.nav(L.NAV_PHRASES)
    four = app.state.stairway.stage(4)
    chip = app.find(L.stage_chip(4, four.title))  # the label still names the stage
    assert chip.content.value == "4" and row_of(chip).wrap
    await app.click(L.stage_chip(4, four.title))
    assert f"4 {four.title}" in app.texts()  # the chosen stage, named under the chips
    assert app.state.phrases.list() and all(p.stage == 4 for p in app.state.phrases.list())


async def test_avoid_card_says_why_and_instead(app):
    await app.nav(L.NAV_PHRASES)
    avoid = next(p for s in app.state.guide.stages for p in s.phrases if p.kind == "avoid")
    await app.click(L.stage_chip(avoid.stage, app.state.stairway.stage(avoid.stage).title))
    texts = app.texts()
    assert f"Why: {avoid.why}" in texts and f"Instead: {avoid.instead}" in texts


async def test_a_slot_is_announced_as_fill_in(app):
    p = next(p for s in app.state.guide.stages for p in s.phrases if p.slots)
    await app.nav(L.NAV_PHRASES)
    await app.click(L.stage_chip(p.stage, app.state.stairway.stage(p.stage).title))
    label = next(lab for lab in app.labels() if lab.startswith(L.phrase(p.kind, "")) and
                 f"(fill in: {p.slots[0]})" in lab)
    assert "[" not in label


async def test_search_opens_the_place_it_came_from(app):
    await app.click(L.OPEN_SEARCH)
    p = app.state.stairway.stage(2).phrases[0]
    await app.type(L.SEARCH_FIELD, " ".join(p.text.split()[:4]))
    hit = next(h for h in app.state.search.results if h.target[0] == "phrase")
    await app.click(L.search_result(hit.title))
    assert app.state.nav.screen == "phrases"
    assert app.state.phrases.stage == hit.target[1]
    assert app.state.stairway.number == 1  # reading is not moving


async def test_a_phrase_found_by_search_is_the_first_card_on_its_screen(app):
    """The screen opens at its top: the hit used to sit far down, out of sight."""
    p = app.state.stairway.stage(2).phrases[-1]  # the last of its stage, so not first already
    await app.click(L.OPEN_SEARCH)
    await app.type(L.SEARCH_FIELD, p.text)
    hit = next(h for h in app.state.search.results if h.target[:3] == ("phrase", 2, p.text))
    await app.click(L.search_result(hit.title))
    cards = [lab for lab in app.labels() if lab.startswith(("Say: ", "Avoid: "))]
    order = [lab for c in app.controls() for lab in label_of(c) if lab in cards]
    assert order[0] == L.phrase(p.kind, p.text)


async def test_a_checklist_item_found_by_search_is_on_top_and_can_be_ticked_there(app):
    cl = app.state.guide.checklists[0]
    item = [i for i in cl.items if i.tick][-1]  # the last to do, far down the screen
    await app.click(L.OPEN_SEARCH)
    await app.type(L.SEARCH_FIELD, item.text)
    hit = next(h for h in app.state.search.results
               if h.target[:3] == ("checklist", cl.id, item.id))
    await app.click(L.search_result(hit.title))
    found = t("search_found_item", text=item.text)
    labels = [lab for c in app.controls() for lab in label_of(c)]
    first_item = next(i for i, lab in enumerate(labels) if lab.startswith("Checklist item: "))
    assert labels.index(found) < first_item  # above the whole list
    await app.click(found)
    assert app.state.checklist.tick_time(cl.id, item.id)  # the same tick as in its place
    ticked = [x for x in app.texts() if x.startswith(item.text) and "(ticked " in x]
    assert len(ticked) == 2  # on top and in its place


async def test_a_situation_found_by_search_shows_its_text_above_the_choices(app):
    """"bridge" opened the situation screen at its top: ten choices, with the officer's
    own situation ticked, and the text that matched 1.5 screens down at the largest text."""
    await app.click(L.OPEN_SEARCH)
    await app.type(L.SEARCH_FIELD, "bridge")
    hit = next(h for h in app.state.search.results if h.target[:2] == ("situation", "suicidal"))
    await app.click(L.search_result(hit.title))
    sit = app.state.situations.get("suicidal")
    texts = app.texts()
    assert texts[:2] == [f"From your search · {sit.title}", sit.title]
    assert texts.index(sit.summary) < texts.index(L.WHAT_IS_THE_CALL)
    assert texts.count(sit.summary) == 1  # not again below the choices


async def test_search_shows_an_avoid_hit_with_its_instead(app):
    await app.click(L.OPEN_SEARCH)
    await app.type(L.SEARCH_FIELD, "promise")
    hit = next(h for h in app.state.search.results if h.instead)
    assert f"Instead: {hit.instead}" in app.texts()
    card = app.find(L.search_result(hit.title))  # heard once: the title, then the rest
    assert card.exclude_semantics and card.value == f"{hit.snippet}\nInstead: {hit.instead}"
    await app.session.dispatch_event(card._i, "click", None)  # a screen reader's tap
    await app.settle()
    assert app.state.nav.screen == hit.target[0] + "s"


@pytest.mark.parametrize("query, cut", [
    ("promise " + "x" * 300, True),  # a paste past the characters searched
    (" ".join(f"w{n}x" for n in range(30)), True),  # more different words than searched
    ("promise" + " " * 300, False),  # only spaces past the cut: nothing was left out
    ("don't promise anything", False),  # as typed
    ("\ud800" * 250, False),  # lone surrogates: no word, nothing searched, no traceback
    ("../" * 100 + "=cmd|x", True),
])
async def test_a_long_paste_says_only_its_start_was_searched(app, query, cut):
    """Search reads a query's first 200 characters, 24 words at most; a long paste had
    been cut without a word, so "Nothing found" read as the whole text not being there."""
    await app.click(L.OPEN_SEARCH)
    await app.type(L.SEARCH_FIELD, query)
    said = t("search_cut", chars=200, words=24)
    assert (said in app.texts()) == cut
    if cut:
        assert said.startswith("Only the start was searched")


async def test_about_lists_every_file_and_the_approval(app):
    await app.click(L.OPEN_SETTINGS)
    await app.click(L.OPEN_ABOUT)
    texts = " ".join(app.texts())
    for m in app.state.guide.files:
        assert m.file in texts and f"Version {m.version}, reviewed {m.reviewed}" in texts
        assert m.reviewed_by in texts
    assert "Not yet approved by your agency." in texts  # no approved_by in content/ yet


async def test_contacts_dial_with_tel_links(app):
    await app.click(L.OPEN_CONTACTS)
    ct = app.state.guide.contacts[0]
    button = app.find(L.call(ct.label, ct.number))
    assert type(button.action).__name__ == "OpenUrl" and button.action.url == f"tel:{ct.tel}"
    assert button.action.method == "launch_url"


async def test_broken_stage_says_what_is_missing_in_plain_words(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    bad = sorted((content / "stairway").glob("3-*.md"))[0]
    bad.write_text("---\nid: [unclosed\n---\n# Broken\n", encoding="utf-8")
    a = await start(content, tmp_path / "data")
    banner = " ".join(a.state.ui.notices)
    assert "could not be loaded" in banner and bad.name not in banner and "/" not in banner
    assert bad.name in capsys.readouterr().err  # the path goes to the server's terminal
    assert a.has(L.DISMISS_BANNER)
    await a.click(L.DISMISS_BANNER)
    await a.nav(L.NAV_STAIRWAY)  # no "see the message above" once the banner is gone
    assert not any("message above" in t for t in a.texts())
    assert a.state.situations.get("suicidal") or a.state.guide.situations  # others stay
    a.close()


async def test_the_theme_is_never_blended_in(app):
    """From the first frame, and on a switch to night: no animation from Flutter's default
    blue theme (a cold start showed it) or from day to night."""
    def instant() -> bool:
        style = app.page.theme_animation_style
        return style is not None and style.duration == style.reverse_duration == ft.Duration()

    assert instant()
    await app.click(L.OPEN_SETTINGS)
    await app.click(L.THEME_DARK)
    assert app.page.theme_mode.value == "dark" and instant()


async def test_text_size_reaches_the_theme(app):
    await app.click(L.OPEN_SETTINGS)
    await app.click(L.TEXT_SIZES[1.5])
    assert app.page.theme.text_theme.body_medium.size == pytest.approx(14 * 1.5)
    assert app.page.dark_theme.text_theme.body_large.size == pytest.approx(16 * 1.5)


@pytest.mark.parametrize(
    "opener,field,confirm",
    [
        (L.OVERRIDE, L.OVERRIDE_REASON, L.OVERRIDE_CONFIRM),  # the override reason
        (None, L.NOTE_FIELD, L.note_kind("note")),  # a quick note
    ],
)
async def test_a_tap_right_after_typing_uses_the_typed_text(app, opener, field, confirm):
    if opener:
        await app.nav(L.NAV_STAIRWAY)
        await app.click(opener)
    else:
        await open_incident(app)
    box, button = app.find(field), app.find(confirm)
    app.session.apply_patch(box._i, {"value": "typed fast"})
    await app.session.dispatch_event(box._i, "change", "typed fast")
    await app.session.dispatch_event(button._i, "click", None)  # before any re-render
    await app.settle()
    if opener:
        assert app.state.stairway.overrides[-1].reason == "typed fast"
    else:
        assert app.state.incident.timeline[0].text == "typed fast"


@pytest.mark.parametrize("screen", [s for s in screens.SCREENS])
async def test_the_right_tab_is_lit_or_none(tmp_path, screen):
    params = {"incident": "20261126-0500-ab12"} if "{incident}" in screen.route else {}
    a = await start(CONTENT, tmp_path / "data", route=to_route(Location(screen.name, params)))
    assert a.state.nav.screen == screen.name  # a deep link opens that screen
    bar = a.top_view().navigation_bar
    if screen.tab is None:  # search, settings, situations...: no bottom bar, nothing lit
        assert bar is None
    else:
        assert bar.destinations[bar.selected_index].label == screens.get(screen.tab).label
    assert a.top_view().appbar.title.value == screen.title
    a.close()


async def test_a_stage_left_by_override_is_marked_on_the_stepper_not_ticked(app):
    """A tick on stage 1 read as "every sign seen" after an override; the stepper marks it
    "!" and says under the steps, and to a screen reader, which stage it was."""
    await open_incident(app)
    await app.nav(L.NAV_STAIRWAY)
    first = app.state.stairway.stage().signs[0]
    await app.click(L.sign(first.text))
    await app.click(L.OVERRIDE)
    await app.type(L.OVERRIDE_REASON, "Negotiator on the phone said go")
    await app.click(L.OVERRIDE_CONFIRM)
    said = t("stage_passed_early", stages="1")
    assert said == "! Moved up before every sign was seen: stage 1."
    label = f"{L.stage_indicator(2)}. {said.lstrip('! ')}"
    assert app.has(label) and said in app.texts()
    steps = app.find(label).content.controls[0].controls
    assert steps[0].content.icon == ft.Icons.PRIORITY_HIGH
    assert [s.content.value for s in steps[1:]] == ["2", "3", "4", "5"]
    stage2 = app.state.stairway.stage()
    for s in stage2.signs:  # stage 2 with every sign: ticked; stage 1 keeps its mark
        await app.click(L.sign(s.text))
    await app.click(L.MOVE_UP)
    steps = app.find(f"{L.stage_indicator(3)}. {said.lstrip('! ')}").content.controls[0].controls
    assert steps[0].content.icon == ft.Icons.PRIORITY_HIGH
    assert steps[1].content.icon == ft.Icons.CHECK
    await app.click(L.OVERRIDE)  # a second stage left early: both named
    await app.type(L.OVERRIDE_REASON, "Negotiator said go again")
    await app.click(L.OVERRIDE_CONFIRM)
    assert "! Moved up before every sign was seen: stages 1 and 3." in app.texts()


async def test_a_stage_left_with_every_sign_stays_done_after_a_switch_to_another_guide(
    tmp_path
):
    """A walk switched to the Spanish guide mid-call: its signs are new to the ticks, and
    the stepper said stages 1 and 2, both left with every sign seen, were left early. What
    an override left early is kept when the move is made, and survives a restart."""
    from dataclasses import replace

    app = await start(CONTENT, tmp_path / "data")
    await open_incident(app)
    await app.nav(L.NAV_STAIRWAY)
    await tick_all_signs(app)
    await app.click(L.MOVE_UP)
    await app.click(L.OVERRIDE)  # stage 2 left early
    await app.type(L.OVERRIDE_REASON, "Negotiator said go")
    await app.click(L.OVERRIDE_CONFIRM)
    assert app.state.stairway.passed_early() == [2]
    guide = app.state.guide
    stages = tuple(replace(st, signs=tuple(replace(s, id=f"otra-{s.id}", text=f"Otra: {s.text}")
                                           for s in st.signs)) for st in guide.stages)
    app.state.use_guide(replace(app.state.packs.hub.current, guide=replace(guide, stages=stages)))
    await app.settle()
    assert not app.state.stairway.signs_all_ticked(1)  # the new guide's signs: not ticked
    assert app.state.stairway.passed_early() == [2]
    assert "! Moved up before every sign was seen: stage 2." in app.texts()
    app.close()
    again = await start(CONTENT, tmp_path / "data", route="/stairway")
    assert again.state.stairway.number == 3 and again.state.stairway.passed_early() == [2]
    await again.click(L.STEP_BACK)  # back at 2, then up with every sign: no longer early
    await tick_all_signs(again)
    await again.click(L.MOVE_UP)
    assert again.state.stairway.number == 3 and again.state.stairway.passed_early() == []
    assert not any(x.startswith("! Moved up before") for x in again.texts())
    again.close()
