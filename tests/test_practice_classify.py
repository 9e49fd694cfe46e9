"""The classifier on labelled answers: the skill it names and the flags it raises.

These rows are the unit tests' own, in their own words; the labelled sets in
benchmarks/data/ are kept apart from them (benchmarks/practice.py scores those).
"""

from __future__ import annotations

import json

import pytest

from app.guide.model import Skill
from app.guide.style import Banned, StyleRules
from app.practice.classify import Classifier, classify
from app.practice.killers import ORDERS

# The writing rules of issue 7, as content/style.md states them.
STYLE = StyleRules(
    banned=tuple(
        Banned(expr, advice, i + 1)
        for i, (expr, advice) in enumerate(
            [
                ("calm down", 'Name the feeling instead: "You sound really upset."'),
                ("relax", 'Name the feeling instead: "You sound tense."'),
                ("you should", 'Ask instead: "What would help right now?"'),
                ("why did you", 'Ask "What happened?" instead.'),
                ("I know exactly how you feel", 'Say what you hear: "You sound..."'),
                ("hostage*", 'Say "the people with you", or use their names.'),
                ("surrender*", "Talk about coming out safely, when the team says how."),
                ("give up", "Talk about coming out safely, when the team says how."),
                ("deadline*", "Never set one. Talk past theirs."),
                ("demand*", 'Say "what you want" or "what you need".'),
            ]
        )
    ),
    max_words=20,
)
C = Classifier(STYLE)

GOOD = [
    # --- a few ways of saying a skill that the cues learned late ---
    ("They made me look an idiot.", "Mortified. That's what I hear.", "emotion-labeling"),
    ("She won't let me see him.", "It appears you're scared of losing him.", "emotion-labeling"),
    ("Go on then.", "okay okay okay okay", "minimal-encouragers"),  # a few side by side
    ("I just need someone to hear it.", "ok im listening", "minimal-encouragers"),  # texting
    (
        "I've got the knife and I'm not afraid to use it.",
        "When I see the knife out, I get scared for you both, because I want nobody hurt.",
        "i-messages",
    ),  # the effect after a "when" clause about what the officer sees
    # --- emotion labeling ---
    ("I haven't slept in days.", "You sound worn out.", "emotion-labeling"),  # plain frame
    ("She left with the kids.", "It sounds like you're heartbroken.", "emotion-labeling"),
    ("Everyone's against me!", "It seems like you feel nobody's on your side.", "emotion-labeling"),
    ("I'm going to lose the farm.", "I'm guessing you're scared about money.", "emotion-labeling"),
    ("They laughed at me.", "That sounds humiliating... and painful.", "emotion-labeling"),
    ("Leave me alone!", "You seem really angry right now.", "emotion-labeling"),  # "you seem"
    ("I can't breathe in here.", "It sounds like you're panicked.", "emotion-labeling"),
    ("My dog is all I have.", "He sounds really important to you.", "emotion-labeling"),  # he
    ("I'm done.", "You must be worn out.", "emotion-labeling"),  # "you must be", not an order
    ("Nobody came to the funeral.", "Losing him is so hard.", "emotion-labeling"),  # no frame
    # --- paraphrasing (judged against what they said) ---
    (
        "My brother stole my truck and sold it for drugs.",
        "So your brother took your truck and sold it.",
        "paraphrasing",
    ),  # "so" + their facts, pronouns turned round
    (
        "I worked there ten years and they let me go by email.",
        "You're saying after ten years they fired you with an email.",
        "paraphrasing",
    ),
    (
        "The school won't let me see my daughter.",
        "If I've got this right, the school is keeping you from your daughter.",
        "paraphrasing",
    ),
    (
        "My landlord keeps coming in without asking.",
        "What I'm hearing is your landlord walks in whenever he likes.",
        "paraphrasing",
    ),
    (
        "I paid the fine and they still took my license.",
        "It sounds like you paid, and they took your license anyway.",
        "paraphrasing",
    ),  # "it sounds like" with facts, no feeling word: a paraphrase
    (
        "My wife told the judge lies about me.",
        "Your wife told the judge things that aren't true.",
        "paraphrasing",
    ),  # no frame, but their facts in fewer words
    ("I just want my job back.", "You want your job back.", "paraphrasing"),  # a statement
    (
        "They keep saying it's my fault.",
        "You've been blamed for all of it.",
        "paraphrasing",
    ),  # their story told back in other words
    # --- mirroring ---
    ("I'm done with all of them.", "Done with all of them?", "mirroring"),
    ("She took everything.", "Took everything?", "mirroring"),
    ("Nobody ever listens to me.", "Nobody listens?", "mirroring"),
    ("I just want to see my kids.", "See your kids?", "mirroring"),  # my -> your
    ("It's the last time they do this to me.", "The last time?", "mirroring"),
    ("I left my son a note.", "A note for your son?", "mirroring"),  # their words, reordered
    ("I'm tired of fighting.", "Tired of fighting?", "mirroring"),
    # --- summarizing ---
    (
        None,
        "Let me check I have this right. You lost your job, the rent is due, and today it hit.",
        "summarizing",
    ),
    (
        None,
        "So far I've heard your kids matter most, and the court won't hear you. "
        "Did I miss anything?",
        "summarizing",
    ),
    (
        None,
        "You've had a hard week. Your dad died, then the landlord came, and now this. "
        "Is that right?",
        "summarizing",
    ),
    (
        None,
        "Let me make sure I follow: the car broke down, you missed the shift, and "
        "your boss fired you.",
        "summarizing",
    ),
    (
        None,
        "What I've heard so far is money's tight, your mum is ill, and you feel alone.",
        "summarizing",
    ),
    (
        None,
        "To recap, he moved out, took the dog, and stopped answering. Have I got that right?",
        "summarizing",
    ),
    # --- open-ended questions ---
    ("I don't know.", "What happened today?", "open-ended-questions"),
    ("It's a long story.", "Can you tell me more about that?", "open-ended-questions"),
    ("...", "What's going on for you right now?", "open-ended-questions"),
    ("It got out of hand.", "How did things get to this point?", "open-ended-questions"),
    ("I've had it with him.", "Tell me what he did.", "open-ended-questions"),  # request
    ("Nobody gets it.", "Help me understand what it's like for you.", "open-ended-questions"),
    ("I want out.", "What would make tonight a bit easier?", "open-ended-questions"),
    # --- minimal encouragers ---
    ("And then she left.", "Mm-hm.", "minimal-encouragers"),
    ("He never came back.", "Okay.", "minimal-encouragers"),
    ("That's when I lost it.", "I see.", "minimal-encouragers"),
    ("So I went to his place.", "Go on.", "minimal-encouragers"),
    ("I didn't know what to do.", "Okay. I'm listening.", "minimal-encouragers"),
    ("It was raining that night.", "Uh huh.", "minimal-encouragers"),
    # --- effective pauses ---
    ("I hate myself.", "...", "effective-pauses"),
    ("Do you even care?", "(pause for three seconds)", "effective-pauses"),
    ("AAARGH!", "[wait until the shouting stops]", "effective-pauses"),
    ("I think I messed up.", "(stay silent)", "effective-pauses"),
    ("Whatever.", "*silence*", "effective-pauses"),
    ("I don't know anymore.", "(say nothing, let them go on)", "effective-pauses"),
    # --- I-messages ---
    (
        "I'll kill him!",
        "I feel worried when I hear that, because I want everyone safe.",
        "i-messages",
    ),
    (
        "Shut up!",
        "I find it hard to follow when we both talk at once, because I want to understand.",
        "i-messages",
    ),
    (
        "Get out of my face.",
        "I get concerned when you wave the knife, because I don't want you hurt.",
        "i-messages",
    ),
    (
        "You're all useless.",
        "I feel frustrated when I'm yelled at, because I'm trying to help.",
        "i-messages",
    ),
    (
        "I'll break every plate in here.",
        "It worries me when things get thrown, because someone could get hurt.",
        "i-messages",
    ),
    (
        "You can't stop me.",
        "I'm uneasy when you talk like that, because I care what happens to you.",
        "i-messages",
    ),
    # --- rows added when set B showed the rules followed words, not the skills' shapes ---
    # I-messages: the full "I feel ... when ... because ..." shape, and other effect openers
    (
        "You keep screaming at me.",
        "I feel lousy when I'm screamed at, because I'm here to listen.",
        "i-messages",
    ),  # a feeling word the lists don't know: the full shape carries it
    (
        "Get lost, pig.",
        "I'm having a hard time hearing you when you shout, because I want to get this right.",
        "i-messages",
    ),  # "a hard time" as the effect
    (
        "Shut your mouth.",
        "It's hard for me to keep up when we talk over each other, because I want to follow you.",
        "i-messages",
    ),  # "it's hard for me"
    (
        "You're all liars.",
        "I feel rattled when you say that, because I've been honest with you.",
        "i-messages",
    ),
    # encouragers: the same sounds spelled other ways, and short "go on" words
    ("So I left.", "Mm-hmm.", "minimal-encouragers"),  # double m
    ("She never called.", "Ahh, okay.", "minimal-encouragers"),  # a drawn-out sound
    ("Then I saw the letter.", "Understood.", "minimal-encouragers"),
    ("He took the money.", "Makes sense. Go on.", "minimal-encouragers"),
    ("I went back inside.", "Yep, I'm following.", "minimal-encouragers"),
    # labels: what the officer picks up, a feeling named as a noun, a word said first
    ("Nobody picks up the phone.", "I'm sensing a lot of anger.", "emotion-labeling"),
    ("I lost the house.", "I can tell this has been devastating.", "emotion-labeling"),
    ("They laughed at me.", "Honestly, you sound really humiliated.", "emotion-labeling"),
    ("My dad never visited.", "I'm picking up on a lot of hurt.", "emotion-labeling"),
    ("My son won the race.", "You sound so proud of him.", "emotion-labeling"),  # warm
    # paraphrases without a lead-in: their story told back, a time or cause put first
    (
        "We moved here in June. I don't know a soul.",
        "Since the move, you've had nobody to lean on.",
        "paraphrasing",
    ),
    (
        "The plant shut and then my wife got sick.",
        "After the plant closed, your wife's illness hit too.",
        "paraphrasing",
    ),
    (
        "They cut my benefits and the rent doubled.",
        "Okay, your benefits got cut and the rent went up.",
        "paraphrasing",
    ),  # a word said first
    # summaries: the check in other words, and catching someone up at a handover
    (
        None,
        "The job went, the car went, your mum's ill, and you're exhausted. Does that sound right?",
        "summarizing",
    ),
    (
        None,
        "You lost the flat, your brother won't talk, and the court date is Monday. Am I close?",
        "summarizing",
    ),
    (
        None,
        "So you got sacked, the landlord called, and the bank froze your card. Correct?",
        "summarizing",
    ),
    (
        None,
        "Sam's our negotiator. Let me bring him up to speed: you want your sister kept out, "
        "nobody's hurt.",
        "summarizing",
    ),  # the handover summary the skills file asks for
    # open questions after a word said first
    ("It doesn't matter.", "Okay, so what happened after she left?", "open-ended-questions"),
    ("I'm done talking.", "Well, how did you get through last winter?", "open-ended-questions"),
    # mirrors: trailing off instead of a question mark; their own insult handed back
    ("I'm just tired of all of it.", "Tired of all of it...", "mirroring"),
    ("They treat me like an idiot.", "Like an idiot?", "mirroring"),  # not a judgement
    ("It's all gone, all of it.", "All of it?", "mirroring"),  # no content word, all theirs
    # feelings the lists don't know; labels in the -ing form
    ("I haven't slept in four days.", "You sound frazzled.", "emotion-labeling"),
    ("He'll be here soon.", "You're sounding really tense about him coming.", "emotion-labeling"),
    # I-messages: after a "when" clause, after "honestly", in the short form
    (
        "I'll scream if I want to!",
        "When you scream, I get worried, because I can't tell if you're hurt.",
        "i-messages",
    ),
    ("Leave me alone.", "Honestly, it scares me when you go quiet.", "i-messages"),
    ("Get away from the door!", "I'm finding it hard to hear you over the alarm.", "i-messages"),
    # texting, as typed on a phone
    (
        "My mum threw me out and my phone's cut off.",
        "ok so ur mum threw u out, ur phone's off & u've got nowhere. that right?",
        "summarizing",
    ),
    ("Nobody ever listens.", "whats been going on that nobody listens", "open-ended-questions"),
    ("Leave me be.", "(pause) ... (pause)", "effective-pauses"),  # only stage directions
    ("I'll tell you what happened.", ". . . .", "effective-pauses"),  # spaced dots
    ("Maybe I am scared.", "(wait, 4 s) ... mm.", "effective-pauses"),  # a pause, then a hum
    ("Go away.", "Please, tell me what's going on tonight.", "open-ended-questions"),
    ("I'm done.", "Reckon you're pretty worn out.", "emotion-labeling"),  # tentative
    ("Nobody cares.", "I think you're feeling very lonely.", "emotion-labeling"),
    ("It all went wrong at the gate.", "Take me through what happened at the gate.",
     "open-ended-questions"),  # a request, with no question mark
    ("Something happened the night.", "Whit's happened, pal?", "open-ended-questions"),  # Scots
    ("My sister stopped calling.", "Achha, go on.", "minimal-encouragers"),  # Indian English
    ("And then he just left.", "Cool. Cool.", "minimal-encouragers"),
    ("Get away from the door!", "I get jumpy when the door bangs, because I want to hear you.",
     "i-messages"),
    ("Nobody rings me back.", "Oh dear, you sound worn out.", "emotion-labeling"),
    ("She's gone.", "Aw pet, that sounds so lonely.", "emotion-labeling"),
    ("The voices won't stop.", "Well, that sounds frightening.", "emotion-labeling"),
    ("They laughed at me.", "You are feeling humiliated, isn't it?", "emotion-labeling"),  # a tag
    ("Nobody listens.", "Och, you sound scunnered.", "emotion-labeling"),
    ("I've had enough.", "Tell us what's been happening, pal.", "open-ended-questions"),
    ("He said he'd come back.", "Yessir. Go ahead.", "minimal-encouragers"),
    ("I've got petrol in the car.",
     "Hearing about the petrol scares me, because I want everyone safe.", "i-messages"),
]


