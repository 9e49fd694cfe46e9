"""The learned backstop: its table, how the classifier uses it, and what happens when the
table is damaged. Its figures on labelled sets come from benchmarks/practice.py."""

from __future__ import annotations

import importlib.util
import json
import logging
from pathlib import Path

import pytest

from app.practice import backstop as B
from app.practice.classify import Classifier

ROOT = Path(__file__).resolve().parent.parent


def _trainer():
    spec = importlib.util.spec_from_file_location(
        "practice_train", ROOT / "benchmarks" / "practice_train.py"
    )
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


# A toy table: one word weighs enough to say "killer" on its own.
TOY = B.Backstop(bias=-3.0, weights={"pickles": 6.0, "<!>": 0.5}, threshold=0.5)


def test_the_shipped_table_is_what_the_training_script_gives():
    """Retrained from the same labelled rows, every answer gets the same verdict and no
    weight moves more than its rounding (a stale or hand-edited table fails here)."""
    trainer = _trainer()
    fresh, _ = trainer.build()
    shipped = B.Backstop.shipped()
    assert shipped is not None, "app/practice/killer_words.txt is missing or unreadable"
    assert shipped.threshold == fresh.threshold
    assert set(shipped.weights) == set(fresh.weights)
    assert max(abs(shipped.weights[f] - fresh.weights[f]) for f in fresh.weights) <= 0.002
    rows = [r for rs in trainer.development().values() for r in rs] + trainer.unit_rows()
    assert [shipped.likely(t, s) for t, s, _ in rows] == [fresh.likely(t, s) for t, s, _ in rows]


def test_training_never_reads_a_held_apart_set():
    trainer = _trainer()
    used = set(trainer.development())
    held = set()
    for f in (ROOT / "benchmarks" / "data").glob("practice_*.json"):
        if json.loads(f.read_text(encoding="utf-8")).get("role") != "development":
            held.add(f.stem)
    assert held, "no held-apart set to keep out"
    assert used and not used & held


def test_the_chosen_threshold_is_the_lowest_with_at_most_two_in_a_hundred_false():
    trainer = _trainer()
    # 100 sound answers: 97 plainly sound, three that look more and more like killers
    sound = [(0.1, False)] * 97 + [(0.62, False), (0.71, False), (0.88, False)]
    threshold, lines = trainer.choose(sound + [(0.95, True)] * 10)
    assert threshold == 0.65  # 0.30 .. 0.60 flag three of 100; 0.65 flags two
    assert [line.split()[0] for line in lines if "<- chosen" in line] == ["0.65"]
    # a sound answer the guide or the unit tests hold at 0.66 keeps the threshold above it
    assert trainer.choose(sound + [(0.95, True)] * 10, floor=0.66)[0] == 0.7
    # when no threshold keeps to 2 in 100, the highest is taken
    assert trainer.choose([(0.95, False)] * 10 + [(0.99, True)])[0] == trainer.THRESHOLDS[-1]


def test_training_is_deterministic_and_needs_both_kinds():
    rows = [("calm down now", "", True), ("what happened tonight?", "", False),
            ("you sound exhausted", "", False), ("stop it now!", "", True)]
    assert B.train(rows) == B.train(rows)
    assert B.train(rows).likely("stop it now!") and not B.train(rows).likely("you sound exhausted")
    with pytest.raises(ValueError, match="both"):
        B.train([("what happened?", "", False)])
    with pytest.raises(ValueError, match="both"):
        B.train([])


def test_a_table_survives_its_own_round_trip():
    again = B.loads(TOY.dumps())
    assert again == TOY


def test_the_backstop_speaks_only_when_the_rules_found_nothing():
    c = Classifier(backstop=TOY)
    r = c.classify("Tell me about the pickles.")
    assert [(f.code, f.message, f.hedged) for f in r.flags] == [("rapport-killer", B.WHY, True)]
    assert r.feedback.startswith(B.WHY)  # the warning first; what it tried is the fix
    assert r.feedback.endswith("This looks like an open-ended question.")
    assert r.skill == "open-ended-questions"  # it still says what the answer tried
    # a rule's own reason comes first and alone
    ruled = c.classify("Calm down about the pickles!")
    assert {f.code for f in ruled.flags} == {"rapport-killer"}
    assert B.WHY not in [f.message for f in ruled.flags]
    # and without the backstop, or below its threshold, nothing
    assert Classifier(backstop=False).classify("Tell me about the pickles.").flags == ()
    assert Classifier(backstop=TOY).classify("Tell me about the garden.").flags == ()


