"""Text helpers for the classifier: clean a typed line, split it, compare it with theirs.

Everything works on lower-case words with straight apostrophes (`app.guide.style.plain`).
"""

from __future__ import annotations

import re
import unicodedata

from app.guide.style import WORD_RE, plain
from app.practice.lookalikes import LOOKALIKES


def clean(text: str | None, zero_width: str = " ") -> str:
    """One line of plain text: lone surrogates replaced, compatibility forms as their plain
    letters (fullwidth "Ｙｏｕ" -> "You"), invisible format marks dropped (a zero-width
    space is `zero_width`), straight apostrophes, one space. What the rules read, never shown."""
    if not text:
        return ""
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> "?"
    if not text.isascii():
        text = "".join(zero_width if c == "\u200b" else c
                       for c in unicodedata.normalize("NFKC", text)
                       if c == "\u200b" or unicodedata.category(c) != "Cf")
    text = plain(text).replace("\u2026", "...").replace("\u201c", '"').replace("\u201d", '"')
    if not text.isascii() and not mostly_not_latin(text):
        text = text.translate(LOOKALIKES)
    return " ".join(text.split())


# Texting as officers type it on a phone: the words the rules read instead.
_TEXTING = {
    "u": "you",
    "ur": "your",
    "&": "and",
    "im": "i'm",
    "dont": "don't",
    "cant": "can't",
    "didnt": "didn't",
    "havent": "haven't",
    "youre": "you're",
    "ive": "i've",
    # The rest of the contractions as typed without the apostrophe, where the bare form
    # is no word ("wont" is one, but no one in a crisis says it). Not "ill", "id", "well",
    # "were", "hell", "shell", "lets" or "wed": those are words
    "wont": "won't",
    "isnt": "isn't",
    "arent": "aren't",
    "wasnt": "wasn't",
    "werent": "weren't",
    "doesnt": "doesn't",
    "hasnt": "hasn't",
    "hadnt": "hadn't",
    "wouldnt": "wouldn't",
    "couldnt": "couldn't",
    "shouldnt": "shouldn't",
    "mustnt": "mustn't",
    "thats": "that's",
    "theres": "there's",
    "whats": "what's",
    "wheres": "where's",
    "heres": "here's",
    "youve": "you've",
    "youll": "you'll",
    "youd": "you'd",
    "theyre": "they're",
    "theyve": "they've",
    "theyll": "they'll",
    "weve": "we've",
    "hes": "he's",
    "shes": "she's",
    "itll": "it'll",
    "wouldve": "would've",
    "couldve": "could've",
    "shouldve": "should've",
    "nobodys": "nobody's",
    "everybodys": "everybody's",
    "somebodys": "somebody's",
    "everyones": "everyone's",
    "someones": "someone's",
    "uve": "you've",
    "ure": "you're",
    "ull": "you'll",
    "pls": "please",
    "cuz": "because",
    "cos": "because",
    "coz": "because",
    "plz": "please",
    "wat": "what",
    "wut": "what",
    "wot": "what",
    "y": "why",
    "abt": "about",
    "thru": "through",
    "bc": "because",
    "n": "and",
    "ppl": "people",
    "rn": "right now",
    "idk": "i don't know",
    "tbh": "to be honest",
    "tonite": "tonight",
    "2nite": "tonight",
    "2day": "today",
    "ye": "you",
    # Scots as typed: "Whit's happened?", "Is there onybody in there?"
    "whit": "what",
    "whit's": "what's",
    "onybody": "anybody",
    "onyone": "anyone",
    "naebody": "nobody",
    "ye're": "you're",
    "ye've": "you've",
    "ye'll": "you'll",
    "ah'm": "i'm",
    "tae": "to",
    "oot": "out",
    "cannae": "can't",
    "dinnae": "don't",
    "gonnae": "gonna",
}
_TEXTING_RE = re.compile(r"(?<![\w'])(" + "|".join(map(re.escape, _TEXTING)) + r")(?![\w'])", re.I)


# Scots "ah" for "I" before a verb: "Ah get worried when ye shout."
_SCOTS_I = re.compile(
    r"(?<![\w'])ah (?=(get|got|feel|felt|want|need|am|was|think|know|dinnae|cannae|don't|"
    r"can't|just|really|hear|see)(?![\w']))",
    re.I,
)
# A dropped g as typed: "goin'", "listenin'", "happenin'"; without the apostrophe only
# where the bare form is no word ("listenin", "talkin", but not "begin" or "cabin").
_DROPPED_G = re.compile(
    r"(?<=[a-z]{2})in'(?![\w'])|(?<![\w'])(listen|go|talk|say|do|com|feel|think|gett|try|look|"
    r"ask|wait|sitt|stay|hear|happen|noth|someth|anyth|everyth|kidd|mess|jok|mean|hold|hurt|"
    r"keep|tell|work|leav|driv|tak|mak|hav|giv|liv|los|help|fuck|runn|stopp|play|shout|yell|"
    r"drink)in(?![\w'])",
    re.I,
)


