"""The problems an answer can have besides rapport killers: promises, "why" and closed
questions, answers too long for one breath.

Read it like the Don'ts of /work/shared/domain-brief.md: each block says what the problem
looks like and why it hurts (the message the officer sees). The rapport killers are in
`app.practice.killers`, the listening skills in `app.practice.rules`;
`app.practice.classify` applies all three. The banned words and the one-breath limit come
from the instructors' content/style.md, not from here. Everything is matched per sentence
on lower-case text with straight apostrophes.

Patterns are plain regular expressions over words: `\\b` word edges, `(a|b)` choices.
Keep them short and linear (no nested repeats): an officer may paste 100 KB.
"""

from __future__ import annotations

import re

from app.practice.speech import CHECKS, WEAPONS, Killer

# "Why" questions sound like blame.
# at the start of a sentence or a clause: "Why...", "..., why...", "Then why..."
WHY = (
    r"(^|.*[,;:] |(then|so|and|but|well|okay|ok|now) )(why|how come|for what reason|"
    r"what for(?=[?!.]*$)|what (on earth|in (god'?s|heaven'?s) name|the hell|the heck) "
    r"(made|possessed|got into))\b"
)
WHY_MESSAGE = "A 'why' question sounds like blame: ask 'What happened?' instead."


def names_why(flags) -> bool:
    """True when the guide's never-say list already named a "why" in the answer, in its own
    words ("'Why did you' is on the never-say list. Ask what happened instead..."): the
    why-question rule then adds no flag of its own, or the officer reads the advice twice."""
    return any(f.code == "banned-word"
               and re.match(WHY, str(getattr(f.message, "values", {}).get("said", "")).lower())
               for f in flags)

# Closed questions: answered yes or no. Fine when you must ask it straight.
CLOSED_STARTS = (
    r"(are|is|am|was|were|do|does|did|can|could|will|would|have|has|had|should|shall|"
    r"may|might|aren't|isn't|don't|doesn't|didn't|won't|wouldn't|can't|haven't)\b"
)
CLOSED_TAGS = (
    r", (are|aren't|do|don't|will|won't|would|wouldn't|is|isn't|did|didn't|has|hasn't|was|"
    r"wasn't) (you|ya|ye|u|it|they|he|she)\?$"
)
# Questions that must be asked straight (safety and suicide): yes or no is right here.
# "Have you decided when?" on its own: the when, where or how of their death
PLANNED = (r"\b(decided|worked out|thought about|figured out|planned) (how|when|where)"
           r"( and (how|when|where))?")