@pytest.mark.parametrize(
    "text, where",
    [
        ("", ":1: the table has no threshold or bias line"),
        ("threshold\t0.5\nbias\t-1\n", ":1: the table has no weights"),
        ("threshold\t0.5\nbias\t-1\n0.25\tcalm\n0.3", ":4: expected a number"),  # cut off
        ("threshold\t0.5\nbias\t-1\nnan\tcalm\n", ":3: the weight is not a finite number"),
        ("threshold\t1.5\nbias\t-1\n0.2\tcalm\n", ":1: the threshold must be between 0 and 1"),
        ("threshold\t0.5\nbias\t-1\nheavy\tcalm\n", ":3: expected a number"),
        ("bias\t-1\n0.2\tcalm\n", ":1: the table has no threshold line"),
        ("threshold\t0.5\nbias\tinf\n0.2\tcalm\n", ":1: the bias is not a finite number"),
    ],
)
def test_a_damaged_table_is_named_with_path_and_line(text, where):
    with pytest.raises(B.BackstopError) as e:
        B.loads(text, "app/practice/killer_words.txt")
    assert str(e.value).startswith("app/practice/killer_words.txt" + where)


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_text("threshold\t0.5\nbias\t-1\n0.25\tcalm\n0.3", encoding="utf-8"),
        lambda p: p.write_bytes(b"threshold\t0.5\nbias\t-1\n0.25\tcal\xffm\n"),  # not UTF-8
        lambda p: None,  # missing
        lambda p: p.mkdir(),  # a folder where the file should be
    ],
)
def test_a_damaged_shipped_table_leaves_the_rules_working(tmp_path, monkeypatch, caplog, damage):
    damage(tmp_path / "killer_words.txt")
    monkeypatch.setattr(B, "SHIPPED", tmp_path / "killer_words.txt")
    B._shipped.cache_clear()
    try:
        with caplog.at_level(logging.ERROR, logger="stairway"):
            c = Classifier()
        assert c.backstop is None
        assert "rules only" in caplog.text
        assert {f.code for f in c.classify("Calm down!").flags} == {"rapport-killer"}
    finally:
        B._shipped.cache_clear()


@pytest.mark.parametrize(
    "answer",
    ["\ud800 pickles \udfff", "pickles " * 20000, "🙂 pickles ⚠️", "=cmd|' /C calc'!A0 pickles",
     "<script>pickles</script>", "../../etc/pickles", "\u202epickles\u202c", "\x00pickles"],
)
def test_odd_input_reaches_the_backstop_without_a_traceback(answer):
    r = Classifier(backstop=TOY).classify(answer)
    assert r.flags  # the toy word is seen in all of them
    assert isinstance(r.feedback, str) and r.feedback


def test_features_are_words_pairs_start_and_tone():
    f = B.features("you need to stop now!")
    assert {"you", "need to", "<s> you", "<!>"} <= f and "<q>" not in f
    assert "<q>" in B.features("what happened?")
    assert B.features("") == {"<s> "}


def test_their_own_words_told_back_are_not_the_officers():
    f = B.features("your kids hate you?", "my kids hate me.")
    assert f == {"<s> your", "<q>"}  # "my kids" -> "your kids": all theirs
    assert "stupid" in B.features("that's a stupid thing to say", "my mother says i'm useless")
    assert "stupid" not in B.features("a stupid failure?", "she calls me a stupid failure")
    # a toy word the person said first is theirs, not the officer's
    assert Classifier(backstop=TOY).classify("Pickles?", "I only want pickles.").flags == ()
    assert Classifier(backstop=TOY).classify("Pickles?", "I only want bread.").flags


def test_the_backstop_flags_none_of_the_guides_say_phrases():
    """What the guide tells an officer to say is never marked as worded like a killer."""
    from app import paths
    from app.guide import compile_guide
    from app.guide.model import SAY
    from app.guide.query import phrases

    guide = compile_guide(paths.content_dir(None))
    says = phrases(guide, kind=SAY)
    assert len(says) > 100
    c = Classifier.from_guide(guide)
    assert [p.text for p in says if B.WHY in c.classify(p.text).feedback] == []


@pytest.mark.parametrize(
    "said, answer",
    [
        # asking about suicide straight out must never be taught away
        ("I can't do this any more.", "Are you thinking about killing yourself?"),
        ("I can't do this any more.", "Are you thinking of ending your life tonight?"),
        ("Nobody would even notice.", "Do you want to die?"),
        ("I've got it all worked out.", "Have you made a plan to kill yourself?"),
        ("I've got it all worked out.", "What have you got with you to do it?"),
        ("I took some stuff earlier.", "What did you take, and how much?"),
        ("Just leave me alone.", "Is anyone in there with you?"),
        ("I've got a blade.", "Where is the blade right now?"),
        # an I-message that names behaviour is not blame
        ("I'll do it if they come closer.", "I get worried when you hold the knife up like that."),
        ("Get them away from me!", "I feel uneasy when you shout at the officers, because I want "
         "to hear you."),
        ("I'm not coming out.", "I'm concerned when I hear you say that."),
    ],
)
def test_safety_questions_and_i_messages_are_not_flagged_by_the_shipped_classifier(said, answer):
    """An instructor's review: the backstop must never teach an officer to stop asking
    about suicide directly, nor read a plain I-message as blame."""
    r = Classifier().classify(answer, said)
    assert not any(f.hedged for f in r.flags), r.feedback


def test_the_backstop_never_speaks_over_a_direct_safety_question():
    """Even a table that has learned to dislike a word keeps quiet when the answer asks
    about suicide, weapons or injuries straight out: the rules know those questions."""
    grim = B.Backstop(bias=-3.0, weights={"die": 6.0, "gun": 6.0}, threshold=0.5)
    c = Classifier(backstop=grim)
    assert c.classify("Do you want to die?", "Nobody would notice.").flags == ()
    assert c.classify("Have you got a gun with you?", "Stay back.").flags == ()
    # the same word, not asked as a safety question, is still read
    assert [f.hedged for f in c.classify("Tell me more about wanting to die.").flags] == [True]
