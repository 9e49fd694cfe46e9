"""The rapport killers that rush to an ending: offering yourself, trading, and fixing the
problem (or hurrying them) before they have been heard. Part of the killers that take
control (`app.practice.killers`, which says how the patterns are written and matched).
"""

from __future__ import annotations

from app.practice.speech import ORDER_HANDS, WEAPONS, Killer

# What is handed over, let go or opened in a trade: a person, a weapon, a door.
HANDOVER = (
    rf"({ORDER_HANDS}|send (her|him|them|the|one|someone|somebody|anyone|anybody|out)|"
    r"let (her|him|them|the|one|someone|somebody|anyone|anybody|everyone|everybody) "
    r"(go|out|leave)|give (us|up) (the|that|your|it|them)|hand (us|over|out|it|them|the|that|"
    r"your)|throw out|release|come out|walk out|step out|unlock|open (the|that|this|your) "
    r"(door|window|gate)|bring (her|him|them|the \w+) (out|to))"
)

RUSHING = (
    # Offering yourself: never go in, trade places or meet face to face (domain brief).
    Killer(
        "rapport-killer",
        (
            r"\blet me (come|step) (in|up|inside|over)\b",
            r"\b(take|trade|swap) me (instead|for)\b",
            r"\bi'?ll (come|come up|come in) (in|up|inside|there|to you)\b",
            r"\bi (come|go|sit|stay|wait|stand) (in there|inside|up there|over there|in) "
            r"with you\b",
            r"\b(instead of|in place of|swap (places )?with|trade places with) (her|him|them|your "
            r"\w+|the \w+)\b",
            r"\b(i'?ll|let me|i can|i could) (come|go|walk) (in|inside|up|over|down) (there |"
            r"to you )?(alone|unarmed|on my own|by myself|without (my|a|the))\b",
            r"\b(take|have) me (as|instead)\b|\b(i'?ll|let me|i can) (put|take|lay|set|throw) "
            r"(down |off )?my (gun|weapon|vest|radio|taser|baton|belt|kit)\b",
        ),
        "Never offer yourself or go in: keep your distance and cover, and keep talking.",
    ),
    # Trading what is never traded: weapons, ammunition, alcohol, drugs, a person.
    Killer(
        "rapport-killer",
        (
            r"\b(bottle|beer|booze|drink|alcohol|whiskey|whisky|vodka|drugs|weed|smokes|gun|ammo|"
            r"ammunition|bullets|weapon|me|hostage)s? (for|in exchange for|in return for) "
            r"(the|your|a|her|him|them|that)\b",
            r"(^|, )(deal|it'?s a deal|you'?ve got a deal|you got a deal)[.!?]*$",
            r"^(deal|it'?s a deal|you'?ve got a deal|you got a deal)[,:;!] ",
            r"\bname your (price|terms)\b|\bwhat (would|will|'d) it take (to get you|for you to)\b",
            r"\bwhat'?s it (going to|gonna) take\b",
            r"\b(bottle|beer|booze|drink|alcohol|whiskey|whisky|vodka|drugs|weed|smokes|gun|ammo|"
            r"bullets)s?\b[^.?!]{0,40}\b(but|and|if) (then )?you "
            r"(let|give|put|hand|send|release)\b",
            r"\b(we'?re square|we'?re even|that'?s the deal)\b",
            # one of them for a thing: "How about a smoke for one of the kids?"
            r"\b(how about|what about|i'?ll (give|get|trade|swap)( you)?|you can have|i can (get|"
            r"give)( you)?|(swap|trade) you) (a|some|the|your|my|another) (\w+ )?\w+ for (one|two|"
            r"three|some|each|any|all) of (the|them|those|your)\b",
            # an offer on a condition: "If you let her go, I'll get you the car." (not "If you
            # let me know what you need, I'll pass it on.")
            rf"\bif you (just )?{HANDOVER}\b[^.?!]{{0,60}}\b(i'?ll|we'?ll|i can|we can|"
            r"you can have|you get|you'?ll get|i will|we will)\b",
            # the condition as an order: "Send one of them out and I'll get you a drink."
            rf"^((just|now|okay|ok|right)[,]? )*(you )?{HANDOVER} [^.?!]{{0,50}}\band (then )?"
            r"(i'?ll|we'?ll|you'?ll get|you can have|i can|we can|i will|we will)\b",
            r"\b(i'?ll|we'?ll|i can|we can|you can have|you'?ll get) [^.?!]{0,60}\bif you (just )?"
            + HANDOVER,
            rf"^((you can|just|fine,?|ok,?|okay,?) )?keep the ({WEAPONS}|bullets|ammo)\b",
        ),
        "Never trade weapons, ammunition, alcohol or drugs, or a person, and never agree a "
        "deal yourself: 'I'm not the one who decides, but I'll pass it on.'",
    ),
    # Fixing the problem before they have been heard.
    Killer(
        "rapport-killer",
        (
            r"\bwhat you (need|have|ought) to do\b[^?]*$",
            # (not a question that asks what they need: "What do you need to happen?")
            r"^(?!(what|how|where|who|which|when|whats)\b)[^?]*\byou (need|have|ought|got) to\b",
            r"\byou must(?! (be|feel|have been|have felt)\b)",
            r"\byou('ve| have)? (got to|gotta)(?! (be|feel|have been|have felt)\b)",
            r"\bhave you tried\b(?! to (hurt|harm|kill|end|cut)\b)",  # a past attempt: ask it
            r"\bwhy don'?t you\b",
            r"\bthe (best|only|right) thing (to do|you can do|is)\b",
            r"\bhere'?s what (you|we)\b",
            r"^just (come|put|do|walk|give|let|hand|drop|stop)\b",
            r"\bfirst thing (tomorrow|in the morning|monday)\b",
            r"\b(here'?s|this is|that'?s) (the|my|our|what the) plan\b",
            # advice dressed up: "If I were you...", "It'd be best if you..."
            r"\b(if i (were|was) you|my advice|i'?d (suggest|advise|recommend)|"
            r"i (suggest|advise|recommend)|you'?d better|you better)\b",
            r"\b(it'?s|it would be|it'?d be|it might be) (best|better|wise|smart|easier) "
            r"(if you|to|for you to)\b",
            # hurrying them: "We haven't got all night."
            r"\b(haven'?t|don'?t|have not) (got|have) all (night|day)\b",
            # deciding what is good for them: "It's for your own good."
            r"\bfor your own good\b",
            r"\b(make it quick|get to the point|cut to the chase|spit it out|out with it)\b",
            r"\b(in|within) the next (few |couple of |\d+ |two |five |ten |fifteen )?(minutes?|"
            r"seconds?)\b[^?]*$",
            r"\b(in|within) (\d+|one|two|three|five|ten|fifteen|twenty|thirty|sixty|a few|a couple "
            r"of) (minutes?|seconds?|mins?|secs?)\b[^?]*$",
            r"\b(finish|wrap|wind|tie) (this |it |things )?up\b",
            r"\b(you'?d|y'?all|you|ye) (best|better) (come|get|put|drop|go|sit|stop|give|hand)\b",
            r"\bsober up\b",
            r"^(the|my|our) plan is\b",
            # rushing to the end: "That's sorted then.", "Let's wrap this up."
            r"\b(let'?s|time to|can we) (wrap (this|it) up|finish (this|up)|get this over with|"
            r"call it a (night|day))\b",
            r"\b(that'?s|it'?s|all) (sorted|settled|done|fixed) then\b",
            r"(^|[.!] )sorted[.!]*$",
            # a number or a leaflet handed over as the answer: "I'll give you a number."
            r"\b(i'?ll|i can|let me|i will) (give|get|send|text|pass|write|jot) (you|down)( \w+)? "
            r"(a|the|some|this|my) (number|numbers|leaflet|card|helpline|hotline|website|link|"
            r"referral|contact|details)\b|\b(ring|call|phone|try) (this|the|a) (number|helpline|"
            r"hotline)\b",
            # hurrying in other words: "Chop chop.", "I've got other calls."
            r"\bskip (the|all the) (backstory|story|details|small talk|history)\b",
            r"\b(chop,? chop|cut it short|get a move on|get a shift on|pick up the pace|"
            r"speed (this|it|things) up|hurry (this|it|things) (up|along)|"
            r"move (this|it|things) along)\b",
            r"\bi'?ve (got|other) (other )?(calls|jobs|things|places|people) (to|waiting)\b|"
            r"\bi don'?t have (all night|all day|time for this|the time)\b",
            # help they "need", said as a verdict: "You need help.", "You need a doctor."
            r"^(?!.*\?$).*(?<!if )(?<!when )(?<!do )\byou (really |clearly |obviously |just |"
            r"definitely )?need (some |a |"
            r"proper |professional |medical |to see (a|someone|somebody)\b ?)?(help|doctor|"
            r"hospital|treatment|meds|medication|therapy|rehab|counselling|counseling|"
            r"psychiatrist|shrink|sectioning|assessment|sleep|to be seen)\b",
        ),
        "Fixing the problem this early is the classic mistake. Listen first.",
    ),
)
