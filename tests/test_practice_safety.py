"""Your own words on suicide and safety: asking straight out is right, and is taught so.

The guide tells an officer to ask directly about suicide, its plan, means and timing
("asking does not put the idea in their head"), and to ask the safety questions of each
situation. The classifier must never teach those away, and when the person's words may
point to suicide it reminds the officer to ask.
"""

from __future__ import annotations

import pytest

from app import paths
from app.guide import compile_guide
from app.guide.model import BEST
from app.practice import safety as SF
from app.practice.classify import Classifier, classify

GUIDE = compile_guide(paths.content_dir(None))
C = Classifier.from_guide(GUIDE)
RULES_ONLY = Classifier(GUIDE.style, GUIDE.skills, backstop=False)
SUICIDAL = "I've had enough. I want it all to end tonight."


def spoken_questions() -> list[tuple[str, str]]:
    """Every situation's Questions to ask that the officer says to the person (not the
    ones put to family or staff: "Ask family: ...")."""
    return [
        (s.id, q.text)
        for s in GUIDE.situations
        for q in s.questions
        if not q.text.lower().startswith("ask ")
    ]


def test_the_guide_has_questions_to_ask():
    qs = spoken_questions()
    assert len(qs) >= 40 and len({s for s, _ in qs}) >= 8


@pytest.mark.parametrize("situation, question", spoken_questions())
def test_the_guides_own_questions_to_ask_are_never_taught_away(situation, question):
    """No flag at all (not "closed", not a killer, not one to check), and the verdict is
    a skill or a safety question asked straight, never "no listening skill"."""
    for c in (C, RULES_ONLY):
        r = c.classify(question, SUICIDAL if situation.startswith("suicid") else None)
        assert r.flags == (), (question, r.flags)
        assert r.skill or r.asks_safety, (question, r.feedback)
        assert "doesn't look like one of the listening skills" not in r.feedback


@pytest.mark.parametrize(
    "answer",
    [
        "Are you thinking about killing yourself?",
        "Are you thinking of ending your life?",
        "Do you have a plan?",
        "Have you thought about how you would do it?",
        "Have you decided when you'll do it?",
        "Have you decided when?",  # on its own: the when of their death
        "Have you worked out how and when?",
        "Are you trying to get the police to shoot you?",
        "Okay. Are you thinking about suicide?",
        "are u thinking of killing yourself?",
    ],
)
def test_asking_about_suicide_straight_out_is_right_and_said_so(answer):
    r = C.classify(answer, SUICIDAL)
    assert r.flags == () and r.skill is None and r.asks_safety
    assert r.feedback == SF.ASKED_SUICIDE
    assert SF.ASK_HINT not in r.reminder  # they asked: no reminder to ask


def safety_say(words: str) -> str:
    return next(say for _, say in SF.ASKED_SAFETY if words in say)


@pytest.mark.parametrize(
    "answer, says",
    [
        ("Is anyone hurt?", "If anyone is hurt, radio it and get EMS."),
        ("Is the gun loaded?", "treat a weapon as loaded"),  # whatever the answer
        ("Have you taken anything today?", "If yes: what, how much, when? Get EMS."),
        ("Are the kids in there with you?", "If the answer worries you, radio it."),
        # a past attempt: risk to report, and no question about now yet
        ("Have you tried to hurt yourself before?", "A past attempt raises the risk"),
    ],
)
def test_other_safety_questions_are_right_too_and_say_what_to_do_with_a_yes(answer, says):
    r = C.classify(answer)
    assert r.flags == () and r.asks_safety and r.feedback == safety_say(says)


def test_a_question_about_a_past_attempt_still_leaves_the_question_about_now():
    r = C.classify("Have you tried to hurt yourself before?", SUICIDAL)
    assert r.asks_safety and r.reminder.startswith(SF.ASK_HINT)


@pytest.mark.parametrize(
    "answer, code",
    [
        # doubting them, as a leading tag: the guide's Avoid ("You wouldn't really do it.")
        ("You're not going to jump, are you?", "rapport-killer"),
        ("You won't do it, will you?", "rapport-killer"),
        ("ur not gonna do it are u", "rapport-killer"),
        # a fix, not a question about an attempt
        ("Have you tried talking to her?", "rapport-killer"),
        # an ordinary closed question is still one
        ("Do you like your job?", "closed-question"),
        ("Have you decided when you'll come out?", "closed-question"),  # not their death
    ],
)
def test_look_alikes_are_not_safety_questions(answer, code):
    r = RULES_ONLY.classify(answer, SUICIDAL)
    assert code in {f.code for f in r.flags} and not r.asks_safety


@pytest.mark.parametrize("answer", ["Is that right?", "Did I get that right?", "Am I close?"])
def test_a_summarys_check_on_its_own_is_no_safety_question(answer):
    assert not C.classify(answer).asks_safety


