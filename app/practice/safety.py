"""Suicide and safety in Your own words: a safety question asked straight is right, and
their words may point to suicide.

Read it like the Suicidal subject and Suicide by cop sections of
/work/shared/domain-brief.md: ask directly about plan, means, timing and intent (asking
does not plant the idea); a time they set for their own death is logged and reported at
once. `SAFETY` (the questions themselves) sits with the closed questions in
`app.practice.problems`; here is what the officer is told about them, the signs in the
person's words that bring a reminder to ask, and the readers `classify` calls.
Patterns are matched on lower-case text with straight apostrophes, as everywhere.
"""

from __future__ import annotations

import re

from app.practice import speech as S
from app.practice.problems import CLOSED_OK, CLOSED_STARTS, CLOSED_TAGS, PLANNED, SAFETY

# Asking about suicide straight out is right: asking does not put the idea in their head.
# A safety question asked straight names no listening skill, and is no mistake; what to do
# with the answer depends on what it asked (the first row that matches).
ASKED_SUICIDE = (
    "Good: you asked plainly. Asking does not put the idea in their head. Keep going: plan, "
    "means, timing. Listen, then radio in what you learn."
)
_ASKED = "A safety question, asked straight: yes or no is fine here."
ASKED_BEFORE = r"\btried to\b|\bbefore\?$|\bin the past\b|\blast time\b|\bever (tried|done)\b"
ASKED_SAFETY = (
    (rf"{S.WEAPONS}|loaded|ammo|ammunition|sharp",
     f"{_ASKED} Whatever they say, treat a weapon as loaded. Radio in what you learn."),
    (ASKED_BEFORE,
     f"{_ASKED} A past attempt raises the risk: radio it in, and ask about now."),
    (r"taken|took|swallowed|drunk|drank|used|injected|pills|tablets|medication|overdose|sick|"
     r"dizzy|drowsy|faint|breathing|conscious|awake",
     f"{_ASKED} If yes: what, how much, when? Get EMS."),
    (r"hurt|injured|bleeding|doctor|medical|ambulance|paramedic|first aid",
     f"{_ASKED} If anyone is hurt, radio it and get EMS. Then go back to listening."),
    (r"", f"{_ASKED} If the answer worries you, radio it. Then go back to listening."),
)
SUICIDE_ASKED = (  # what a question about suicide now holds (a question: ends with "?")
    r"kill(ing)? yourself|suicid|end(ing)? (your life|it)\b|(hurt|harm)(ing)? yourself|"
    r"\b(to )?die\b|\bdying\b|a plan\b|\bjump|\bhang|overdos|\bdo(ing)? it\b|"
    rf"(shoot|kill) you\b|{PLANNED}\?$"
)

# the gas left on ("the gas cylinder open", "I turned the gas on."), not "a gas station on..."
GAS_ON = (
    r"\bgas\b( \w+)?( (is|was|left|turned|still))? (open|on)\b(?! \w)|"
    r"\b(turned|left|put) (the |all the )?gas on\b"
)

