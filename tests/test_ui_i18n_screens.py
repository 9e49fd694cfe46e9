"""Spanish on the screens, headless: the Spanish pack applied through GuideStore (the app
takes the language of the active pack), every screen and dialog in Spanish, a switch while
the app runs (Settings > Guide), and back.

The language is process-wide, so every test goes back to English when it ends.
"""

from __future__ import annotations

import re

import flet as ft
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app import i18n
from app.guide.bundle import to_dict
from app.guide.compile import compile_guide
from app.packs.build import make_pack
from app.packs.store import GuideStore
from app.ui import labels as L
from app.ui import screens
from app.ui.app import build_main
from tests.guide_helpers import REAL, copy_tree
from tests.packs_helpers import write_pub
from tests.ui_harness import open_incident, start, tick_all_signs

ES = REAL / "translations" / "es"
# English words that may stay on a Spanish screen: the app's name (a proper noun), and
# the export formats (names of file formats)
PROPER_NOUNS = ("Stairway", "Markdown", "JSON", "CSV")


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.use("en")


def strings(app) -> list[str]:
    """Every string the officer sees or hears on the top screen: texts, spans, button
    texts, field labels, tooltips, semantics labels, tab labels, the app bar title."""
    out: list[str] = []
    for c in app.controls():
        if isinstance(c, ft.TextField) and c.label == L.EXPORT_TEXT:
            out.append(c.label)  # the export itself is the note log's document (English)
            continue
        for attr in ("value", "label", "tooltip", "semantics_label", "hint_text",
                     "helper_text", "error_text", "content", "text"):
            v = getattr(c, attr, None)
            if isinstance(v, str) and v:
                out.append(v)
        if isinstance(c, ft.Text) and c.spans:
            out.append("".join(s.text or "" for s in c.spans))
    return out


def english_patterns() -> list[tuple[str, re.Pattern]]:
    """One pattern per English label that Spanish says differently: its words, with each
    {placeholder} matching anything. Labels of placeholders and punctuation only (the
    same in both) are left out."""
    es = i18n.builtin("es")
    out = []
    for key, text in i18n.english().items():
        if text == es[key] or text in PROPER_NOUNS:
            continue
        literal = re.split(r"\{[a-z_]+\}", text)
        if not any(re.search(r"[A-Za-z]{2,}", part) for part in literal):
            continue
        body = ".+?".join(re.escape(part) for part in literal)
        start = r"\b" if text[:1].isalpha() else ""
        end = r"\b" if text[-1:].isalpha() else ""
        out.append((key, re.compile(start + body + end)))
    return out


def guide_texts(content) -> list[str]:
    """Every string of a guide (titles, phrases, sources...), longest first: what a screen
    shows from the guide is the guide's business, not a label."""
    found: set[str] = set()

    def walk(v) -> None:
        if isinstance(v, str) and len(v) > 2:
            found.add(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list | tuple):
            for x in v:
                walk(x)

    walk(to_dict(compile_guide(content)))
    return sorted(found, key=len, reverse=True)


def english_left(shown: list[str], patterns, guide: list[str]) -> list[str]:
    """The English labels found in what a screen showed (the guide's own text left out)."""
    left = []
    for s in shown:
        bare = s
        for g in guide:
            if g in bare:
                bare = bare.replace(g, "§")
        left += [f"{key}: {s!r}" for key, pat in patterns if pat.search(bare)]
    return left


