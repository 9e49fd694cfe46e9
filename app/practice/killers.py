"""The rapport killers that take control: what each looks like in a typed answer, and why
it hurts.

One block per kind (orders, threats, third parties, rules quoted, questions for evidence,
breaking off contact), each from the Don'ts of /work/shared/domain-brief.md and the writing
rules of content/style.md; offering yourself, trading and fixing too early are in
`app.practice.rushing`. The killers that dismiss (minimising, judging, a flat no, false
empathy) are in `app.practice.dismissals`, with arguing and agreeing with what they see or
hear in `app.practice.arguing` and making it about yourself in `app.practice.officer`;
`app.practice.problems` adds promises and the question flags; `app.practice.classify`
applies them. Everything is matched per sentence on lower-case text with straight
apostrophes, and again without the words it opens with (`app.practice.speech.opened`: "Okay
love, sit down" is read as "sit down" too).

Patterns are plain regular expressions over words: `\\b` word edges, `(a|b)` choices.
Keep them short and linear (no nested repeats): an officer may paste 100 KB.
"""

from __future__ import annotations

from app.practice.dismissals import DISMISSALS
from app.practice.rushing import RUSHING
from app.practice.speech import (
    CLERGY,
    DOING,
    INVITING,
    LEAD,
    LEAD_NOT_THEIRS,
    ORDER,
    ORDER_TAIL,
    TELLING,
    THIRD,
    TITLE,
    WEAPONS,
    YOU_ORDERS,
    Killer,
)

