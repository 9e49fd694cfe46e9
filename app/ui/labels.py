"""Every semantic label the screens use, in one place.

Screen readers announce these, the headless tests find controls by them, and the browser
tests import them (`page.get_by_role("button", name=labels.MOVE_UP)`). Change a label
here and every user of it follows. Labels that carry content (a phrase, a sign) are
built by the small functions at the bottom.
"""

from __future__ import annotations

from app.incidents import kinds as _kinds

APP_TITLE = "Stairway"

# Bottom navigation bar (NavigationBar destinations)
NAV_HOME = "Home"
NAV_STAIRWAY = "Stairway"
NAV_PHRASES = "Phrases"
NAV_CHECKLIST = "Checklist"
NAV_INCIDENT = "Incident"

# App bar actions (icon buttons; the label is their tooltip)
OPEN_SEARCH = "Open search"
OPEN_SETTINGS = "Settings"
OPEN_SITUATIONS = "Choose situation"
OPEN_ABOUT = "About the guide"
OPEN_CONTACTS = "Numbers to call"
GO_BACK = "Back"

# Leaving the app (the phone's Back on Home while an incident is open)
LEAVE_STAY = "Stay in Stairway"
LEAVE_GO = "Leave Stairway"

# Home
START_INCIDENT = "Start incident"
START_SITUATION = "Situation for the new incident"
START_LOCATION = "Location"
START_CONFIRM = "Open incident"
START_CANCEL = "Cancel"
QUICK_STAIRWAY = "Open the stairway"
QUICK_PHRASES = "Phrases for this stage"
QUICK_CHECKLIST = "First-officer checklist"
QUICK_SITUATION = "Pick the situation"
QUICK_INCIDENT = "Open the incident log"
CLOCK_SINCE_START = "Time since start"
CLOCK_SINCE_CONTACT = "Time since last contact"

# Stairway walkthrough
MOVE_UP = "Move up"
STEP_BACK = "Step back"
OVERRIDE = "Move up without all signs"
OVERRIDE_REASON = "Reason for moving up early"
OVERRIDE_CONFIRM = "Record reason and move up"
OVERRIDE_CANCEL = "Cancel move up"

# Phrases
FILTER_STAGE = "Filter phrases by stage"
FILTER_SKILL = "Filter phrases by skill"
FILTER_SITUATION = "Filter phrases by situation"
FILTER_ANY = "Any"
FILTER_CURRENT_STAGE = "Current stage"
MORE_FILTERS = "More filters: skill and situation"

# Checklist
CHECKLIST_PROGRESS = "Checklist progress"

# Situation picker
SITUATION_NONE = "No situation chosen"

# Search
SEARCH_FIELD = "Search the guide"
SEARCH_GO = "Search"

# Settings / About
THEME_SYSTEM = "Theme: follow the phone"
THEME_LIGHT = "Theme: light"
THEME_DARK = "Theme: night"
KEEP_AWAKE = "Keep the screen on during an incident"
DISMISS_BANNER = "Dismiss message"

# Settings > Guide: the guide in use, guide packs, going back
OPEN_GUIDE = "Guide in use and updates"
GUIDE_IMPORT = "Import a guide pack"
GUIDE_APPLY = "Apply this guide"
GUIDE_CANCEL = "Cancel the import"
GUIDE_ROLLBACK = "Go back to the previous guide"
GUIDE_BUILTIN = "Use the built-in guide"
GUIDE_YES = "Yes, switch the guide"
GUIDE_NO = "No, keep this guide"
GUIDE_FILES = "Files this pack changes"
GUIDE_PROBLEMS = "Problems found in the pack"

# Incident: quick notes, timeline, board, list, export
NOTE_FIELD = "Note text"
DEADLINE_MINUTES = "Minutes until the deadline"
MORE_KINDS = "More note kinds"
LOAD_OLDER = "Load older notes"
OPEN_BOARD = "Open the board"
OPEN_TIMELINE = "Open the timeline"
OPEN_INCIDENTS = "All incidents"
CLOSE_INCIDENT = "Close incident"
CLOSE_CONFIRM = "Yes, close the incident"
CLOSE_CANCEL = "Keep the incident open"
RETENTION_CONFIRM = "Yes, delete old closed incidents"
RETENTION_CANCEL = "Keep every incident"
AMEND = "Amend note"
AMEND_FIELD = "Corrected text"
AMEND_CONFIRM = "Save amendment"
AMEND_CANCEL = "Cancel amendment"
EXPORT_MD = "Export Markdown"
EXPORT_JSON = "Export JSON"
EXPORT_CSV = "Export CSV"
EXPORT_TEXT = "Exported text"
EXPORT_CLOSE = "Close export"
EXPORT_COPY = "Copy the export"
EXPORT_SHARE = "Share the export"
EXPORT_SAVE = "Save the export to a file"
RETRY_SAVE = "Retry saving"

