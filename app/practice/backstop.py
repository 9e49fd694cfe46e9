"""A second look for rapport killers the rules miss: word weights learned from labelled answers.

The rules (`killers`, `dismissals`, `officer`, `problems`) say why an answer closes a
person down, but new wording slips past them: on labelled sets they were never tuned on
they flag about 93 killers in 100. The backstop reads the answer's words and word pairs,
adds up weights learned from labelled answers (the development sets, the scenarios' graded
answers, the guide's Say phrases and the unit tests' rows, never a held-apart set) and,
when the rules found nothing and the sum says "killer" often enough, the classifier raises
one hedged flag. It never says which rule: it cannot know.

    b = Backstop.shipped()            # killer_words.txt beside this file; None if unusable
    b.likelihood(text, said) -> 0..1  # as the rules read them: texting(clean(x)).lower()
    b.likely(text, said) -> bool      # likelihood >= b.threshold
    train(rows) -> Backstop           # rows: (text, said, is_killer), deterministic
    b.dumps() -> str; loads(str, path) -> Backstop (BackstopError: "path:line: message")

Pure Python and a table of weights shipped with the app: no network, no download, no
numpy, fast enough for a phone. `benchmarks/practice_train.py` retrains it and writes the
table; a test checks the shipped table is what that script gives. No flet.
"""

from __future__ import annotations

import logging
import math
import random
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.practice.rules import ANALYSE_CHARS
from app.practice.text import flip

log = logging.getLogger("stairway")
SHIPPED = Path(__file__).with_name("killer_words.txt")
WORD = re.compile(r"[a-z0-9']+")
READ_CHARS = ANALYSE_CHARS  # like the rules: the start of a long paste is what would be said
# An instructor's wording: says it might, names the harm (they stop talking), gives a check
WHY = ("This might make them stop talking. Does it stay with what they said and felt? "
       "Compare the model answers.")


class BackstopError(ValueError):
    """A weights table that cannot be read: `path:line: message`."""


def features(text: str, said: str = "") -> set[str]:
    """The officer's words and pairs of neighbouring words, how it starts, and whether it
    asks or shouts. Their own words told back ("Your kids hate you?" to "My kids hate me")
    are left out: they are not the officer's. Both are lower case, as the rules read them."""
    w = WORD.findall(text[:READ_CHARS])
    out = _grams(w)
    if said:
        theirs = WORD.findall(said[:READ_CHARS])
        out -= _grams(theirs) | _grams(flip(theirs))
    out.add(f"<s> {w[0] if w else ''}")
    if text.rstrip().endswith("?"):
        out.add("<q>")
    if "!" in text:
        out.add("<!>")
    return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _grams(w: list[str]) -> set[str]:
    return set(w) | {f"{a} {b}" for a, b in zip(w, w[1:], strict=False)}


@dataclass(frozen=True)
class Backstop:
    bias: float
    weights: dict[str, float]
    threshold: float

    @classmethod
    def shipped(cls) -> Backstop | None:
        return _shipped()

    def likelihood(self, text: str, said: str = "") -> float:
        return _sigmoid(self.bias + sum(self.weights.get(f, 0.0) for f in features(text, said)))

    def likely(self, text: str, said: str = "") -> bool:
        return self.likelihood(text, said) >= self.threshold

    def dumps(self) -> str:
        lines = [
            "# Stairway practice: learned weights for rapport killers the rules miss.",
            "# Written by benchmarks/practice_train.py; do not edit by hand.",
            f"threshold\t{self.threshold:g}",
            f"bias\t{self.bias:.3f}",
        ]
        lines += [f"{w:.3f}\t{f}" for f, w in sorted(self.weights.items())]
        return "\n".join(lines) + "\n"


def loads(text: str, path: str = "killer_words.txt") -> Backstop:
    head: dict[str, float] = {}
    weights: dict[str, float] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        key, tab, value = line.partition("\t")
        try:
            if not tab:
                raise ValueError
            if key in ("threshold", "bias") and not weights:
                head[key] = float(value)
                continue
            weight = float(key)
        except ValueError:
            raise BackstopError(f"{path}:{n}: expected a number, a tab and a feature") from None
        if not math.isfinite(weight):
            raise BackstopError(f"{path}:{n}: the weight is not a finite number")
        weights[value] = weight
    missing = [k for k in ("threshold", "bias") if k not in head]
    if missing:
        raise BackstopError(f"{path}:1: the table has no {' or '.join(missing)} line")
    if not 0.0 < head["threshold"] < 1.0:
        raise BackstopError(f"{path}:1: the threshold must be between 0 and 1")
    if not math.isfinite(head["bias"]):
        raise BackstopError(f"{path}:1: the bias is not a finite number")
    if not weights:
        raise BackstopError(f"{path}:1: the table has no weights")
    return Backstop(head["bias"], weights, head["threshold"])


@cache
def _shipped() -> Backstop | None:
    try:
        return loads(SHIPPED.read_text(encoding="utf-8"), str(SHIPPED))
    except (OSError, UnicodeDecodeError, BackstopError) as exc:
        log.error("practice: rules only, the learned weights are unusable: %s", exc)
        return None


def train(
    rows: list[tuple[str, str, bool]],
    threshold: float = 0.5,
    epochs: int = 25,
    rate: float = 0.3,
    l2: float = 0.05,
    seed: int = 1,
    keep: float = 0.005,
) -> Backstop:
    """Logistic regression by plain stochastic gradient descent, killers and sound answers
    weighed equally whatever their numbers. The same rows give the same table."""
    data = [(sorted(features(t, said)), 1.0 if k else 0.0) for t, said, k in rows]
    pos = sum(y for _, y in data)
    if not data or pos in (0, len(data)):
        raise ValueError("training needs both killers and sound answers")
    weigh = {1.0: len(data) / (2 * pos), 0.0: len(data) / (2 * (len(data) - pos))}
    w: dict[str, float] = {}
    b = 0.0
    order = random.Random(seed)
    for epoch in range(epochs):
        order.shuffle(data)
        step = rate / (1 + epoch * 0.2)
        for fs, y in data:
            z = b + sum(w.get(f, 0.0) for f in fs)
            g = (_sigmoid(z) - y) * weigh[y]
            b -= step * g
            for f in fs:
                wf = w.get(f, 0.0)
                w[f] = wf - step * (g + l2 * wf)
    kept = {f: round(v, 3) for f, v in w.items() if abs(v) >= keep}
    return Backstop(round(b, 3), kept, threshold)


__all__ = ["WHY", "Backstop", "BackstopError", "features", "loads", "train"]