# Their words may point to suicide (the domain brief's verbal clues and the suicidal
# situation's danger signs): then the officer is reminded to ask, if the answer didn't.
# Suicide by cop first: there, cover and distance come before the question.
BY_COP_TALK = (
    # "Just shoot me!", "(holding a knife) Shoot me", "Do your job and shoot me."
    r"(^|[.!?,)\]] |\b(do it|your job|do your job) and )((just|go on|go ahead|come on|then),? )*"
    r"(shoot|kill) me\b|\b(want|need) (you|the police|them|a cop|an officer) to (shoot|kill) "
    r"me\b|\bhave to (shoot|kill) me\b|\btell (them|him|her|your lot|the police) to (just )?"
    r"shoot\b|\bpull the trigger\b|\bcan'?t do it myself\b|"
    r"\b(i'?ll|i will|i'?m|i am|then i|i'?m going to|i'?m gonna) (\w+ )?(come|coming|walk|"
    r"walking|run|running|charge|charging) at you\b"
)
SUICIDE_TALK = (
    r"\b(kill|killing|hurt|hurting|harm|harming|top|topping|cut|cutting) myself\b|\bsuicid|"
    r"\b(end|ending|finish|finishing) (it|it all|things|everything|my life|myself)\b|"
    r"\b(want|wanted|wanna|going|ready) (to )?die\b|\bbetter off (dead|without me)\b|"
    r"\b(don'?t|do not|doesn'?t) want to (live|be here|be alive|go on|wake up)\b|"
    r"\bif i live or die\b|\bburden\b|\b(i'?m|i am) (already|as good as) (gone|dead)\b|"
    r"\b(no|nae) (reason|point) (to|in) (live|living|going on|carrying on|being here)\b|"
    # ("what's the point talking to you" is about the talk, not their life)
    r"\b(what'?s|what is) the point\b(?! (in |of )?(talking|arguing|telling|asking|explaining|"
    r"listening|discussing))|\b(no|nae) point( in| to)? (anything|any of it|it|"
    r"any ?more)\b|\b(can'?t|cannot|don'?t|do not) see the point\b|"
    r"\bnothing (will|would|can|is going to) help\b|\bcan'?t (go on|take (it|this|any) "
    r"(any ?more|much more)|do this any ?more)\b|\btired of (it all|all of it|everything|"
    r"living|life|being alive)\b|"
    r"\bnothing('s| is)( ever)? (going to|gonna) (get better|change|help)\b|"
    # goodbyes and final wishes: "Tell my family goodbye", "I wrote the kids a letter"
    r"(?<!n't )(?<!n't even )(?<!without )(?<!never )\b(say|said|tell|told|telling|saying) "
    r"(\w+ ){0,2}goodbye\b|\bgoodbye (letters?|notes?)\b|"
    r"\btell (my|\w+) (\w+ )?(i'?m sorry|i love (her|him|them))\b|"
    r"\b(wrote|written|left|writing) (\w+ ){0,3}(letters?|notes?|will)\b|"
    r"\b(give|gave|given|giving) (away )?(all )?(my|me) (things|stuff)\b|"
    r"\bwon'?t matter after (today|tonight)\b|\bafter (today|tonight),? (it|nothing) won'?t "
    r"matter\b|\bnobody('s| is| will| would)?( gonna| going to)? (even )?miss me\b|"
    r"\b(i'?ve|i have)( got)? nothing left\b(?! to (say|talk|give|lose))|"
    r"\b(once|when|after) i'?m (gone|dead)\b|\btalk me out of (it|this)\b|"
    r"\bget (it|this) over with\b|"
    # "I'm done, mate, I'm totally done" (not "I'm done talking", "done with you")
    r"\bi'?m (\w+ )?done\b(?! \w+ing\b| with (you|this|them|her|him|talking|waiting))|"
    r"\b(won'?t|not) be (here|around) "
    r"(much longer|tomorrow|after tonight|anymore|any more)\b|"
    r"\bif i( was| were|'m| am) (gone|not (here|around))\b|\bmade my peace\b|"
    r"\b(all )?be over (tonight|today|soon)\b|\b(where|how) (it|this)( all)? ends\b|"
    r"\bbefore (this|it|all this) (ends|is over)\b|"
    r"\bi (just )?want (it|this|everything|the pain|this pain)( all)? (to (stop|end|be over)|"
    r"over)\b|\bdone with (it all|all of it|everything|life|living)\b|"
    # the means: "I've got the pills right here", "the rope's in the shed", a drop
    r"(?<!n't )(?<!not )(?<!never )\b(got|have|had|saved|saving|took|taken|swallowed|enough|"
    r"bottle of|all (my|the)) ([\w']+ ){0,5}(pills|tablets)\b|"
    rf"{GAS_ON}|"
    r"\b(pills|tablets)( are)? (here|right here|with me|beside me|lined up|in front of me)\b|"
    r"\b(the|a|my) rope\b|\bjump(ed|ing)?\b|\b(i'?ll|i will|going to|gonna) (go over|"
    r"let go|step off)\b|\bi'?m going over\b|\b(at|on|off) (the|this) (edge|ledge|rail|"
    r"railing)\b|"
    r"\b(see|find) (a|any|no) way (out|forward|through)\b|\bno way out\b"
)
ASK_HINT = (
    "Their words may point to suicide. If you have not asked yet, ask plainly: "
    "'Are you thinking about killing yourself?'"
)
BY_COP_HINT = (
    "Their words may point to suicide by cop. Keep cover and distance. Ask plainly: "
    "'Are you trying to get the police to shoot you?'"
)
# With either, whether or not the answer asked: means already used, a time they set.
ALREADY_HURT = (
    r"(?<!n't )(?<!not )(?<!never )\b(took|taken|swallowed|had|necked|downed) "
    rf"([\w']+ ){{0,5}}(pills|tablets)\b|{GAS_ON}|"
    r"\b(cut|hurt|stabbed|burned|burnt) myself\b|\bbleeding\b"
)
SET_A_TIME = (  # ahead of them, mostly: "tonight", "in ten minutes", "after today"
    r"\b(tonight|after today|tomorrow|midnight|this (evening|weekend)|"
    r"(in|within) (an|one|\w+) (hours?|minutes?)|\w+ minutes|by (\d+|noon|morning|dawn)|"
    r"at \d+|(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) o'?clock)\b"
)
REMINDERS = ((BY_COP_TALK, BY_COP_HINT), (SUICIDE_TALK, ASK_HINT))
WITH_A_REMINDER = (
    (ALREADY_HURT, "They may already be hurt: get EMS now."),
    (SET_A_TIME, "If they named a time, log it and report it at once."),
)