# Words written out in full, as a careful or formal writer types them, read as the
# contractions the rules are written in: "You are not well." -> "You're not well.",
# "Do not move." -> "Don't move.". A pronoun and "is"/"are"/"am"/"will" first ("that is
# not" -> "that's not"), then "not" ("the gun is not" -> "the gun isn't"); only before
# another word, so "That is who you are." keeps its last "you are".
_SUBJECT = re.compile(
    r"(?<![\w'])(i am|you are|we are|they are|it is|that is|he is|she is|there is|what is|"
    r"i will|you will|we will|they will|it will)(?=(?<!will) [\w(]|(?<=will) (?!not\b)[\w(])",
    re.I,
)
_NOT = re.compile(
    r"(?<![\w'])(do|does|did|is|are|was|were|has|have|had|would|should|could) not(?![\w'])|"
    r"(?<![\w'])(cannot|can not|will not)(?![\w'])",
    re.I,
)
_SHORT = {"am": "'m", "are": "'re", "is": "'s", "will": "'ll"}


def _subject(m: re.Match) -> str:
    who, verb = m.group(1).split(" ")
    return who + _SHORT[verb.lower()]


def _not(m: re.Match) -> str:
    if m.group(2):
        return "won't" if m.group(2).lower() == "will not" else "can't"
    return m.group(1) + "n't"


def contract(text: str) -> str:
    """'You are not well, do not move' -> "You're not well, don't move"."""
    return _NOT.sub(_not, _SUBJECT.sub(_subject, text))


# "2" for "to" after the words it follows ("u need 2 let her out"), never as a number:
# not before a plural or a unit ("got 2 minutes", "have 2 kids", "need 2 more");
# "its" for "it's" before the words that show it.
_TWO = re.compile(
    r"(?<![\w'])(need|needs|have|has|got|want|wants|going|try|trying|gonna|ought|able|used|"
    r"like|love|hate) 2 (?=[a-z])(?![a-z']*[^s\W]s\b|(children|people|men|women|more|or|and|of|"
    r"left|other|extra|hour|minute|second|day|week|month|year|mins|secs|hrs|min|sec)\b)",
    re.I,
)
_ITS = re.compile(
    r"(?<![\w'])its (?=(going|gonna|not|been|all|ok|okay|fine|over|too|just|only)\b)", re.I
)


def texting(text: str) -> str:
    """'ok so ur mum kicked u out' -> 'ok so your mum kicked you out' (whole words only),
    'keep goin'' -> 'keep going', and 'you are not' -> "you're not"."""
    text = _SCOTS_I.sub("i ", _TEXTING_RE.sub(lambda m: _TEXTING[m.group(1).lower()], text))
    text = _ITS.sub("it's ", _TWO.sub(lambda m: m.group(1) + " to ", text))
    return contract(_DROPPED_G.sub(lambda m: (m.group(1) or "") + "ing", text))


def mostly_not_latin(text: str) -> bool:
    """True when most letters of text are of another script (Arabic, Cyrillic, CJK...):
    rules written over English words cannot judge it."""
    latin = other = 0
    for ch in text:
        if ch.isalpha():
            if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"):
                latin += 1
            else:
                other += 1
    return other > latin


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+", text) if s.strip()]


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.lower())


_FLIP = {
    "i": "you",
    "me": "you",
    "my": "your",
    "mine": "yours",
    "myself": "yourself",
    "i'm": "you're",
    "i've": "you've",
    "i'll": "you'll",
    "i'd": "you'd",
    "am": "are",
    "we": "you",
    "us": "you",
    "our": "your",
}
_STOP = set(
    "a an the and or but so to of in on at for with from by is are was were be been am "
    "i you he she they we it me him her them us my your his their our its this that "
    "these those there here do did does have has had not no just all what who then now "
    "if as up out about into over can could will would should don't it's that's i'm "
    "you're he's she's they're we're i've you've".split()
)


def flip(ws: list[str]) -> list[str]:
    """Their words as the officer would say them back: my -> your, I -> you."""
    return [_FLIP.get(w, w) for w in ws]


def stem(w: str) -> str:
    for end in ("ing", "ed", "es", "s"):
        if len(w) > len(end) + 2 and w.endswith(end):
            w = w[: -len(end)]
            # "putting" -> "putt" -> "put", so it meets "puts"
            if end in ("ing", "ed") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]
            return w
    return w


def content(ws: list[str]) -> set[str]:
    return {stem(w) for w in ws if w not in _STOP}


# Words a mirror may swap without changing what it hands back: "nobody would notice" ->
# "Wouldn't notice?", "on this street" -> "on the street?"
_SAME = {
    **{f"{w}n't": w for w in ("would", "could", "should", "do", "does", "did", "is", "are",
                              "was", "were", "have", "has", "had")},
    "can't": "can", "won't": "will", "ain't": "is",
    **dict.fromkeys(("this", "that", "these", "those", "a", "an"), "the"),
}


def _loose(w: str) -> str:
    return stem(_SAME.get(w, w))


def unmatched(answer: list[str], tail: list[str], key=_loose) -> list[str]:
    """The answer's words not found in `tail` in the same order. By default a word also
    meets its stem, its form without "not" and another "the" word ("this", "a")."""
    keys = [key(t) for t in tail]
    j, out = 0, []
    for w in answer:
        k = j
        while k < len(keys) and keys[k] != key(w):
            k += 1
        if k < len(keys):
            j = k + 1
        else:
            out.append(w)
    return out


def in_order_share(answer: list[str], tail: list[str]) -> float:
    """Share of the answer's words found in `tail` as typed, in the same order."""
    if not answer:
        return 0.0
    return (len(answer) - len(unmatched(answer, tail, key=str))) / len(answer)


def starts(sentence: str, patterns) -> bool:
    return any(re.match(p + r"\b", sentence) for p in patterns)
