"""The rapport killers: what each looks like in a typed answer, and why it hurts.

One block per kind (orders, threats, minimising, judging, arguing, arguing with or agreeing
to what they see or hear, a flat no, false empathy, third parties, offering yourself,
fixing too early), each from the Don'ts of /work/shared/domain-brief.md and the writing
rules of content/style.md. `app.practice.problems` adds promises and the question flags;
`app.practice.classify` applies them. Everything is matched per sentence on lower-case
text with straight apostrophes.

Patterns are plain regular expressions over words: `\\b` word edges, `(a|b)` choices.
Keep them short and linear (no nested repeats): an officer may paste 100 KB.
"""

from __future__ import annotations

from dataclasses import dataclass

# Where an order can start: the sentence, or a clause after a comma or "and", with the soft
# words officers put in front ("okay,", "just", "come on,", "buddy,"): "Okay, step back."
LEAD = (
    r"(^|[,;:] |\band )((now|just|please|ok|okay|hey|look|alright|all right|then|so|come on|"
    r"buddy|bud|sir|ma'am|man|mate|relax|calm down|settle down)[,!]? )*"
)
# What an order asks the body to do: move, hand something over, take a position.
ORDER_MOVE = (
    r"(come|come on|get|step|walk|climb|back|move) "
    r"(out|outside|away|back|off|down|over|up|here|forward)\b(?! of (this|it)\b)"
)
ORDER_HANDS = (
    r"(put|drop|throw|toss|lower|hand over|slide|set|give me|hand me) "
    r"(it|the|that|this|your|down|them|those)\b"
)
ORDER_POSE = (
    r"(show me your hands|hands up|sit (down|on)|stand (up|still)|turn around|lie down|"
    r"get on the|kneel|open (the|this|that|up)|unlock|hurry( up)?)\b"
)
ORDER = rf"({ORDER_MOVE}|{ORDER_HANDS}|{ORDER_POSE})"


@dataclass(frozen=True)
class Killer:
    """A rapport killer: what it looks like, and why it hurts (shown to the officer)."""

    code: str  # the flag code
    patterns: tuple[str, ...]
    why: str
    # True when their own words said back as a mirror ("Think you're crazy?") are not
    # the officer's judgement: the words are theirs, and the question hands them back.
    mirror_ok: bool = False


