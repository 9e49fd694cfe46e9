"""The rapport killers that dismiss: what each looks like in a typed answer, and why it
hurts.

One block per kind: judging, name-calling, a flat no, false empathy; minimising is in
`app.practice.minimising`; arguing, and arguing with or agreeing to what they see or hear,
are in `app.practice.arguing`;
making it about yourself and defending yourself in `app.practice.officer`. The ones that
take control are in `app.practice.killers`, which puts both together and says how the
patterns are written and matched.
"""

from __future__ import annotations

from app.practice.arguing import ARGUING
from app.practice.minimising import MINIMISING
from app.practice.officer import ABOUT_YOURSELF
from app.practice.speech import CALLED, THIRD, Killer

# Bringing God or sin into it, unless they did: a lecture, however kindly meant. Applied
# by `app.practice.classify` to statements when what they said names none of these.
# (a church or a mosque is a place in their story: "the church turned its back on you")
FAITH = (
    r"\b(god|god'?s|lord|lord'?s|jesus|christ|heaven|sin|sins|sinful|pray|prayer|prayers|"
    r"praying|bible|scripture|allah|the devil|satan|salvation|amen|"
    r"the almighty|the man upstairs|angels?)\b"
)
# ... but a word of surprise is no lecture: "Lord, that sounds hard.", "Oh my God."
FAITH_EXCLAIMED = (
    r"^(oh |good |dear |my )?(lord|god|gosh|jesus|christ)[,!.]+ |"
    r"\b(oh|my|dear|good|thank) (god|lord)\b"
)
FAITH_WHY = "Bringing in God or right and wrong sounds like a lecture. Name the feeling instead."

