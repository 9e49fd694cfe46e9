"""The Markdown brief shows every field the officer typed as the officer's text.

Each hostile text goes into each officer-typed field; the brief is parsed with
markdown-it-py (CommonMark plus GFM tables and strikethrough, as a reader's viewer
would) and must have exactly the structure of a brief built with plain text, with the
officer's text shown verbatim.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from markdown_it import MarkdownIt

from app.incidents import IncidentLog, NoteKind

T0 = datetime(2026, 7, 1, 14, 0, tzinfo=UTC)

HOSTILE = [
    "calm now\n---",  # setext underline: would make the line above a heading
    "calm now\n===",  # setext level 1
    "# shouting",  # ATX heading
    "- item\n+ other\n* third",  # bullet lists
    "1. first\n2) second",  # ordered lists
    "| a | b |\n|---|---|\n| 1 | 2 |",  # a GFM table
    "```\ncode\n```",  # a backtick fence
    "~~~\nfenced by tildes",  # a tilde fence left open
    "line\n\n    indented code",  # an indented code block after a blank line
    "\tcode by tab\n\tmore",  # tabs at line start (the situation case)
    "one\r\ntwo\r\n---",  # CRLF line ends and an underline
    "<b>bold</b> <!-- c --> <script>x</script>",  # inline HTML
    "<div>\nblock\n</div>",  # an HTML block
    "> quoted",  # a blockquote
    "***",  # a thematic break
    "[x]: http://evil.example",  # a link reference definition
    "*a* _b_ **c** ~~d~~ [l](http://x) ![i](http://y)",  # emphasis, links, image
    "&copy; &amp; &#35;",  # entities
    "trailing backslash \\",  # a hard break by backslash
    "   three spaces first",  # leading spaces
    "a\n\n\nb",  # blank lines inside
    "`` ` `` ```` x",  # backtick runs
]
FIELDS = ["situation", "location", "note", "amendment", "hook", "demand", "deadline", "override"]


def _brief(field: str, text: str) -> tuple[str, str]:
    """The brief of an incident with `text` in `field` (plain text elsewhere), and the
    value as stored."""
    lg = IncidentLog(None)
    value = lambda f: text if f == field else "plain words"  # noqa: E731
    inc = lg.open_incident(value("situation"), value("location"), at=T0)
    at = iter(T0 + timedelta(minutes=m) for m in range(1, 60))
    note = lg.add_note(inc.id, NoteKind.NOTE, value("note"), at=next(at))
    lg.amend(inc.id, note.id, value("amendment"), at=next(at))
    for kind in ("hook", "demand", "override"):
        lg.add_note(inc.id, kind, value(kind), at=next(at))
    lg.add_note(inc.id, NoteKind.DEADLINE, value("deadline"), due=T0 + timedelta(hours=2),
                at=next(at))
    inc = lg.incident(inc.id)
    stored = {"situation": inc.situation, "location": inc.location}.get(field, text)
    return lg.export(inc.id, "md", tz="UTC"), stored


MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
JOINER = "\u2060"  # the invisible word joiner that keeps an address from being a link


def _shape(md: str) -> dict:
    tokens = MD.parse(md)
    flat = tokens + [c for t in tokens for c in (t.children or [])]
    count = lambda kind: sum(t.type == kind for t in flat)  # noqa: E731
    heads = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    return {
        "headings": [h if not h.startswith("Handover brief") else "H1" for h in heads],
        **{
            kind: count(kind)
            for kind in (
                "list_item_open",
                "strong_open",
                "em_open",
                "s_open",
                "link_open",
                "image",
                "code_inline",
                "code_block",
                "html_block",
                "html_inline",
                "table_open",
                "blockquote_open",
                "hr",
                "softbreak",
                "hardbreak",
            )
        },
    }


def _escape_html(text: str) -> str:  # as markdown-it-py's renderer escapes text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace(
        '"', "&quot;"
    )


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("text", HOSTILE)
def test_officer_text_never_becomes_markdown_structure(field, text):
    plain_md, _ = _brief(field, "plain words")
    md, stored = _brief(field, text)
    shape, plain = _shape(md), _shape(plain_md)
    fences = [t for t in MD.parse(md) if t.type == "fence"]
    assert shape == plain, (field, text, md)
    shown = stored.replace("\r\n", "\n")
    html = MD.render(md)
    # verbatim: as the content of a fenced block, or as the text of a single line
    assert any(f.content == shown + "\n" for f in fences) or (
        "\n" not in shown and _escape_html(shown.strip()) in html.replace(JOINER, "")
    ), (field, text, md)
    assert all(f.content == shown + "\n" for f in fences)  # no other fence appeared


@pytest.mark.parametrize("stages, said", [
    # no stage change logged
    ([], "- Stairway stage: not recorded"),
    # the last change is the one told, with its time (its id is in the JSON)
    ([("rapport", "Moved up to stage 3: Rapport"), ("influence", "Moved up to stage 4: Influence")],
     "- Stairway stage: Moved up to stage 4: Influence (2026-07-01 14:02:00 UTC)"),
    # no words logged: the stage's id
    ([("influence", "")], "- Stairway stage: influence"),
    # a stage title with Markdown in it stays text
    ([("x", "Moved up to stage 2: *Empathy* [l](http://x)")],
     "- Stairway stage: Moved up to stage 2: \\*Empathy\\* \\[l\\](http\u2060://x) "
     "(2026-07-01 14:01:00 UTC)"),
])
def test_the_brief_says_the_stage_reached_as_the_log_said_it(stages, said):
    """It printed the id alone ("influence"): a negotiator wants "stage 4: Influence"."""
    lg = IncidentLog(None)
    inc = lg.open_incident("Suicidal subject", "Elm St", at=T0)
    for m, (stage, text) in enumerate(stages, 1):
        lg.add_note(inc.id, NoteKind.STAGE_CHANGE, text, stage=stage, at=T0 + timedelta(minutes=m))
    brief = lg.export(inc.id, "md", tz="UTC")
    assert said in brief.splitlines(), [x for x in brief.splitlines() if "Stairway" in x]



SIGNS = "- Stairway signs still ticked (what the first officer saw, not an assessment): "


def test_the_brief_lists_what_is_ticked_and_what_was_unticked_under_the_stage():
    """Overrides with their reasons; checklist items and stairway signs still ticked, and
    those unticked since, each with its time (and when it had been ticked)."""
    lg = IncidentLog(None)
    inc = lg.open_incident("Suicidal subject", "Elm St", at=T0)
    lines = lg.export(inc.id, "md", tz="UTC").splitlines()
    at = lines.index("- Stage overrides logged: 0")
    assert lines[at + 1:at + 3] == ["- Checklist items still ticked: none", SIGNS + "none"]
    for m, (kind, item, text) in enumerate([
            (NoteKind.CHECKLIST_TICK, "first/cover", "Keep cover."),
            (NoteKind.CHECKLIST_TICK, "first/ems", "Call EMS."),
            (NoteKind.CHECKLIST_UNTICK, "first/cover", "Keep cover."),
            (NoteKind.SIGN_TICK, "a", "Stage 1 (Active Listening): They talk more."),
            (NoteKind.SIGN_TICK, "b", "Stage 1 (Active Listening): *Calm* now\n---"),
            (NoteKind.SIGN_UNTICK, "a", "Stage 1 (Active Listening): They talk more."),
            (NoteKind.OVERRIDE, None, "Moved up from stage 1 to 2 with 1 of 5 signs ticked. "
                                      "Reason: # go — Not ticked: They talk more.")], 1):
        lg.add_note(inc.id, kind, text, stage="listening" if "Stage" in text else None,
                    item=item, at=T0 + timedelta(minutes=m))
    lines = lg.export(inc.id, "md", tz="UTC").splitlines()
    at = lines.index("- Stage overrides logged: 1")
    assert lines[at + 1:at + 6] == [
        "  - 2026-07-01 14:07:00 UTC: Moved up from stage 1 to 2 with 1 of 5 signs ticked. "
        "Reason: \\# go — Not ticked: They talk more.",
        "- Checklist items still ticked: 1",
        "  - 2026-07-01 14:02:00 UTC: Call EMS.",
        "- Checklist items unticked after being ticked: 1",  # not a third entry under "1"
        "  - unticked 2026-07-01 14:03:00 UTC (ticked 2026-07-01 14:01:00 UTC): Keep cover."]
    assert lines[at + 6] == SIGNS + "1"
    assert lines[at + 7].startswith("  - 2026-07-01 14:05:00 UTC:")  # the fenced sign
    taken = lines.index("- Stairway signs unticked after being ticked: 1")
    assert lines[taken + 1] == "  - unticked 2026-07-01 14:06:00 UTC (ticked 2026-07-01 " \
                               "14:04:00 UTC): Stage 1 (Active Listening): They talk more."
    assert not any(x.startswith("- Stairway signs unticked") for x in lines[:at])
    shape = _shape("\n".join(lines))  # the sign's Markdown stays text
    assert not any("Calm" in h for h in shape["headings"]), shape
    # seven entries, none typed: "Notes logged: 7" read as seven notes to look for
    assert "- Log entries: 7 (0 entered directly by the officer; 7 recorded by the app for " \
           "the officer: ticks, stage moves, phrases, corrections)" in lines
    lg.add_note(inc.id, NoteKind.NOTE, "He has a dog", at=T0 + timedelta(minutes=9))
    lg.add_note(inc.id, NoteKind.CONTACT_START, "", at=T0 + timedelta(minutes=10))
    assert "- Log entries: 9 (2 entered directly by the officer; 7 recorded" in lg.export(
        inc.id, "md")


def test_the_timeline_prints_the_words_of_a_tick_and_the_ids_only_when_there_are_none():
    """"**Sign tick** (stage listening, they-talk-more-than-you-do): Stage 1 ...": the ids
    repeat the words, in a form nobody reads aloud. The JSON export keeps them; a guide's
    name (a guide in use) and an entry with no words keep theirs in the brief."""
    lg = IncidentLog(None)
    inc = lg.open_incident("Suicidal subject", "Elm St", at=T0)
    for m, (kind, stage, item, text) in enumerate([
            (NoteKind.CHECKLIST_TICK, None, "first/cover", "Keep cover."),
            (NoteKind.SIGN_TICK, "listening", "talks", "Stage 1 (Active Listening): Talks."),
            (NoteKind.STAGE_CHANGE, "empathy", None, "Moved up to stage 2: Empathy"),
            (NoteKind.PHRASE_USED, None, "listening/say-3", "Said: Tell me more."),
            (NoteKind.SIGN_UNTICK, "listening", "talks", "")], 1):
        lg.add_note(inc.id, kind, text, stage=stage, item=item, at=T0 + timedelta(minutes=m))
    lg.record_guide(inc.id, "street 2026.11", "Street pack", at=T0 + timedelta(minutes=6))
    brief = lg.export(inc.id, "md", tz="UTC")
    timeline = brief.split("## Timeline")[1].splitlines()
    assert "- #1 2026-07-01 14:01:00 UTC **Checklist tick**: Keep cover." in timeline
    assert "- #2 2026-07-01 14:02:00 UTC **Sign tick**: Stage 1 (Active Listening): Talks." \
        in timeline
    assert "- #3 2026-07-01 14:03:00 UTC **Stage change**: Moved up to stage 2: Empathy" \
        in timeline
    assert "- #4 2026-07-01 14:04:00 UTC **Phrase used**: Said: Tell me more." in timeline
    assert "- #5 2026-07-01 14:05:00 UTC **Sign untick** (stage listening, talks)" in timeline
    assert "- #6 2026-07-01 14:06:00 UTC **Guide in use** (street 2026.11): Street pack" \
        in timeline
    entries = json.loads(lg.export(inc.id, "json"))["entries"]
    assert {(e.get("stage"), e.get("item")) for e in entries} >= {
        (None, "first/cover"), ("listening", "talks"), ("empathy", None)}


# What GFM's autolink extension and markdown-it's linkify make a link in plain text.
LINKABLE = re.compile(r"[a-z][a-z0-9+.-]*://|www\.|[\w.+-]@\w", re.IGNORECASE)
ADDRESSES = [
    "log in at http://evil.example/login now",  # http
    "https://evil.example/x?a=1",  # https, the whole field
    "www.evil.example/reset",  # www
    "WWW.EVIL.EXAMPLE",  # in capitals
    "(_www.evil.example_)",  # after ( and _, where GFM links www too
    "ftp://evil.example/file",  # another scheme
    "write to help@evil.example",  # an e-mail address
    "mailto:help@evil.example",  # a mailto: address
    "[link](https://evil.example)",  # a Markdown link made text: its address stays text
    "https://www.evil.example/ and www.other.example",  # two in one line
]


def _texts(md: str) -> list[str]:
    """The text a viewer shows outside code (where auto-linkers look)."""
    tokens = MD.parse(md)
    return [c.content for t in tokens for c in (t.children or []) if c.type == "text"]


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("text", ADDRESSES)
def test_an_address_in_officer_text_reads_the_same_but_is_not_a_link(field, text):
    """A viewer that auto-links made a phishing address in a note clickable in the brief."""
    md, stored = _brief(field, text)
    shown = [t for t in _texts(md) if stored in t.replace(JOINER, "")]
    assert shown, (field, text, md)  # the text as typed, but for invisible joiners
    assert not [t for t in _texts(md) if LINKABLE.search(t)], (field, text, md)


@pytest.mark.parametrize("fields", [
    {"stage": "https://evil.example"},  # a stage id in a stage change
    {"item": "www.evil.example 2"},  # a checklist item id
])
def test_an_address_the_log_supplies_is_not_a_link(fields):
    lg = IncidentLog(None)
    inc = lg.open_incident("Suicidal subject", "Elm St", at=T0)
    kind = NoteKind.STAGE_CHANGE if "stage" in fields else NoteKind.CHECKLIST_TICK
    lg.add_note(inc.id, kind, "", at=T0 + timedelta(minutes=1), **fields)  # no words: ids shown
    md = lg.export(inc.id, "md", tz="UTC")
    value = next(iter(fields.values()))
    assert any(value in t.replace(JOINER, "") for t in _texts(md)), md
    assert not [t for t in _texts(md) if LINKABLE.search(t)], md
