"""How an officer's typed sentence is put together: the words it opens with, the shapes of
an order, and the frames that tell their own words back ("You're telling me..."). Shared
by the rapport killers (`app.practice.killers`, `app.practice.dismissals`), the other
problems (`app.practice.problems`) and `app.practice.classify`.

Everything is matched per sentence on lower-case text with straight apostrophes.
Patterns are plain regular expressions over words: keep them short and linear (no nested
repeats): an officer may paste 100 KB.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Killer:
    """A rapport killer: what it looks like, and why it hurts (shown to the officer)."""

    code: str  # the flag code
    patterns: tuple[str, ...]
    why: str
    # True when their own words said back as a mirror ("Think you're crazy?") are not
    # the officer's judgement: the words are theirs, and the question hands them back.
    mirror_ok: bool = False
    # True when, in their story told back as a list and checked (`CHECK_BACK`: "..., put
    # your bags out, and kept the deposit. Right?"), the words after each sentence's first
    # clause are their deeds, not the officer's: it is looked for only where each starts.
    starts_in_summary: bool = False


# Clergy, and the titles a named one goes by ("Father Murphy", "Rabbi Cohen").
CLERGY = r"(priest|pastor|vicar|chaplain|imam|rabbi|minister|reverend|preacher|clergyman|padre)"
TITLE = r"(father|pastor|reverend|rev|imam|rabbi)"
# The people of theirs nobody brings in without the team (family, friends, clergy), and
# whose hurt is held over them ("Your mum would be heartbroken").
THIRD = (
    r"(mum|mom|mam|mother|ma|dad|da|father|pa|parents|wife|husband|missus|partner|ex|"
    r"girlfriend|boyfriend|fiance|fiancee|sister|brother|son|daughter|kids|children|family|"
    r"friend|best friend|boss|manager|nan|nana|gran|granny|grandma|grandad|grandpa|aunt|"
    r"auntie|uncle|cousin|neighbour|neighbor|sponsor|counsellor|counselor|social worker|mama|"
    r"momma|mamma|mummy|mommy|papa|daddy|pops|little (girl|boy|one|ones|lad|lass)|"
    rf"wee (one|ones|girl|boy)|baby|grandkids|grandchildren|{CLERGY})"
)

# Names that talk down to someone in crisis when nothing else in the answer listens.
TALKING_DOWN = (
    r"pal|mate|buddy|bud|cowboy|son|sunshine|chief|boss|numpty|fella|pet|sweetheart|darling|"
    r"princess|champ|big man|bro|dude"
)
# Names officers call people, kindly or not: "love", "sweetheart", "mate", "buddy".
CALLED = (
    r"love|luv|sweetie|sweet pea|honey|hun|hon|darlin'?|dear|petal|man|brother|sis|kid|lad|"
    r"lass|girl|friend|my friend|my man|sir|ma'am|maam|miss|madam|young man|young lady|"
    + TALKING_DOWN
)
# What a weapon is called: "the blade goes down", "that knife couldn't cut butter".
WEAPONS = (
    r"(gun|knife|blade|rifle|shotgun|pistol|weapon|bat|machete|axe|hammer|bottle|razor|"
    r"scissors|firearm|shank)"
)

# The words a sentence opens with before it says anything: "Okay love, ...", "Well, ...".
# ("Oh no." is sympathy, not an opener before a flat "No.")
OPENER = re.compile(
    r"^((well|oh(?![,!.]? no\b)|ok|okay|right|alright|all right|look|hey|now|yeah|yes|uh|um|er|erm|"
    r"i mean|listen|honestly|come on|aw|ah|" + CALLED + r")[,!.]? )+"
)


def opened(sentence: str) -> str:
    """The sentence without its opening words: 'okay love, sit down' -> 'sit down'."""
    return OPENER.sub("", sentence, count=1)


_CLAUSE = re.compile(r", (?:but |so |now |and |just |then )?|; | - | -- | \u2013 | \u2014 ")


def clauses(sentence: str) -> list[str]:
    """'i hear you, but keep it down' -> ['i hear you', 'keep it down']."""
    return [c for c in _CLAUSE.split(sentence) if c]


# Where an order can start: the sentence, or a clause after a comma or "and", with the soft
# words officers put in front ("okay,", "just", "come on,", "buddy,"): "Okay, step back."
SOFT = (
    r"((now|just|please|ok|okay|hey|look|alright|all right|then|so|come on|"
    r"buddy|bud|sir|ma'am|man|mate|love|sweetheart|honey|darling|pet|"
    r"relax|calm down|settle down)[,!]? )*"
)
LEAD = rf"(^|[,;:] |\band ){SOFT}"
# ... but not after "and" in their routine told back, where "you" does both: "You go to
# the jobcentre every week and come back with nothing."
# (an order still: "You need to calm down and step back.")
LEAD_NOT_THEIRS = (
    rf"((^|[,;:] ){SOFT}|^(?!(so,? |and )?you (?!(need|have|must|should|gotta|got|better|"
    rf"will|can|could|would|just|now)\b)\w+ ).*\band {SOFT})"
)
# What an order asks the body to do: move, hand something over, take a position.
ORDER_MOVE = (
    r"(come|come on|get|step|walk|climb|back|move) "
    r"(out|outside|away|back|off|down|over|up|here|forward)\b(?! of (this|it)\b)"
)
ORDER_HANDS = (
    r"(put|pop|place|lay|drop|throw|toss|chuck|lower|hand over|slide|set|give me|hand me) "
    r"(it|the|that|this|your|down|them|those)\b"
)
ORDER_POSE = (
    r"(show me your hands|hands up|sit (down|on)|stand (up|still)|turn around|lie down|"
    r"get on the|kneel|open (the|this|that|up)|unlock|hurry( up)?)\b"
)
ORDER = rf"({ORDER_MOVE}|{ORDER_HANDS}|{ORDER_POSE})"

# A sentence that tells them what to do: it opens with a verb of doing ("Keep your voice
# down.", "Think what this does to your mum.", "Ring the council."), not a question, and
# not a noun that looks like one ("back door's locked").
DOING = (
    r"keep|think|ring|call|phone|pop|get|go|put|come|sit|stand|wait|look|calm|relax|"
    r"breathe|stop|quit|drop|hand|give|leave|take|let|try|remember|consider|pick|grab|open|"
    r"close|shut|turn|lower|move|step|walk|hold|bring|pass|throw|toss|chuck|show|hurry|"
    r"follow|do|make|be|drink|eat|pray|sleep|forget|ignore|pack|"
    r"head(?= (home|off|out|back|down|over|to|for|inside|outside|up|on|in)\b)|"
    r"settle|chill|cool|"
    r"knock|lighten|sober|sort|fix|text|apologi[sz]e|lie|kneel|face(?! to face\b)|unlock|"
    r"release|climb|"
    r"back(?= (off|away|up|down|out|it|right)\b|[.!]|$)|"
    r"slide|set|lay|place|sign|answer|pull|push|wake|quiet|hush|behave|cheer|smile|"
    r"count|focus|admit|accept|deal|toughen|grow|snap|watch|mind|hang|cut|tidy|clean|"
    r"finish|end|check|wipe|dry|button|zip|pipe|belt|simmer|unclench|uncurl|unload|empty"
)
# ... except the ones that invite them to talk, or give them time: "Tell me", "Take your
# time", "Go on", "Keep talking", "Walk me through it", "Let me check I've got this".
INVITING = (
    r"take (your|all the|as long|whatever|a (moment|minute|second|sec|breath))|"
    r"go (on|ahead|back to)|keep (talking|going|telling|on)|walk me through|"
    r"let (me|it out|it all out)|call me\b|hold on|hang on|give me a (sec|second|minute|"
    r"moment)|stay (with me|on the (line|phone))|mind if|try me|come again|correct me|"
    r"be (honest|straight|patient) with me|take me (through|back)|look at (what|how)|let'?s\b|"
    r"give me (a|an|some) (sense|idea|picture|feel|bit|little)|bring me (up to speed|through|"
    r"back)|check (me|i|that i|if i|with me)|fill me in|keep me (posted|in the loop)|"
    r"finish (what|your)|do (you|ya|u|we|they|i)\b|"
    r"get (\w+ )?(worried|scared|nervous|anxious|uneasy|confused|upset|frightened|concerned)\b"
)
# (a verb alone is an order only when it is one of these: "Relax.", "Breathe.")
TELLING = (
    rf"^((just|please|now|kindly|quickly|first,?) )*(?!{INVITING})({DOING}) [\w(][^?]*$",
    r"^(just |please |now )?(relax|stop|breathe|chill|hush|behave|freeze|enough|shush|"
    r"quiet|easy|steady|settle)[.!]*$",
)

# An order with "you" in front: "You stop that right now.", "You listen to me.", "You put
# that knife down." Only when nothing but these follows it ("now", "for me", "mate"): the
# same words with more after them are their routine or what they did, told back ("You get
# up every morning and she's gone", "You put the kids first", "You drop the kids off").
ORDER_TAIL = (
    r"(,? (now|right now|right|slowly|carefully|please|for me|here|there|then|okay|ok|"
    r"immediately|at once|this (minute|second|instant)|to me|mate|love|buddy|bud|sir|pal|son|"
    r"man|alright|all right|yeah|first|quick|quickly|do you hear me|you hear me|understand|"
    r"got it|nice and (slow|slowly|easy)|over here|over there|where you are|"
    r"where i can see (you|them|it|your hands)|on the (floor|ground)|when you'?re ready|"
    r"in your own time|and (we|i)('ll| will| can) (talk|chat|sort (it|this|that) out)|"
    r"and listen( to me)?|with (nothing in )?your hands( empty| up| visible| out)?|"
    r"with (empty|open) hands|from (the|that|your) \w+))"
)
YOU_DO = (
    rf"({ORDER_MOVE}|{ORDER_POSE}|stop (it|that|this|now|right|moving)|quit (it|that|this)|"
    r"listen (to me|up|here|carefully|good|now|right)|calm down|settle down|shut (up|it)|"
    r"back (off|away|up)|freeze|stay (there|put|back|still|where you are|right there)|"
    r"hold it|sit tight|wait (there|right there|here)|look at me|turn (round|around)|"
    r"open (the|this|that|your) \w+|(pack|knock|cut) it (in|off|out)|wind your neck in|"
    r"pipe down|belt up|keep it down|(walk|come|step|back|move) (backwards?|(backwards? )?"
    r"(towards|toward) (me|my voice|the (door|sound|car|light|officer)))|"
    r"keep (still|back|quiet|away|your (hands|voice|distance)( \w+)?)|"
    r"let (her|him|them|everyone|everybody|(the|that|those) \w+( \w+)?) (go|out|walk)|"
    r"hand (it|that|them|those) over|give (it|that|them) (to me|here|back|up)|"
    r"don'?t (move|touch|twitch|budge|come (any )?closer)|"
    r"(put|pop|place|lay|set|drop|throw|toss|lower|slide) (it|that|this|them|those|"
    r"(the|that|your|this) (\w+ )?\w+)( right)? (down|away|on the (floor|ground|table|deck))|"
    rf"(drop|throw|toss|lower|hand over|give me) (it|that|this|them|those|"
    rf"(the|that|your|this) (\w+ )?{WEAPONS}s?))"
)
YOU_ORDERS = (
    rf"^you (just )?{YOU_DO}{ORDER_TAIL}{{0,3}}[.!]*$",
    # with "right now" anywhere: "You let her go right now or this ends badly."
    rf"^you (just )?{YOU_DO}\b[^?]*\b(right now|immediately|at once|this (minute|second|"
    r"instant))\b",
)

# Answers framed as their words ("You're telling me...", "You said..."): a killer's words
# found in what they said are theirs, not the officer's judgement.
_THEIR_FRAMES = (
    r"you'?re (telling me|saying)|you are (telling me|saying)|you (said|say|told me|feel|"
    r"think|reckon|believe)|what i'?m hearing is|if i'?ve got (this|it) right"
)
THEIRS = rf"^(so,? )?({_THEIR_FRAMES})\b"

# Sentences that report their story ("You've told me she left, took the kids..."): the
# clauses after the first are their story, not the officer's orders.
REPORTING = (
    rf"^(so,? )?({_THEIR_FRAMES}|you'?ve (told|said)|what i'?ve heard|so far|here'?s what)\b|"
    r"^[a-z' ,]{1,20}: "  # a list after a colon: "Right: wages unpaid, head office silent."
)
# A summary's check-back on its own at the end: "Right?", "Have I got it?", "Is that the
# gist?" (not "Okay?" or "Yeah?", which end orders as often as summaries). The sentences
# before it are their story told back, so their clauses ("..., cut your pay, and he's
# laughing") are not read as the officer's orders (unless a "but" turns from their story
# to the officer's: "I get it, but put it down.").
CHECKS = (
    r"right|close|fair|correct|is that (it|right|fair|the gist|about it|"
    r"about right|close|correct)|that (right|fair|about right|the gist|about it|correct)|"
    r"have i (got|understood) (it|that|this|you)( right)?|did i get (it|that|all that)( right)?|"
    r"am i (close|right|on track|missing anything)|(does )?that sound (right|about right|fair)|"
    r"(have i )?got (it|that) right|is that the gist of it|that the gist of it|"
    r"that'?s (right|about right)"
)
# Checks that close a summary only after it: on its own "Is that everything?" shuts them down
AFTER_A_SUMMARY = (
    r"is that (everything|all( of it)?|the lot|how it (feels|felt|is|was|seems|went)|what "
    r"(happened|you mean|you'?re saying|went on))\?$"
)
CHECK_BACK = rf"^({CHECKS})\?$"
