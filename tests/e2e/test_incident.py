"""An officer runs an incident from start to export in the browser (issue 4)."""

from __future__ import annotations

from app.i18n import text as t
from app.incidents import KIND_LABELS, NoteKind
from app.ui import labels as L
from app.ui import screens
from tests.e2e.conftest import back_to_stage_one, click, control, fill, go_tab, see, shot, tap

NOTE = "Subject on the 3rd floor balcony, talking, no weapon seen"
DEMAND = "Wants to speak to his sister Dana"
# Arabic, Hebrew, Chinese, Japanese, Korean, Devanagari, emoji, Thai, Khmer, Bengali,
# Amharic, Tamil and Armenian in one note: the bundled fonts must draw them (looked at in
# build/screenshots/e2e-note-scripts.png).
SCRIPTS = ("قال: أريد أختي · שלום · 我要见我妹妹 · こんにちは · 안녕하세요 · नमस्ते · 😢🚓👍 · "
           "สวัสดี · ជំរាបសួរ · নমস্কার · ሰላም · வணக்கம் · Բարեւ")


def test_start_incident(phone):
    go_tab(phone, L.NAV_HOME)
    tap(phone, L.START_INCIDENT)
    control(phone, "textbox", L.START_LOCATION)
    shot(phone, "e2e-start-incident")
    fill(phone, L.START_LOCATION, "Harbour bridge, north side")
    tap(phone, L.START_CONFIRM)
    see(phone, "Harbour bridge, north side")
    control(phone, "textbox", L.NOTE_FIELD)


def test_add_note_and_demand_see_them_in_timeline_and_board(phone):
    fill(phone, L.NOTE_FIELD, NOTE)
    tap(phone, L.note_kind("note"))
    see(phone, NOTE)
    note_row = see(phone, "#1 · ")  # one tappable block: tapping it amends the note
    assert f" · {KIND_LABELS[NoteKind.NOTE]}" in note_row.inner_text()
    assert note_row.inner_text().startswith(L.amend_note(1))
    fill(phone, L.NOTE_FIELD, DEMAND)
    tap(phone, L.note_kind("demand"))
    see(phone, DEMAND)
    demand_row = see(phone, "#2 · ")
    assert f" · {KIND_LABELS[NoteKind.DEMAND]}" in demand_row.inner_text()
    shot(phone, "e2e-incident-timeline")
    tap(phone, L.OPEN_BOARD)
    control(phone, "heading", screens.get("board").title)
    see(phone, f"{DEMAND} — pending")  # the board lists the demand with its status
    shot(phone, "e2e-incident-board")
    tap(phone, L.OPEN_TIMELINE)
    control(phone, "textbox", L.NOTE_FIELD)


def test_note_in_other_scripts_is_kept(phone):
    fill(phone, L.NOTE_FIELD, SCRIPTS)
    tap(phone, L.note_kind("note"))
    row = see(phone, "#3 · ")
    size = phone.viewport_size
    phone.mouse.move(size["width"] / 2, size["height"] / 2)
    for _ in range(30):  # the note in view for the picture
        if (box := row.bounding_box()) is not None and 60 < box["y"] < size["height"] / 2:
            break
        phone.mouse.wheel(0, 250)
        phone.wait_for_timeout(200)
    phone.wait_for_timeout(1500)  # let the fallback fonts finish loading before the picture
    shot(phone, "e2e-note-scripts")
    phone.mouse.wheel(0, -20_000)  # back to the top, where the next test starts


REASON = "He asked for the negotiator by name"


def test_override_sign_and_phrase_used_are_logged(phone, guide):
    back_to_stage_one(phone, len(guide.stages))  # so that an override is possible
    sign = next(s for s in guide.stages[0].signs if not s.situations)
    if control(phone, "checkbox", sign.text, exact=False).get_attribute("aria-checked") \
            == "true":
        click(phone, "checkbox", sign.text, exact=False)  # untick, to tick it below
        phone.wait_for_timeout(300)
    click(phone, "checkbox", sign.text, exact=False)
    tap(phone, L.OVERRIDE)
    fill(phone, L.OVERRIDE_REASON, REASON)
    tap(phone, L.OVERRIDE_CONFIRM)
    see(phone, L.stage_indicator(2, len(guide.stages)))
    see(phone, t("stage_passed_early", stages="1").lstrip("! "))  # stage 1 is not ticked done
    go_tab(phone, L.NAV_PHRASES)
    phrase = next(p for p in guide.stages[1].phrases if not p.situations)
    click(phone, "button", L.phrase(phrase.kind, phrase.text), exact=False)
    go_tab(phone, L.NAV_INCIDENT)
    see(phone, REASON)
    see(phone, f" · {KIND_LABELS[NoteKind.OVERRIDE]}")
    see(phone, f" · {KIND_LABELS[NoteKind.PHRASE_USED]}")
    see(phone, f" · {KIND_LABELS[NoteKind.SIGN_TICK]}")
    see(phone, f"Stage 1 ({guide.stages[0].title}): {sign.text}")
    shot(phone, "e2e-incident-logged-override")
    tap(phone, L.OPEN_BOARD)  # the board says where the stairway stands and what it rests on
    see(phone, t("board_stairway"))
    see(phone, t("board_signs"))
    see(phone, f"Reason: {REASON}")
    see(phone, f"Stage 1 ({guide.stages[0].title}): {sign.text}")
    shot(phone, "e2e-incident-board-stairway")
    tap(phone, L.OPEN_TIMELINE)
    control(phone, "textbox", L.NOTE_FIELD)


def test_export_markdown_download(phone, tmp_path):
    with phone.expect_download(timeout=20_000) as dl:
        tap(phone, L.EXPORT_MD)
    path = tmp_path / dl.value.suggested_filename
    dl.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert path.suffix == ".md"
    for expected in (NOTE, DEMAND, SCRIPTS, REASON, "Harbour bridge, north side"):
        assert expected in text
    control(phone, "textbox", L.EXPORT_TEXT)  # the export is also shown on screen
    shot(phone, "e2e-export")
    click(phone, "button", L.EXPORT_CLOSE)