def closed_on_purpose(s: str) -> bool:
    """A safety question, or a summary's check ("Are you thinking about killing yourself?",
    "Is anyone hurt?", "Did I get that right?"): closed on purpose, never taught away."""
    return s.endswith("?") and bool(re.search(CLOSED_OK, s))


def asks_straight(parts: list[str], pattern: str = SAFETY) -> bool:
    """A question matching `pattern` asked straight: it opens with the question ("Are
    you...", "Do you...", after "Okay," and the like) and is not a leading tag ("You're
    not going to jump, are you?" is a killer, not a question)."""
    return any(
        s.endswith("?")
        and re.search(pattern, s)
        and re.match(CLOSED_STARTS, S.opened(s))
        and not re.search(CLOSED_TAGS, s)
        for s in parts
    )


def asks_about_suicide(parts: list[str]) -> bool:
    """A question about suicide now, its plan or its means ("Are you thinking of ending
    it?", "How would you do it?"): not a leading tag ("You won't jump, will you?"), not
    only about the past ("Have you tried to hurt yourself before?")."""
    return any(
        s.endswith("?")
        and re.search(SUICIDE_ASKED, s)
        and not re.search(CLOSED_TAGS, s)
        and not re.search(ASKED_BEFORE, s)
        for s in parts
    )


def asked(parts: list[str], low: str) -> str:
    """What to tell the officer of a safety question asked straight (call it only when
    `asks_straight(parts)`)."""
    if asks_about_suicide(parts):
        return ASKED_SUICIDE
    return next(say for pattern, say in ASKED_SAFETY if re.search(pattern, low))


def reminder(said: str, parts: list[str], asked_before: bool = False) -> str:
    """When their words (`said`, lower case) may point to suicide or suicide by cop: ask,
    unless the answer did; and, asked or not, get EMS when they may be hurt, log a time
    they named. `asked_before`: their line answers a question about suicide ("Yeah.
    Tonight."), so it is about suicide whatever its words, and was asked already.
    "" when their words show none of it."""
    first = next((say for pattern, say in REMINDERS if re.search(pattern, said)), None)
    if first is None and not asked_before:
        return ""
    out = [] if asked_before or asks_about_suicide(parts) else [first]
    out += [say for pattern, say in WITH_A_REMINDER if re.search(pattern, said)]
    return " ".join(out)
