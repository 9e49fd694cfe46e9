"""What the classifier looks for: the listening skills, as data.

Read it like content/skills/active-listening.md: one block per skill, in the same order,
saying what in an answer shows that skill. The problems an answer can have are in
`app.practice.killers` (rapport killers) and `app.practice.problems` (promises, "why" and
closed questions). The mechanism that applies them all is `app.practice.classify`; the
banned words and the one-breath limit come from the instructors' content/style.md
(`Guide.style`), not from here. Everything is matched on lower-case text with straight
apostrophes.

Patterns are plain regular expressions over words: `\\b` word edges, `(a|b)` choices.
Keep them short and linear (no nested repeats): an officer may paste 100 KB.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- Feelings: the words an emotion label names (and an I-message owns) ---------------

FEELINGS = (
    "angry|mad|furious|livid|enraged|upset|pissed|scared|afraid|frightened|terrified|"
    "frightening|scary|fear|worried|anxious|nervous|edgy|jumpy|on edge|stressed|panicked|"
    "overwhelmed|"
    "exhausted|tired|worn out|drained|sad|hopeless|helpless|desperate|alone|lonely|"
    "isolated|trapped|stuck|cornered|hurt|hurting|betrayed|let down|disappointed|"
    "ashamed|embarrassed|humiliated|guilty|frustrated|frustrating|fed up|annoyed|"
    "disrespected|ignored|unheard|invisible|lost|confused|heartbroken|devastated|"
    "crushed|grieving|jealous|rejected|abandoned|powerless|no way out|unbearable|"
    "struggling|gutted|scunnered|shattered|wrecked|panicky|fuming|raging|mortified|mortifying|aggrieved|"
    "torn|cut up|hollow|"
    "gutting|scared stiff|tense|dread|dreading|"
    "painful|pain|hard|tough|awful|hopeful|relieved|uneasy|concerned|unsafe|"
    "in shock|shaken|on edge|at the end of your rope|like giving up|bitter|resentful|"
    "worthless|useless|broken|numb|empty|miserable|sick of|tired of|humiliating|"
    "embarrassing|hurtful|overwhelming|exhausting|upsetting|terrifying|heartbreaking|"
    "devastating|crushing|infuriating|maddening|draining|agonizing|agonising|"
    "unfair|a lot to carry|too much|a lot|pressure|rough|heavy|special|important|precious|"
    "means (so much|a lot|everything|the world)|real|losing|loss|"
    # the feeling as a noun: "I'm hearing a lot of anger"
    "anger|rage|frustration|fear|sadness|grief|shame|guilt|despair|panic|exhaustion|"
    "loneliness|worry|stress|hopelessness|betrayal|disappointment|"
    # warm feelings are feelings too: "You sound proud of him"
    "proud|love|loves|loved"
)
# Feeling verbs: "it seems like you feel nobody's on your side" names a feeling too.
FEELING_VERBS = r"(you )?(feel|feels|feeling|feelin'?|felt)"


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
    r"(you|she|he|they)('re| are| is|'s) (sounding|seeming|looking)",
    r"i'?m guessing",
    r"i (guess|wonder if|sense|imagine|bet|think|suspect|get the (feeling|sense|impression))",
    r"my guess is",
    r"(i )?reckon",  # "Reckon you're pretty fed up."
    # what the officer picks up: "I'm hearing...", "I can really hear...", "I can tell..."
    r"i'?m (hearing|sensing|picking up( on)?|getting the (feeling|sense|impression))",
    r"(i can )?hear",
    r"i (can |could )?(really |definitely |honestly |totally )?(hear|sense|see|tell)",
    r"it (feels|felt) like",
    r"(it |that )?must (be|feel)",
    r"(it )?appears( that| like| as if)?",
    r"(it )?(looks|seems) (to me )?(as if|as though)",
)
# A plain statement of their feeling is still a label, less tentative.
LABEL_PLAIN = (
    r"((of course|no wonder),? )?you('re| are| must be| must feel| feel| might feel| seem)",
    r"(it|that|this)('s| is| was| must be)",  # "It's a lot.", "That must be hard."
    r"[a-z']+ing (\w+ ){0,3}(is|was|must be)",  # "Losing your brother is hard."
    r"(?=\w+( and \w+)?[.!,])",  # a feeling named on its own: "Humiliated. That's what..."
)

# A check on the end of a label: "You're ashamed, isn't it?", "Disrespected, no?"
LABEL_TAG = r",? (isn'?t it|no|right|yeah|yes|aren'?t you|don'?t you|is it|eh|innit|na|hai na)\?$"

# Words said before the skill starts ("Okay, so...", "Honestly,"): skipped when a frame
# must open the sentence. Flags never skip them ("Listen, ..." lectures).
LEAD_WORDS = (
    r"((okay|ok|alright|all right|well|and|now|so|right|yeah|hey|look|man|sir|ma'am|buddy|"
    r"honestly|sorry|mm-hm|mm|hmm|uh|um|er|erm|like|aye|then|mate|bud|i reckon|reckon|"
    r"i'?ll be honest|to be honest|truthfully|please|kindly|oh|oh dear|dear|dear me|oh my|gosh|"
    r"wow|ah|aw|aww|jeez|god|lord|love|pal|son|hun|honey|sweetheart|darling|pet|och|ach|"
    r"meanwhile|in the meantime|christ|jesus|blimey|crikey|geez|bloody hell)[,.!]? )+"
)

# --- Paraphrasing: say back what they told you, in your own words and shorter ----------
PARAPHRASE = SkillCues(
    "paraphrasing",
    starts=(
        r"so(,)? (you|he|she|they|your|it|the|two|what|that|even|after|because|[a-z']+ing)\b",
        r"you'?re saying",
        r"you are saying",
        r"you said",
        r"what i'?m hearing",
        r"what i hear",
        r"if i'?ve? (got|have) (this|it|that) right",
        r"if i understand",
        r"if i'?ve understood",
        r"(the way|how) you see it",
        r"(it )?feels like (you|your|they|he|she|everyone|everybody|nobody|no one|the)\b",
        r"in other words",
        r"(it |that )?(sounds|seems) like (you|he|she|they|your|it|the|someone|nobody)",
        r"you'?re telling me",
        r"let me see if i'?ve got (this|that)",
        r"if i'?m (hearing|understanding|reading|getting) (you|this|that|it) right",
    ),
)
# Without a frame: a statement about them, in the second person, may be their story told back,
# also after a fronted time or cause: "Since the move, you've had nobody."
PARAPHRASE_YOU = (
    r"((since|after|ever since|for|because|now that|all|with|before)\b[^,]{0,40}, )?"
    r"(you|you're|you've|you'd|you'll|your)\b"
)

# --- Mirroring: repeat their last few words as a question ------------------------------
# Judged against what they said: the answer is (nearly) their own last words.
FILLERS = frozenset({"uh", "um", "er", "erm", "hmm", "ah"})  # sounds, not words said back
MIRROR_MAX_WORDS = 7  # longer than this is a paraphrase or a summary, not a mirror
MIRROR_TAIL = 20  # look for the answer in the last this-many words they said
MIRROR_MIN_SHARE = 0.8  # of the answer's words found, in order, in that tail

# --- Summarizing: pull together the facts and the feelings so far ----------------------
SUMMARY = SkillCues(
    "summarizing",
    starts=(
        r"let me (check|make sure|see if|get this|sum|recap|go over)",
        r"(so far|to sum up|to recap|so to sum)",
        r"(two|three|four|a couple of|a few) things( so far)?",
        r"(here'?s|this is) what i'?ve heard",
        r"what i'?ve heard",
        r"you'?ve told me",
        r"you'?ve had",
        r"if i'?ve got (it|this) all",
        # bringing someone in on it: "Let me catch her up: ...", "to bring him up to speed"
        r"(let me|to) (catch|bring|fill) (\w+ ){1,2}(up|in)\b",
    ),
    anywhere=(  # the check a summary ends with, in its common shapes
        r"did i (miss|leave out|forget) anything",
        r"what (did|have) i (miss|missed|left out|got wrong)",
        r"(have|did) i (get|got) (that|it|this|all that|all of that|everything|it all)"
        r"( right| straight)?\?",
        r"(is|was) (that|this) (right|it|about right|fair|close|correct|accurate|everything|"
        r"all( of it)?|the lot|how it (feels|felt|is|was|seems|went)|what happened)\?",
        r"(does|do) (that|this) (sound )?(right|about right|fair|close)\?",
        r"am i (close|right|on track|missing (anything|something))",
        r"(^|[.!?] )(right|fair|close|correct|true|yeah)\?$",  # "... Fair?"
        r"(^|[.!?] )(that|this|that'?s) (right|about right|fair|close|correct|it|about it)\?$",
        r"(,|[.!?]) (is )?(that|this|that'?s) (right|about right|it|about it)$",  # no "?"
    ),
)
SUMMARY_MIN_WORDS = 12  # a summary pulls several things together
SUMMARY_MISSED = r"\b(missed|miss|left out|leave out)\b[^.!?]*\??$"  # "Anything I missed?"
SUMMARY_MIN_POINTS = 3  # pieces joined by commas, "and", "then"

# --- Open-ended questions: can't be answered yes or no ---------------------------------
# Asked as a request, without a question mark: "Talk me through what happened."
OPEN_REQUESTS = (
    r"tell (me|us)",
    r"help me understand",
    r"walk me through",
    r"(talk|take) me (through|back through)",
    r"talk to me",
)
OPEN = SkillCues(
    "open-ended-questions",
    starts=(
        r"what",
        r"whats",  # typed without the apostrophe
        r"how",
        *OPEN_REQUESTS,
        r"describe",
        r"(can|could|would|will) you (tell|help me|walk me|talk (to|with) me|talk me|describe|"
        r"say more|explain)",
        r"say more",
        r"i'?d like to (hear|know|understand)",
    ),
)
OPEN_WEAK = (r"where", r"when", r"who", r"which")  # open, but they ask for one fact

# --- Minimal encouragers: short sounds that show you are still there -------------------
ENCOURAGERS = (
    # the sounds, however they are spelled: "Mm", "Mm-hmm", "Mhm", "Uh-huh", "Ahh", "Okaaay"
    "m+|m+-?h+m+|m+ h+m+|h+m+|u+h+[- ]?h+u+h+|a+h+|o+h+|o+k+a+y+|ok|yea+h*|yep|yup|"
    # short words that say "still here, go on"
    "gotcha|got you|understood|fair enough|makes sense|i get it|for sure|right on|"
    "i hear ya|i follow|i'm following|still with you|"
    "mm-hm|mm hm|mhm|mm|hmm|uh-huh|uh huh|okay|ok|i see|go on|right|yeah|yes|sure|aye|"
    "i hear you|i'm listening|i'm with you|i'm here|got it|and then|keep going|"
    "tell me more|please go on|alright|all right|i understand|really|wow|oh|"
    "i'm staying (here|back|right here)|i'm right here|i'm still here|"
    "i'm here if you (want|need) to talk|i am listening|i am here|i am with you|"
    "righto|right-o|rightio|sure thing|carry on|go ahead|i'm all ears|okey-dokey|okey dokey|"
    "take your time|no rush|in your own time|i'm with ya|k|kk|and|"
    "acha|achha|accha|haan|haanji|cool|nice one|yessir|yes sir|noted|then"
)
ENCOURAGER_MAX_WORDS = 8  # "okay okay okay okay okay": a few encouragers side by side

# --- Effective pauses: silence on purpose ----------------------------------------------
# An answer that only describes or shows a silence: "...", "(pause)", "[stay silent]".
PAUSE_WORDS = r"pause|silen|wait|quiet|say nothing|nothing|count|breathe|let (him|her|them)"

# --- I messages: "I feel ... when you ... because ..." ---------------------------------
# How what they do lands on the officer: "I feel", "I find it hard", "It scares me".
I_MESSAGE_EFFECT = (
    r"i (feel|felt|get|got|find|found|start to feel|become)",
    r"i'?m (finding|feeling|getting)",
    r"i('m| am)? (have|had|having) (a )?(hard|tough|difficult|rough) time",
    r"it (worries|scares|concerns|frightens|bothers|upsets|makes|gets|leaves|rattles|unsettles|"
    r"throws) me",
    r"[\w' ]{1,40}? (scrambles|messes with|does) my head",
    r"it'?s (hard|difficult|tough) for me",
    r"i (worry|fret|panic|struggle|don'?t like|do not like|hate|can'?t (stand|bear))",
    r"i'?m (struggling|finding it (hard|difficult|tough))",
    # what they do, then its effect: "Hearing about the petrol frightens me"
    r"[\w' ]{1,40}? (frightens|scares|worries|concerns|bothers|upsets|unsettles|rattles) me",
)
I_MESSAGE_OPEN = (
    *I_MESSAGE_EFFECT,
    r"i (am|was)",
    r"i'?m (feeling|getting|really|a bit|a little)?",
)
I_MESSAGE_CONCERN = (
    FEELINGS + r"|scares|worries|concerns|frightens|bothers|upsets|worried|concerned|uneasy|"
    r"uncomfortable|confused|muddled|flustered|rattles|unsettles|scrambles|don'?t like|"
    r"do not like|hate|"
    r"can'?t (stand|bear)|"
    r"hard to (help|follow|hear|"
    r"understand|think|listen)|difficult|bad|tense|rattled|(hard|tough|difficult|rough) time"
)
# A "when" clause before the effect: "When I see that blade, I feel scared..."
I_MESSAGE_WHEN = (
    r"^when [^,]{1,60}?,? (?=i (feel|felt|get|got|am|was|worry|start|find)\b|i'?m\b|"
    r"it (worries|scares|concerns|frightens|bothers|upsets|makes|gets)\b)"
)
# The full form ("I feel ... when you ... because ...") is an I-message by its shape, even
# when the feeling is one these lists don't know, if it opens with an effect on the officer.
I_MESSAGE_JOINS = ("when", "(because|'?cause|cos|coz|and i (want|need|'?d like))")

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

ANALYSE_CHARS = 2000  # the most of an answer the rules read (the rest is still counted)