# Orders: telling them what to do with their body, however softly it is put.
ORDERS = Killer(
    "rapport-killer",
    (
        LEAD_NOT_THEIRS + ORDER,  # "Put the gun down.", "Okay, step back.", "Relax and sit down."
        # (not what they did: "you've put your goodbyes down on paper")
        # (nor their own deed told back: "You put the phone down on her.": `YOU_ORDERS`)
        r"(?<!'ve )(?<!have )(?<!had )(?<!already )(?<!'d )(?<!^you )(?<!^so you )"
        r"(?<!^and you )\b(put|drop|lower) (the|that|your) "
        r"\w+( \w+)? down\b",
        r"^(stop|quit) (it|that|this|being|doing|\w+ing)\b",
        r"^(shut up|listen to me|let (them|her|him|the \w+) go|release)\b",
        r"^(now )?listen, ",
        r"^don'?t you (dare|talk|speak|tell|raise)\b",
        r"^(pull yourself together|get a grip|snap out of it|grow up|man up)\b",
        # an order phrased as the officer's need: "I need you to step out for me"
        LEAD + r"(i|we)( really)?( need| want|'d like| would like|'m going to need|"
        rf"'re going to need|'m gonna need|'re gonna need) (you|ya) to "
        rf"({ORDER}|let (them|her|him|everyone|everybody|the)|stop|listen|comply|cooperate|"
        r"co-operate|follow)",
        r"\b(comply|compliance|non-?compliant)\b",
        # an order in formal words: "I must respectfully insist that you place it down."
        r"\b(i|we)('m| am|'re| are)?( must| have to| will| need to| now)?( respectfully| "
        r"politely| kindly| formally)? (insist|insisting|ask|asking|require|requiring|order|"
        r"ordering|direct|directing|instruct|instructing|demand|demanding|request|requesting|"
        rf"tell|telling)( that)? (you|ya)( to)? ({ORDER}|place|surrender|exit|release|"
        r"leave|lower|vacate|disarm|remain|stay|desist|cease)\b",
        r"\bor (what|not)[?!.]*$",  # "So are you coming out now or what?"
        rf"\byou'?re (going to|gonna) (have to |need to )?{ORDER}",
        # an order stated as fact: "You will take your medication.", "..., end of story."
        r"^you('ll| will|'re going to|'re gonna| are going to) (exit|leave|surrender|raise|"
        r"show|keep|follow|release|open|unlock|take|do|listen|stop|answer|"
        r"tell|give|hand|let|leave|calm|sit|stay|wait|go|get|put|drop|shut|obey|comply|come|"
        r"walk|step|move)\b(?! (to|through|with)\b)",
        *YOU_ORDERS,
        # an order cut to its bones, as shouted: "Knife down!", "Hands!", "Out. Now.",
        # "Away from the edge, please."
        r"^((now|okay|ok|right|hey|come on|just|and)[,!]? )*(out|down|back|hands( up)?|"
        r"(down )?on the (floor|ground)|on your knees|face down|"
        rf"((the|that|your) )?({WEAPONS}|it) (down|away|on the (floor|ground))|"
        rf"(off|away from|down from|back from) (the|that) \w+){ORDER_TAIL}{{0,3}}[.!]*$",
        r"^(out|down) you (come|go|get)\b",
        r"\bgimme (the|that|it|your)\b",
        # an order as what they have to do: "You've got to drop the knife."
        rf"\byou('ve| have|'d| had| would)? (got to|gotta|need to|have to|better|best)( just)? "
        rf"{ORDER}",
        # the weapon's fate stated as fact: "The blade goes on the floor right now."
        # (not its movement as the cause of a feeling: "I feel nervous when the gun comes up")
        rf"(?<!when )(?<!if )(?<!because )(?<!every time )\b(the|that|your|this) {WEAPONS}s? "
        r"(goes|go|is going|are going|stays|stay|comes|come|gets|get|needs to|need to|has to|"
        r"have to|must|'s going|'re going)\b(?! off)[^?]*$",
        r"\b(and )?that'?s (the end of it|final|an order)\b",
        r"\b(end of (story|discussion)|no (ifs|arguments|discussion))\b",
        r"\b(i|we) (need|want|have|got) to see (your|both) hands\b",
        r"\btime (for you )?to (come|put|drop|give|hand|step|walk|let|end this)\b",
        r"\bfor me( now| please| okay| ok| yeah| then| mate| love| sweetheart)?[.!]*$",
        *TELLING,  # a sentence that opens with a verb of doing: "Keep your voice down."
        # a "don't" order: "Don't move.", "Do not touch the door." (not "Don't hang up")
        r"^((just|please|now|hey)[,!]? )*don'?t (?!(hang up|go anywhere|have to|need to|"
        r"rush|feel you have|let me)\b)(\w+)\b(?!\?)[^?]*$",
        # an order as a shared plan: "Let's just pop that knife down."
        r"^(let'?s|let us)( just| all| both| now)? (pop|put|set|drop|place|lay|hand|move|step|"
        r"walk|come|bring|slide|toss|head|go (home|out|outside|down|to the)|pack|sort|calm|"
        r"settle|get (you|yourself|that|this|it|the|everyone|everybody|them|her|him)|"
        r"take (you|this|that|it|a walk|a ride))\b",
        r"\bnice and (easy|slow|slowly)\b",
        r"\b(with|keep) your hands (up|where|visible|on (your|the) head|in the air)\b",
        r"\bonce you'?ve (come|put|dropped|let|given|handed|walked|stepped|opened)\b",
        # into custody, asked or told: "Can we just get you in the van?"
        r"\b(get|put|pop|take) you (in|into|in the back of) the (van|car|cells?|motor|wagon)\b",
        r"\bsort (this|it|that|things)( all)?( out)? (at|down) the (station|nick|cells)\b",
        # an order asked as a favour: "Can you just pop it down?", "How about you sit?"
        rf"^(can|could|would|will|won'?t) (you|ya) (please )?just (?!{INVITING})({DOING})\b",
        rf"^how about (you )?(just )?(?!{INVITING})({DOING}) ",
    ),
    "An order tells them you aren't listening. Ask, and leave the exit to the team.",
    starts_in_summary=True,  # "..., put your bags out, ... Right?" is what they did
)

