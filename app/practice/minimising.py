"""The rapport killer that makes their pain small: it is common, it will pass, others have
it worse, or it is only a saying away from fine. Part of the killers that dismiss
(`app.practice.dismissals`); `app.practice.killers` says how the patterns are written and
matched.
"""

from __future__ import annotations

from app.practice.speech import Killer

# Minimising: their pain is small, common, or will soon pass.
MINIMISING = Killer(
    "rapport-killer",
    (
        r"\bnot (that|so|really|even|all that) (bad|serious|big|terrible|awful|important)\b",
        r"\bnot the end of the world\b",
        r"\b(happens?|happened) for a reason\b|\b(new|other|another) doors? (open|opens)\b|"
        r"\bone door closes\b|\beverything happens\b",
        # the idioms: "a mountain out of a molehill", "all this over a parking ticket"
        r"\b(mountain out of a molehill|storm in a (teacup|teapot)|tempest in a teapot|"
        r"out of (all )?proportion|(fuss|song and dance|drama) (about|over) nothing)\b",
        r"^all (this|that)( fuss| drama| noise)? (over|for|because of) (a|an|some|one)\b",
        r"\bcould be worse\b",
        r"^at least\b",
        r"\b(no|not a) big deal\b",
        r"\byou'?ll get over\b",
        r"\b(everyone|everybody|people) (goes? through|hates?|has|have|deals?)\b",
        # "Lots of people...", "There are plenty of jobs" (not "let down by a lot of people")
        r"(^|there'?s |there are )(lots|a lot|plenty|loads) of (people|places|jobs|guys|"
        r"women|men|fish)\b",
        r"\byou'?ll (find|get|meet) (you |yourself )?(another|a new|someone|over|somebody)\b",
        r"\b(to|with|for) (lots|a lot|plenty|loads|heaps|tons) of (people|others|folk|folks)\b",
        r"\b((plenty|lots|loads) more|other) (fish|people|jobs|guys|girls|women|men)"
        r"( in the sea| out there)\b",
        r"\bfish in the (sea|pond|ocean|river|lake)\b|\bmore fish\b",
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
        r"(^|, )(it|that|these things|things|stuff|shit|accidents|mistakes) happens?([.!,]|$)",
        # "Everyone's been through that, you just move on."
        r"\b(everyone|everybody|we all|we'?ve all|everyone has|everybody has)('s| have| has)?"
        r"( all)? been through (that|this|it|worse)\b|^you just (move on|get over it|get on with "
        r"it)[.!]*$",
        r"\b(can'?t|don'?t|shouldn'?t|cannot) (go on |keep )?blam(e|ing) yourself (forever|for "
        r"ever|for the rest|all your life)\b",
        r"\bhappens to (everyone|everybody|all of us|the best of us|us all)\b",
        r"\bthink (of|about) your (family|kids|children|wife|husband|mother|mum|mom)\b",
        r"\bthink (of|about) (what|how) (this|it|that) (would|will|'ll|'d|is going to) ",
        r"\b(it|she|he|that)('s| is| was) (only|just) (a|money|a job|stuff)\b",
        r"\byou'?ll be (grand|right as rain|right)[.!,]",
        r"\b(he|she|they|it|that)('s| is|'re| are) not worth (it|this|that|your|dying|"
        r"crying)\b",
        # the same as a question: "Is that really worth dying over?"
        r"\b(is|was) (he|she|they|it|that|this|a \w+)( \w+)? (really |honestly )?worth "
        r"(dying|killing yourself|ending (it all|your life)|your life|throwing (it|your life) "
        r"(all )?away)\b",
        # it will pass: "You'll feel better tomorrow", "It'll blow over"
        r"\byou('ll| will|'re going to| are going to|'re gonna) (feel|be|see things|look "
        r"back|laugh|get past|forget|move on|bounce back)\b[^.?!]{0,30}\b(better|"
        r"differently|fine|tomorrow|morning|one day|someday|soon|about (this|it))\b",
        r"\b(it|this|that|things|everything)('ll| will| is going to|'s going to|"
        r" is gonna|'s gonna)( all)? (pass|blow over|look better|seem better|get better|"
        r"feel better|work (itself )?out|sort itself out)\b",
        r"\b(time heals|cheer up|chin up|bright side)\b",
        r"\b(others|other people|some people|people out there) (have it|are|have got it|"
        r"got it) (worse|harder|tougher)\b",
        r"\bworse off than you\b",
        r"\b(people|ppl|folk|folks|kids|others)( \w+){0,3} (who'?d|who would|would|'d) "
        r"(kill|give anything|love|give their (right )?arm) (for|to have) (your|what you|"
        r"a life like)\b",
        r"\bit'?s (only|just) a (bad|rough|tough|hard) (day|patch|night|week|spell|phase)\b",
        r"^(of )?course (you are|you did|you do|you were|you have|it is|they are)[.!]*$",
        r"\band i'?m the (queen|king|pope|president|prime minister|tooth fairy)\b",
        r"^(whatever|if you say so|sure you (did|do|are|were|have)|oh please|give me a break|"
        r"spare me|boo hoo|cry me a river|get over (it|yourself)|join the club|"
        r"welcome to the club)\b",
        # telling them not to feel it (like "calm down" in style.md)
        r"\bdon'?t (you )?(worry|panic|cry|stress|fret|get (so )?(upset|worked up)|be (so )?("
        r"scared|afraid|upset|sad|angry|mad|nervous|worried|embarrassed|ashamed))\b",
        r"\bno need to (worry|panic|cry|be|get|feel)\b",
        # "calm down" in other words
        r"\b(settle|simmer|quiet|cool|chill|calm|pipe)( yourself| it| things)? down\b",
        r"\b(chill out|take it easy|take it down a (notch|peg|bit|level)|easy tiger)\b",
        r"\b(lower|keep down) your voice\b",
        r"\bno need (to|for) (shout|yell|swear|scream|(the|that|this|all (that|this|the)) "
        r"(shouting|yelling|language|"
        r"attitude|drama|tone))",
        r"\bnothing to (worry|cry|get upset) about\b",
        # "Nothing to be scared of, love."
        r"\bnothing to be (so )?(scared|afraid|frightened|worried|upset|nervous|ashamed|"
        r"embarrassed|angry|panicking|sad)( of| about)?\b",
        # what they still have, held up against what they lost: "You've got your health."
        r"\byou('ve| have)( still)? (got )?your (health|whole life|youth|looks|freedom)\b|"
        r"^so what([,.!?]*$| if you\b[^?]*$)|\bsimple as( that)?[.!]*$",
        # what they say waved aside: "That's not relevant here.", "It means nothing to me."
        r"\b(it'?s|that'?s|this is|that was|it was)( \w+)? (not relevant|irrelevant|beside the "
        r"point|not the point|not the issue|neither here nor there)\b|"
        r"\b(it'?s|that'?s|this is|that was|it was)( \w+)? (old news|in the past)( now)?[.!]*$|"
        r"\bmeans? nothing to (me|us|anyone|anybody)\b|\bnot playing (that|this|your|these|"
        r"those|any)( \w+)? games?\b",
        r"^you'?re (fine|ok|okay|alright|all right)[.!]*$",  # dismissing, not asking
        # the sayings people reach for: "Tomorrow's another day.", "It is what it is."
        r"\b(tomorrow'?s|tomorrow is) (another|a new|a different) day\b|\bsilver lining\b|"
        r"\b(look|looks|seem|seems) (better|brighter|different) (in the|by|after|come)( the)? "
        r"(morning|daylight|tomorrow|sleep)\b|\bit'?s (always )?darkest before\b|"
        r"\bwhat doesn'?t kill you\b|\b(this|it) too (shall|will) pass\b|\bit is what it is\b|"
        r"\bit'?s what it is\b|\b(life goes on|life'?s too short|such is life|c'?est la vie)\b|"
        r"\blight at the end of (the|this) tunnel\b|\b(crying over|spilt|spilled) milk\b|"
        r"\bwater under the bridge\b|\blet bygones\b|\b(keep|stay) (positive|your head up)\b|"
        r"\bonwards? and upwards?\b|\bcount your blessings\b|\bgreat healer\b|"
        r"\bpermanent (solution|answer|fix) to a temporary\b|"
        r"\byour (whole|entire) life (ahead|in front)\b|\b(big|grown) (boys|girls|men|lads) "
        r"(don'?t|never) cry\b|\b(suck|toughen|buck) (it |yourself )?up\b|"
        r"\bsticks and stones\b|\bno pain,? no gain\b|\bwhat'?s done is done\b|"
        r"\bsent to (try|test) us\b|\bglass half\b|\bfirst world problem\b|"
        r"\b(no|not much) (point|use|sense) (in )?(crying|dwelling|worrying|getting (upset|"
        r"worked up|angry)|stressing)\b|\blaugh about (this|it) (one day|later|someday)\b|"
        r"\b(two wrongs|worse things happen|it takes two to|you live and "
        r"learn|live and learn|that'?s the way the cookie)\b",
    ),
    "It makes their pain small. Name the feeling instead: 'That sounds really hard.'",
)
