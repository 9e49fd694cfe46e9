"""Texting, dialect and words written out in full, read as the plain contracted English the
classifier's rules are written in: "ok so ur mum kicked u out" -> "ok so your mum kicked
you out", "keep goin'" -> "keep going", "You are not" -> "You're not". Whole words only.
"""

from __future__ import annotations

import re

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