CONTROL = (
    ORDERS,
    # Threats and time limits: a consequence if they don't comply.
    Killer(
        "rapport-killer",
        (
            r"\bif you don'?t\b.*\b(we|i)('ll| will|'re| are| have to)\b",
            r"\bor else\b",
            r"\b(one way or (another|the other)|the easy way or the hard way)\b[^?]*$",
            r"\bwhether (you|ye|ya) like it or (not|no)\b",
            r"^(do|try) (that|it|this|anything)( again)?\b[^.?!]{0,40}\band\b",
            r"\bor (we|i|they|the team)('ll| will|'re| are| have to| send| come| go| use)\b",
            r"\bor you('ll| will| get| go)\b",  # "..., or you'll regret it"
            # "Keep it up and ...", "One more step and ...": the condition, then the blow
            r"\b(keep (it|that|this) up|do (that|it) again|try (it|that|anything|something)|"
            r"one more (word|step|move|time)|(take|make) (one|another|a) (more )?(step|move))\b"
            r"[^.?!]{0,40}\band\b",
            # what force will do to them: "you're getting tased", "you'll be arrested"
            r"\byou('re| are|'ll| will)( going to| gonna)?( be| get| getting)? (tased|tazed|shot|"
            r"arrested|charged|locked up|sprayed|gassed|bitten|taken down|cuffed|booked|jail|"
            r"prison|in (a cell|jail|prison|cuffs|custody))\b",
            r"\byou('ll| will)( \w+)? be sorry\b",
            r"\b(we|i|they|the team|swat|the dog)( will|'ll|'re going to| are going to|"
            r"'re gonna|'m going to|'m gonna| am going to| is going to)( have to)? (tase|taze|"
            r"shoot|spray|gas|break|kick|force|drag|send|storm|rush|use force|come in|"
            r"come and get|arrest you|cuff|take you (down|out))\b",
            # what they will lose: "You'll never see them again if you do this."
            r"\byou('ll| will) (never (see|get|have)|lose)\b[^.?!]{0,80}\bif you\b",
            r"\bif you\b[^.?!]{0,80}\byou('ll| will) (never (see|get|have)|lose)\b",
            r"\b(we'?re|we are|they'?re|they are|i'?m|i am) (coming|going) (in|to come in)\b",
            r"\byou('ve)? (have|got) (until|till|til|'til|\d+|one|two|five|ten|twenty|thirty|"
            r"sixty) "
            r"?(minutes?|seconds?|hours?|o'?clock|noon|midnight)?",
            r"\b(last chance|time'?s up|time is running out|running out of time)\b",
            # a clock set by the officer: "It's now or never.", "You don't have five minutes.",
            # "We've got till midnight to sort this."
            r"\bnow or never\b|\b(you|we) (don'?t|do not|haven'?t) (got |have )?(\w+ )?(minutes?|"
            r"hours?|seconds?|long|much time|all the time)\b(?! (to (live|go)|left to live))|"
            r"\bwe('ve got| need| have| got| have got) to (end|finish|stop|wrap up) (this|it)\b|"
            r"\bwe('ve| have)( only)? got (till|until|'til|an hour|\w+ (minutes?|hours?))"
            r"( \w+)? to (sort|fix|end|finish|get|wrap|settle|resolve)\b",
            # "The armed unit won't wait much longer."
            r"\b(they|we|the (team|unit|armed \w+|tactical \w+|swat \w+|\w+ unit))('re| are| "
            r"will|'ll)? (won'?t|can'?t|will not|aren'?t going to|not going to) (wait|hold (off|"
            r"back)|be patient)( much| any| for)?( longer| forever| all (night|day)| ever)\b",
            r"\byou('re| are) looking at (prison|jail|time|a (long )?(sentence|stretch)|years)\b",
            # force shown: "We've got people all round the building."
            r"\b(we'?ve|we have|there'?s|there are)( got)? (people|officers|cops|armed \w+|units|"
            r"a team|snipers|dogs|(\w+ )?teams?)( \w+)? (all )?(round|around|outside|surrounding|"
            r"covering)\b|\b(the building|the house|the place|you)('s| is| are|'re) surrounded\b",
            r"\bthe longer (this|it|you)\b[^.?!]{0,40}\bthe (worse|harder) (it|this|things)('ll| "
            r"will| is going to|'s going to| gets| get) (be |go |get )?(for you|worse|badly)\b",
            # what force will do, as a warning: "... before the SWAT boys come in"
            r"\b(before|'fore|till|until) (the )?(swat|tactical|armed|dogs?|team|boys|lads|"
            r"cavalry|they|we)\b[^.?!]{0,30}\b(come|comes|kick|break|storm|drag|get|send)\b",
            # the law held over them: "Section 136 says I can take you in anyway."
            r"\b(i|we|they|police|the police|the doctors?)( can| could| will|'ll| are going to|"
            r"'re going to|'re gonna| have the power to| have to)( just| still)? (take you in|"
            r"section you|detain you|arrest you|lock you up|have you (sectioned|detained|committed|"
            r"arrested|locked up))\b",
            r"\b(section (136|135|2|3)|5150|baker act(ed)?)\b",
            r"\byou'?ll regret\b",
            r"\b(lay|put) (one|a) finger on\b",
            r"\byou('ll| will) never (see|get|have|walk)\b[^.?!]{0,40}\b(again|daylight|free|"
            r"out)\b",
            r"\b(in|into) (a lot of|big|serious|real) trouble\b",
            # how it ends if they don't: "... or it's going to end badly for you"
            r"\b(it'?s|this|things|that)( is|'s)? (going to|gonna|will|'ll) (end|go|turn|get) "
            r"(badly|bad|ugly|messy|nasty|worse|very wrong|wrong)\b",
            r"\bdon'?t make me\b",
            r"\bkeep it that way\b",
            # repeating their deadline back: "Ten minutes." (not their time told back: "Two
            # hours on your own.")
            r"^(\d+|one|two|three|five|ten|fifteen|twenty|thirty|sixty) "
            r"(minutes?|hours?|seconds?)( (left|to go|from now|more|then|max|tops|or (else|we|i|"
            r"they)))?\b(?!,? (on|alone|by|of|in|out|up|down|walking|without|with|since|ago|you|"
            r"now|and (?!(we|we'?re|i|i'?m|they|then|that'?s)\b)|for|at|sat|stood|sitting|"
            r"standing)\b)",
        ),
        "A threat or a time limit raises the danger. Never set one: keep talking.",
    ),
    Killer(
        "rapport-killer",
        (
            rf"\bput (your|the|a) {THIRD} on\b",  # on the phone
            rf"\byour {THIRD} (wants to talk|is on the (phone|line))\b",
            r"\byou can talk to (her|him|them|your)\b",
            rf"\b{TITLE} \w+('s| is)( just)? (here|on (his|her|the) way|coming|outside|"
            r"downstairs)\b",
            rf"\byour {THIRD}('s| is| are|'re)( just)? (down there|out there|out here|over there|"
            r"at the (cordon|tape|door|station))\b",
            rf"\b(i|we)('ve| have)?( just)?( got| have) (your|the|a) {THIRD} (on the (line|phone)|"
            r"here|outside|with me)\b",
            r"\bpray (with|over|for) you\b",
            # someone of theirs brought to the scene or the phone, asked or told
            # (not their wish told back: "You want a car and your brother here.")
            rf"\b(your|the|a) {THIRD}(('s| is| are|'re| has| have)( just)? (here|down here|"
            r"outside|downstairs|on (the|her|his|their) way|coming|waiting)|('s| is| are|'re| "
            r"has| have)?( just)? (outside|downstairs|on (the|her|his|their) way|pulled up|"
            r"arrived|turned up|got here|waiting))\b",
            r"\b(let|have|get|put) (her|him|them) (have a word|on the (phone|line)|on to talk|"
            r"come (down|over|here|and))\b",
            rf"\b(let|have|get|bring|put|ask) (your|the|a) {THIRD} (have a word|talk|speak|come|"
            r"call|ring|phone|pray|on the (phone|line)|down here|over here|here|"
            r"to (talk|speak|come|call|ring))\b",
            # (not their goal: "You want to get the kids back.")
            rf"\b(get|bring|call|fetch|phone|ring) ((the|a|your|her|his|their) {THIRD}|{TITLE})\b"
            r"(?!( \w+)? back([.!?,]|$))",
            rf"\b(talk|speak|pray) (to|with) (a|the|your) {CLERGY}\b",
            # already done: "I've rung Father Murphy.", "We've called your mum."
            rf"\b(i|we)('ve| have)?( already| just)? (rung|rang|called|phoned|texted|messaged|"
            rf"contacted|got hold of|sent for|fetched|brought) ((the|a|your) {THIRD}|"
            rf"{TITLE} \w+)\b",
            r"\b(talk|knock|bring|drum|shake) (some )?sense into you\b",
            rf"\b{THIRD}( \w+){{0,3}} (to )?(talk|speak|have a word|pray) (to|with|over) you\b",
        ),
        "No family, friend or clergy talks to them without the team's approval.",
    ),
    # Rules quoted at them: the law, policy, what they are "not allowed" to do.
    Killer(
        "rapport-killer",
        (
            r"\b(against the (law|rules)|rules are rules|the law (says|is the law)|by law|"
            r"the law'?s the law)\b",
            r"\b(is|that'?s|it'?s) (a|an) (serious|very serious|grave) (crime|offence|offense)\b",
            r"\b(it'?s|that'?s|this is) (illegal|an offence|an offense|a crime|the law|policy|"
            r"procedure|protocol|not allowed)\b",
            r"\byou('re| are) not (allowed|permitted|supposed) to\b",
            r"\byou can'?t (do|say|have|be) (that|this)( here| in public| to)?\b",
            r"\b(i|we) don'?t make the (rules|law|laws)\b",
        ),
        "Quoting rules at them turns talk into a contest. Listen first; the team handles the law.",
    ),
    # Questioning for evidence: an interview, not a conversation (the investigation waits).
    Killer(
        "rapport-killer",
        (
            r"\b(for the record|on the record|(can|could) you confirm|please confirm|"
            r"confirm (for me )?(whether|that|if))\b",
            r"\b(anything|what) you say (can|may|will) be\b|\byou (do not|don'?t) have to say\b",
            r"\bdid you (strike|hit|assault|stab|attack|punch|touch) (her|him|them|the)\b[^?]*\b"
            r"(before|after|first|when)\b",
            r"\bwhere were you (at|on|when|between)\b",
        ),
        "Questions for evidence turn the talk into an interview. Listen now; the "
        "investigation comes later.",
    ),
    # Breaking off contact, or claiming the decisions: both are the team's (domain brief).
    Killer(
        "rapport-killer",
        (
            r"\b(i'?ve got to|i have to|i need to|i gotta|gotta|i must) (go|leave|step away|"
            r"take (this|a|another) call|hang up|head off|get off the phone|run)\b",
            r"\b(call|ring|talk to|speak to|get back to) you (back|later|"
            r"in a (bit|minute|while))\b",
            r"\bi'?ll be (right )?back\b",
            r"\bi('m| am) (the one who decides|in charge|the boss|the decision maker|calling the "
            r"shots|the one calling)\b",
            r"\bi (can|will|'ll|could) (authori[sz]e|approve|sign off on|allow|okay|ok) (it|that|"
            r"this|you|your)\b",
        ),
        "Stay with them, and leave the decisions to the team: 'I'm not the one who decides, "
        "but I'll pass it on.'",
    ),
)

KILLERS = CONTROL + RUSHING + DISMISSALS
