"""The rapport killers where the officer makes it about themselves: their own story, their
own family, defending themselves or scoring a point. Part of the killers that dismiss
(`app.practice.dismissals`); `app.practice.killers` says how the patterns are written and
matched.
"""

from __future__ import annotations

import re

from app.practice.safety import closed_on_purpose
from app.practice.speech import TALKING_DOWN, WEAPONS, Killer
from app.practice.text import sentences

# An answer that shows no listening skill (or only a weak one) and still talks at them.
# Each cue with what the officer is told; `app.practice.classify` applies the first that
# fits, and only to answers that show no skill clearly and raise no other flag.
#
# A sentence that opens like a comeback ("Well, ...", "Oh yeah, ...", "Hey, ...", "Look, ...")
# or waves them off ("..., anyway."): usually arguing, sarcasm or defending yourself.
COMEBACK = (
    r"^(well|hey|oh|look|listen|great|brilliant|nice one|seriously|come on|easy|wow|haw|"
    r"yeah right|(ah|och),)\b(?!,? (done|no|dear|god|gosh|my|wow|man|lord|jeez)\b)|"
    r"\banyway[.!]*$"
)
COMEBACK_WHY = (
    "It opens like a comeback, so it may be heard as arguing, sarcasm or defending "
    "yourself. Say back what you heard instead."
)
# An answer that opens by agreeing ("Yeah, ...", "Fair enough, ...", "I hear you, but ...")
# and then listens to nothing: going along with them, or the "yes" before a "but".
AGREEING = (
    r"^(yeah|yea|yep|yup|aye|okay|ok|alright|all right|fair enough|absolutely|sure|"
    r"of course|course|deal|honestly|i understand|i hear (you|ya|ye|that)|i get (it|you|ya|that)|"
    r"i see|i know|understood|got it|gotcha|noted|no worries|no problem|fair play|righto|"
    r"right then|okay then|ok then|cool|sweet|totally|definitely|roger|copy that)\b"
)
AGREEING_WHY = (
    "It agrees, then shows no listening. It may sound like going along with them, or a "
    "'yes, but'. Say back what you heard instead."
)
# "pal", "mate", "son" in an answer that listens to nothing: talking down to them.
NAMING = rf"(^|[,.!?] |\b(ya|you|ye) )({TALKING_DOWN})\b"
NAMING_WHY = (
    "'Pal' or 'mate' with no listening in it can sound like talking down. Say back what "
    "you heard instead."
)
# What they will do or what will happen to them: "You will ...", "You won't ...", but not
# what they fear will happen, or a question that leaves it to them ("You'll come to the
# door when you're ready?"), unless it is a tag ("You're not gonna do it, are ya?").
FORETELLING = (
    r"^(?!.*\byou (feel|think|fear|worry|reckon|believe|'re (scared|afraid|worried|sure))\b)"
    r"(?=[^?]*$|.*, (are|aren'?t|will|won'?t|would|wouldn'?t) (you|ya|ye)\?$)"
    r".*\byou('ll| will| won'?t| are going to|'re going to|'re gonna| gonna| are gonna|"
    r"'re not (actually )?gonna)\b"
)
FORETELLING_WHY = (
    "This tells them what will happen: an order or a promise. Ask, or say back what you "
    "heard instead."
)
# (pattern, per sentence?, why): the first that fits is the flag.
TALKING_AT = (
    (COMEBACK, True, COMEBACK_WHY),
    (AGREEING, False, AGREEING_WHY),
    (NAMING, False, NAMING_WHY),
    (FORETELLING, True, FORETELLING_WHY),
)
# ... but not a greeting that gives the officer's name ("Hey, I'm Sam, with the police."),
# staying with them ("Okay, I'm right here.", "Sure, take your time.") or taking
# their demand on honestly ("I understand. It's not my call, but I'll pass it on.").
NOT_AT_THEM = (
    r"\b(my name|i'?m [a-z]+,? (from|with)|i'?m with the|this is [a-z]+ (from|with))\b|"
    r"\b(i'?m (right |still )?here|i am (right |still )?here|"
    r"take (your|all the) time|no rush|i'?ll wait|i'?m listening|i'?m with you)\b|"
    r"\b(pass (it|that|this|them) on|pass on what|(not|isn'?t) (the one|my call|up to me)|"
    r"(don'?t|do not) (get to )?decide)\b"
)

