"""What the classifier looks for: the listening skills and the rapport killers, as data.

Read it like content/skills/active-listening.md: one block per skill, in the same order,
saying what in an answer shows that skill. Then the problems an answer can have. The
mechanism that applies these lists is `app.practice.classify`; the banned words and the
one-breath limit come from the instructors' content/style.md (`Guide.style`), not from
here. Everything is matched on lower-case text with straight apostrophes.

Patterns are plain regular expressions over words: `\\b` word edges, `(a|b)` choices.
Keep them short and linear (no nested repeats): an officer may paste 100 KB.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Feelings: the words an emotion label names (and an I-message owns) ---------------

FEELINGS = (
    "angry|mad|furious|livid|enraged|upset|pissed|scared|afraid|frightened|terrified|"
    "frightening|scary|fear|worried|anxious|nervous|stressed|panicked|overwhelmed|"
    "exhausted|tired|worn out|drained|sad|hopeless|helpless|desperate|alone|lonely|"
    "isolated|trapped|stuck|cornered|hurt|hurting|betrayed|let down|disappointed|"
    "ashamed|embarrassed|humiliated|guilty|frustrated|frustrating|fed up|annoyed|"
    "disrespected|ignored|unheard|invisible|lost|confused|heartbroken|devastated|"
    "crushed|grieving|jealous|rejected|abandoned|powerless|no way out|unbearable|"
    "painful|pain|hard|tough|awful|hopeful|relieved|uneasy|concerned|unsafe|"
    "in shock|shaken|on edge|at the end of your rope|like giving up|bitter|resentful|"
    "worthless|useless|broken|numb|empty|miserable|sick of|tired of|humiliating|"
    "embarrassing|hurtful|overwhelming|exhausting|upsetting|terrifying|heartbreaking|"
    "unfair|a lot to carry|too much|a lot|pressure|rough|heavy|special|important|precious|"
    "means (so much|a lot|everything|the world)|real|losing|loss"
)
# Feeling verbs: "it seems like you feel nobody's on your side" names a feeling too.
FEELING_VERBS = r"(you )?(feel|feels|feeling|felt)"


@dataclass(frozen=True)
class SkillCues:
    """The cues for one skill. `starts` / `anywhere`: regexes over the lower-case answer."""

    skill: str  # Skill.id in content/skills/active-listening.md
    starts: tuple[str, ...] = ()  # the answer (or one of its sentences) opens like this
    anywhere: tuple[str, ...] = ()  # found anywhere in the answer


# --- Emotion labeling: name the feeling you hear, tentatively ---------------------------
# A tentative frame followed, within a few words, by a feeling.
LABEL_FRAMES = (
    r"(it |that )?(sounds|seems|looks) like",
    r"(it |that )?sounds",
    r"(it )?seems",
    r"(you|she|he|they) (sound|seem|look)s?",
    r"i'?m guessing",
    r"i (guess|wonder if|sense|imagine|get the feeling)",
    r"my guess is",
    r"(i can )?hear",
    r"(it |that )?must (be|feel)",
)
# A plain statement of their feeling is still a label, less tentative.
LABEL_PLAIN = (
    r"you('re| are| must be| must feel| feel| might feel| seem)",
    r"(it|that|this)('s| is| was| must be)",  # "It's a lot.", "That must be hard."
    r"[a-z']+ing (\w+ ){0,3}(is|was|must be)",  # "Losing your brother is hard."
)

# --- Paraphrasing: say back what they told you, in your own words and shorter ----------
PARAPHRASE = SkillCues(
    "paraphrasing",
    starts=(
        r"so(,)? (you|he|she|they|your|it|the|two|what|that|even|after|because)\b",
        r"you'?re saying",
        r"you are saying",
        r"you said",
        r"what i'?m hearing",
        r"what i hear",
        r"if i'?ve? (got|have) (this|it|that) right",
        r"if i understand",
        r"in other words",
        r"(it |that )?(sounds|seems) like (you|he|she|they|your|it|the|someone|nobody)",
        r"you'?re telling me",
        r"let me see if i'?ve got (this|that)",
    ),
)
# Without a frame: a statement about them, in the second person, may be their story told back.
PARAPHRASE_YOU = r"(you|you're|you've|you'd|you'll|your)\b"

# --- Mirroring: repeat their last few words as a question ------------------------------
# Judged against what they said: the answer is (nearly) their own last words.
MIRROR_MAX_WORDS = 7  # longer than this is a paraphrase or a summary, not a mirror
MIRROR_TAIL = 20  # look for the answer in the last this-many words they said
MIRROR_MIN_SHARE = 0.8  # of the answer's words found, in order, in that tail

# --- Summarizing: pull together the facts and the feelings so far ----------------------
SUMMARY = SkillCues(
    "summarizing",
    starts=(
        r"let me (check|make sure|see if|get this|sum|recap|go over)",
        r"(so far|to sum up|to recap|so to sum)",
        r"(here'?s|this is) what i'?ve heard",
        r"what i'?ve heard",
        r"you'?ve told me",
        r"you'?ve had",
        r"if i'?ve got (it|this) all",
    ),
    anywhere=(
        r"did i (miss|leave out|forget) anything",
        r"(have|did) i get (that|it|this) right",
        r"have i got (that|it|this) right",
        r"is that (right|it|about right)\?",
        r"(^|[.!?] )right\?$",
    ),
)
SUMMARY_MIN_WORDS = 12  # a summary pulls several things together
SUMMARY_MIN_POINTS = 3  # pieces joined by commas, "and", "then"

# --- Open-ended questions: can't be answered yes or no ---------------------------------
OPEN = SkillCues(
    "open-ended-questions",
    starts=(
        r"what",
        r"how",
        r"tell me",
        r"help me understand",
        r"walk me through",
        r"talk to me",
        r"describe",
        r"(can|could|would|will) you (tell|help|walk|talk|describe|say more|explain)",
        r"say more",
        r"i'?d like to (hear|know|understand)",
    ),
)
OPEN_WEAK = (r"where", r"when", r"who", r"which")  # open, but they ask for one fact

# --- Minimal encouragers: short sounds that show you are still there -------------------
ENCOURAGERS = (
    "mm-hm|mm hm|mhm|mm|hmm|uh-huh|uh huh|okay|ok|i see|go on|right|yeah|yes|sure|"
    "i hear you|i'm listening|i'm with you|i'm here|got it|and then|keep going|"
    "tell me more|please go on|alright|all right|i understand|really|wow|oh|"
    "i'm staying (here|back|right here)|i'm right here|i'm still here|"
    "i'm here if you (want|need) to talk"
)

# --- Effective pauses: silence on purpose ----------------------------------------------
# An answer that only describes or shows a silence: "...", "(pause)", "[stay silent]".
PAUSE_WORDS = r"pause|silen|wait|quiet|say nothing|nothing|count|breathe|let (him|her|them)"

# --- I messages: "I feel ... when you ... because ..." ---------------------------------
I_MESSAGE_OPEN = (
    r"i (feel|felt|get|am|find|was|become|start to feel)",
    r"i'?m (feeling|getting|really|a bit|a little)?",
    r"it (worries|scares|concerns|frightens|bothers|upsets) me",
)
I_MESSAGE_CONCERN = (
    FEELINGS + r"|worried|concerned|uneasy|uncomfortable|confused|hard to (help|follow|hear|"
    r"understand|think|listen)|difficult"
)


# --- Problems an answer can have -------------------------------------------------------


@dataclass(frozen=True)
class Killer:
    """A rapport killer: what it looks like, and why it hurts (shown to the officer)."""

    code: str  # the flag code
    patterns: tuple[str, ...]
    why: str


# "Why" questions sound like blame.
# at the start of a sentence or a clause: "Why...", "..., why...", "Then why..."
WHY = r"(^|.*[,;:] |(then|so|and|but|well|okay|ok|now) )(why|how come)\b"
WHY_MESSAGE = "A 'why' question sounds like blame: ask 'What happened?' instead."

# Closed questions: answered yes or no. Fine when you must ask it straight.
CLOSED_STARTS = (
    r"(are|is|am|was|were|do|does|did|can|could|will|would|have|has|had|should|shall|"
    r"may|might|aren't|isn't|don't|doesn't|didn't|won't|wouldn't|can't|haven't)\b"
)
CLOSED_TAGS = r", (are|aren't|do|don't|will|won't|would|is|isn't|did|didn't) (you|it|they)\?$"
# Questions that must be asked straight (safety and suicide): yes or no is right here.
CLOSED_OK = (
    r"kill(ing)? yourself|suicide|end your life|hurt(ing)? yourself|harm(ing)? yourself|"
    r"want to die|a plan\b|taken (any|anything|some)|any (of them|pills)|pills|"
    r"weapon|gun|knife|anyone (hurt|else|with you|injured)|anybody (hurt|else)|"
    r"someone (hurt|else)|hurt\?|injured|need (a doctor|medical|an ambulance)|bleeding|"
    r"(is|are) (that|this) right|did i (miss|get)|have i got|got (that|it) right|"
    r"is that it|right\?$|(everyone|anyone|anybody|everybody)\b.*\b(okay|ok|alright|all right|"
    r"hurt|safe)"
)
CLOSED_MESSAGE = "This can be answered yes or no: an open question (what, how) keeps them talking."

KILLERS = (
    Killer(
        "rapport-killer",
        (
            r"^(now )?(put|drop|throw|lower|hand over|give me) (it|the|that|your|down)\b",
            r"\b(put|drop|lower) (the|that|your) \w+( \w+)? down\b",
            r"^(come|get|step|walk) (out|outside|away|back|off|down)\b",
            r"^(stop|quit) (it|that|this|being|doing|\w+ing)\b",
            r"^(shut up|listen to me|let (them|her|him|the \w+) go|release)\b",
            r"^(now )?listen, ",
            r"^don'?t you (dare|talk|speak|tell|raise)\b",
            r"^(pull yourself together|get a grip|snap out of it|grow up|man up)\b",
        ),
        "An order tells them you aren't listening. Ask, and leave the exit to the team.",
    ),
    Killer(
        "rapport-killer",
        (
            r"\bif you don'?t\b.*\b(we|i)('ll| will|'re| are| have to)\b",
            r"\bor else\b",
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
    Killer(
        "rapport-killer",
        (
            r"\bnot (that|so) bad\b",
            r"\bcould be worse\b",
            r"^at least\b",
            r"\b(no|not a) big deal\b",
            r"\byou'?ll get over\b",
            r"\b(everyone|everybody|people) (goes? through|hates?|has|have|deals?)\b",
            r"\b(lots|a lot|plenty|loads) of (people|places|jobs|guys|women|men|fish)\b",
            r"\byou'?ll (find|get) (another|a new|someone|over)\b",
            r"\b(it'?s|that'?s) (not personal|how (it|business|life|the world) (works|goes|is))\b",
            r"\byou already (said|told)\b",
            r"\byour (own )?problem\b",
            r"\bthat'?s life\b",
            r"\bworse things\b",
            r"\bso much to live for\b",
            r"\bthink (of|about) your (family|kids|children|wife|husband|mother|mum|mom)\b",
            r"\bit'?s (only|just) (a|money|a job|stuff)\b",
        ),
        "It makes their pain small. Name the feeling instead: 'That sounds really hard.'",
    ),
    Killer(
        "rapport-killer",
        (
            r"\b(that'?s|that is|it'?s) not true\b",
            r"\byou'?re (wrong|lying|overreacting|being (silly|stupid|ridiculous|dramatic))\b",
            r"\b(ridiculous|stupid|crazy|nonsense|pathetic|idiot)\b",
            r"\boverreact",
            r"\bno reason to\b",
            r"\byou know better\b",
            r"\bwhat were you thinking\b",
            r"\b(your own fault|brought this on yourself|you deserve)\b",
            r"\bdon'?t be (silly|stupid|like that|ridiculous|dramatic)\b",
            r"\bstop being\b",
            r"\bno excuse\b",
            r"\bserves? you right\b",
            r"\bashamed of you\b",
            r"\bmade (a|such a) mess\b",
            r"\b(should'?ve|should have) thought\b",
            r"\b(that|this|it|drinking|shouting|yelling|pointing \w+ \w+( at \w+ \w+)?) "
            r"won'?t (help|bring|change|fix|solve)\b",
            r"\bthat'?s why you\b",
            r"\bevery right to\b",
            r"\b(good|real|decent|normal) (husbands?|wives|fathers?|mothers?|men|people|"
            r"parents?) (don'?t|wouldn'?t|never)\b",
            r"\bhow do you think (she|he|they|your \w+)('ll| will| would)? feel\b",
            r"\b(that'?s|it'?s|they'?re) not (real|happening)\b",
            r"\b(it'?s|that'?s) (all )?in your head\b",
            r"\bi'?m sure (nobody|no one|they|he|she|it)\b",
        ),
        "Judging or arguing starts a fight you can't win. Say back what you heard instead.",
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
            r"\byour (mother|mum|mom|father|dad|wife|husband|partner|priest|pastor|family|"
            r"brother|sister) (is here|wants to talk|is on the (phone|line))\b",
        ),
        "No family, friend or clergy talks to them without the team's approval.",
    ),
    Killer(
        "rapport-killer",
        (
            r"\bwhat you (need|have|ought) to do\b",
            r"\byou (need|have|ought|got) to\b",
            r"\byou must(?! (be|feel|have been|have felt)\b)",
            r"\bhave you tried\b",
            r"\bwhy don'?t you\b",
            r"\bthe (best|only|right) thing (to do|you can do|is)\b",
            r"\bhere'?s what you\b",
            r"^just (come|put|do|walk|give|let|hand|drop|stop)\b",
        ),
        "Fixing the problem this early is the classic mistake. Listen first.",
    ),
)

PROMISE = Killer(
    "promise",
    (
        r"\bi (promise|guarantee|swear)\b",
        r"\b(promise|guarantee)d?( you)?\b.*\b(won'?t|will)\b",
        r"\byou (won'?t|will not|aren'?t going to|are not going to) (go to jail|go to prison|"
        r"be (arrested|charged|hurt|in trouble|punished|shot)|get (arrested|charged|hurt|"
        r"in trouble|shot))",
        r"\b(no one|nobody|no-one) (will|is going to|'s going to|is gonna) "
        r"(hurt|arrest|charge|shoot|touch|lock)",
        r"\b(no one|nobody|no-one)('s| is) (getting|going to get|gonna get) (hurt|arrested|shot)",
        r"\bi'?m not going anywhere\b",
        r"\bi will never leave\b",
        r"\b(everything|it|things)('s| is| will be|'ll be| is going to be|'s going to be|"
        r" are going to be) (fine|ok|okay|alright|all right)\b",
        r"\bi'?ll (get|bring|make sure you get|make sure you don'?t|have) (you|your) \w",
        r"\bi'?ll (get|call|phone|bring|fetch) (you|your|them|her|him)\b",
        r"\bi'?ll (get|bring|fetch|call|put) (\w+ ){1,2}"
        r"(for you|on the (phone|line)|here|over|on)\b",
        r"\bi'?ll put (him|her|them) on\b",
        r"\bwe('ll| will) (arrest|get|stop|deal with|sort out|punish)\b",
        r"\byou('ll| will) be (fine|ok|okay|alright|all right)\b",
        r"\byou'?ll (get|have) (it|your|a car|the car|what you)\b",
        r"\btrust me\b",
    ),
    "A promise the team can't keep breaks trust for the negotiator too. Say: "
    "'I can't promise that, but I'll pass it on.'",
)

# How the feedback names each skill: "This looks like a paraphrase."
SAID_AS = {
    "emotion-labeling": "emotion labeling",
    "paraphrasing": "a paraphrase",
    "mirroring": "mirroring",
    "summarizing": "a summary",
    "open-ended-questions": "an open-ended question",
    "minimal-encouragers": "a minimal encourager",
    "effective-pauses": "an effective pause",
    "i-messages": "an I-message",
}

TOO_LONG_MESSAGE = "{n} words is more than one breath ({most} at most): say less, then listen."
ANALYSE_CHARS = 2000  # the most of an answer the rules read (the rest is still counted)