# Practice (drills before the call comes) and Progress
OPEN_PRACTICE = "Practice"
DRILL_SKILL = "Name the skill"
DRILL_WALK = "Scenario walk"
DRILL_WORDS = "Your own words"
OPEN_PROGRESS = "Your progress"
TIMED_MODE = "Timed mode: 10 seconds to answer"
TIME_LEFT = "Time left"
NEXT_QUESTION = "Next question"
NEXT_LINE = "Next line"
SEE_RESULT = "See how you did"
WORDS_FIELD = "Your answer"
CHECK_ANSWER = "Check my answer"
PRACTICE_AGAIN = "Practice again"
BACK_TO_PRACTICE = "Back to practice"
OTHER_SCENARIO = "Choose another scenario"
WALK_METER = "Stairway meter"
ERASE_PRACTICE = "Erase practice history"
ERASE_PRACTICE_CONFIRM = "Yes, erase practice history"
ERASE_PRACTICE_CANCEL = "Keep practice history"

# One-tap note kinds: kind (as the log names it) -> button label, from the note-kind
# table (app.incidents.kinds), so a new loggable kind gets its button there
NOTE_KINDS = {s.kind: s.button for s in _kinds.KINDS if s.button}


def note_kind(kind: str) -> str:
    """The button that saves the note field as `kind` ("Save as demand")."""
    return NOTE_KINDS[str(kind)]

TEXT_SIZES = {
    1.0: "Text size normal",
    1.25: "Text size large",
    1.5: "Text size larger",
    1.75: "Text size largest",
}


def stage_indicator(order: int, total: int = 5) -> str:
    return f"Stage {order} of {total}"


def sign(text: str) -> str:
    """A "Move up when" sign's checkbox."""
    return f"Sign: {text}"


def checklist_item(text: str) -> str:
    return f"Checklist item: {text}"


def section_toggle(section: str) -> str:
    return f"Show or hide section: {section}"


def phrase(kind: str, text: str) -> str:
    """A phrase card: 'Say: ...' or 'Avoid: ...'. Tapping it marks it used."""
    return f"{'Avoid' if kind == 'avoid' else 'Say'}: {text}"


def situation_choice(title: str) -> str:
    return f"Situation: {title}"


def stage_chip(order: int, title: str) -> str:
    """A stage chip above the phrase list: "Phrases for stage 2: Empathy"."""
    return f"Phrases for stage {order}: {title}"


def call(label: str, number: str) -> str:
    """A tap-to-call button for a number from content/contacts.md."""
    return f"Call {label}: {number}"


def filter_option(group: str, value: str) -> str:
    """One chip in a phrase filter group, e.g. filter_option(FILTER_STAGE, '2')."""
    return f"{group}: {value}"


def search_result(title: str) -> str:
    return f"Result: {title}"


def open_incident(title: str) -> str:
    return f"Open incident: {title}"


def amend_note(seq: int) -> str:
    """A note in the timeline: tapping it opens its amendment."""
    return f"{AMEND} #{seq}"


def demand_status(demand: str, status: str) -> str:
    return f"Mark demand '{demand}' {status}"


def retention(days: int | None) -> str:
    """One retention choice in Settings."""
    if days is None:
        return "Keep closed incidents (no automatic deletion)"
    return f"Delete closed incidents after {days} days"


def quiz_choice(label: str) -> str:
    """One of the four answers in "Name the skill"."""
    return f"Answer: {label}"


def walk_answer(text: str) -> str:
    """One of the answers to the person's line in a scenario walk."""
    return f"Answer: {text}"


def scenario(title: str) -> str:
    """A scenario in the walk's list: tapping it starts the walk."""
    return f"Start scenario: {title}"


def scenario_filter(title: str | None) -> str:
    """A situation chip above the scenario list (None: every situation)."""
    return f"Scenarios for: {title or 'every situation'}"


def progress_days(days: int) -> str:
    """The Progress window choice: 'Last 7 days'."""
    return f"Last {days} days"


def skill_bar(title: str, right: int, total: int, days: int) -> str:
    """A Progress bar, read out with its numbers."""
    if not total:
        return f"{title}: not practiced in the last {days} days"
    pct = round(100 * right / total)
    return f"{title}: {pct}%, {right} of {total} right in the last {days} days"


def drill_skill(title: str) -> str:
    """Progress: start "Name the skill" on the weakest skill."""
    return f"Drill {title}"


def review_skill(title: str) -> str:
    """Walk summary: open the phrases for a skill to review."""
    return f"Phrases for {title}"


def review_stage(order: int, title: str) -> str:
    """Walk summary: read a stage of the stairway."""
    return f"Read stage {order}: {title}"