@pytest.mark.parametrize("said, answer, skill", GOOD)
def test_good_answer_names_its_skill_and_raises_no_flag(said, answer, skill):
    r = C.classify(answer, said)
    assert (r.skill, [f.code for f in r.flags]) == (skill, [])
    assert 0.5 <= r.confidence <= 0.95


KILLERS = [
    ("Calm down!", {"banned-word", "rapport-killer"}),  # style rule, and telling them not to feel
    # guilt: the hurt of the people they love, foretold (an instructor's review)
    ("Your mum would be heartbroken seeing you like this.", {"rapport-killer"}),
    ("Honestly, your dad would be gutted to see you up there.", {"rapport-killer"}),
    ("It'd break your nan's heart.", {"rapport-killer"}),
    ("Look, your wife is going to be absolutely crushed.", {"rapport-killer"}),
    ("Relax, nobody's getting hurt.", {"banned-word", "promise"}),  # style rule + promise
    # "why did you" is on the never-say list: its advice, once (not the why rule's as well)
    ("Why did you do it?", {"banned-word"}),
    ("Why are you doing this to your family?", {"why-question"}),  # why = blame
    ("I know exactly how you feel.", {"banned-word", "rapport-killer"}),  # false empathy
    ("Let the hostages go first.", {"banned-word", "rapport-killer"}),  # banned + an order
    ("What are your demands?", {"banned-word"}),  # open, but a banned word
    ("You should surrender now.", {"banned-word"}),  # two banned expressions
    ("Drop the knife!", {"rapport-killer"}),  # an order
    ("Put the gun down and come out.", {"rapport-killer"}),  # orders
    ("You've got ten minutes to come out.", {"rapport-killer"}),  # setting a time limit
    ("If you don't come out, we'll come in.", {"rapport-killer"}),  # a threat
    ("It's not the end of the world, it could be worse.", {"rapport-killer"}),  # minimizing
    ("At least nobody died.", {"rapport-killer"}),  # minimizing
    ("That's a stupid thing to say.", {"rapport-killer"}),  # judging
    ("You're overreacting.", {"rapport-killer"}),  # judging
    ("No.", {"rapport-killer"}),  # flat no
    ("I'll call your wife so she can talk to you.", {"rapport-killer", "promise"}),  # third party
    ("What you need to do is hand yourself in.", {"rapport-killer"}),  # fixing too early
    ("I promise nobody will arrest you.", {"promise"}),  # a promise
    ("Nobody is going to hurt you.", {"promise"}),  # a promise the team can't keep
    ("Everything will be okay.", {"promise"}),  # false reassurance
    ("I'm not going anywhere.", {"promise"}),  # broken at handover
    ("So why would you scare your kids like that?", {"why-question"}),  # "why" after "so"
    ("You'll regret this.", {"rapport-killer"}),  # a threat
    ("Serves you right.", {"rapport-killer"}),  # judging
    ("Stop feeling sorry for yourself.", {"rapport-killer"}),  # an order
    ("I'll put your brother on the line.", {"rapport-killer", "promise"}),  # third party
    ("It's all in your head.", {"rapport-killer"}),  # arguing with what they live
    ("Listen, I'm doing my best here.", {"rapport-killer"}),  # lecturing
    # --- orders, however softly put ---
    ("I need you to step out of the car for me.", {"rapport-killer"}),  # the officer's need
    ("We're going to need you to set the bottle down.", {"rapport-killer"}),  # need, future
    ("Alright, just sit down on the step.", {"rapport-killer"}),  # soft words first
    ("You're going to walk out slowly now.", {"rapport-killer"}),  # said as a forecast
    ("It's time to put the blade away.", {"rapport-killer"}),  # "time to" presses
    ("Hurry up, we haven't got all night.", {"rapport-killer"}),  # rushing them
    # --- threats: a consequence if they don't comply ---
    ("One more step and you'll get pepper spray.", {"rapport-killer"}),  # condition, blow
    ("Do that again and you're going in the cell.", {"rapport-killer"}),  # condition, blow
    ("You'll be arrested if this goes on.", {"rapport-killer"}),  # what force will do
    ("The team is going to break the door.", {"rapport-killer"}),  # force, announced
    ("You'll never see your dog again if you do this.", {"rapport-killer"}),  # a loss
    # --- minimising: small, common, or soon over ---
    ("Hey, it's not so serious, honestly.", {"rapport-killer"}),  # not so serious
    ("Give it a week and it'll all blow over.", {"rapport-killer"}),  # it will pass
    ("You'll see things differently in the morning.", {"rapport-killer", "promise"}),  # and
    ("Don't worry about it, mate.", {"rapport-killer"}),  # told not to feel it
    ("No need to get upset.", {"rapport-killer"}),  # told not to feel it
    ("Think about what this will do to your mum.", {"rapport-killer"}),  # guilt
    # --- arguing with their account or their feeling ---
    ("That's not how your wife described it.", {"rapport-killer"}),  # someone else's word
    ("That never happened.", {"rapport-killer"}),  # flat contradiction
    ("No, you weren't at work that night.", {"rapport-killer"}),  # "no, you..."
    ("You don't really mean that.", {"rapport-killer"}),  # telling them what they feel
    ("You shouldn't say things like that.", {"rapport-killer"}),  # "you should", negated
    # --- what they see or hear: neither argue nor agree ---
    ("There's no camera in your ceiling.", {"rapport-killer"}),  # denying it
    ("Nobody is following you around.", {"rapport-killer"}),  # denying it
    ("You're just imagining things.", {"rapport-killer"}),  # denying it
    ("The voices aren't real.", {"rapport-killer"}),  # denying it
    ("Sure, they probably do.", {"rapport-killer"}),  # agreeing with the belief
    ("I can hear them too.", {"rapport-killer"}),  # agreeing with the belief
    # --- offering yourself, bringing someone in ---
    ("Let me come in and we can sit together.", {"rapport-killer"}),  # going in
    ("Your sister is on her way to talk to you.", {"rapport-killer"}),  # third party
    # --- minimising, judging and contradicting in everyday words ---
    ("You've got plenty to live for.", {"rapport-killer"}),  # minimising
    ("These things happen, it's not the end of you.", {"rapport-killer"}),  # minimising
    ("Don't be soft, pull through.", {"rapport-killer"}),  # judging
    ("You're clearly wasted right now.", {"rapport-killer"}),  # labelling them
    ("You're being paranoid again.", {"rapport-killer"}),  # labelling them
    ("Of course she cares about you.", {"rapport-killer"}),  # contradicting their doubt
    ("No one set you up, you did this.", {"rapport-killer"}),  # denying their account
    # --- orders stated as facts ---
    ("You will answer me when I talk to you.", {"rapport-killer"}),  # an order
    ("You're staying put, end of discussion.", {"rapport-killer"}),  # an order
    # --- making it about yourself, defending yourself ---
    ("Same thing happened to me last year.", {"rapport-killer"}),  # story-topping
    ("My landlord did that to me as well.", {"rapport-killer"}),  # story-topping
    ("I'd hardly drive out here at 3am for fun, would I?", {"rapport-killer"}),  # sarcasm
    ("Don't take it out on me, I'm only doing my job.", {"rapport-killer"}),  # defensive
    # --- trading, moral verdicts, clergy, taking a belief as real ---
    ("Sure, some beers for the rifle, sounds fair.", {"rapport-killer"}),  # a trade
    ("Fine, deal.", {"rapport-killer"}),  # agreeing a deal yourself
    ("Killing yourself is a sin, you know that.", {"rapport-killer"}),  # moral verdict
    ("A good dad doesn't scare his kids like this.", {"rapport-killer"}),  # lecturing
    ("Let me call the chaplain for you.", {"rapport-killer"}),  # third party
    ("If they're spying on you, you were smart to hide.", {"rapport-killer"}),  # colluding
    ("Have you gone off your meds?", {"rapport-killer", "closed-question"}),  # labelling
    ("I've had a long shift too, believe me.", {"rapport-killer"}),  # your day
    ("Yeah right, and I'm Santa Claus.", {"rapport-killer"}),  # sarcasm
    ("You'll come out the easy way or the hard way.", {"rapport-killer"}),  # a threat
    ("Your boy will be fine, don't you worry.", {"rapport-killer", "promise"}),  # promise
    # --- laughing, blaming, groups, the "but", defending, fixing with a plan ---
    ("Haha, you wouldn't even get wet from there.", {"rapport-killer"}),  # mocking
    ("What was she doing out so late anyway?", {"rapport-killer"}),  # blaming the victim
    ("These guys never learn, do they?", {"rapport-killer", "closed-question"}),  # groups
    ("I understand, but you're scaring everyone.", {"rapport-killer"}),  # the "but"
    ("Don't pin this on me, mate.", {"rapport-killer"}),  # defending yourself
    ("That's the drink talking, not you.", {"rapport-killer"}),  # dismissing
    ("Call the bank first thing Monday and ask for a payment plan.", {"rapport-killer"}),
    ("One bottle, and then you send the kid out.", {"rapport-killer"}),  # a trade
    ("Nobody's gonna arrest you tonight.", {"promise"}),  # a promise, contracted
    ("Do that and you'll end up in custody.", {"rapport-killer"}),  # a threat
    # --- gentle orders, rushing, the means made small, sarcasm, your own day, clergy ---
    ("Let's set the bat down by the door.", {"rapport-killer"}),  # an order as a plan
    ("Slowly now, nice and easy.", {"rapport-killer"}),  # a tactical command
    ("Good, let's wrap this up then.", {"rapport-killer"}),  # rushing to the end
    ("That stuff can't hurt you, it's only paracetamol.", {"rapport-killer"}),  # means
    ("Perfect, just what I needed tonight.", {"rapport-killer"}),  # sarcasm
    ("I'm freezing too, you know.", {"rapport-killer"}),  # your own trouble
    ("We'll have your pastor come pray over you.", {"rapport-killer"}),  # third party
    ("What did you say to upset him?", {"rapport-killer"}),  # blame, asked openly
    # --- promises without the word "promise": what only others decide ---
    ("The charges will be dropped.", {"promise"}),  # the legal outcome
    ("The court will go easy on you.", {"promise"}),  # the legal outcome
    ("Come out and you'll be home for dinner.", {"rapport-killer", "promise"}),  # and order
    ("If you hand it over, you can go home tonight.", {"promise"}),  # a reward
    ("I'll make sure nobody touches you.", {"promise"}),  # their safety
    ("Nothing bad is going to happen tonight.", {"promise"}),  # how it ends
    ("I'll see about getting you some cigarettes.", {"promise"}),  # a thing to give
    # --- read again without the words a sentence opens with ---
    ("Alright darling, you're going to come and stand by me.", {"rapport-killer"}),  # pet name
    ("Oh, at least the rain stopped.", {"rapport-killer"}),  # minimising after "oh,"
    # --- any sentence that opens with a verb of doing: an order, however kind ---
    ("Keep your hands where I can see them.", {"rapport-killer"}),
    ("Go home and sleep it off, pal.", {"rapport-killer"}),
    ("Please just leave the bag on the bench.", {"rapport-killer"}),
    ("Mate, think about the lads at work.", {"rapport-killer"}),
    ("Hang in there, it gets easier.", {"rapport-killer"}),
    ("Breathe.", {"rapport-killer"}),  # a verb alone that orders
    ("Right, let's get you home to bed.", {"rapport-killer"}),  # a plan for their body
    # --- bringing people in, in other words ---
    ("The minister is downstairs if you want him.", {"rapport-killer"}),
    ("I'll have your nan ring you in a bit.", {"rapport-killer", "promise"}),
    ("Want your uncle to talk to you?", {"rapport-killer"}),
    # --- rules, calming orders, jokes, guilt, siding with the other side ---
    ("Threatening people is against the law, you know.", {"rapport-killer"}),
    ("You're not allowed to drink out here.", {"rapport-killer"}),
    ("Take it down a notch, fella.", {"rapport-killer"}),
    ("No need for the language.", {"rapport-killer"}),
    (
        "Bit chilly for a swim, isn't it?",
        {"rapport-killer", "closed-question"},
    ),  # a joke about the place
    ("you picked a lovely spot lol", {"rapport-killer"}),
    ("Your poor kids are watching this.", {"rapport-killer"}),  # guilt
    ("He's not worth it.", {"rapport-killer"}),  # minimising
    ("The bailiff was only doing his job.", {"rapport-killer"}),  # siding against them
    ("Okay, here's the plan: shower, sleep, then the GP.", {"rapport-killer"}),  # a fix
    ("We can have that fixed for you by Monday.", {"promise"}),  # a fix only others give
    # --- an order in a later clause, advice dressed up, hurrying, dismissing ---
    ("I get that you're fed up, but lower the bat.", {"rapport-killer"}),  # after "but"
    ("Okay pal; go and wait by the gate.", {"rapport-killer"}),  # after a semicolon
    ("If I were you I'd ring your landlord.", {"rapport-killer"}),  # advice
    ("It'd be best if you came down now.", {"rapport-killer"}),  # advice
    ("We don't have all night here.", {"rapport-killer"}),  # hurrying
    ("Loads of folk are worse off than you.", {"rapport-killer"}),  # comparing
    ("It's just a rough patch.", {"rapport-killer"}),  # minimising
    ("Whatever, mate.", {"rapport-killer"}),  # dismissing
    ("I know what it's like, honestly.", {"rapport-killer"}),  # false empathy
    ("What's wrong with you tonight?", {"rapport-killer"}),  # blaming
    ("Leave the rent to me, I'll sort it.", {"rapport-killer", "promise"}),  # a fix
    # --- favours that are orders, the weapon mocked, sides taken, your own family ---
    ("Could you just hand the keys through the window?", {"rapport-killer", "closed-question"}),
    ("How about you sit on the wall for a bit.", {"rapport-killer"}),
    ("That blade couldn't even cut toast.", {"rapport-killer"}),  # mocking the weapon
    ("What did you expect, going round there drunk?", {"rapport-killer"}),  # blaming
    ("Your girlfriend's right.", {"rapport-killer"}),  # taking sides
    ("You're better off without him anyway.", {"rapport-killer"}),  # taking sides
    ("You're fine.", {"rapport-killer"}),  # dismissing
    ("My brother went through a divorce.", {"rapport-killer"}),  # your own family
    ("If you let her go, we'll get you a lawyer.", {"promise", "rapport-killer"}),  # a trade
    # --- sarcasm, blame, siding with the violence, labels, outcomes only others decide ---
    ("Sure, because you've made tonight so easy.", {"rapport-killer"}),  # sarcasm
    ("He's been a real treat all evening.", {"rapport-killer"}),  # sarcasm
    ("What did he say to set you off?", {"rapport-killer"}),  # blame, the other way round
    ("Mate, I'd have kicked off as well.", {"rapport-killer"}),  # siding with the violence
    ("Your ex sounds like a right piece of work.", {"rapport-killer"}),  # taking sides
    ("you're talking nuts now", {"rapport-killer"}),  # a label, typed as said
    ("Be real, you're not thinking straight.", {"rapport-killer"}),  # a label
    ("This is a bit selfish, isn't it?", {"rapport-killer", "closed-question"}),  # judging
    ("I'll text your caseworker and get the ban lifted.", {"promise"}),  # not theirs to give
    # --- breaking off contact, claiming the decisions ---
    ("Sorry, I've got to take this call.", {"rapport-killer"}),
    ("Hold that thought, I'll be right back.", {"rapport-killer"}),
    ("I'm in charge here, so talk to me.", {"rapport-killer"}),
    ("I can okay that for you.", {"rapport-killer"}),
    # --- a polite no, yourself instead of someone, rushing, blame, jokes, belief as real ---
    ("Sorry, but that's not something the police do.", {"rapport-killer"}),  # a flat no
    ("Giving you the car is out of the question.", {"rapport-killer"}),  # a flat no
    ("What if I wait in there with you?", {"rapport-killer"}),  # offering yourself
    ("Take me instead of your son.", {"rapport-killer"}),  # an exchange
    ("Ideally we'd wrap it up in the next ten minutes.", {"rapport-killer"}),  # a time limit
    ("Don't lump me in with the ones who arrested you.", {"rapport-killer"}),  # defending
    ("Grab me a coffee while you're up there.", {"rapport-killer"}),  # a joke
    ("Was there anything to upset him before he hit you?", {"rapport-killer", "closed-question"}),
    ("Thanks for protecting the town from them.", {"rapport-killer"}),  # the belief as real
    # --- sarcasm with 'cause, condoning, a warning of force, insults, a visit promised ---
    ("Yeah, 'cause you've been so easy to talk to.", {"rapport-killer"}),  # sarcasm
    ("Stop taking this out on me.", {"rapport-killer"}),  # defending yourself
    ("I don't really blame you, he had a mouth on him.", {"rapport-killer"}),  # condoning
    ("Come out before the dogs get sent in.", {"rapport-killer"}),  # a warning of force
    ("You'd best put that down, buddy.", {"rapport-killer"}),  # an order as advice
    ("Go home and sober up.", {"rapport-killer"}),  # an order
    ("Don't be such a muppet.", {"rapport-killer"}),  # an insult
    ("We'll pop round to the neighbours and sort it.", {"promise"}),  # a visit promised
    # --- the weapon's fate as fact, the law held over them, people already called ---
    ("Right, that knife stays on the table now.", {"rapport-killer"}),  # an order as fact
    ("I get it, but the bat is going in the bin.", {"rapport-killer"}),  # after "but"
    ("The doctors can have you sectioned, you know.", {"rapport-killer"}),  # the law held over
    ("We could just take you in anyway.", {"rapport-killer"}),
    ("I've phoned your brother, he's driving over.", {"rapport-killer"}),  # family brought in
    ("Rabbi Cohen will knock sense into you.", {"rapport-killer"}),  # clergy, and "sense into"
    # --- minimising idioms, blame, agreeing with what they fear, sarcasm, the place run down
    ("It's a storm in a teacup, really.", {"rapport-killer"}),
    ("All this fuss over a parking fine?", {"rapport-killer"}),
    ("I hear you, but honestly the lad meant no harm.", {"rapport-killer"}),  # "but" unsaid
    ("He should have known better than to lie to you.", {"rapport-killer"}),  # taking sides
    ("I bet they're tracking your phone as well.", {"rapport-killer"}),  # agreeing
    ("Sure, I'm freezing out here for my health.", {"rapport-killer"}),  # sarcasm
    ("Brilliant, so we all just wait while you sulk.", {"rapport-killer"}),
    ("Not this little tantrum again.", {"rapport-killer"}),
    ("No wonder, the flat's a total pigsty.", {"rapport-killer"}),  # the place run down
    # --- a comeback with no listening skill in it ---
    ("Well, the neighbours have rights too.", {"rapport-killer"}),
    ("Hey, I've been polite with you all night.", {"rapport-killer"}),
    ("Look, the council aren't monsters.", {"rapport-killer"}),
    ("It was his call to make anyway.", {"rapport-killer"}),
    # --- what set M showed, in other words ---
    ("You'll leave the flat with your hands up in five minutes.", {"rapport-killer"}),
    ("I'll personally see to it the landlord backs off.", {"promise"}),
    ("Nope, pal.", {"rapport-killer"}),  # a flat no with a name on the end
    ("I'll get someone to bring his momma over.", {"rapport-killer"}),  # family brought in
    ("It all happens for a reason, love.", {"rapport-killer"}),  # minimising
    ("Of course you did.", {"rapport-killer"}),  # sarcasm
    ("Bit theatrical, all this.", {"rapport-killer"}),  # judging
    ("You're absolutely blootered, mate.", {"rapport-killer"}),  # labelling them drunk
    ("Feeling sorry for ourselves, are we?", {"rapport-killer"}),  # a patronising tag
    ("I perfectly understand your anger.", {"rapport-killer"}),  # false empathy
    # --- what set O showed, in other words ---
    ("Go on then, name your price for the lad.", {"rapport-killer"}),  # bargaining
    ("He might have said something to set you off, eh.", {"rapport-killer"}),  # victim blamed
    ("Aye, but ye're gonnae let the wean go now.", {"rapport-killer"}),  # Scots, an order
    ("Let's pop you in the back of the car, pal.", {"rapport-killer"}),  # custody
    ("Well, he maybe had a point about the money.", {"rapport-killer"}),  # comeback, weak skill
    # --- talking at them, with no listening skill in it ---
    ("Yeah, the bus company probably did lose your bag on purpose.", {"rapport-killer"}),
    ("Fair enough, nobody likes being told no by the council.", {"rapport-killer"}),
    ("Okay, so we just pop down to the car and have a chat there.", {"rapport-killer"}),
    ("Aye, right enough, they do post letters through for a reason.", {"rapport-killer"}),
    ("Easy, tiger, the van won't bite.", {"rapport-killer"}),
    ("Wow, that's one way to spend a Tuesday.", {"rapport-killer"}),
    ("The neighbours just want some sleep, pal.", {"rapport-killer"}),  # named, talked down to
    ("Chin up, buddy, it'll look different after a kip.", {"rapport-killer"}),
    ("You will put the scissors in the tray and step back.", {"rapport-killer"}),  # foretold
    ("You're going to feel silly about this tomorrow.", {"rapport-killer"}),
    # --- what sets S and U showed, in other words ---
    ("So are you putting the bat down or not?", {"rapport-killer"}),  # an ultimatum
    ("I do apologise, but that just isn't possible.", {"rapport-killer"}),  # a polite flat no
    ("What would your gran think, seeing you like this?", {"rapport-killer"}),  # guilt
    ("Somebody's skipped their tablets again, eh?", {"rapport-killer"}),  # "somebody" for you
    # --- what sets V and W showed, in other words ---
    ("That's just the drink talking, mate.", {"rapport-killer"}),  # put down to drink
    ("I'd be exactly the same if I were you.", {"rapport-killer"}),  # their feeling claimed
    ("Don't look at me, I wasn't even on shift that night.", {"rapport-killer"}),  # defending
    # --- what set N showed, in other words ---
    ("You won't go back inside, I'll make sure of that.", {"promise"}),
    ("Shall I see if the chaplain can talk with you?", {"rapport-killer", "closed-question"}),
    ("It's been done to heaps of folk, mind.", {"rapport-killer"}),  # minimising
    ("I understand, but breaking windows won't fix it.", {"rapport-killer"}),  # the "but"
    ("Drinking is never the answer, son.", {"rapport-killer"}),  # a lecture
    ("You're blocking the whole high street, you know.", {"rapport-killer"}),  # a nuisance
    # --- what sets P and Q showed, in other words ---
    ("Yeah, they really do listen in on calls like that.", {"rapport-killer"}),  # agreeing
    ("Been through a breakup myself, mine was nastier.", {"rapport-killer"}),  # story-topping
    ("Deal: the cigarettes, then you let the boy out.", {"rapport-killer"}),  # trading
    ("Please confirm whether the gun is registered to you.", {"rapport-killer"}),  # evidence
    ("We need you to cooperate with the process.", {"rapport-killer"}),  # an order in jargon
    ("You've got till the end of this song to decide.", {"rapport-killer"}),  # a deadline
    ("What sort of dad scares his kids like that?", {"rapport-killer"}),  # judging
    ("Putting the phone down or what?", {"rapport-killer"}),  # pressure
    ("If you hadn't gone out, she wouldn't have shouted.", {"rapport-killer"}),  # victim blamed
    ("Your gran would be so disappointed in you.", {"rapport-killer"}),  # guilt
    ("We'll find a way to drive those spirits out of the house.", {"rapport-killer"}),  # colluding
    ("Honestly mate, we've all been there.", {"rapport-killer"}),  # minimising
    ("There are cheaper ways to get a lift home, pal.", {"rapport-killer"}),  # sarcasm
    # --- what set R showed, in other words ---
    ("Dying can be quite peaceful, honestly.", {"rapport-killer"}),  # death made gentle
    ("I dealt with loads of cases like yours.", {"rapport-killer"}),  # about yourself
    ("Simple fix, I'll have the landlord sort it within the hour.", {"promise"}),
    ("We'll talk once you've stepped out with your hands visible.", {"rapport-killer"}),
    ("Put a finger on him and you'll never walk free again.", {"rapport-killer"}),  # a threat
    ("She probably shouldn't have provoked you like that.", {"rapport-killer"}),  # taking sides
    ("With all due respect, the bank doesn't make mistakes like that.", {"rapport-killer"}),
    ("There's no such thing as ghosts, love.", {"rapport-killer"}),  # arguing
    ("Oh aye, real hard man. Want a medal for it?", {"rapport-killer"}),  # sarcasm
    ("You'll be right. It was only a phone.", {"rapport-killer"}),  # minimising
    # --- general ways of saying the known kinds (domain brief Don'ts, common speech) ---
    ("You are being dramatic about a parking fine.", {"rapport-killer"}),  # written out in full
    ("Do not touch that door.", {"rapport-killer"}),  # an order, written out in full
    ("I get that, but everybody has debts.", {"rapport-killer"}),  # yes-but
    ("Okay, point taken, but the landlord has rights too.", {"rapport-killer"}),  # yes-but
    ("Look, life goes on.", {"rapport-killer"}),  # a saying that makes it small
    ("What's done is done, there's no point dwelling.", {"rapport-killer"}),  # a saying
    ("I had a landlord like that once, worse than yours.", {"rapport-killer"}),  # your past
    ("Back in my day we just got on with it.", {"rapport-killer"}),  # your past
    ("Watch your language with me.", {"rapport-killer"}),  # defending yourself
    ("I'm not your punchbag.", {"rapport-killer"}),  # defending yourself
    ("Very funny. Anything else?", {"rapport-killer"}),  # sarcasm
    ("Chop chop, the cold's getting to everyone.", {"rapport-killer"}),  # hurrying
    ("You need proper help, that's obvious.", {"rapport-killer"}),  # a verdict on them
    ("Don't make me climb up there.", {"rapport-killer"}),  # a threat
    ("If you unlock the door I'll sort you a coffee.", {"rapport-killer"}),  # a trade
    ("Believe me, I know.", {"rapport-killer"}),  # false empathy
    ("I can walk in there unarmed if that helps.", {"rapport-killer"}),  # offering yourself
    ("Understood. Nobody likes paying fines.", {"rapport-killer"}),  # agrees, no listening
    # --- what sets AA and AB showed, in other words ---
    ("I'm formally requesting that you step out of the vehicle.", {"rapport-killer"}),  # order
    ("We must ask you to lower the bat now.", {"rapport-killer"}),  # an order, politely
    ("Let me jot down a number for you.", {"rapport-killer"}),  # a referral as the fix
    ("Hand me the keys and I'll get you a coffee.", {"rapport-killer", "promise"}),  # a trade
    ("Bring the kid to the window and then we'll talk about the car.", {"rapport-killer"}),
    ("Is that your tinfoil hat talking?", {"rapport-killer", "closed-question"}),  # mocking
    ("They don't.", {"rapport-killer"}),  # a bare denial of what they said
    ("The cameras don't even know you exist.", {"rapport-killer"}),  # arguing
    ("You'd hate the cold down there.", {"rapport-killer"}),  # putting them off
    ("The river's freezing this time of year.", {"rapport-killer"}),  # putting them off
    # --- what sets AC, AD and AE showed, in other words ---
    ("Plenty more fish in the lake, mate.", {"rapport-killer"}),  # minimising, loosened
    ("My eldest son went the same way.", {"rapport-killer"}),  # your own family
    ("She brought half of this on herself, to be fair.", {"rapport-killer"}),  # victim blamed
    ("Been there. You get over it.", {"rapport-killer"}),  # false empathy
    ("Kids in hospital would give anything for what you've got.", {"rapport-killer"}),
    ("Honestly, that's old news now.", {"rapport-killer"}),  # waved aside
    ("Your threats mean nothing to me.", {"rapport-killer"}),  # waved aside
    ("I'm well past the end of my shift here.", {"rapport-killer"}),  # your own day
    ("We've been stood out here for three hours already.", {"rapport-killer"}),  # your wait
    ("Oh brilliant, the phone's dead.", {"rapport-killer"}),  # sarcasm
    ("Open up or it's going to get ugly.", {"rapport-killer"}),  # a threat
    ("u need 2 put it down", {"rapport-killer"}),  # texting "2" for "to"
    ("You've got 2 minutes.", {"rapport-killer"}),  # a deadline: "2" stays a number
    ("Right, you put the gun down, then step out. Yeah?", {"rapport-killer"}),  # "Yeah?" ends
]