DISMISSALS = (
    MINIMISING,
    # Judging and lecturing.
    Killer(
        "rapport-killer",
        (
            r"\byou'?re (wrong|lying|overreacting|being (silly|stupid|ridiculous|dramatic))\b",
            r"\boverreact",
            r"\b(very|so|bit|how|pretty|a wee bit|quite|rather|awfully) (dramatic|theatrical)\b",
            r"\b(do|doing|try|trying) (something|anything) (silly|stupid|daft|dumb|rash|foolish)\b",
            r"\bno reason to\b",
            r"\byou know better\b",
            r"\bwhat were you thinking\b",
            r"\bif you'?d (only|just) (use|take|accept|listen|ask|let)\b",
            r"\b(grown|real) (men|man|women|lads) (don'?t|do not|never)\b",  # "...hide behind guns"
            r"\byou (could|should)('ve| have) (asked|rung|called|told|spoken to|gone to|come to)\b"
            r"[^?]*\b(help|sooner|earlier|ago|before|first)\b",
            r"\bwhat made you think\b[^?]*\b(okay|ok|alright|all right|fine|acceptable|a good idea|"
            r"clever|smart|funny|right)\b",
            # disbelief: "You can't be serious.", "Are you kidding me?"
            r"^(you can'?t (possibly )?be|are you|you'?re not)( being)? serious[?!.]*$",
            r"^(are you|you'?re|you must be|you'?ve got to be|you have got to be) (kidding|"
            r"joking|having a laugh|pulling my leg)( me)?[,?!.]*( right\?)?$",
            # blame as a question: "How could you do that to her?" (not "How could you
            # have known?")
            r"^how could (you|ya)( (ever|possibly|even))?( (do|say|treat|hurt|let|leave|"
            r"abandon|put|take)\b|[?!.]*$)",
            # waved away: "You've made your point.", "You've had your fun."
            r"\byou'?ve (made your point|had your fun|had your little (moment|tantrum|say))\b",
            r"\b(your own fault|you deserve)\b|\bbrought (some of |all of |a lot of |most of |"
            r"half of )?(this|it|that|all this) on (yourself|herself|himself|themselves|"
            r"themself)\b",
            r"\bdon'?t be (silly|stupid|like that|ridiculous|dramatic|daft|soft|a baby|an idiot)\b",
            r"\blook at the state of you\b",
            r"\b(behave yourself|act your age|bless your heart|you'?re a grown|you are a grown|"
            r"what is this drama|enough of (this|the) drama)\b",
            r"(?<!not )\b(your|the) (illness|drink|drugs|booze|meds|voices|disease) talking\b",
            r"\b(not (well|right)|sick|ill) in the head\b",
            # a group blamed: "Some women just don't know when to stop."
            r"\b(some|these|those) (women|men|wives|husbands|girls|guys|people|kids) (just )?"
            r"(don'?t|never|always|can'?t|need)\b",
            # the victim blamed: "What were you doing at his place that late?"
            r"^what did (you|she|he|they|your \w+) (do|say) to (set|make|provoke|upset|wind|get|"
            r"piss|annoy|start|trigger)\b",
            r"\bwhat (were|was) (you|she|he) doing\b[^?]*\b(that late|at that hour|so late|alone|"
            r"dressed like|with him|with her)\b",
            r"\bstop being\b",
            # blaming questions and taking sides in a domestic
            r"\bwhat (did|do|'d) you expect\b",
            r"\b(she|he|they|your \w+) (must|might|may)( have|'ve) (done|said|asked for|started|"
            r"provoked|deserved)\b",
            r"\b(something|anything) to (set|wind|provoke|upset|piss|annoy|trigger|rile) "
            r"(him|her|them)\b",
            r"\b(did|do) you (provoke|start|ask for|deserve|wind)\b",
            r"\b(she|he|they|your \w+)('s| is|'re| are) (right|got a point|has a point)[.!]*$",
            r"\b(had it coming|better off without (her|him|them)|(was|were) asking for it)\b",
            r"\bif you (hadn'?t|had not|didn'?t|did not)\b[^.?!]{0,60}\b(he|she|they) "
            r"(wouldn'?t|would not|won'?t)\b",  # the victim blamed
            r"\bwhat (kind|sort|type) of (a )?(father|mother|man|woman|person|parent|dad|mum|mom|"
            r"husband|wife|son|daughter|human|grown)\b",
            r"\b(would|will|'d|'ll) be (so |very |really )?(ashamed|disappointed|embarrassed) "
            r"(of|to see|in) you\b",
            # guilt through someone they love: "How would your mother feel, seeing this?"
            r"\b(how|what) (would|will|do you think) your (\w+ )?(mother|mum|mom|mam|mama|father|"
            r"dad|daddy|kids|children|son|daughter|gran|granny|nan|grandma|grandad|family|wife|"
            r"husband|elders|parents|folks) (feel|think|say)\b",
            r"\bshould(n'?t)?('?ve| have| of) known better\b",
            # provoking them, as if the other side started it ("She shouldn't wind you up")
            r"\b(she|he|they) (probably |really )?(shouldn'?t|should not|should'?ve|should have) "
            r"(have )?(wind|wound|provoke|provoked|push(ed)? your buttons|set you off|"
            r"started it)\b",
            # condoning what they did: "Can't say I blame you." (not "for feeling...")
            r"\b(can'?t|cannot|don'?t|wouldn'?t)( really)?( say)?( i)? blame (you|ya)\b"
            r"(?! for (feeling|being))",
            # death made gentle: "It can be very peaceful."
            r"\b(it|death|dying|that|the end)( \w+)? (can be|is often|is usually|will be) "
            r"(very |so |really |quite )?(peaceful|for the best|a mercy)\b",
            r"\bi'?d (have|of|'ve) (lost it|done the same|snapped|hit|kicked off|gone mad|flipped|"
            r"lost my temper|done it)\b",
            r"\b(she|he|they|your \w+)( sounds?| seems?| is|'s|'re| are)( like)?( a| an| such a)? "
            r"(real |right |absolute |total )?(nightmare|piece of work|handful|cow|bitch|prick|"
            r"arsehole|asshole|idiot|psycho|pain)\b",
            r"\b(what'?s|what is) (wrong with you|your problem|the matter with you)\b",
            # what they say put down to illness or drink: "That's your illness talking."
            r"\b(that'?s|it'?s|this is) (just )?(your|the) (\w+ )?(illness|drink|drugs|booze|meds|"
            r"voices|paranoia|condition|depression|alcohol|psychosis|disorder|madness) talking\b",
            r"\b(explain yourself|who do you think you are)\b",
            r"\b(a )?grown (man|woman|adult) (like you|crying|acting|doing|behaving)\b",
            r"\bno excuse\b",
            r"\b(isn'?t|is not|'s not|ain'?t|won'?t be|is never) (the|an|any) "
            r"(answer|solution|way)\b",
            # their crisis as a nuisance: "You're holding up three lanes of traffic."
            r"\byou'?re (holding up|blocking|wasting|costing|inconveniencing) (\w+ ){0,4}"
            r"(traffic|everyone|everybody|people|road|bridge|line|lanes?|street|motorway|highway|"
            r"junction|station|platform|time|money)\b",
            r"\bwasting (my|our|everyone'?s|police|the police'?s) time\b",
            r"\byou'?ve (got )?(half |the whole |all )?(the )?(street|road|building|town|block|"
            r"estate|neighbou?rhood|office|school|station) (evacuated|closed|shut|locked down|"
            r"cordoned off|on edge)\b|\b(it'?s|this is) about (all of us|everyone|everybody)\b",
            r"\bserves? you right\b",
            r"\bashamed of you\b",
            r"\bmade (a|such a) mess\b",
            r"\b(should'?ve|should have) thought\b",
            # "you should" is in style.md; its other forms lecture the same way
            r"\byou (shouldn'?t|should not|ought not|oughtn'?t|should'?ve|should have)\b",
            r"\b(that|this|it|drinking|shouting|yelling|pointing \w+ \w+( at \w+ \w+)?) "
            r"won'?t (help|bring|change|fix|solve)\b",
            # the same lecture in other words: "Shouting won't get you anywhere.", "Robbing a
            # bank's hardly gonna help your kid."
            r"\b(won'?t|will not|isn'?t (gonna|going to)|is not (gonna|going to)|never|doesn'?t|"
            r"does not) gets? you anywhere\b|\bgets? you nowhere\b|"
            r"\b(is|'s|are|'re|was|would be|'d be) hardly (gonna |going to )?(help|fix|solve|"
            r"change|bring|make|get|the (answer|way))",
            # too late for it now: "Bit late for sorry now."
            r"\b(bit|a bit|little|a little|too|far too|way too) late (for|to be|to start) "
            r"(sorry|saying sorry|apologi[sz]ing|apologies|regrets|that|tears|crying|"
            r"thinking)\b",
            r"\bthat'?s why you\b",
            r"\bevery right to\b",
            r"\b(good|real|decent|normal|proper) (husbands?|wives|wife|fathers?|mothers?|men|man|"
            r"woman|women|people|person|parents?|dads?|mums?|moms?|sons?|daughters?) (don'?t|"
            r"doesn'?t|wouldn'?t|would never|never|always|would|should|shouldn'?t|knows?|does|"
            r"do|can|takes?|lets?|walks?|faces?|owns?|behaves?|acts?|treats?)\b",
            # a moral or religious verdict: "It's a sin.", "That's selfish."
            r"\b(is|it'?s|that'?s|be) (a sin|sinful|a mortal sin|wicked|evil|a coward'?s way)\b",
            r"\b(god|the lord|jesus|allah)( \w+)? (doesn'?t|does not|wouldn'?t|won'?t|will not|"
            r"never) (want|forgive|approve|let)\b",
            r"\bhow do you think (she|he|they|your \w+)('ll| will| would)? feel\b",
            # "Imagine your daughter finding you.", "Your mum would never forgive you."
            rf"^imagine (how |what )?(your|the) (\w+ )?{THIRD}\b",
            rf"^your (\w+ )?{THIRD} (would|will|'d|'ll) never (forgive|get over|recover)\b",
            # ... with what they would do first: "If you do that, your kids will never..."
            rf"^(and |but )?(if|once) you [^,.?!]{{1,40}},? your (\w+ )?{THIRD} (would|will|'d|'ll)"
            r" never (forgive|get over|recover)\b",
            # guilt through the people they love: "Think of your poor mother."
            r"\byour poor (mother|mum|mom|mam|kids|children|family|wife|husband|dad|father|"
            r"parents|nan|gran|son|daughter|dog)\b",
            # ... or their hurt foretold: "Your mum would be heartbroken.", "It'd break her
            # heart." Only where the sentence starts ("You're worried your mum would be..." is
            # their fear named back) and not when it is theirs ("..., you said.")
            rf"^your (\w+ )?{THIRD} (would|will|'d|'ll|is going to|are going to|is gonna|"
            r"are gonna)( \w+)? be (so |very |really |absolutely |just )?(heartbroken|"
            r"devastated|gutted|crushed|destroyed|broken|shattered|ashamed|disappointed)\b"
            r"(?![^.?!]*\byou (said|say|think|reckon|feel|told|mean)\b)",
            r"^(it|this|that)('d|'ll| would| will| is going to| is gonna) break (your|their|her|"
            r"his) (\w+ |\w+'s )?hearts?\b(?![^.?!]*\byou (said|say|think|reckon|feel|told|"
            r"mean)\b)",
            r"\b(what|how) (this|it|that) (would|will|'ll|'d|is going to) do to (your|them|her|"
            r"him)\b",
            r"\bi'?m sure (nobody|no one|they|he|she|it)\b",
            # siding with the other side: "Your boss was just doing his job."
            r"\b(was|were|is|'s|are|'re) (just|only) doing (his|her|their|its) (job|duty)\b",
        ),
        "Judging or arguing starts a fight you can't win. Say back what you heard instead.",
        mirror_ok=True,  # "Had it coming?": their own verdict handed back as a question
    ),
    # Name-calling words: theirs when a mirror hands them back ("Think you're crazy?").
    Killer(
        "rapport-killer",
        (
            r"\b(ridiculous|stupid|crazy|nonsense|pathetic|idiot|daft|dumb|dumbest|stupidest)\b",
            # labelling them: "You're absolutely hammered.", "You're being paranoid."
            r"\byou'?re( being| acting| talking| sounding)?( absolutely| so| completely| totally|"
            r" clearly| just| "
            r"obviously| really)? (drunk|hammered|wasted|plastered|smashed|off your (face|head)|"
            r"steamin'?g?|steaming|mortal|blootered|pished|legless|blotto|trolleyed|sloshed|tanked|"
            r"sozzled|paralytic|bladdered|"
            r"out of your (mind|head)|mental|nuts|insane|psycho|a mess|a disgrace|a joke|"
            r"paranoid|delusional|hysterical|a drunk|an addict|a junkie|high(?! up| above)|selfish|"
            r"a coward|cowardly|unreasonable)\b",
            # "You're acting like a child."
            r"\byou'?re (being|acting|behaving|carrying on|going on|talking)( just)? like (a|an|"
            r"some) (child|kid|baby|toddler|brat|spoilt brat|teenager|idiot|lunatic|madman|"
            r"maniac|nutter|drama queen)\b",
            # (not their own step told back: "You came off your meds because...")
            r"(?<!came )(?<!come )(?<!coming )(?<!went )(?<!got )\b(off|on|skipped|stopped) "
            r"(your|his|her|the) (meds|pills)( again)?\b",
            # "Someone's forgotten their meds today": them, talked about as "someone"
            r"\b(someone|somebody)('s| has)( \w+)? (forgotten|forgot|skipped|missed|not taken|"
            r"stopped) (their|his|her) (meds|pills|medication|tablets)\b",
            r"\byou'?re (not well|unwell|not right|not thinking straight|not in your right mind)\b",
            r"\b(childish|cowardly|irresponsible|disgraceful|attention[- ]seeking|numpty|eejit|"
            r"muppet|plonker|tosser|dickhead|moron|loser|drama queen|headcase|nutter|nutjob)\b",
            r"\b(that'?s|it'?s|this is|how|so|pretty|really|very|bit|a) selfish\b",
            # the stock jokes about fear of being watched: "Pop your tinfoil hat on."
            r"\b(tin ?foil|tin-foil|aluminium|aluminum) hats?\b|\blittle green men\b|"
            r"\bx-?files\b|\bconspiracy (theorist|nut)\b|\bmen in black\b",
        ),
        "Judging or arguing starts a fight you can't win. Say back what you heard instead.",
        mirror_ok=True,
    ),
    *ARGUING,  # arguing with their account, or with what they see or hear
    Killer(
        "rapport-killer",
        (
            rf"^(no|nope|no way|absolutely not|not happening|forget it|never|not a chance)"
            rf"(,? ({CALLED}))?[.!]*$",
            r"\b(that'?s|it'?s|this is) (simply |just )?not (something|what) (we|i|the police) "
            r"(do|can do|allow|give|agree to)\b",
            # the polite form: "I'm terribly sorry, but that isn't actually possible."
            r"\b(that|it|this)(('s| is)( \w+)? not|( \w+)? (isn'?t|is not|ain'?t))( \w+)? "
            r"(possible|doable|allowed|permitted|on the table)\b(?! (to|for|if|when|unless)\b)",
            r"\b(out of the question|not an option|no can do|not gonna happen|ain'?t happening|"
            r"that'?s a no|that won'?t happen|not going to happen)\b",
        ),
        "A flat no ends the talk. Say: 'I'm not the one who decides, but I'll pass it on.'",
    ),
    Killer(
        "rapport-killer",
        (
            r"\bi know (exactly )?how you feel\b",
            r"\bi understand exactly\b",
            # "I'd feel exactly the same in your shoes.": their feeling claimed as yours
            r"\b(i'?d|i would) (feel|be|react|think) (exactly |just |much )?the same( way)?"
            r"( in your (shoes|position|place)| if i (was|were) you)?\b",
            r"\bi know (exactly )?(what|how) (it|that)('s| is| feels) like\b",
            r"\bi (totally|completely|fully|100%|perfectly|absolutely) (get|understand) "
            r"(it|you|that|how|your|what|exactly)\b",
            r"\bi'?ve been (there|through (this|that|the same))\b",
            r"\b(we'?ve|we have|we'?re|everyone'?s|everybody'?s|we) (all )?been there\b",
            r"^been there([.!,]|$)|\bi got (through|over) (it|that|this|mine|worse)\b",
            r"\bi know (exactly )?(what you'?re (going through|feeling)|your pain|the feeling|"
            r"that feeling)\b|\bi feel your pain\b|\bbelieve me,? i know\b|\bi (can )?relate\b",
            r"\bi'?ve (felt|had|been through) (that|the same|exactly that|worse|similar|it too)\b",
        ),
        "You can't know how they feel. Say what you hear: 'You sound...'",
    ),
    *ABOUT_YOURSELF,  # making it about yourself, your family, defending yourself
)