async def visit_everything(app) -> dict[str, list[str]]:
    """Work an incident, then open every screen and every dialog; what each shows."""
    st = app.state

    async def go(screen: str, **params) -> None:
        st.nav.go(screen, **params)
        await app.settle()

    await open_incident(app, "Puente de la calle Olmo")
    for kind, text in (("note", "Habla de su hija"), ("demand", "Quiere ver a su hermana"),
                       ("hook", "Su hija"), ("contact_start", "")):
        await app.type(L.NOTE_FIELD, text)
        await app.click(L.note_kind(kind))
    await app.type(L.NOTE_FIELD, "Pide un coche")
    await app.type(L.DEADLINE_MINUTES, "30")
    await app.click(L.note_kind("deadline"))
    await app.click(L.MORE_KINDS)  # the folded kinds' buttons
    seen = {"incident (more kinds)": strings(app)}
    await app.click(L.MORE_KINDS)
    await app.nav(L.NAV_STAIRWAY)
    await tick_all_signs(app)
    await app.click(L.MOVE_UP)
    await app.click(L.move_up(app.state.stairway.signs_left()))  # refused: said beside it
    seen["stairway (refused)"] = strings(app)
    await app.click(L.OVERRIDE)
    seen["override"] = strings(app)
    await app.type(L.OVERRIDE_REASON, "El negociador lo pidió")
    await app.click(L.OVERRIDE_CONFIRM)
    await app.nav(L.NAV_PHRASES)
    first = st.phrases.list()[0]
    await app.click(L.phrase(first.kind, first.text))
    await app.nav(L.NAV_CHECKLIST)
    cl, items = st.checklist.lists()[0]
    await app.click(L.checklist_item(next(i for i in items if i.tick).text))
    await go("board")
    demand = st.incident.board.demands[0]
    await app.click(L.demand_status(demand.text, "granted"))
    await go("search", q="familia")
    for s in screens.SCREENS:
        await go(s.name)
        seen[s.name] = strings(app)
    await go("stairway", read=5)  # reading ahead
    seen["stairway (reading ahead)"] = strings(app)
    await go("phrases", stage=1, skill="emotion-labeling", situation="any")
    seen["phrases (filtered)"] = strings(app)
    await go("incident")
    await app.click(L.amend_note(1))
    seen["amend"] = strings(app)
    await app.click(L.AMEND_CANCEL)
    await app.click(L.EXPORT_MD)
    seen["export"] = strings(app)
    await app.click(L.EXPORT_CLOSE)
    st.ui.ask("start")
    await app.settle()
    seen["start"] = strings(app)
    st.ui.close_dialog()
    st.ask_leave(lambda go: None)
    await app.settle()
    seen["leave"] = strings(app)
    st.leave(False)
    await app.settle()
    await app.click(L.CLOSE_INCIDENT)
    seen["close"] = strings(app)
    await app.click(L.CLOSE_CONFIRM)
    seen["incident (closed)"] = strings(app)
    await go("settings")
    await app.click(L.retention(30))
    seen["retention"] = strings(app)
    await app.click(L.RETENTION_CANCEL)
    st.nav.go("home")
    st.nav.open_route("/nowhere")  # a refused address: a banner
    await app.settle()
    seen["home (address banner)"] = strings(app)
    return seen


async def test_no_english_label_on_any_screen_in_spanish(tmp_path):
    builtin, _, _ = spanish_pack(tmp_path)
    app = await start(builtin, tmp_path / "data")  # the app starts on the active pack
    assert i18n.language() == "es"
    try:
        seen = await visit_everything(app)
        patterns, guide = english_patterns(), guide_texts(ES)
        left = {name: english_left(shown, patterns, guide) for name, shown in seen.items()}
        assert {k: v for k, v in left.items() if v} == {}
        assert len(seen) >= len(screens.SCREENS) + 8  # every screen and dialog was seen
        assert all(seen.values())
    finally:
        app.close()


async def test_the_guard_sees_english_when_labels_stay_english(tmp_path):
    """The same walk in English finds English everywhere: the check above can fail."""
    app = await start(ES, tmp_path / "data")  # the Spanish folder, but no pack says "es"
    assert i18n.language() == "en"
    try:
        seen = await visit_everything(app)
        patterns, guide = english_patterns(), guide_texts(ES)
        left = {name: english_left(shown, patterns, guide) for name, shown in seen.items()}
        assert sum(1 for v in left.values() if v) == len(seen)  # every screen has some
    finally:
        app.close()