KILLERS_SAID = "I'm not coming out."  # what the person said before each of KILLERS


@pytest.mark.parametrize("answer, codes", KILLERS)
def test_rapport_killers_are_flagged(answer, codes):
    r = C.classify(answer, KILLERS_SAID)
    assert {f.code for f in r.flags} == codes
    assert r.feedback.endswith(r.flags[0].message)  # the first problem is in the feedback


OTHER_FLAGS = [
    ("Are you okay?", "closed-question"),  # yes/no where "what's happening?" fits
    ("Did something happen at work?", "closed-question"),
    ("You're not going to do anything stupid, are you?", "closed-question"),  # tag question
    ("You'll stay put up there, will ya?", "closed-question"),  # "ya" as a tag
    (
        "I really want to hear everything that happened to you today, so please take all "
        "the time you need to tell me about it.",
        "too-long",
    ),  # 24 words: more than one breath
]


@pytest.mark.parametrize("answer, code", OTHER_FLAGS)
def test_weak_answers_get_their_flag(answer, code):
    assert code in {f.code for f in C.classify(answer).flags}


NOT_FLAGGED = [
    "Are you thinking about killing yourself?",  # ask it straight: closed is right here
    "You're worried your mum would be heartbroken.",  # their fear named back, not guilt
    "Do you have a plan?",  # suicide risk question
    "Is anyone else hurt?",  # safety question
    "Have you taken anything tonight?",  # medical question
    "My name is Sam. I'm with the police. I'm here to help.",  # introduction
    "I'm not the one who decides that, but I'll pass it on.",  # honest, no promise
    "I'll be here while we talk.",  # not a promise past handover
    "Take your time.",  # an invitation, not an order
    "I can't promise that. I can make sure your side is heard.",  # declining a promise
    "So far you've said it's money. Is that right?",  # check-back, not a closed question
    "Is everyone in there safe?",  # welfare: ask it straight
    "You must be exhausted.",  # a label, not "you must" as an order
    "There's no hurry at all.",  # "there's no..." that denies nothing they see
    "There's nobody here but me and my partner.",  # who is on scene, not their belief
    "I'm staying back here, out of your way.",  # "back" that is no order
    "Take your time and tell me when you're ready.",  # "and" + a request to talk
    "I'd like you to tell me about her.",  # a need that asks for talk, not a move
    "I'm not the one who decides about charges, but I'll pass it on.",  # no promise
    "I don't want anybody hurt tonight, you included.",  # a wish, not a guarantee
    "That's not what you expected from them.",  # "not what" that contradicts nothing
    "Keep talking, I'm listening.",  # "keep" without a threat after it
    "Nobody's rushing you.",  # "nobody's" that denies nothing they see
    "Are you thinking of jumping?",  # intent, asked straight
    "Does that sound about right?",  # a summary's check
    "Is there anyone in there with you?",  # safety: who is inside
    "It's okay to take a minute.",  # "okay to": a permission, not "it'll be okay"
    "Is the shotgun still in the truck?",  # weapons: ask it straight
    "You're high up there and it's windy. What's happening?",  # "high" that labels nobody
    "I'm worried about you.",  # a short I-message
    "Of course you're angry.",  # validating, not contradicting
    "Nobody's coming in while we talk.",  # a plain fact about the scene
    "Is he breathing right now?",  # medical: ask it straight
    "One way or another?",  # their words handed back, not a threat
    "I get worried when you keep the rifle close, because I want you safe.",  # an I-message
    "Is your wife hurt at all?",  # welfare: ask it straight
    "Let's talk about what happened.",  # a shared plan to talk, not to move
    "Your sister is worried, is it?",  # a check tag, not a closed question
    "I understand. I'm not the one who decides, but I'll pass it on.",  # honest, no "but you"
    "You'll come through to the door when you're ready?",  # no order in "come through"
    # verbs of doing that invite talk or give time
    "Go back to the bit about your dad.",
    "Keep telling me, I'm with you.",
    "Call me Jo.",
    "Let's go over what you've told me.",
    "Finish what you were saying.",
    "Hold on, let me check I've got this.",
    "Stay on the line with me, I'm listening.",
    "Okay. Right. Go on.",  # encouragers after opening words
    "Cool.",  # one word that is not an order
    "do you want to tell me what happened",  # a question typed without its mark
    "Are the kids in there with you?",  # who is inside: ask it straight
    "You want your mum to know you tried.",  # their family, not brought in
    "I'm right here, so take your time.",  # a later clause that gives time
    "(silence, count to three)",  # a pause typed as a stage direction, not an order
    "Can you tell me what happened after that?",  # a favour that asks them to talk
    "You're fine with me staying on the line?",  # asking, not dismissing
    "My partner is behind me, and I'm listening.",  # the officer's partner on scene
    "Give me a sense of what tonight's been like.",  # a verb of doing that invites talk
    "Bring me up to speed on what happened.",
    "Check I've got this right: he left Friday.",
    "(pause... let it sink in)",  # a stage direction is not said aloud
    "What would help most in the next hour?",  # a question about time, not a limit
    "You're telling me it isn't the drink, it's the grief.",  # their view, told back
    "It's not the drink talking, it's you hurting.",  # "not the drink talking" judges nothing
    "You're gutted, aren't you?",  # a label with a check on the end
    "Lord, that sounds exhausting.",  # a word of surprise, not a lecture
    "I don't blame you for feeling angry.",  # validating the feeling, not the act
    "You've told me he left, took the car, and stopped calling. Right?",  # their story
    "I get uneasy when you shout, because I want to hear you.",  # "get" + a feeling
    "Have you swallowed any of the tablets?",  # medical: ask it straight
    "What do you need to happen before you feel safe?",  # asks what they need
    "What you have to do tomorrow?",  # an open question, typed without "do"
    "I feel tense when the knife comes out, because I want us both safe.",  # an I-message
    "Is there onybody in there needing a doctor?",  # Scots, and a medical question
    "You think they've been watching the house for weeks.",  # their belief, told back
    "Hey, I'm Jo, I'm with the police.",  # a greeting that opens with "Hey" is no comeback
    "Oh no. That's a lot to carry.",  # "Oh no" is sympathy, not a flat no
    "Well done for picking up the phone.",
    "You've put the whole story down in that letter.",  # what they did, not an order
    "So: the rent, the kids, then tonight. Have I understood?",  # a summary's check-back
    "Uh-huh. Keep goin'.",  # a dropped g is still "keep going"
    "So far: rent late, head office deaf, the kids scared. That about right?",  # a list
    "I hear you, but I'm worried about the baby.",  # the "but" before an I-message
    "Going back in there feels like it would put your sister at risk.",  # no phone, no order
    "You're sorry?",  # their words handed back, not "you'll be sorry"
    "Have you cut your arms tonight?",  # self-harm: ask it straight
    "Have you got anything sharp on you?",  # a weapon question
    "He shouldn't have pushed you. That sounds frightening.",  # said to the one pushed
    "So the house went, then the church shut you out. Is that it?",  # a place in their story
    "Of course you're angry.",  # a label after "of course"
    "Okay, I'm right here.",  # staying with them, opened by "Okay"
    "Sure, take your time.",
    "Yeah, I'm still here.",
    "I understand. It's not my call, but I'll pass that on.",  # a demand taken on honestly
    "Yep. Carry on, mate.",  # an encourager with a name on the end
    "You'll come to the window when you're ready?",  # left to them, not foretold
    "You feel you'll never be forgiven.",  # what they fear, told back
    "Yeah, sounds like you're worn right down.",  # agreeing, then a label
    "Okay, so the van broke down and then the boss let you go. Have I got that?",  # a summary
    "Honestly, the shouting rattles me, and I want to hear you properly.",  # an I-message
    "Mate, tell me what happened at the match.",  # a name, then an open request
    "Have you taken any of the pills, mate?",  # a safety question with a name on it
    "Did you swallow them before we got here?",  # tablets, asked straight
    "Ah get nervous when ye wave that about, because I want us both safe.",  # Scots "ah"
    "It's possible you feel cornered right now.",  # "possible" is no flat no
    "What would you want your kids to know about tonight?",  # asks, no guilt
    "You want to get the kids back.",  # their goal, not family fetched to the phone
    "Fine. Meanwhile, what do you need most right now?",  # an open question after a lead
    "ok so ur car's gone, back gate's locked, n ur mum's away. that right?",  # a summary
    "Is there anything near you that could hurt you?",  # a safety question
    "The way you see it, the school let you down.",  # their view, told back
    "I get muddled when we both talk, 'cause I want to hear you.",  # an I-message
    # --- the general forms must leave these alone ---
    "You are scared of what happens to the dog.",  # a label, written out in full
    "I hear you, but I'm worried about the blade.",  # "but" then an I-message
    "I get that. What happened after the call?",  # an open question after it
    "Do you need a doctor right now?",  # "need" asked, not told
    "What did you used to do for work?",  # their past, not the officer's
    "In your experience the police never turn up.",  # their experience told back
    "If you want to talk, I'm right here.",  # an "if" that trades nothing
    "Please don't hang up, I want to hear the rest.",  # a "don't" that keeps the talk
    "Your landlord changed the locks, put your bags out, and kept the deposit. Right?",  # told
    "The bills, the custody case and the car. Is that the gist?",  # a summary's check-back
    "It isn't?",  # a mirror, not a denial
    "I'd ask you to tell me more about her.",  # asks for talk, not a move
    "So 2 kids, the flat, and the van. Right?",  # "2" as a number stays a number
    "Are you feeling dizzy at all?",  # how the pills are taking them, asked straight
    "It's old news to them, but it still hurts you.",  # their hurt, not waved aside
    "If you need a doctor, tell me.",  # an offer, not a verdict
    "Let me know what you need and I'll pass it on.",  # no trade in "let me know"
    "Walk me through it and I'll listen.",  # an invitation, not a handover
    "If you let me know what you need, I can pass it on.",  # no trade in "let me know"
    "There's plenty of time to talk.",  # time given, not a saying
    "What he did to your mum, that's out of order.",  # their grievance, validated
    "When I was at the door earlier, you sounded scared.",  # their feeling, not your past
    "You don't want us to come in.",  # their wish told back, no threat
    "I'm worried, you've been up there since 6.",  # their time, not the officer's shift
    "I've been here two hours and I'm still listening.",  # staying with them
    "Been there long?",  # asked, not "been there" claimed
    "The ground's freezing, are you warm enough?",  # their welfare, not putting them off
]