SAFETY = (
    r"kill(ing)? yourself|suicide|end your life|hurt(ing)? yourself|harm(ing)? yourself|"
    r"want to die|a plan\b|(taken|swallowed|drunk|drank|used|injected) (any|anything|some|the)|"
    r"(take|took|taken|swallow|swallowed) (them|it|those|these)\b|"
    r"(could|might|would|to) (cut|hurt|harm|injure|stab) (you|yourself|anyone|someone|"
    r"anybody|somebody)\b|"
    r"any (of them|pills)|pills|tablets|medication|overdose|"
    r"cut(ting)? (yourself|your (arms?|wrists?|legs?))|burn(ed|t|ing)? yourself|sharp|"
    rf"{WEAPONS}|loaded|ammo|ammunition|breathing|"
    r"conscious|awake|you'?d (use|need)|goodbye (letters?|notes?|messages?|texts?)|"
    r"(suicide|farewell) (notes?|letters?)|(have|got) (it|them) (with|on) you|"
    r"(kids|children|baby|babies|little ones)( \w+)? (in there|inside|with you|in the)|"
    r"(anyone|anybody|someone|somebody)( \w+){0,3} (hurt|else|with you|"
    r"injured|inside)|\bhurt\b|injured|(want|wanting|need) (us|me|the police|them|the officers) "
    r"to (shoot|kill|hurt)|need(s|ing)? (a doctor|medical|an ambulance|a paramedic|"
    r"first aid)|bleeding|"
    # how the pills or the drink are taking them: "Are you feeling sick or dizzy?"
    r"\b(sick|dizzy|drowsy|faint|woozy|nauseous|numb|light-?headed|short of breath|"
    r"chest pain|sleepy)\b(?! (of|and tired)\b)|"
    r"(everyone|anyone|anybody|everybody)\b.*\b(okay|ok|alright|all right|hurt|safe)|"
    # intent and means, asked straight: "Are you thinking of jumping?"
    r"(thinking|planning|going) (about |of |on |to )(end(ing)? (it|your)|jump|do(ing)? it|"
    r"set(ting)? \w+( \w+)? on fire|burn|shoot|hang|cut|overdos|die\b|dying)|"
    # a plan, past attempts, suicide by cop: the guide's own Questions to ask
    # ("Have you decided when?", "...how you'd do it?"; not "...when you'll come out?")
    rf"{PLANNED}(\?$| (you'?d|you would|you'?ll|you will|you'?re going to|you are going to|"
    r"to) (do it|die|end it|end your life|kill yourself|go through with it)\b)|"
    r"how (you'?d|you would|you'?re going to|you are going to|you were going to) do it\b|"
    r"tried to (hurt|harm|kill|end)\b|(hurt|harmed|cut) yourself before|"
    r"(get|make|have|force) (us|me|the police|police|them|the officers|an officer|a cop|"
    r"the cops) to (shoot|kill|hurt)"
)
# a summary's check-back: "Does that sound right?", "Am I close?", "Fair?"
CHECKED = (
    r"(is|are) (that|this) right|, is it\?$|did i (miss|get|understand|hear)|"
    r"have i (got|understood|missed)|got (that|it) right|is that it|right\?$|"
    r"sounds? (right|fair|about right)|am i (close|right|on track|missing)|"
    r"(that|this) (fair|close|correct|accurate|about it|about right)\?|"
    rf"\b({CHECKS})\?$"
)
CLOSED_OK = f"{SAFETY}|{CHECKED}"
CLOSED_MESSAGE = "This can be answered yes or no: an open question (what, how) keeps them talking."