ABOUT_YOURSELF = (
    # Making it about yourself: your story, your street, your troubles.
    Killer(
        "rapport-killer",
        (
            r"\b(same|that|this) (thing )?(happened|happens) (to|with) (me|my)\b",
            # "I've been on shift since six.": your day, not theirs
            r"\bi'?ve (been|had) (on shift|working|up|on duty|on my feet|a (long|rough|bad|hard) "
            r"(day|shift|night|week))\b",
            r"^tell me about it[,!] (i|me|my)\b",
            r"\bmy shift (finished|ended|was over|is over|ends|finishes|should have)\b",
            r"\bi'?ve been on (since|for|all)\b",
            r"\b(i'?m|i am|i'?ve been|i was|i'?ve done|i'?ve worked|we'?re|we'?ve been|"
            r"we'?ve only been|i'?ve only been)\b[^.?!]{0,40}\b(shift|overtime|double|"
            r"hours? (past|over))\b",
            r"\b(we'?ve|i'?ve|we have|i have) (only |just |now )?been (stood|standing|sat|sitting|"
            r"waiting|out here|at this|on this)\b[^.?!]{0,20}\b(\d+|one|two|three|four|five|"
            r"six|ten|hours|ages|all (night|day|evening))\b",
            r"\bi'?m (beat|knackered|exhausted|tired|shattered|wrecked|done in|cold|freezing|"
            r"hungry|starving)( too| as well)\b",
            r"\b(me too|same here|same with me)\b",
            r"\b(to me|on my \w+|at my \w+|in my \w+|my \w+) (too|as well)\b",
            r"\bwhen i was (your age|young|a kid|a lad|a girl|going through)\b",
            r"\bi (sat|was|worked|talked|dealt) with (so many|lots of|loads of|a lot of|many|"
            r"hundreds of) (people|patients|folk|cases)\b",
            r"(^|\bi )(went|go|'ve been|have been|been|was) through\b[^.?!]{0,30}\b(too|as well|"
            r"myself)\b",
            r"\bmine (was|were|is) (a lot |way |much |even |far )?(\w+er|worse|awful|terrible)\b",
            r"\byou think (you'?ve|you have) got it bad\b",
            # your own past: "I had a boss like that.", "Back in my day...", "I once..."
            r"\bi had (a|an|one|my|this) (\w+ ){0,2}(like (that|this|yours|him|her|them|you)|"
            r"once|who|that did)\b",
            r"\bi (once|used to) (had|have|knew|know|worked|work|was|be|lived|live|did|do|went|go|"
            r"got|get|felt|feel|thought|think|dealt|lost)\b",
            r"\b(back )?in my (day|days|time|younger days|experience|last job|old job)\b|"
            r"\bback when i\b|\bi remember when i\b",
            r"\bwhen i was (in|at) (school|college|uni|university|training|basic|the army|the "
            r"forces|the navy|your age)\b",
            r"\bmy old (boss|gaffer|sergeant|sarge|job|unit|mate|pal|neighbour|neighbor|friend|"
            r"colleague|captain|teacher|man|lady|dad|mum|mom|flat|house|school|regiment)\b",
        ),
        "This turns the talk to you. Keep it on them: 'Tell me more about that.'",
    ),
    # Your own family: theirs when a mirror hands their words back ("My kids?").
    Killer(
        "rapport-killer",
        (
            r"\bmy (own |first |second |ex-?|late |little |eldest |youngest |oldest )?(kids|kid|"
            r"baby|fiance|fiancee|grandkids|grandson|granddaughter|children|wife|husband|"
            r"missus|hubby|son|daughter|dad|mum|mom|mam|"
            r"father|mother|brother|sister|family|ex|girlfriend|boyfriend|nan|gran)\b",
        ),
        "This turns the talk to you. Keep it on them: 'Tell me more about that.'",
        mirror_ok=True,
    ),
    # Defending yourself or scoring a point: sarcasm, "would I?", "I'm only doing my job".
    Killer(
        "rapport-killer",
        (
            r", (would|do|did|am|was|could|wouldn'?t|don'?t|didn'?t|aren'?t|ain'?t) i\?$",
            r"^if i didn'?t (care|want to help)\b",
            r"\bi'?m (only|just) (doing my job|trying to help|following orders)\b",
            r"\b(don'?t|do not|quit|stop) (blame|blaming|shouting at|yelling at|having a go at|"
            r"taking it out on|take it out on|take this out on|taking this out on) me\b",
            r"\b(it'?s )?not my (fault|problem|job)\b",
            r"\b(don'?t|do not)( go| you)? (put|pin|lay|blame|putting|pinning|laying|blaming) "
            r"(that|this|it) on me\b",
            r"\bi'?m (one of the good ones|not like (them|the others|those))\b",
            r"\b(don'?t|do not) (lump|group|bracket|compare|mix) me\b",
            # "Don't look at me, I wasn't even on that job."
            r"^(hey,? )?(don'?t|do not) look at me\b",
            r"\bi (wasn'?t|was not) (even )?(on|there|on duty|working|involved)( \w+)?"
            r"( that| for| in)? (job|call|shift|night|day|case|one|team)\b",
            r"^(ha|haha|hah|lol|lmao)\b",  # laughing at them
            r"\b(lol|lmao|rofl|haha+|hehe|jk|just kidding|just joking|only joking|kidding aside)\b",
            "[\U0001f602\U0001f923\U0001f606\U0001f605\U0001f61c\U0001f609\U0001f644]",
            # a joke about the place, the weather or the means
            r"\b(nice|lovely|great|beautiful|good|perfect|fine|cracking) (view|night|spot|day|"
            r"evening|weather|place|morning) for (it|a|this|that)\b",
            r"\b(picked|chose|found|got) (a|the|yourself a) (nice|good|great|lovely|perfect|"
            r"cracking|fine) (spot|view|place|night|day|evening|morning)\b",
            # mocking the weapon: "That knife couldn't cut butter."
            rf"\b(that|this|your) ({WEAPONS}|thing)( \w+)? (couldn'?t|can'?t|won'?t|wouldn'?t) "
            r"(even )?(cut|hurt|hit|scare|kill|shoot)\b",
            r"\b(butter knife|pea ?shooter|toy gun|even loaded)\b",
            r"\bwhile you'?re (up|out|in|over) there\b",
            # putting them off with the means: "The water's freezing, you'd hate it."
            r"\byou'?d (hate|regret|not (like|enjoy)|never (like|enjoy)) (it|that|the)\b",
            r"\b(the )?(water|river|sea|tide|drop|fall|tracks?)('s| is)( \w+)? "
            r"(freezing|icy|baltic|filthy|disgusting|minging|a long way|rock hard)\b",
            r"\b(bit|little|too|rather|a tad) (\w+ )?for (a|that|this|it) (swim|dip|jump|"
            r"paddle|stroll|walk|climb|fall|night out|sleepover)\b",
            r"^(oh )?(great|brilliant|wonderful|perfect|fantastic|lovely|marvellous)[,.!] "
            r"(another|just what|that'?s all)\b",
            r"\b(love|loving) my (fridays|mondays|job|shift|night|weekend)\b",
            r"\bjust what i (need|needed)\b",
            r"^oh,? (great|brilliant|wonderful|perfect|fantastic|lovely|marvellous|super|"
            r"terrific)\b",
            r"^(oh )?(yeah|sure|right)[,.]? (clearly|obviously|of course|totally|definitely)\b",
            r"^((yeah|oh)[,.]? )?(right|sure|yeah right)[,.!]? (because|like|and)\b",  # "Sure, and"
            r"^((oh|yeah|sure|right|well)[,.!]? )+(because|'?cause|cos|coz|cuz) (you|you'?ve|"
            r"you'?re|that'?s)\b",
            r"\bsuch a (great|good|brilliant|wonderful|fantastic|lovely) \w+ yourself\b",
            r", (are|aren'?t|do|don'?t|did|didn'?t|have|haven'?t) we\?$",  # "..., are we?"
            r"\b(film|movie|tv) star\b",
            r"\b(want|deserve|get|give you) a medal\b|\breal (tough|hard|big) (guy|man|lad|one)\b",
            r"\b(there'?s|there are) (easier|better|simpler|cheaper|quicker) ways? (to|of)\b",
            r"\ball (\w+ ){0,3}of us\b[^.?!]{0,40}\bagainst you\b",
            # "... stood out here in the rain for fun", "while you have your little moment"
            r"\b(i'?m|we'?re|i am|we are|i|we)\b[^.?!]{0,40}\bfor (fun|the fun of it|my health|"
            r"a laugh|kicks)\b",
            r"\b(your|this|his|her|their) little (moment|tantrum|episode|drama|show|performance|"
            r"meltdown|strop|hissy fit|stunt|game|protest|sulk|outburst|rant|act|party)\b",
            r"^(oh )?(great|brilliant|fantastic|wonderful|lovely|perfect|terrific|marvellous),? "
            r"so (we|i)( all)?( just)? (stand|wait|sit|stay|get to|have to)\b",
            # the place run down: "this motel's a dump anyway"
            r"\b(a|such a|a right|a total|a bit of a|what a|proper) (dump|dive|shithole|pigsty|"
            r"hovel|craphole|tip)\b",
            r"\b(such a|a real|an absolute) (joy|pleasure|delight|treat|ray of sunshine|peach)\b",
            # defending yourself: "I'm not a liar.", "I've been nothing but straight with you"
            r"\bi'?m not (a liar|lying|the enemy|your enemy|stupid|an idiot|deaf|thick|joking|"
            r"messing|your (punchbag|punching bag|servant|slave|babysitter|mum|mother|dad|"
            r"therapist|doormat))\b",
            r"\bi'?ve been nothing but (straight|honest|fair|nice|patient|decent|good|reasonable|"
            r"polite) (with|to) you\b",
            r"\b(watch|mind) (your|the) (tone|mouth|language|manners)\b|\bwho (are|do) you think "
            r"you'?re (calling|talking|speaking)\b|\bdon'?t (talk|speak) to me like\b",
            r"\b(no need|there'?s no need) to be (rude|nasty|personal|like that|so rude)\b|"
            r"^(that'?s|that was|this is) (uncalled for|out of line|rude)[.!]*$",
            r"\bi don'?t appreciate (being|your|that|you)\b|\bafter (everything|all) "
            r"i'?ve (done|tried)\b|\bi'?m (only |just )?(trying|doing) my (best|job) here\b",
            # sarcasm: "Oh, sure.", "Very funny.", "Heard it all before."
            r"\b(very funny|nice try|good one|cool story|heard (it|that) (all )?before|"
            r"whatever you say|tell me something i don'?t know|riii+ght)\b|"
            r"\band i'?m (supposed|meant|expected) to (believe|buy|swallow)\b",
        ),
        "Defending yourself turns it into a contest. Let it go and say back what you heard.",
    ),
)


def talking_at(low: str) -> str | None:
    """Why it talks at them ("Well, ...", "Yeah, ...", "..., pal", "You will ..."), or None:
    what `TALKING_AT` finds, unless it gives the officer's name, stays with them or asks a
    safety question ("Did you take the pills, mate?")."""
    parts = sentences(low)
    if re.search(NOT_AT_THEM, low) or any(map(closed_on_purpose, parts)):
        return None  # a safety question asked straight is no talking at them
    for pattern, each, why in TALKING_AT:
        if any(re.search(pattern, s) for s in (parts if each else [low])):
            return why
    return None