NOT_FLAGGED_SAID = "I don't want to be here."  # what the person said before each


@pytest.mark.parametrize("answer", NOT_FLAGGED)
def test_sound_answers_are_not_flagged(answer):
    assert C.classify(answer, NOT_FLAGGED_SAID).flags == ()


# "You" and a verb: an order when nothing but "now", "for me", a name and the like follows,
# and their routine or their own deed told back when more does.
YOU_ORDERS = [
    "You stop that right now.",
    "You listen to me.",
    "Okay, you listen to me.",  # after the words it opens with
    "You listen to me, and you listen good.",  # the second clause alone
    "You put that knife down.",
    "You put that down and we can talk.",
    "You drop the gun.",
    "You get down on the ground!",
    "You come out here now.",
    "You come out when you're ready.",  # as "Come out when you're ready." is
    "You stay right there.",
    "You just step back for me.",
    "You hand it over, mate.",
    "You give it to me.",
    "You don't move!",
    "You turn around slowly.",
    "Hey, you look at me.",
    "You back off now, son.",
    "You let her go right now or this ends badly for you.",  # "right now" anywhere
    # an instructor's examples of what officers say under stress
    "You open this door.",
    "You step away from the edge.",
    "You come out with nothing in your hands.",
    "You shut up and listen.",
    "You walk backwards towards my voice.",
    "You wind your neck in.",
    "You sit down, sir.",
    "You need to calm down and step back from the edge.",  # "and" after "you need to"
]
YOU_TOLD_BACK = [
    "You get up every morning and she's already gone.",
    "You drop the kids off and go straight to work.",
    "You put that letter down on the table and walked out.",  # "put ... down" as a deed
    "You sit down with them and nobody listens.",
    "You listen to everyone else's problems.",
    # an instructor's examples of tell-backs that must stay clean
    "You come home and the house is empty.",
    "You stay up till three waiting for him to ring.",
    "You hold it together all day for the kids.",
    "You go to the jobcentre every week and come back with nothing.",  # "and" + "come back"
    "You sit in the car outside for an hour before you go in.",
    "You give them everything and it's never enough.",
]
# Orders as they are shouted, cut to their bones, or put as what they have to do
SHOUTED = [
    "Hands!",
    "Out. Now.",
    "Down on the ground.",
    "On the floor!",
    "Knife down!",
    "Weapon down, now.",
    "Gimme the knife.",
    "Enough now. Out you come.",
    "Off the ledge, now.",
    "Away from the edge, please.",
    "You've got to drop the knife.",
    "You gotta come out, man.",
]
# ... and what must stay clean beside them ("got to be" is a guess at a feeling)
NOT_SHOUTED = [
    "You've got to be exhausted.",
    "You've got to feel let down by all of them.",
    "You've got a lot on your plate.",
    "Back?",  # asked: "back?" said back as a question
    "Out of the house, with nowhere to go.",
]
# Blame, disbelief, put-downs, pressure and deals in everyday words
PUT_DOWNS = [
    ("You're acting like a child.", "rapport-killer"),
    ("You're behaving like a kid.", "rapport-killer"),
    ("You're being unreasonable.", "rapport-killer"),
    ("You can't be serious.", "rapport-killer"),
    ("You're joking, right?", "rapport-killer"),
    ("Are you kidding me?", "rapport-killer"),
    ("How could you do that to her?", "rapport-killer"),
    ("How could you?", "rapport-killer"),
    ("Is that really worth dying over?", "rapport-killer"),
    ("You've made your point.", "rapport-killer"),
    ("You've had your fun.", "rapport-killer"),
    ("I've got your priest on the line for you.", "rapport-killer"),  # a third party
    ("How about a smoke for one of the kids?", "rapport-killer"),  # a trade
    ("Tell you what, you send one out and I'll see about the food.", "rapport-killer"),
    ("My shift finished an hour ago.", "rapport-killer"),  # the officer's day
    ("Your mum would never forgive you.", "rapport-killer"),  # guilt
    ("Imagine your daughter finding you.", "rapport-killer"),  # guilt
    ("We've got people all round the building.", "rapport-killer"),  # force shown
    ("The longer this goes on, the worse it'll be for you.", "rapport-killer"),  # a threat
    ("Your little girl's outside crying for you right now.", "rapport-killer"),  # family
    ("Cut it short, what's it going to take?", "rapport-killer"),  # hurrying, a deal
    ("What made you think hitting her was okay?", "rapport-killer"),  # blame
    ("Ten minutes and we're done.", "rapport-killer"),  # a deadline
    ("The armed unit's here, and they won't wait much longer.", "rapport-killer"),  # a threat
    ("You know you're looking at prison for this.", "rapport-killer"),  # a threat
    ("Father Murphy's on his way out to have a word with you.", "rapport-killer"),  # clergy
    ("your mum's just down there, she wants to talk to you", "rapport-killer"),  # family
    ("You won't lose your kids, I can guarantee that.", "promise"),
    ("Nobody's taking her anywhere, she'll stay with you.", "promise"),
    ("It's a permanent answer to a temporary problem.", "rapport-killer"),  # a saying
    ("The law's the law, the bank's within their rights.", "rapport-killer"),  # rules quoted
    ("Keeping a man locked in against his will is a serious crime.", "rapport-killer"),
    ("Let's skip the backstory and talk about how this ends.", "rapport-killer"),  # hurrying
    ("There's loads of support out there if you'd only use it.", "rapport-killer"),  # lecture
    ("You could have asked for help years ago.", "rapport-killer"),  # blame
    ("Grown men don't hide behind shotguns.", "rapport-killer"),  # judging
    ("That's just the pipes, there's nobody there.", "rapport-killer"),  # arguing
    ("What on earth made you load it?", "why-question"),  # "why" in other words
    ("What for?", "why-question"),  # "why" in other words
    ("For what reason did you take her?", "why-question"),
]
# Arguing, taunts, lectures and clocks without a give-away word: a rule's flag, not the
# backstop's
LECTURES = [
    ("That's only in your head.", "rapport-killer"),
    ("You can forget that idea, nobody's coming for you.", "rapport-killer"),
    ("None of that gives you the right to take a hostage.", "rapport-killer"),
    ("So that means you get to wreck the place?", "rapport-killer"),
    ("Carry on, see where it gets you.", "rapport-killer"),  # a dare
    ("Because I said so.", "rapport-killer"),
    ("Because I'm the one in charge, that's why.", "rapport-killer"),  # a retort
    ("There's nothing to be frightened of.", "rapport-killer"),  # their fear waved away
    ("No need for all this yelling.", "rapport-killer"),
    ("You've still got your health, haven't you?", "rapport-killer"),  # a silver lining
    ("So what if you lose the flat.", "rapport-killer"),
    ("Bit late to be sorry now.", "rapport-killer"),
    ("Threatening people is hardly going to help your case.", "rapport-killer"),
    ("Sitting up there won't get you anywhere.", "rapport-killer"),
    ("if u go thru with it ur son will never forgive u", "rapport-killer"),  # guilt, as typed
    ("You don't have all the time in the world.", "rapport-killer"),  # a clock set
    ("you havent got long so make ur mind up", "rapport-killer"),
    ("We've got until six to sort it out.", "rapport-killer"),
    ("It's for your own good.", "rapport-killer"),
    ("There are no cameras in the walls, mate.", "rapport-killer"),  # arguing their reality
    ("Nobody gets sacked for nothing.", "rapport-killer"),  # arguing their account
    ("It's her choice, pal. She's entitled to leave.", "rapport-killer"),  # siding
    ("That's not how a good father acts, is it?", "rapport-killer"),  # judging
    ("We've got to end this now.", "rapport-killer"),  # a clock
    ("We need to finish this.", "rapport-killer"),
    ("Mistakes happen, you can't blame yourself forever.", "rapport-killer"),
    ("Everybody's been through it, you just get on with it.", "rapport-killer"),
    ("You've got the whole street evacuated.", "rapport-killer"),  # their crisis a nuisance
    ("The food comes in if you keep talking, deal?", "rapport-killer"),  # a deal
]
NOT_PUT_DOWNS = [
    "How could you have known?",  # their guilt eased, not blame
    "What's that for?",  # asks about a thing
    "What did you use it for?",
    "You feel nothing's worth living for.",  # their words told back
    "The longer it goes on, the harder it feels, yeah?",  # their strain, no threat
    "There's food for some of the people in there?",  # asked, no trade
    "Two hours on your own.",  # their time told back, not a deadline
    "Two hours, you've been up there.",
    "Two hours and nobody came.",
    "You want a car and your brother here.",  # their wish told back
    "You came off your meds because they flattened you.",  # their own step
    "What made you think he was following you?",  # asks about their belief
    "Your little girl means the world to you.",
    "So you want the bank man here, face to face. I can't decide that, but I'll pass it on.",
    "What made you load it?",  # asked plainly: what happened
    "You took the blame for some of the lads.",  # their deed, no trade
    "There's nothing there for you anymore.",  # their loss, not arguing
    "So the bank want it paid by Friday, and it's crushing you.",  # their clock
    "We've got time. There's no rush.",
    "So what if you got the car back, what would change?",  # asks
    "So what happens if you lose the licence?",
    "You said the hospital was the best place for your mum.",
    "You get to choose what happens next.",
    "You don't have to decide anything right now.",
    "You said it was her choice to leave, and that hurt.",
    "There was no one there for you.",
    "Everybody's been through a lot tonight.",
    "Did you look at the letter again?",
]
# An instructor's review: a step for later or clumsy sympathy, not a rapport killer; the
# rules leave them (the backstop may still ask the officer to check)
NOT_KILLERS_YET = [
    "The hospital's the best place for you.",  # steering to help: too early, not a killer
    "Did you look into a payment plan?",  # problem solving, for later
    "Six years gone, that's a shame.",  # clumsy sympathy
    "The sooner you come out, the sooner we all get home.",  # no time limit
]
RULES_ONLY = Classifier(STYLE, backstop=False)