# Promises: anything only the team, a court or the future can decide, said as settled.
PROMISE = Killer(
    "promise",
    (
        r"\bi (can |will |'ll )?(promise|guarantee|swear)\b",
        # "Nobody's taking her anywhere."
        r"\b(nobody|no one|no-one)('s| is)( \w+)? (taking|going to take|gonna take) (her|him|them|"
        r"you|the kids|your \w+)( \w+)? (anywhere|away)\b",
        r"\b(promise|guarantee)d?( you)?\b.*\b(won'?t|will)\b",
        r"\btrust me\b",
        r"\bi'?ll make sure of (it|that)\b",
        r"\byou (won'?t|will not|aren'?t going to|are not going to) (go|be going) back "
        r"(to|in|inside)\b",
        # their safety or freedom
        r"\byou (won'?t|will not|aren'?t going to|are not going to) (go to jail|go to prison|"
        r"be (arrested|charged|hurt|in trouble|punished|shot)|get (arrested|charged|hurt|"
        r"in trouble|shot))",
        r"\b(no one|nobody|no-one)( will|'ll| is going to|'s going to| is gonna|'s gonna) "
        r"(hurt|arrest|charge|shoot|touch|lock)",
        r"\b(you'?ve got|you have|i give you) my word\b",
        r"\b(no one|nobody|no-one)('s| is) (getting|going to get|gonna get) (hurt|arrested|shot)",
        r"\bnothing (bad )?(will|'ll|is going to|'s going to|is gonna) happen\b",
        r"\b(no (jail|prison|charges)|won'?t (be|get) (charged|any charges|jail|prison))\b",
        # the legal outcome: "this'll all get dropped", "the judge will go easier on you"
        r"\b(this|it|that|everything|all this|all of this|the charges?|the case)('ll| will|"
        r" is going to|'s going to| is gonna|'s gonna)?( all)? (get|be|go) (dropped|dismissed|"
        r"forgotten|cleared|wiped|away|erased|sorted|fixed|taken care of|swept)\b",
        r"\b(judge|court|prosecutor|da|jury|magistrate)s? (will|'ll|is going to|would|'d)"
        r"( \w+){0,2} (easy|easier|lenient|light|lighter|understand|let you|drop)\b",
        r"\b(it|that)('ll| will|'d| would)( \w+)? (look|go) (better|easier|good) "
        r"(for you|in court|with the judge)\b",
        # how it ends
        r"\b(everything|it|things)('s| is| will be|'ll be| is going to be|'s going to be|"
        r" are going to be) (fine|ok|okay|alright|all right)\b(?! to\b)",  # "okay to cry" allows
        r"\b(you|she|he|they|everyone|everybody|your \w+)('ll| will) be"
        r"( absolutely| totally| just)? (fine|ok|okay|alright|all right)\b",
        r"\byou('ll| will|'re going to| are going to|'re gonna) (get to |be able to )?(see|hold|"
        r"hug|be with|go home|go free|get off|be home|walk free|walk away)\b",
        # staying past the handover
        r"\bi'?m not going anywhere\b",
        r"\bi will never leave\b",
        # things and people only the team can give
        r"\bi'?ll (make sure|see to it|see that|ensure)( that)? (you|your|nobody|no one|no-one)\b",
        r"\bi'?ll (personally|definitely|absolutely|certainly) (make sure|see to it|see that|"
        r"ensure|sort|fix|get|have)\b",
        r"\bi'?ll (get|bring|have) (you|your) \w",
        r"\bi'?ll (get|call|phone|ring|text|email|contact|bring|fetch|speak to|talk to) "
        r"(you|your|them|her|him)\b",
        # an outcome only others decide: "I'll get the recall cancelled."
        r"\b(get|have) (the|your|that|it|this) (\w+ ){0,2}(cancelled|canceled|dropped|sorted|"
        r"fixed|lifted|removed|wiped|changed|reversed|withdrawn)\b",
        r"\bi'?ll (get|bring|fetch|call|put) (\w+ ){1,2}"
        r"(for you|on the (phone|line)|here|over|on)\b",
        r"\bi'?ll put (him|her|them) on\b",
        r"\b(easy|simple|quick) fix\b|\bwithin the (hour|day)\b",
        r"\bi'?ll (ring|call|phone|contact|email|text) (the|your) (\w+ )?(and|to|for)\b",
        r"\b(consider it done|i'?ll (make (it|that) happen|sort (it|that|this)( out)?|"
        r"fix (it|that|this)|handle (it|that)|take care of (it|that|everything)))\b",
        r"\bwe('ll| will) (arrest|get|stop|deal with|sort out|punish)\b",
        r"\byou'?ll (get|have) (it|your|a car|the car|what you)\b",
        r"\bi (can|could|will|'ll) get you (anything|whatever|what)\b",
        # a fix only the team can give, offered tonight: "We can get that sorted for you."
        r"\b(we|i)( can|'ll| will| could|'re going to| are going to)( \w+)? (get|have|sort|fix|"
        r"arrange|organi[sz]e|book|find)\b[^.?!]{0,40}\b(for you|tonight|today|right now|"
        r"sorted|fixed|taken out|removed|switched off|turned off)\b",
        r"\bi'?ll (see about|look into|work on) (getting|bringing) you\b",
        r"\b(we|i)('ll| will) (go|pop|head|nip|swing) (round|over|down|by)\b",
        # a reward for coming out: "If you put it down, you can go home."
        r"\bif you (come|put|drop|let|give|hand|walk|open|step|send|release)\b[^.?!]{0,80}"
        r"\b(i'?ll|we'?ll|i will|we will|i can|we can) (get|give|bring|make|let|call|sort|see)\b",
        r"\bif you (come|put|drop|let|give|hand|walk|open|step)\b[^.?!]{0,80}\byou('ll| will| can)"
        r"( \w+)? (have|get|see|go|keep|be)\b",
    ),
    "A promise the team can't keep breaks trust for the negotiator too. Say: "
    "'I can't promise that, but I'll pass it on.'",
)

# the too-long and never-say messages are en.txt's said_flag_too_long and said_flag_banned:
# they come from the guide's own style rules, so a guide in another language says them too
