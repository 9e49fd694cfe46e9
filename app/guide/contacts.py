"""content/contacts.md -> Contact: numbers the officer can tap to call.

    ## Emergency
    - Emergency: 911

One list item per number, "Label: number", under a `##` section. A number is digits,
spaces, `-`, `(`, `)` and a leading `+`, with 3 to 15 digits; a label has at most 120
characters. `Contact.tel` is the
dialable form (a `tel:` URI without the prefix). A wrong line is reported and left out.
"""

from __future__ import annotations

import re

from app.guide.blocks import entries
from app.guide.files import File
from app.guide.headervalues import short
from app.guide.items import ItemIds
from app.guide.model import Contact
from app.guide.reference import Vocab
from app.guide.subitems import read_subs

NUMBER_RE = re.compile(r"^\+?[0-9 ()\-]+$")
# The most digits a phone number has: E.164 caps an international number, country code
# included, at 15 (a number written with 00 or 011 before it is written with + instead).
# A number past that is no number anyone can dial: 100,000 digits were accepted.
MAX_DIGITS = 15
EXAMPLE = "e.g. `- Suicide & Crisis Lifeline (US): 988`"
# The most characters a label may have: a button's name an officer reads at a glance. The
# shipped ones have 44 (English) and 92 (Spanish: the title's 80 would refuse it); a
# label past this is a paste gone wrong (100 KB was accepted and shown on the button).
MAX_LABEL = 120


def dialable(number: str) -> str:
    """'+1 (800) 273-8255' -> '+18002738255'."""
    digits = re.sub(r"\D", "", number)
    return ("+" if number.strip().startswith("+") else "") + digits


def parse_contacts(f: File, vocab: Vocab) -> list[Contact]:
    es, names = entries(f.doc)
    for line in dict.fromkeys(line for _, line in names):  # a Contact has no situations
        f.add(line, "only-for-misplaced", "`Only for:` and `Not for:` have no meaning in "
              "contacts.md: every number is shown in every situation. Delete the line")
    ids = ItemIds()
    out: list[Contact] = []
    first: dict[str, int] = {}
    for e in es:
        b = e.block
        if b.kind != "item":
            continue  # paragraphs explain how to add a number
        h2 = e.heads.get(2)
        if h2 is None:
            f.add(
                b.line,
                "item-outside-section",
                "number is not under a `##` section: add e.g. `## Crisis lines` above it",
            )
            continue
        if not read_subs(f, b, vocab, ()).ok:
            continue
        label, sep, number = b.text.rpartition(":")
        label, number = label.strip(), number.strip()
        if not sep or not label:
            f.add(
                b.line,
                "contact-invalid",
                f"'{short(b.text)}' is not a label, a colon and a number: write it as {EXAMPLE}",
            )
            continue
        if len(label) > MAX_LABEL:
            f.add(
                b.line,
                "contact-invalid",
                f"label '{short(label)}' has {len(label):,} characters, more than the "
                f"{MAX_LABEL} a label may have: shorten it",
            )
            continue
        digits = len(re.sub(r"\D", "", number))
        if not NUMBER_RE.match(number) or digits < 3:
            f.add(
                b.line,
                "contact-invalid",
                f"number '{short(number)}' for '{short(label)}' is not a phone number: use "
                "digits, spaces, -, ( ) and a leading +, at least 3 digits",
            )
            continue
        if digits > MAX_DIGITS:
            f.add(
                b.line,
                "contact-invalid",
                f"number '{short(number)}' for '{short(label)}' has {digits:,} digits, more "
                f"than the {MAX_DIGITS} a phone number can have: write an international "
                "number with + and its country code, without 00 or 011",
            )
            continue
        key = label.lower()
        if key in first:
            f.add(
                b.line,
                "contact-twice",
                f"'{label}' is listed twice (first on line {first[key]}): keep one",
            )
            continue
        first[key] = b.line
        out.append(
            Contact(ids.make(label), label, number, dialable(number), h2.text, f.rel, b.line)
        )
    if not out:  # cut short, or every line wrong: the Contacts screen would be empty
        last = max((i + 1 for i, x in enumerate(f.lines) if x.strip()), default=1)
        f.add(last, "contacts-empty", "contacts.md gives no number, so the officer has none "
              f"to tap: add one under a `##` heading, {EXAMPLE}")
    return out