@pytest.mark.parametrize("answer", YOU_ORDERS + SHOUTED)
def test_an_order_with_you_in_front_or_cut_short_is_still_an_order(answer):
    assert ORDERS.why in [f.message for f in C.classify(answer, KILLERS_SAID).to_fix]


@pytest.mark.parametrize(
    "said, answer",
    [
        ("I'm not coming out.", "You stop that right now."),
        ("I'm not coming out.", "You listen to me."),
        ("I'm not coming out.", "You will come out now."),
        (None, "You put that knife down."),
    ],
)
def test_a_rapport_killer_that_shows_no_skill_clearly_names_none(said, answer):
    # it opens like a paraphrase ("You ..."), but it tells; it does not tell back
    r = C.classify(answer, said)
    assert r.skill is None and r.confidence == 0.0
    assert r.feedback.startswith("This doesn't look like one of the listening skills.")


@pytest.mark.parametrize("answer", NOT_SHOUTED)
def test_what_only_looks_like_a_shouted_order_is_clean(answer):
    assert not [f for f in RULES_ONLY.classify(answer, NOT_FLAGGED_SAID).flags
                if f.code == "rapport-killer"]


@pytest.mark.parametrize("answer, code", PUT_DOWNS)
def test_blame_disbelief_and_put_downs_are_flagged(answer, code):
    assert code in [f.code for f in C.classify(answer, KILLERS_SAID).to_fix]