@pytest.mark.parametrize(
    "said, first",
    [
        ("I just want it all to end.", SF.ASK_HINT),
        ("Nobody would even notice if I was gone.", SF.ASK_HINT),
        ("Tell my family goodbye.", SF.ASK_HINT),
        ("I told my sister goodbye this morning.", SF.ASK_HINT),
        ("Nothing will help.", SF.ASK_HINT),
        ("I wrote the kids a letter. It's in the car.", SF.ASK_HINT),
        ("I've got the pills right here.", SF.ASK_HINT),
        ("Come any closer and I jump.", SF.ASK_HINT),
        ("(on the bridge rail) This is where it ends.", SF.ASK_HINT),
        ("Maybe it's better if I'm not around.", SF.ASK_HINT),
        ("I'm such a burden on everyone.", SF.ASK_HINT),
        ("There's nae point any more.", SF.ASK_HINT),
        ("i dont want to be here anymore", SF.ASK_HINT),
        ("Nobody's gonna miss me. Not my ex, not my kid.", SF.ASK_HINT),
        ("Nobody can talk me out of it.", SF.ASK_HINT),
        ("I don't care anymore, I'm done, mate, I'm totally done.", SF.ASK_HINT),
        ("Everything will be fine once I'm gone.", SF.ASK_HINT),
        ("I locked myself in with the gas cylinder open.", SF.ASK_HINT),
        # suicide by cop: cover and distance before the question
        ("Just shoot me! Do it!", SF.BY_COP_HINT),
        ("(holding a knife) Shoot me or I'm coming at you.", SF.BY_COP_HINT),
        ("You'll have to kill me.", SF.BY_COP_HINT),
    ],
)
def test_their_words_may_point_to_suicide_then_the_officer_is_reminded_to_ask(said, first):
    for answer in ("You sound exhausted.", "What happened tonight?", "Calm down."):
        r = C.classify(answer, said)
        assert r.reminder.startswith(first) and first not in r.feedback, (said, answer)
        assert r.to_dict()["feedback"] == f"{r.feedback} {r.reminder}"  # the CLI says it last
    for asked in ("Are you thinking about killing yourself?", "How would you do it?",
                  "Are you trying to get the police to shoot you?"):
        assert first not in C.classify(asked, said).reminder
    # a leading tag is no question asked: the reminder stays
    assert C.classify("You're not going to do it, are you?", said).reminder.startswith(first)


@pytest.mark.parametrize(
    "said, then",
    [
        # means already used: EMS, whether or not the officer asked
        ("I took some of Mum's pills with the vodka, so what.", "get EMS now"),
        ("I've cut myself a bit, it's nothing.", "get EMS now"),
        # a time they set for their death: log it and report it at once
        ("I'm thinking about ending it tonight.", "log it and report it at once"),
        ("It won't matter after today.", "log it and report it at once"),
        ("Shoot me. You've got ten minutes.", "log it and report it at once"),
        ("I took a few of my nan's tablets with the vodka.", "get EMS now"),
        ("Yeah I turned the gas on. So what?", "get EMS now"),
    ],
)
def test_means_used_or_a_time_set_is_said_even_when_they_asked(said, then):
    for answer in ("You sound exhausted.", "Are you thinking about killing yourself?"):
        assert then in C.classify(answer, said).reminder, (said, answer)
    not_suicidal = "I feel sick. I've had too much to drink tonight."
    assert C.classify("You sound exhausted.", not_suicidal).reminder == ""


@pytest.mark.parametrize(
    "said",
    [
        "She packed the kids in the car and left. Didn't even say goodbye.",
        "I haven't taken my tablets since March.",
        "You want this over? Then give me what I came for.",
        "My father will kill me when he hears.",
        "If I come out, you'll shoot me.",
        "You'll just shoot me anyway.",  # fear of the police, not a wish to die
        "You people never listen, so what's the point talking to you?",  # the talk, not life
        "I'm done talking. Get me a lawyer.",
        "I'm done with you lot.",
        "I was at the gas station on Main Street when they rang.",
        "I haven't taken my pills since March.",
        "I want a car out front in twenty minutes.",
        "",
    ],
)
def test_words_that_do_not_point_to_suicide_bring_no_reminder(said):
    r = C.classify("You sound exhausted.", said or None)
    assert r.reminder == "" and SF.ASK_HINT not in r.to_dict()["feedback"]


def test_every_scenario_turn_whose_best_answer_asks_about_suicide_brings_the_reminder():
    """Where an instructor's scenario says the best answer is to ask about suicide, the
    person's line is one the reminder knows."""
    turns = [
        t
        for s in GUIDE.practice
        for t in s.turns
        for a in t.answers
        if a.grade == BEST and a.text.endswith("?") and "yourself" in a.text
    ]
    assert len(turns) >= 3
    for t in turns:
        assert C.classify("You sound worn out.", t.line).reminder.startswith(SF.ASK_HINT), t.line


def test_the_reminder_and_the_safety_verdict_survive_the_worst_input():
    huge = "I want it all to end. " * 5000 + "\ud800"
    r = classify("Are you thinking about killing yourself? " * 3000, huge)
    assert [f.code for f in r.flags] == ["too-long"]  # a plain result, no traceback
    r = C.classify("x" * 100_000 + "\ud800", "Tell my family goodbye. \ud800 ../../etc")
    assert r.reminder.startswith(SF.ASK_HINT)


def test_a_scenario_line_knows_the_answer_it_replies_to():
    from app.practice.drills import Practice
    from app.practice.history import PracticeHistory

    prompts = Practice(GUIDE, PracticeHistory(None)).prompts()
    for scenario in GUIDE.practice:
        mine = [p for p in prompts if p.scenario == scenario.id]
        assert mine[0].before == ""  # the first line replies to nothing
        for turn, p in zip(scenario.turns, mine[1:], strict=False):
            assert p.before == next(a.text for a in turn.answers if a.grade == BEST)


YEAH = "Yeah. Tonight. I've had enough."
ASKED = "Are you thinking about killing yourself tonight?"


@pytest.mark.parametrize("answer", ["You sound worn out.", ""])  # "": the time ran out
def test_a_reply_to_the_question_about_suicide_is_read_as_one(answer):
    r = C.classify(answer, YEAH, ASKED)
    assert r.reminder == "If they named a time, log it and report it at once."
    assert C.classify(answer, YEAH).reminder == ""  # alone, the words don't say it
    # a question about something else before it changes nothing
    assert C.classify(answer, YEAH, "What happened today?").reminder == ""
    # the worst input as the line before: a plain result
    assert C.classify(answer, YEAH, "\udcff" * 3 + "?" * 100_000).reminder == ""