async def test_applying_the_spanish_pack_switches_every_open_page(tmp_path):
    builtin, data, _ = spanish_pack(tmp_path, applied=False)
    main = build_main(builtin, tmp_path / "data")
    app, other = [await start(builtin, tmp_path / "data", main=main) for _ in range(2)]
    try:
        assert app.page.locale_configuration.current_locale.language_code == "en"
        await open_incident(app)
        await app.nav(L.NAV_HOME)
        assert app.has("Open the incident log") and app.page.title == "Stairway · incident open"
        assert app.state.packs.import_bytes(data) and app.state.packs.apply()  # Settings > Guide
        await app.settle()
        await other.settle()
        assert app.has("Abrir el registro del incidente") and not app.has("Open the incident log")
        assert other.has("Iniciar incidente")  # the other tab switched too
        assert "Escucha activa" in app.texts()  # and the guide
        bar = app.top_view().navigation_bar
        assert [d.label for d in bar.destinations] == [
            "Inicio", "Escalera", "Frases", "Lista", "Incidente"]
        assert app.page.title == "Stairway · incidente abierto"
        # Flutter's own words (the Back arrow's name) follow: the page's locale is Spanish
        assert app.page.locale_configuration.current_locale.language_code == "es"
        await app.nav("Frases")  # the Spanish tab label is the handle now
        assert app.top_view().appbar.title.value == "Frases"
        await app.back()  # the screen under it was built in English: rebuilt in Spanish
        assert app.has(L.QUICK_PHRASES) and L.QUICK_PHRASES == "Frases de esta etapa"
        assert app.state.packs.ask("builtin") is None and app.state.packs.answer(True)
        await app.settle()  # the built-in guide again: English again
        assert i18n.language() == "en" and app.has("Open the incident log")
    finally:
        app.close()
        other.close()


# ---- the Spanish pack ----------------------------------------------------------------


def spanish_pack(tmp_path, labels: str | None = None, language: str = "es",
                 applied: bool = True):
    """A Spanish pack signed with a throwaway key that a temp copy of content/ trusts (its
    keys/), applied with GuideStore on tmp_path/data unless told not to; returns (the
    built-in content, the pack's bytes, the active guide or None)."""
    key = Ed25519PrivateKey.generate()
    builtin = copy_tree(REAL, tmp_path / "builtin")
    write_pub(key, builtin / "keys" / "test-dept.pub")
    source = copy_tree(ES, tmp_path / "es")
    if labels is not None:
        (source / "labels.txt").write_text(labels, encoding="utf-8")
    data, manifest = make_pack(source, key, id="metro-pd-es", title="Guía Metro PD",
                               version="2026.11", language=language,
                               approved_by="Sgto. A. Ejemplo")
    if not applied:
        return builtin, data, None
    store = GuideStore(tmp_path / "data", builtin)
    active = store.apply(store.preview(data))
    assert store.active() == active and active.pack.language == language
    return builtin, data, active


async def test_the_spanish_pack_switches_guide_and_labels(tmp_path):
    builtin, _, active = spanish_pack(tmp_path)
    assert i18n.use_guide(active) == [] and i18n.language() == "es"  # the one call
    i18n.use("en")  # the app makes that call itself when it starts on the pack
    app = await start(builtin, tmp_path / "data")
    assert i18n.language() == "es"
    try:
        # Home: Spanish labels and the Spanish guide's first stage
        assert app.has("Iniciar incidente") and app.has("Abrir la escalera")
        assert "Escucha activa" in app.texts() and "Etapa 1 de 5" in app.texts()
        await app.nav("Escalera")
        left = app.state.stairway.signs_left()
        assert app.has(f"Subir (faltan {left} señales)")  # heard with what is left, too
        assert app.top_view().appbar.title.value == "Escalera"
        assert any(t.startswith("Sube cuando (0/") for t in app.texts())
        await app.nav("Frases")  # the skills carry their Spanish names now
        assert app.has(L.filter_option(L.FILTER_SKILL, "Etiquetar emociones"))
        assert "Más filtros: habilidad y situación" in app.texts()
        await app.nav("Lista")
        assert "Primer agente en la escena" in app.texts()
        assert any(t.endswith("hechos") for t in app.texts())
    finally:
        app.close()


async def test_a_pack_labels_file_travels_with_it_and_wins(tmp_path):
    builtin, _, active = spanish_pack(tmp_path, labels="nav_home: Portada\n")
    assert (active.content_dir / "labels.txt").is_file()  # it came through the pack
    app = await start(builtin, tmp_path / "data")
    try:
        bar = app.top_view().navigation_bar
        assert [d.label for d in bar.destinations][:2] == ["Portada", "Escalera"]
    finally:
        app.close()


async def test_a_pack_in_a_language_without_a_catalogue_falls_back_to_english(tmp_path):
    builtin, _, active = spanish_pack(tmp_path, labels="nav_home: Accueil\n", language="fr")
    warnings = i18n.use_guide(active)
    assert len(warnings) == 1 and "show in English" in warnings[0]
    app = await start(builtin, tmp_path / "data")
    try:
        labels = [d.label for d in app.top_view().navigation_bar.destinations]
        assert labels[:2] == ["Accueil", "Stairway"] and app.has("Start incident")
    finally:
        app.close()