@pytest.mark.parametrize("answer, code", LECTURES)
def test_arguing_taunts_and_lectures_are_flagged_by_a_rule(answer, code):
    assert code in [f.code for f in RULES_ONLY.classify(answer, KILLERS_SAID).to_fix]


@pytest.mark.parametrize("answer", NOT_PUT_DOWNS + NOT_KILLERS_YET)
def test_what_only_looks_like_a_put_down_is_clean(answer):
    assert not [f for f in RULES_ONLY.classify(answer, NOT_FLAGGED_SAID).flags
                if f.code in ("rapport-killer", "why-question")]


@pytest.mark.parametrize(
    "said, answer",
    [
        # asked straight about goodbye letters: a suicide question, closed on purpose
        ("I wrote letters to everyone last night.", "So you wrote to everyone last night. "
         "Are those goodbye letters?"),
    ],
)
def test_no_closed_question_flag_for_a_suicide_question_asked_straight(said, answer):
    assert "closed-question" not in [f.code for f in RULES_ONLY.classify(answer, said).flags]


@pytest.mark.parametrize("answer", YOU_TOLD_BACK)
def test_their_own_doings_told_back_with_you_are_no_order(answer):
    # the rules' part: the backstop may still ask the officer to check one (hedged)
    assert RULES_ONLY.classify(answer, NOT_FLAGGED_SAID).flags == ()