KILLERS = (
    # Orders: telling them what to do with their body, however softly it is put.
    Killer(
        "rapport-killer",
        (
            LEAD + ORDER,  # "Put the gun down.", "Okay, step back.", "Relax and sit down."
            r"\b(put|drop|lower) (the|that|your) \w+( \w+)? down\b",
            r"^(stop|quit) (it|that|this|being|doing|\w+ing)\b",
            r"^(shut up|listen to me|let (them|her|him|the \w+) go|release)\b",
            r"^(now )?listen, ",
            r"^don'?t you (dare|talk|speak|tell|raise)\b",
            r"^(pull yourself together|get a grip|snap out of it|grow up|man up)\b",
            # an order phrased as the officer's need: "I need you to step out for me"
            LEAD + r"(i|we)( really)?( need| want|'d like| would like|'m going to need|"
            rf"'re going to need|'m gonna need|'re gonna need) (you|ya) to "
            rf"({ORDER}|let (them|her|him|everyone|everybody|the)|stop|listen)",
            rf"\byou'?re (going to|gonna) (have to |need to )?{ORDER}",
            # an order stated as fact: "You will take your medication.", "..., end of story."
            r"^you('ll| will|'re going to|'re gonna| are going to) (take|do|listen|stop|answer|"
            r"tell|give|hand|let|leave|calm|sit|stay|wait|go|get|put|drop|shut|obey|comply|come|"
            r"walk|step|move)\b(?! (to|through|with)\b)",
            r"\b(and )?that'?s (the end of it|final|an order)\b",
            r"\b(end of (story|discussion)|no (ifs|arguments|discussion))\b",
            r"\b(i|we) (need|want|have|got) to see (your|both) hands\b",
            r"\btime (for you )?to (come|put|drop|give|hand|step|walk|let|end this)\b",
            r"\bfor me[.!]*$",  # "Sit on the curb for me.": an order made polite
            # an order as a shared plan: "Let's just pop that knife down."
            r"^(let'?s|let us)( just| all| both)? (pop|put|set|drop|place|lay|hand|move|step|walk|"
            r"come|bring|slide|toss|get (you|that|this|it|the|everyone) (out|down|outside|over))\b",
            r"\bnice and (easy|slow|slowly)\b",
        ),
        "An order tells them you aren't listening. Ask, and leave the exit to the team.",
    ),
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
            r"prison|sorry|in (a cell|jail|prison|cuffs|custody))\b",
            r"\b(we|i|they|the team|swat|the dog)( will|'ll|'re going to| are going to|"
            r"'re gonna|'m going to|'m gonna| am going to| is going to)( have to)? (tase|taze|"
            r"shoot|spray|gas|break|kick|force|drag|send|storm|rush|use force|come in|"
            r"come and get|arrest you|cuff|take you (down|out))\b",
            # what they will lose: "You'll never see them again if you do this."
            r"\byou('ll| will) (never (see|get|have)|lose)\b[^.?!]{0,80}\bif you\b",
            r"\bif you\b[^.?!]{0,80}\byou('ll| will) (never (see|get|have)|lose)\b",
            r"\b(we'?re|we are|they'?re|they are|i'?m|i am) (coming|going) (in|to come in)\b",
            r"\byou('ve)? (have|got) (until|\d+|one|two|five|ten|twenty|thirty|sixty) "
            r"?(minutes?|seconds?|hours?|o'?clock|noon|midnight)?",
            r"\b(last chance|time'?s up|time is running out|running out of time)\b",
            r"\byou'?ll regret\b",
            r"\b(in|into) (a lot of|big|serious|real) trouble\b",
            r"\bkeep it that way\b",
            r"^(\d+|one|two|three|five|ten|fifteen|twenty|thirty|sixty) "
            r"(minutes?|hours?|seconds?)\b",  # repeating their deadline back
        ),
        "A threat or a time limit raises the danger. Never set one: keep talking.",
    ),
    # Minimising: their pain is small, common, or will soon pass.
    Killer(
        "rapport-killer",
        (
            r"\bnot (that|so|really|even|all that) (bad|serious|big|terrible|awful|important)\b",
            r"\bnot the end of the world\b",
            r"\bcould be worse\b",
            r"^at least\b",
            r"\b(no|not a) big deal\b",
            r"\byou'?ll get over\b",
            r"\b(everyone|everybody|people) (goes? through|hates?|has|have|deals?)\b",
            # "Lots of people...", "There are plenty of jobs" (not "let down by a lot of people")
            r"(^|there'?s |there are )(lots|a lot|plenty|loads) of (people|places|jobs|guys|"
            r"women|men|fish)\b",
            r"\byou'?ll (find|get) (another|a new|someone|over)\b",
            r"\b((plenty|lots|loads) more|other) (fish|people|jobs|guys|girls|women|men)"
            r"( in the sea| out there)\b",
            r"\bfish in the sea\b",
            r"\byou can always (have|get|find|make|meet) (another|more|a new|someone)\b",
            r"\byou'?d (just|only) (break|hurt|end up|sprain|bruise)\b",  # mocking the means
            r"\b(those|that|these|it|they|this)( ones| pills| tablets| stuff)? (won'?t|will not|"
            r"wouldn'?t|can'?t|cannot) (kill|hurt|harm|do anything to) you\b",
            r"\b(it'?s|that'?s) (not personal|how (it|business|life|the world) (works|goes|is))\b",
            r"\byou already (said|told)\b",
            r"\byour (own )?problem\b",
            r"\bthat'?s life\b",
            r"\bworse things\b",
            r"\b(so much|loads|lots|a lot|plenty|everything|too much) to live for\b",
            # "It happens.", "Happens to the best of us."
            r"(^|, )(it|that|these things|things|stuff|shit) happens?([.!,]|$)",
            r"\bhappens to (everyone|everybody|all of us|the best of us|us all)\b",
            r"\bthink (of|about) your (family|kids|children|wife|husband|mother|mum|mom)\b",
            r"\bthink (of|about) (what|how) (this|it|that) (would|will|'ll|'d|is going to) ",
            r"\bit'?s (only|just) (a|money|a job|stuff)\b",
            # it will pass: "You'll feel better tomorrow", "It'll blow over"
            r"\byou('ll| will|'re going to| are going to|'re gonna) (feel|be|see things|look "
            r"back|laugh|get past|forget|move on|bounce back)\b[^.?!]{0,30}\b(better|"
            r"differently|fine|tomorrow|morning|one day|someday|soon|about (this|it))\b",
            r"\b(it|this|that|things|everything)('ll| will| is going to|'s going to|"
            r" is gonna|'s gonna)( all)? (pass|blow over|look better|seem better|get better|"
            r"feel better|work (itself )?out|sort itself out)\b",
            r"\b(time heals|cheer up|chin up|bright side)\b",
            # telling them not to feel it (like "calm down" in style.md)
            r"\bdon'?t (you )?(worry|panic|cry|stress|fret|get (so )?(upset|worked up)|be (so )?("
            r"scared|afraid|upset|sad|angry|mad|nervous|worried|embarrassed|ashamed))\b",
            r"\bno need to (worry|panic|cry|be|get|feel)\b",
            r"\bnothing to (worry|cry|get upset) about\b",
        ),
        "It makes their pain small. Name the feeling instead: 'That sounds really hard.'",
    ),
    # Judging and lecturing.
    Killer(
        "rapport-killer",
        (
            r"\byou'?re (wrong|lying|overreacting|being (silly|stupid|ridiculous|dramatic))\b",
            r"\boverreact",
            r"\bno reason to\b",
            r"\byou know better\b",
            r"\bwhat were you thinking\b",
            r"\b(your own fault|brought this on yourself|you deserve)\b",
            r"\bdon'?t be (silly|stupid|like that|ridiculous|dramatic|daft|soft|a baby|an idiot)\b",
            r"\blook at the state of you\b",
            r"\b(behave yourself|act your age|bless your heart|you'?re a grown|you are a grown|"
            r"what is this drama|enough of (this|the) drama)\b",
            r"\b(your|the) (illness|drink|drugs|booze|meds|voices|disease) talking\b",
            r"\b(not (well|right)|sick|ill) in the head\b",
            # a group blamed: "Some women just don't know when to stop."
            r"\b(some|these|those) (women|men|wives|husbands|girls|guys|people|kids) (just )?"
            r"(don'?t|never|always|can'?t|need)\b",
            # the victim blamed: "What were you doing at his place that late?"
            r"^what did you (do|say) to (set|make|provoke|upset|wind|get|piss) (him|her|them)?\b",
            r"\bwhat (were|was) (you|she|he) doing\b[^?]*\b(that late|at that hour|so late|alone|"
            r"dressed like|with him|with her)\b",
            r"\bstop being\b",
            r"\bno excuse\b",
            r"\bserves? you right\b",
            r"\bashamed of you\b",
            r"\bmade (a|such a) mess\b",
            r"\b(should'?ve|should have) thought\b",
            # "you should" is in style.md; its other forms lecture the same way
            r"\byou (shouldn'?t|should not|ought not|oughtn'?t|should'?ve|should have)\b",
            r"\b(that|this|it|drinking|shouting|yelling|pointing \w+ \w+( at \w+ \w+)?) "
            r"won'?t (help|bring|change|fix|solve)\b",
            r"\bthat'?s why you\b",
            r"\bevery right to\b",
            r"\b(good|real|decent|normal|proper) (husbands?|wives|wife|fathers?|mothers?|men|man|"
            r"woman|women|people|person|parents?|dads?|mums?|moms?|sons?|daughters?) (don'?t|"
            r"doesn'?t|wouldn'?t|would never|never|always)\b",
            # a moral or religious verdict: "It's a sin.", "That's selfish."
            r"\b(is|it'?s|that'?s|be) (a sin|sinful|a mortal sin|wicked|evil|a coward'?s way)\b",
            r"\b(god|the lord|jesus|allah)( \w+)? (doesn'?t|does not|wouldn'?t|won'?t|will not|"
            r"never) (want|forgive|approve|let)\b",
            r"\bhow do you think (she|he|they|your \w+)('ll| will| would)? feel\b",
            r"\bi'?m sure (nobody|no one|they|he|she|it)\b",
        ),
        "Judging or arguing starts a fight you can't win. Say back what you heard instead.",
    ),
    # Name-calling words: theirs when a mirror hands them back ("Think you're crazy?").
    Killer(
        "rapport-killer",
        (
            r"\b(ridiculous|stupid|crazy|nonsense|pathetic|idiot|daft|dumb|dumbest|stupidest)\b",
            # labelling them: "You're absolutely hammered.", "You're being paranoid."
            r"\byou'?re( being| acting)?( absolutely| so| completely| totally| clearly| just| "
            r"obviously| really)? (drunk|hammered|wasted|plastered|smashed|off your (face|head)|"
            r"out of your (mind|head)|mental|nuts|insane|psycho|a mess|a disgrace|a joke|"
            r"paranoid|delusional|hysterical|a drunk|an addict|a junkie|high(?! up| above)|selfish|"
            r"a coward|cowardly)\b",
            r"\b(off|on|skipped|stopped) (your|his|her|the) (meds|pills)( again)?\b",
        ),
        "Judging or arguing starts a fight you can't win. Say back what you heard instead.",
        mirror_ok=True,
    ),
    # Arguing: telling them their account is wrong.
    Killer(
        "rapport-killer",
        (
            r"\b(that'?s|that is|it'?s) not true\b",
            r"\b(that'?s|that is|it'?s|it is|this is) not (what|how) (\w+ ){0,3}(said|says|told|"
            r"tells|saw|seen|happened|heard|reported|remembers?|described|explained)\b",
            r"\b(that|it|this) (never|didn'?t|did not) happen(ed)?\b",
            r"\b(that'?s|it'?s|that is|it is) (a lie|false|made up|bull|bullshit|bs)\b",
            # telling them what they really feel: "You don't really want that."
            r"\byou (don'?t|do not|wouldn'?t|would not) (really|actually)\b",
            r"\byou (don'?t|do not|can'?t) (really )?mean (that|it)\b",
            # the "but" that takes back what came before: "I hear you, but you're the one..."
            r"^(i hear you|i understand|i get (it|that|you)|i know|i see),? but (you|that|it|this|"
            r"they|he|she)\b",
            # "Of course they would.": telling them the people they doubt do care
            r"^(of )?course (they|he|she|we|people|your \w+) (would|will|do|does|did|care|cares|"
            r"love|loves|miss|want)\b",
            # "Nobody ruined your life.": blame they gave, denied
            r"^(nobody|no one|no-one|no body) (ruined|wrecked|destroyed|hates|is against|is out to|"
            r"set you up|framed|betrayed|stitched you up|did this to|cheated|robbed|screwed)\b",
            r"^no,? you('re| are| did| didn'?t| do| don'?t| were| weren'?t| aren'?t| have|"
            r" haven'?t| can| can'?t| won'?t)\b",
        ),
        "Arguing starts a fight you can't win. Say back what you heard instead.",
    ),
    # What they see or hear that others don't: neither argue nor agree (domain brief).
    Killer(
        "rapport-killer",
        (
            r"\b(that'?s|it'?s|they'?re) not (real|happening)\b",
            r"\b(isn'?t|is not|aren'?t|are not|wasn'?t|weren'?t) (real|happening)\b",
            r"\b(it'?s|that'?s) (all )?in your head\b",
            r"\byou'?re (just )?(imagining|hearing|seeing) (it|things|that|stuff)\b",
            r"\byour imagination\b",
            r"^there('s| is| are) (no|nobody|no one|nothing)( \w+)? (out there|up there|in there|"
            r"outside|watching|following|tracking|listening|after you|on the \w+|in your \w+)\b",
            r"\b(nobody|no one|no-one)('s| is| are)( \w+)? (out there|up there|in there|on the "
            r"roof|watching|following|tracking|spying|after you|poisoning|putting)\b",
            # agreeing: "They probably are.", "He must have.", "I hear it too."
            r"\b(i|we) (can )?(see|hear) (them|it|him|her|that|those) too\b",
            r"\b(they|he|she) (probably|definitely|certainly|must|really) (are|is|do|does|did|"
            r"have|has|will|were|can|could)[.!]*$",
            # taking it as real: "If he's a demon you did right."
            r"^if (the )?(devil|demons?|spirits?|aliens?|voices|government|cia|fbi)\b[^?]*$",
            r"^if (he|she|it|they|that)('s| is|'re| are| was| were) (really |actually )?(a |an |"
            r"the )?(demon|devil|possessed|alien|spy|spies|spying|tracking|agent|imposter|"
            r"impostor|poisoning|watching|following|after you)\b[^?]*$",
        ),
        "Don't argue with what they see or hear, and don't agree with it. Name the feeling: "
        "'That sounds scary.'",
    ),
    Killer(
        "rapport-killer",
        (r"^(no|nope|no way|absolutely not|not happening|forget it|never|not a chance)[.!]*$",),
        "A flat no ends the talk. Say: 'I'm not the one who decides, but I'll pass it on.'",
    ),
    Killer(
        "rapport-killer",
        (
            r"\bi know (exactly )?how you feel\b",
            r"\bi understand exactly\b",
            r"\bi (totally|completely|fully|100%) (get|understand) (it|you|that|how)\b",
            r"\bi'?ve been (there|through (this|that|the same))\b",
        ),
        "You can't know how they feel. Say what you hear: 'You sound...'",
    ),
    Killer(
        "rapport-killer",
        (
            r"\b(get|bring|call|put|phone|fetch) your (mother|mum|mom|father|dad|wife|husband|"
            r"kids|children|partner|ex|priest|pastor|family|brother|sister|girlfriend|"
            r"boyfriend|son|daughter)\b",
            # someone of theirs brought in: "Your sister is on her way."
            r"\byour (mother|mum|mom|father|dad|wife|husband|partner|ex|priest|pastor|family|"
            r"brother|sister|boss|manager|friend|girlfriend|boyfriend|son|daughter) (is here|"
            r"wants to talk|is on the (phone|line)|is on (the|her|his) way|is coming|is outside)\b",
            r"\byou can talk to (her|him|them|your)\b",
            r"\b(have|get) (the|a|your) (chaplain|priest|pastor|vicar|imam|rabbi|minister|mum|mom|"
            r"mother|dad|father|wife|husband|sister|brother|son|daughter|kids) (come|talk|speak|"
            r"call|ring|phone|pray)\b",
            r"\bpray with you\b",
            r"\b(get|bring|call|fetch|phone) (father|pastor|reverend|rev|the priest|a priest|"
            r"the chaplain|a chaplain|the vicar|an imam|the imam|a rabbi|the rabbi)\b",
        ),
        "No family, friend or clergy talks to them without the team's approval.",
    ),
    # Offering yourself: never go in, trade places or meet face to face (domain brief).
    Killer(
        "rapport-killer",
        (
            r"\blet me (come|step) (in|up|inside|over)\b",
            r"\b(take|trade|swap) me (instead|for)\b",
            r"\bi'?ll (come|come up|come in) (in|up|inside|there|to you)\b",
        ),
        "Never offer yourself or go in: keep your distance and cover, and keep talking.",
    ),
    # Making it about yourself: your story, your street, your troubles.
    Killer(
        "rapport-killer",
        (
            r"\b(same|that|this) (thing )?(happened|happens) (to|with) (me|my)\b",
            # "I've been on shift since six.": your day, not theirs
            r"\bi'?ve (been|had) (on shift|working|up|on duty|on my feet|a (long|rough|bad|hard) "
            r"(day|shift|night|week))\b",
            r"^tell me about it[,!] (i|me|my)\b",
            r"\bi'?ve been on (since|for|all)\b",
            r"\bi'?m (beat|knackered|exhausted|tired|shattered|wrecked|done in|cold|freezing|"
            r"hungry|starving)( too| as well)\b",
            r"\b(me too|same here|same with me)\b",
            r"\b(to me|on my \w+|at my \w+|in my \w+|my \w+) (too|as well)\b",
            r"\bwhen i was (your age|young|a kid|a lad|a girl|going through)\b",
            r"\byou think (you'?ve|you have) got it bad\b",
        ),
        "This turns the talk to you. Keep it on them: 'Tell me more about that.'",
    ),
    # Defending yourself or scoring a point: sarcasm, "would I?", "I'm only doing my job".
    Killer(
        "rapport-killer",
        (
            r", (would|do|did|am|was|could|wouldn'?t|don'?t|didn'?t|aren'?t|ain'?t) i\?$",
            r"^if i didn'?t (care|want to help)\b",
            r"\bi'?m (only|just) (doing my job|trying to help|following orders)\b",
            r"\b(don'?t|do not|quit|stop) (blame|blaming|shouting at|yelling at|having a go at|"
            r"taking it out on) me\b",
            r"\b(it'?s )?not my (fault|problem|job)\b",
            r"\b(don'?t|do not)( go| you)? (put|pin|lay|blame|putting|pinning|laying|blaming) "
            r"(that|this|it) on me\b",
            r"\bi'?m (one of the good ones|not like (them|the others|those))\b",
            r"^(ha|haha|hah|lol|lmao)\b",  # laughing at them
            r"^(oh )?(great|brilliant|wonderful|perfect|fantastic|lovely|marvellous)[,.!] "
            r"(another|just what|that'?s all)\b",
            r"\b(love|loving) my (fridays|mondays|job|shift|night|weekend)\b",
            r"\bjust what i (need|needed)\b",
            r"^(oh )?(yeah|sure|right)[,.]? (clearly|obviously|of course|totally|definitely)\b",
            r"^((yeah|oh)[,.]? )?(right|sure|yeah right)[,.!]? (because|like|and)\b",  # "Sure, and"
        ),
        "Defending yourself turns it into a contest. Let it go and say back what you heard.",
    ),
    # Trading what is never traded: weapons, ammunition, alcohol, drugs, a person.
    Killer(
        "rapport-killer",
        (
            r"\b(bottle|beer|booze|drink|alcohol|whiskey|whisky|vodka|drugs|weed|smokes|gun|ammo|"
            r"ammunition|bullets|weapon|me|hostage)s? (for|in exchange for|in return for) "
            r"(the|your|a|her|him|them|that)\b",
            r"(^|, )(deal|it'?s a deal|you'?ve got a deal|you got a deal)[.!]*$",
            r"\b(bottle|beer|booze|drink|alcohol|whiskey|whisky|vodka|drugs|weed|smokes|gun|ammo|"
            r"bullets)s?\b[^.?!]{0,40}\b(but|and|if) (then )?you "
            r"(let|give|put|hand|send|release)\b",
            r"\b(we'?re square|we'?re even|that'?s the deal)\b",
            r"^((you can|just|fine,?|ok,?|okay,?) )?keep the (gun|knife|weapon|rifle|bullets|ammo|"
            r"pistol)\b",
        ),
        "Never trade weapons, ammunition, alcohol or drugs, or a person, and never agree a "
        "deal yourself: 'I'm not the one who decides, but I'll pass it on.'",
    ),
    # Fixing the problem before they have been heard.
    Killer(
        "rapport-killer",
        (
            r"\bwhat you (need|have|ought) to do\b",
            r"\byou (need|have|ought|got) to\b",
            r"\byou must(?! (be|feel|have been|have felt)\b)",
            r"\bhave you tried\b",
            r"\bwhy don'?t you\b",
            r"\bthe (best|only|right) thing (to do|you can do|is)\b",
            r"\bhere'?s what (you|we)\b",
            r"^just (come|put|do|walk|give|let|hand|drop|stop)\b",
            r"\bfirst thing (tomorrow|in the morning|monday)\b",
            # rushing to the end: "That's sorted then.", "Let's wrap this up."
            r"\b(let'?s|time to|can we) (wrap (this|it) up|finish (this|up)|get this over with|"
            r"call it a (night|day))\b",
            r"\b(that'?s|it'?s|all) (sorted|settled|done|fixed) then\b",
            r"(^|[.!] )sorted[.!]*$",
        ),
        "Fixing the problem this early is the classic mistake. Listen first.",
    ),
)
