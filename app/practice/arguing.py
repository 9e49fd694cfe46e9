"""The rapport killers that argue: telling them their account is wrong, and arguing with
or agreeing to what they see or hear that others don't. Part of the killers that dismiss
(`app.practice.dismissals`); `app.practice.killers` says how the patterns are written and
matched.
"""

from __future__ import annotations

from app.practice.speech import Killer

# Doubting them (the suicidal situation's Avoid: "You wouldn't really do it."): it can
# sound like a dare. Asked as a tag ("You're not going to jump, are you?"), it is the
# question about suicide gone wrong: it invites a "no". `classify` raises no closed-question
# flag on it as well.
DOUBTING = (
    r"\b(you'?re|you are|your)( not|n't) (really |actually |seriously )?(going to|gonna) "
    r"(jump|do (it|that|this)|go through with (it|this)|kill yourself|hurt yourself|end it)\b",
    r"\byou (won'?t|will not|wouldn'?t|would not) (really |actually )?(jump|do (it|that|this)|"
    r"go through with (it|this)|kill yourself|hurt yourself|end it)\b",
)
_TAG = r"[^.!?]*\b(are|will|would|do|is|aren'?t|won'?t|wouldn'?t) (you|u|ya|it)\??$"

ARGUING = (
    Killer(
        "rapport-killer",
        tuple(p + _TAG for p in DOUBTING),
        "Doubting them can sound like a dare, and it invites a 'no'. Ask straight: "
        "'Are you thinking of killing yourself?'",
    ),
    Killer(
        "rapport-killer",
        tuple(f"{p}(?!{_TAG})" for p in DOUBTING),
        "Doubting them can sound like a dare. Say what you hear instead: 'I hear how "
        "serious this is. Tell me more.'",
    ),
    # Arguing: telling them their account is wrong.
    Killer(
        "rapport-killer",
        (
            r"\b(that'?s|that is|it'?s) not true\b",
            r"\b(that'?s|it'?s|that is) not how (\w+ ){0,2}(works?|goes|happens|operates?)\b",
            r"\bwith (all )?(due )?respect\b",
            r"\b(there'?s|there is|there are) no such (thing|things)\b",
            r"\b(that'?s|that is|it'?s|it is|this is) not (what|how) (\w+ ){0,3}(said|says|told|"
            r"tells|saw|seen|happened|heard|reported|remembers?|described|explained)\b",
            r"\b(that|it|this) (never|didn'?t|did not) happen(ed)?\b",
            r"\b(that'?s|it'?s|that is|it is) (a lie|false|made up|bull|bullshit|bs)\b",
            # telling them what they really feel: "You don't really want that."
            r"\byou (don'?t|do not|wouldn'?t|would not) (really|actually)\b(?! (jump|do (it|that|"
            r"this)|go through with (it|this)|kill yourself|hurt yourself|end it)\b)",  # doubting
            r"\byou (don'?t|do not|can'?t) (really )?mean (that|it)\b",
            # the "but" that takes back what came before: "I hear you, but you're the one..."
            # (an I-message or a question may follow it: "..., but I'm worried", "but what...")
            r"^((okay|ok|right|yeah|yes|look|listen|well|alright|all right|sure)[,.]? )?"
            r"(i hear|i understand|i get|i know|i see|i appreciate|i respect|i take|i accept|"
            r"i totally|i completely|fair enough|that'?s fair|point taken|granted|agreed)"
            r"( [\w']+){0,5},? but (?!i\b|i'|can |could |what |how |tell |help |would |will |"
            r"do you )",
            # "Of course they would.": telling them the people they doubt do care
            r"^(of )?course (they|he|she|we|people|your \w+) (would|will|do|does|did|care|cares|"
            r"love|loves|miss|want)\b",
            # "Nobody ruined your life.": blame they gave, denied
            r"^(nobody|no one|no-one|no body) (ruined|wrecked|destroyed|hates|is against|is out to|"
            r"set you up|framed|betrayed|stitched you up|did this to|cheated|robbed|screwed)\b",
            # a bare denial of what they said: "He's not.", "They don't."
            r"^(no,? )?(he|she|it|they|that|this)('s|'re| is| are| was| were| does| do| did|"
            r" has| have)(n'?t| not)[.!]+$",
            r"\b(doesn'?t|don'?t|does not|do not) (even )?(know|care) (you|who you are|that you)"
            r"( even)? (exist|are alive|are there|live)\b",
            r"^no,? you('re| are| did| didn'?t| do| don'?t| were| weren'?t| aren'?t| have|"
            r" haven'?t| can| can'?t| won'?t)\b",
            # what they did weighed against their grievance: "That doesn't give you the
            # right to...", "And that means you get to scare everyone?"
            r"(^|\b(that|it|this|none of (that|this|it))( still)? )(doesn'?t|does not|don'?t|"
            r"won'?t) give you (the|a|any) right\b|\byou('ve| have)( got)? no right\b|"
            r"\b(that|this|it) (means|gives) you (get to|the right|a right|an excuse|a licence|"
            r"a license)\b",
            r"\b(nobody|no one|no-one|you don'?t) gets? (fired|sacked|arrested|locked up|let go|"
            r"nicked|lifted|evicted|thrown out|kicked out|barred|dumped) for nothing\b|"
            r"\bwhat did you (actually|really) do\b",
            # siding with the other party: "That's her right.", "She's allowed to move on."
            r"\b(that'?s|it'?s|that is|it is) (her|his|their|the (bank|council|company|boss)'?s?) "
            r"(right|choice|call|decision|prerogative)\b|\b(she'?s|he'?s|they'?re|she is|he is|"
            r"they are) (allowed|entitled|within (her|his|their) rights)\b",
            # a dare or a taunt: "Go on then, see how far that gets you."
            r"\bsee (how far|where|what) (that|it|this) (gets|will get|'ll get|got) you\b",
            # the retort that settles it: "Because I'm a police officer, that's why."
            r"\bbecause i('m| am) (a |the |an )?(police|officer|cop|copper|guard|garda|sergeant|"
            r"constable|deputy|trooper)( officer)?[,.!]*$|\bbecause i said so\b|"
            r"\bbecause\b[^.?!]{1,60}\bthat'?s why[.!]*$",
        ),
        "Arguing starts a fight you can't win. Say back what you heard instead.",
    ),
    # What they see or hear that others don't: neither argue nor agree (domain brief).
    Killer(
        "rapport-killer",
        (
            r"\b(that'?s|it'?s|they'?re) not (real|happening)\b",
            r"\b(isn'?t|is not|aren'?t|are not|wasn'?t|weren'?t) (real|happening)\b",
            r"\b(it'?s|that'?s) (all |just |only )?in your head\b",
            r"\byou'?re (just )?(imagining|hearing|seeing) (it|things|that|stuff)\b",
            r"\byour imagination\b",
            r"^there('s| is| are| were) no (voices?|demons?|cameras?|bugs?|chips?|aliens?|spirits?|"
            r"ghosts?|spies|devils?|implants?|trackers?)\b",
            r"\b(drop|forget|lose|get rid of) (that|the|this|those|these) (idea|ideas|thought|"
            r"thoughts|notion)\b|\bget (that|the|this|those|these) (idea|ideas|thought|thoughts) "
            r"out of your head\b",
            r"^(that'?s|it'?s) (just|only) (the|your) (pipes|wind|heating|tv|telly|radio|"
            r"neighbours?|neighbors?|cat|dog|traffic|house settling|imagination|mind)\b",
            r"^there('s| is| are) (no|nobody|no one|nothing)( \w+)? (there\b(?! (for|to|anymore|"
            r"any more|left)\b)|out there|up there|"
            r"in there|"
            r"outside|watching|following|tracking|listening|after you|on the \w+|in your \w+)\b",
            r"\b(nobody|no one|no-one)('s| is| are)( \w+)? (out there|up there|in there|on the "
            r"roof|watching|following|tracking|spying|after you|poisoning|putting)\b",
            # agreeing: "They probably are.", "He must have.", "I hear it too."
            r"\b(i|we) (can )?(see|hear) (them|it|him|her|that|those) too\b",
            r"\b(i|we) (reckon|think|bet|believe|know|suspect|figure)( that)? (they|he|she|someone|"
            r"somebody)('re| are|'s| is|'ve been| have been)( \w+)? (listening|watching|following|"
            r"tracking|spying|bugging|poisoning|recording|after you|out to get you|monitoring)\b",
            r"\b(they|he|she)('re| are|'s| is)( \w+)? (listening|watching|following|tracking|"
            r"spying|poisoning|recording|after you|monitoring) (too|as well)\b",
            r"\bthank(s| you) for (guarding|protecting|warning|defending|saving|watching over) "
            r"(it|us|everyone|everybody|the (town|city|world|country|planet|street))\b",
            r"\b(they|he|she) (probably|definitely|certainly|must|really) (are|is|do|does|did|"
            r"have|has|will|were|can|could)[.!]*$",
            r"\b(they|he|she|someone|people) (probably|definitely|certainly|really|must|do) "
            r"(do |does |can |could )?(track|watch|follow|listen|spy|read|poison|monitor|hack|bug|"
            r"record|control)",
            r"\b(get|drive|cast|chase|force|pull) (the|that|those|this) (devil|demons?|spirits?|"
            r"evil|aliens?|voices|chip|implant|tracker)s? (out|away|off)\b",
            # taking it as real: "If he's a demon you did right."
            r"^if (the )?(devil|demons?|spirits?|aliens?|voices|government|cia|fbi)\b[^?]*$",
            r"^if (he|she|it|they|that)('s| is|'re| are| was| were) (really |actually )?(a |an |"
            r"the )?(demon|devil|possessed|alien|spy|spies|spying|tracking|agent|imposter|"
            r"impostor|poisoning|watching|following|after you)\b[^?]*$",
        ),
        "Don't argue with what they see or hear, and don't agree with it. Name the feeling: "
        "'That sounds scary.'",
    ),
)