@pytest.mark.parametrize(
    "said, answer, not_skill",
    [
        (None, "I'm here when you're ready, because I want to hear you.", "i-messages"),  # shape
        # but no effect on the officer: being there is not an I-message
        (None, "Tell me about your fear.", "emotion-labeling"),  # asks; names no feeling of theirs
        (None, "I can see the door from here.", "emotion-labeling"),  # "I can see" + no feeling
        (None, "So what happened next?", "paraphrasing"),  # "so" + a question tells nothing back
        ("I'm sick of it.", "Sick of it.", "mirroring"),  # a full stop: said back as a statement
        (None, "So you feel let down right now.", "emotion-labeling"),  # the guide: a paraphrase
    ],
)
def test_look_alikes_are_not_taken_for_the_skill(said, answer, not_skill):
    assert C.classify(answer, said).skill != not_skill


MIRRORS = [
        ("I just want it to stop.", "God has a plan for you.", {"rapport-killer"}),  # a lecture
        # their own fear for the family, told back as theirs
        ("If I do it my kids would be heartbroken.", "Your kids would be heartbroken, you said.",
         set()),
        ("My gran would never get over it.", "It'd break her heart, you reckon.", set()),
        ("I just want it to stop.", "You could pray about it.", {"rapport-killer"}),
        ("God has given up on me.", "You feel God has given up on you.", set()),  # theirs
        ("My kids hate me.", "Your kids hate you?", set()),  # their family, said back
        (
            "Everyone says it's all in my head.",
            "You're saying people tell you it's all in your head.",
            set(),
        ),  # their words, framed as theirs
        ("I'm scared.", "You're saying it's all in your head.", {"rapport-killer"}),  # not theirs
        ("My kids hate me.", "My kids?", set()),  # their words, as a mirror
        ("I'm going to hell for this.", "What does your church mean to you?", set()),  # asks
        ("My mother calls me a stupid failure.", "A stupid failure?", set()),  # their words
        ("Everyone says I'm nuts, crazy.", "Nuts, crazy?", set()),  # their words, back
        (
            "My mother calls me a stupid failure.",
            "That's a stupid thing to say.",
            {"rapport-killer"},
        ),  # not a mirror: the officer's own judgement
        ("You have until ten minutes past.", "Ten minutes past?", {"rapport-killer"}),  # deadline
        ("I can't go back there ever.", "Can't go back?", set()),  # a mirror, not closed
        ("My landlord had it coming, that one.", "Had it coming?", set()),  # their verdict
        ("They're always watching me, every one of them.", "Every one of them?", set()),
        ("We'll do it one way or the other.", "One way or the other?", set()),
]


@pytest.mark.parametrize("said, answer, codes", MIRRORS)
def test_a_mirror_hands_back_their_words_without_judging(said, answer, codes):
    """Their own loaded word said back as a mirror is not the officer's judgement; a
    deadline said back is still drawing attention to it, mirror or not."""
    assert {f.code for f in C.classify(answer, said).flags} == codes


@pytest.mark.parametrize(
    "said, answer, skill, most",
    [
        (None, "Took everything?", "mirroring", 0.5),  # no said: can't check, says so
        (None, "So your brother sold the truck.", "paraphrasing", 0.5),  # frame, no said
        ("I want a lawyer.", "Took everything?", None, 0.0),  # not their words: no mirror
    ],
)
def test_without_their_words_it_claims_little(said, answer, skill, most):
    r = C.classify(answer, said)
    assert r.skill == skill and r.confidence <= most
    if skill:
        assert r.feedback.startswith(("This may be", "This might be"))
        assert "Without their words" in r.feedback


@pytest.mark.parametrize(
    "answer",
    [
        "",  # nothing typed
        "   ",  # spaces
        "\ud800\udfff\ud800",  # lone surrogates
        "x" * 100_000,  # a 100 KB paste
        "**[evil](javascript:alert(1))** <script>",  # Markdown and HTML
        '=HYPERLINK("http://x")',  # CSV injection
    ],
)
def test_odd_input_gives_a_plain_result(answer):
    r = classify(answer, said="\ud800 said")
    json.dumps(r.to_dict(), ensure_ascii=False).encode("utf-8")  # printable as JSON
    assert 0 <= r.confidence <= 1 and r.feedback
    assert "evil" not in r.feedback and "<script>" not in r.feedback  # never echoed


def test_confidence_is_lower_when_two_skills_fit():
    alone = C.classify("You sound scared.")
    both = C.classify("You sound scared. What happened tonight?")
    assert alone.skill == both.skill == "emotion-labeling"
    assert both.confidence < alone.confidence


def test_feedback_uses_the_skill_definition_from_the_guide():
    skill = Skill(
        "emotion-labeling", "Emotion labeling", "Name the feeling you hear.", "", (), "", 1
    )
    r = Classifier(STYLE, (skill,)).classify("You sound worn out.")
    assert r.feedback == "This looks like emotion labeling. Name the feeling you hear."


def test_the_one_breath_limit_comes_from_the_style_rules():
    answer = "What happened to you today, and who is there with you right now?"  # 13 words
    assert C.classify(answer).flags == ()
    short = Classifier(StyleRules(max_words=10))
    assert [f.code for f in short.classify(answer).flags] == ["too-long"]


@pytest.mark.parametrize(
    "answer, skill",
    [
        ("Are you feeling let down?", "emotion-labeling"),  # a feeling, asked yes-or-no
        ("Did something happen at work today?", "open-ended-questions"),  # tried to ask
        ("Have you gone off your meds?", None),  # a killer is not an attempt at a skill
        ("Is anyone in there hurt?", None),  # a safety question, closed on purpose
    ],
)
def test_a_closed_question_names_what_it_tried(answer, skill):
    r = C.classify(answer)
    assert r.skill == skill
    if skill:
        assert r.confidence <= 0.3
        assert r.feedback.startswith("This looks like an attempt at")
        assert "yes or no" in r.feedback


@pytest.mark.parametrize(
    "said, answer",
    [
        # their words in order with one word changed is still a mirror, not a closed question
        ("Nobody would even care if I was gone.", "Wouldn't even care?"),
        ("nobody would even care if i was gone", "wouldnt even care?"),  # as typed
        ("I can't trust a single person on this street.", "Can't trust anyone on the street?"),
        ("Nobody would ever miss me.", "Wouldn't ever miss you?"),
    ],
)
def test_their_words_with_one_changed_are_still_a_mirror(said, answer):
    r = RULES_ONLY.classify(answer, said)
    assert (r.skill, r.flags) == ("mirroring", ())


@pytest.mark.parametrize(
    "said, answer",
    [
        ("I won't come down.", "Won't you come down?"),  # asks them, in their words
        ("I can't come down.", "Can't you just come down?"),
        ("I won't come down.", "Will you come down?"),
    ],
)
def test_asking_them_in_their_own_words_is_no_mirror(said, answer):
    r = RULES_ONLY.classify(answer, said)
    assert r.skill != "mirroring"
    assert "closed-question" in [f.code for f in r.flags]


@pytest.mark.parametrize(
    "said, answer",
    [
        ("The rent's gone up, I lost the job, and now my dad's sick.",
         "So the rent, the job, and now your dad being sick. Is that everything?"),
        ("They laughed at school, they laughed at work, and now you lot are here.",
         "So it's been people laughing at school, at work, and now us. Is that how it feels?"),
        ("the bank, the drought, the farm, i just cant",
         "so the bank, the drought, and the farm going, and ur at the end of it. thats right?"),
    ],
)
def test_a_summary_checked_in_other_words_is_no_closed_question(said, answer):
    r = RULES_ONLY.classify(answer, said)
    assert (r.skill, r.flags) == ("summarizing", ())


@pytest.mark.parametrize(
    "said, answer",
    [
        ("so i just kept driving", "ok im listenin"),  # a dropped g, typed without the '
        ("and then she went", "mm keep goin"),
    ],
)
def test_an_encourager_typed_without_its_g_is_an_encourager(said, answer):
    r = RULES_ONLY.classify(answer, said)
    assert (r.skill, r.flags) == ("minimal-encouragers", ())


@pytest.mark.parametrize(
    "typed, read",
    [
        ("it wont help", "it won't help"),
        ("thats not what i meant", "that's not what i meant"),
        ("theyre watching, nobodys listening", "they're watching, nobody's listening"),
        ("uve been up here all day", "you've been up here all day"),
        ("im listenin, keep talkin", "i'm listening, keep talking"),
        # words that are words without the apostrophe stay as typed
        ("i feel ill, well, we were at the cabin to begin with", None),
        ("she lets me in", None),
    ],
)
def test_phone_typing_is_read_with_its_apostrophes(typed, read):
    from app.practice.texting import texting

    assert texting(typed) == (read or typed)


def test_the_patterns_read_for_each_answer_fit_in_the_regex_cache(monkeypatch):
    """`re` keeps the last 512 patterns compiled; past that, every answer compiles every
    pattern again (15 times slower on a phone). What the classifier reads through
    `re.search` must fit, the rest being compiled once by the classifier itself."""
    import re

    answers = [
        ("I'm not coming out.", "You stop that right now."),
        ("I can't go back there.", "Can't go back?"),
        ("so i just kept driving", "ok im listenin"),
        ("I lost the job and the flat.", "So the job and the flat, and now this. Right?"),
        (None, "(pause)"),
        ("Nobody listens.", "I get worried when it goes quiet, because I want to help."),
    ]
    for said, answer in answers:
        C.classify(answer, said)  # compiled once
    asked: set = set()
    compile_ = re._compile

    def counting(pattern, flags):
        asked.add((pattern, flags))
        return compile_(pattern, flags)

    monkeypatch.setattr(re, "_compile", counting)
    for said, answer in answers:
        C.classify(answer, said)
    assert 20 < len(asked) < re._MAXCACHE * 0.8  # 77 at the time of writing


@pytest.mark.parametrize(
    "said, answer, skill",
    [
        # typed in a hurry with no stop at all: their last words handed back are a mirror
        ("I've got nothing left to lose", "nothing left to lose", "mirroring"),
        ("i just keep thinking about the bridge", "about the bridge", "mirroring"),
        # ... but a question typed without its "?" is still a question
        ("I keep asking what happened last time", "what happened last time",
         "open-ended-questions"),
        # ... and with a full stop it is said back as a statement
        ("I've got nothing left to lose.", "Nothing left to lose.", "paraphrasing"),
        # a summary's check typed without its "?"
        ("I want the van, the road clear, and my brother out.",
         "so the van, the road, and ur brother out. anything i missed", "summarizing"),
    ],
)
def test_answers_typed_without_a_stop(said, answer, skill):
    r = RULES_ONLY.classify(answer, said)
    assert (r.skill, r.flags) == (skill, ())


@pytest.mark.parametrize(
    "answer",
    [
        "You don't have all the time in the world.",
        "We've got to end this now.",
        "We've got until six to sort it out.",
        "its now or never mate, u dont have long",
    ],
)
def test_a_clock_set_by_the_officer_is_told_as_a_time_limit(answer):
    why = [f.message for f in RULES_ONLY.classify(answer, KILLERS_SAID).to_fix]
    assert why and why[0].startswith("A threat or a time limit raises the danger.")


def test_is_that_everything_on_its_own_is_a_closed_question():
    # after a summary it is the summary's check; on its own it shuts them down
    flags = [f.code for f in RULES_ONLY.classify("Is that everything?", "I want the van.").flags]
    assert "closed-question" in flags


def test_faith_is_weighed_against_their_words_even_beside_a_banned_word():
    """A never-say word in the answer once took the place of what they said, so a faith
    lecture was judged against the banned word instead of their line."""
    from app.practice.dismissals import FAITH_WHY

    lecture = "Don't give up, God loves you."
    theirs = C.classify(lecture, "God has left me.").flags
    assert "banned-word" in [f.code for f in theirs]
    assert FAITH_WHY not in [f.message for f in theirs]  # they brought God in: no lecture
    assert FAITH_WHY in [f.message for f in C.classify(lecture, "I lost my job.").flags]


@pytest.mark.parametrize("answer", [
    "أفهم أنك خائف جدا الآن",  # Arabic: "I understand you are very scared now"
    "Я понимаю, тебе сейчас очень страшно",  # Russian
    "我明白你现在很害怕",  # Chinese
])
def test_an_answer_in_another_script_is_not_judged_by_english_rules(answer):
    r = C.classify(answer, "Leave me alone")
    assert r.unjudged and r.skill is None
    assert r.feedback.startswith("Stairway's rules read English only")


@pytest.mark.parametrize("answer, skill", [
    ("You sound scared. أفهم", "emotion-labeling"),  # mostly English: judged
    ("You sound really scared, señor.", "emotion-labeling"),  # Latin letters with accents
])
def test_english_with_a_few_other_letters_is_still_judged(answer, skill):
    r = C.classify(answer, "Leave me alone")
    assert not r.unjudged and r.skill == skill


@pytest.mark.parametrize("answer, banned", [
    ("Just c\u0430lm down.", "calm down"),  # a Cyrillic а in "calm"
    ("C\u0430lm d\u043ewn, mate.", "calm down"),  # Cyrillic а and о
    ("Just \u03bfk, calm d\u03bfwn.", "calm down"),  # Greek omicrons
    ("CALM D\u041eWN", "calm down"),  # a capital Cyrillic О
])
def test_lookalike_letters_do_not_slip_a_banned_word_past_the_list(answer, banned):
    """A Cyrillic or Greek letter drawn like a Latin one hid "calm down" from the never-say
    list: the answer was judged, and passed, as a clean one."""
    r = C.classify(answer)
    codes = [f.code for f in r.flags]
    assert "banned-word" in codes and "rapport-killer" in codes, (answer, codes)
    assert banned in r.flags[codes.index("banned-word")].message.lower()


def test_an_answer_in_cyrillic_keeps_its_own_letters():
    """Only an answer written mostly in Latin letters has its lookalikes read as Latin: a
    Russian answer is left as written, and so still unjudged, not turned into nonsense."""
    from app.practice.text import clean

    russian = "Я понимаю, тебе сейчас очень страшно"
    assert clean(russian) == russian
    assert clean("You sound sc\u0430red") == "You sound scared"


@pytest.mark.parametrize("answer, codes", [
    ("Why did you do that?", ["banned-word"]),  # the list names this "why": its words only
    ("So why did you come up here?", ["banned-word"]),
    ("Why are you up there?", ["why-question"]),  # a "why" the list does not name
    ("How come you left?", ["why-question"]),
])
def test_a_why_the_never_say_list_names_is_flagged_once(answer, codes):
    """"Why did you do that?" gave the same advice twice: the never-say list's ("Ask what
    happened instead") and the why-question rule's ("ask 'What happened?' instead")."""
    r = C.classify(answer)
    assert [f.code for f in r.flags] == codes
    assert r.skill is None  # a "why" is an interrogation either way, whatever else it holds
    assert sum("happened" in f.message for f in r.flags) == 1


def test_an_answer_mostly_in_another_script_with_a_flag_is_not_called_unjudged():
    """"Просто успокойтесь, calm down" showed "1 thing to fix." and then "this answer was
    not judged": two verdicts that contradict each other. With a flag, it says what was
    checked (the never-say list and the length), and that no skill was named."""
    r = C.classify("Просто успокойтесь, calm down")
    assert r.unjudged and r.skill is None and [f.code for f in r.flags] == ["banned-word"]
    assert "not judged" not in r.feedback and "no skill was named" in r.feedback
    clean = C.classify("Я понимаю, тебе сейчас очень страшно")
    assert not clean.flags and "was not judged" in clean.feedback


@pytest.mark.parametrize("answer", ["Just Calm-down.", "Calm \u2014 down, mate.", "calm\u2010down"])
def test_a_never_say_phrase_joined_by_a_hyphen_or_dash_is_still_caught(answer):
    """"Just Calm-down." got only the unsure flag ("1 thing to check"), not the never-say
    list's (from the officer's walk): the list's words may be joined by a hyphen or dash."""
    r = C.classify(answer)
    assert "banned-word" in [f.code for f in r.flags]


@pytest.mark.parametrize("answer, banned", [
    ("Just c\u200balm down.", "'calm down'"),  # a zero-width space inside "calm"
    ("Calm d\u200bown, mate.", "'calm down'"),
    ("Just calm\u200b down.", "'calm down'"),  # beside a space: read as one space
])
def test_a_zero_width_space_inside_a_word_does_not_hide_it_from_the_list(answer, banned):
    """A zero-width space is read as a space ("You\u200bsound angry" is two words), so one
    pasted inside a word ("c\u200balm") split it and hid "calm down" from the list."""
    r = C.classify(answer)
    codes = [f.code for f in r.flags]
    assert "banned-word" in codes, (answer, codes)
    assert banned in r.flags[codes.index("banned-word")].message.lower()
    assert C.classify("You\u200bsound angry").skill == "emotion-labeling"  # still a space


@pytest.mark.parametrize("answer, quoted", [
    ("why did u do that?", "'why did u'"),  # texting is read as "you", quoted as typed
    ("WHY DID U!!", "'WHY DID U'"),
    ("ok, u should stop now", "'u should'"),
    ("you do not need this, u should go home", "'u should'"),  # "do not" read as "don't"
    ("Why did you do it?", "'Why did you'"),
])
def test_the_never_say_list_quotes_the_words_as_the_officer_typed_them(answer, quoted):
    """The rules read "u" as "you"; the officer was told they said "'why did you'" when
    they had typed "why did u"."""
    r = C.classify(answer)
    codes = [f.code for f in r.flags]
    assert "banned-word" in codes, (answer, codes)
    assert r.flags[codes.index("banned-word")].message.startswith(quoted)
