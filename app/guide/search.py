"""Full-text search over the guide: prefix matching, small-typo tolerance, ranked.

`build_index(guide)` turns every phrase, stage part, checklist item, situation part and
skill part into a small document; `search(index, query)` returns ranked `Hit`s whose
`target` tells the UI where to open:

    ("phrase", stage_order, text)      a phrase, on the phrases screen
    ("stage", stage_order)             a stage's title, purpose, do, signs or warnings
    ("checklist", checklist_id, item_id | None)
    ("situation", situation_id)
    ("skill", skill_id)

Matching is case- and accent-insensitive. A query word matches a guide word exactly, as
its plural or singular (`weapon` <-> `weapons`), as a prefix (`empa` -> `empathy`), or,
when it matches no guide word in those ways, with a small typo: edit distance 1 for words
of 4+ characters, 2 for 8+ (transpositions count once). Every query word must match;
when none of the documents match all of them, documents matching most of them are
returned. Only the start of a long query is searched (`query_words`): a paste must not
freeze the screen.

Ranking: a title match weighs twice a text match; a short text that holds the word
beats a long one (BM25's length normalisation, on text matches only). Avoid phrases come
after every other hit, so what to do and what to say come first; on a tie, checklist
items come first, then Say phrases. An Avoid hit
carries its `instead`, so the screen can show what to say in its place. No flet here.
"""

from __future__ import annotations

import logging
import math
import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from app.guide.model import AVOID, SAY, Guide
from app.guide.words import (
    distance_within,
    inflections,
    max_typos,
    normalize,
    query_words,
    snippet,
    tokens,
)

log = logging.getLogger("stairway")

__all__ = [
    "Hit", "Index", "build_index", "lazy_search", "normalize", "query_words", "search", "tokens",
]

TITLE_WEIGHT = 2.0
TEXT_WEIGHT = 1.0
EXACT, INFLECTED, PREFIX, TYPO1, TYPO2 = 1.0, 0.95, 0.7, 0.5, 0.3
LENGTH_B = 0.5  # how much a long text is penalised (0 = not at all, 1 = in proportion)
_KIND_ORDER = {"checklist": 0, "phrase": 1, "stage": 2, "situation": 3, "skill": 4}
_AVOID_ORDER = 5


@dataclass(frozen=True)
class Hit:
    kind: str  # phrase | stage | checklist | situation | skill
    title: str  # where it sits, e.g. "Empathy: Say" or "Suicidal subject: Danger signs"
    snippet: str  # the matched text, shortened around the first match
    file: str
    line: int
    target: tuple
    score: float = 0.0
    instead: str = ""  # an Avoid phrase: what to say in its place
    phrase_id: str = ""  # a phrase: its Phrase.id


@dataclass(frozen=True)
class _Doc:
    kind: str
    title: str
    text: str
    file: str
    line: int
    target: tuple
    instead: str = ""
    phrase_id: str = ""
    avoid: bool = False


@dataclass
class Index:
    docs: list[_Doc] = field(default_factory=list)
    postings: dict[str, dict[int, float]] = field(default_factory=dict)  # term -> doc -> weight
    vocab: list[str] = field(default_factory=list)  # sorted, for prefix ranges
    by_len: dict[int, list[str]] = field(default_factory=dict)  # for typo candidates
    norm_text: list[str] = field(default_factory=list)  # per doc, for phrase bonus
    length_norm: list[float] = field(default_factory=list)  # per doc, divides its score
    _matches: dict[str, list[tuple[str, float]]] = field(default_factory=dict, repr=False)

    def __len__(self) -> int:
        return len(self.docs)


def _docs(guide: Guide) -> list[_Doc]:
    out: list[_Doc] = []
    add = out.append
    for st in guide.stages:
        where = st.meta.file
        add(_Doc("stage", st.title, st.purpose, where, 1, ("stage", st.order)))
        for part, items in (
            ("Do", st.do),
            ("Move up when", st.signs),
            ("Step back if", st.warnings),
        ):
            for it in items:
                add(
                    _Doc(
                        "stage",
                        f"{st.title}: {part}",
                        it.text,
                        it.file,
                        it.line,
                        ("stage", st.order),
                    )
                )
        for ph in st.phrases:
            said = "Say" if ph.kind == SAY else "Avoid"
            target = ("phrase", st.order, ph.text)
            title = f"{st.title}: {said}"
            avoid = ph.kind == AVOID
            add(_Doc("phrase", title, ph.text, ph.file, ph.line, target, ph.instead, ph.id, avoid))
    for cl in guide.checklists:
        add(_Doc("checklist", cl.title, "", cl.meta.file, 1, ("checklist", cl.id, None)))
        for it in cl.items:
            title = f"{cl.title}: {it.section}" if it.section else cl.title
            add(_Doc("checklist", title, it.text, it.file, it.line, ("checklist", cl.id, it.id)))
    for si in guide.situations:
        target = ("situation", si.id)
        add(_Doc("situation", si.title, si.summary, si.meta.file, 1, target))
        for part, items in (
            ("Priorities", si.priorities),
            ("Questions to ask", si.questions),
            ("Danger signs", si.danger_signs),
        ):
            for it in items:
                add(_Doc("situation", f"{si.title}: {part}", it.text, it.file, it.line, target))
    for sk in guide.skills:
        target = ("skill", sk.id)
        body = f"{sk.description} {sk.when}".strip()
        add(_Doc("skill", sk.title, body, sk.file, sk.line, target))
        for ex in sk.examples:
            add(_Doc("skill", f"{sk.title}: Examples", ex, sk.file, sk.line, target))
    return out


def build_index(guide: Guide) -> Index:
    index = Index(docs=_docs(guide))
    postings: dict[str, dict[int, float]] = defaultdict(dict)
    lengths = []
    for i, doc in enumerate(index.docs):
        for weight, part in ((TITLE_WEIGHT, doc.title), (TEXT_WEIGHT, doc.text)):
            for tok in tokens(part):
                if postings[tok].get(i, 0.0) < weight:
                    postings[tok][i] = weight
        words = tokens(doc.text)
        index.norm_text.append(" ".join(words))
        lengths.append(len(words))
    average = (sum(lengths) / len(lengths)) if lengths else 1.0
    index.length_norm = [(1 - LENGTH_B) + LENGTH_B * n / (average or 1.0) for n in lengths]
    index.postings = dict(postings)
    index.vocab = sorted(postings)
    for term in index.vocab:
        index.by_len.setdefault(len(term), []).append(term)
    return index


def _matches(index: Index, q: str) -> list[tuple[str, float]]:
    """Guide words a query word stands for, with a match quality in (0, 1]."""
    cached = index._matches.get(q)
    if cached is not None:
        return cached
    found: dict[str, float] = {}
    if q in index.postings:
        found[q] = EXACT
    for other in inflections(q):
        if other in index.postings:
            found.setdefault(other, INFLECTED)
    if len(q) >= 2:
        i = bisect_left(index.vocab, q)
        while i < len(index.vocab) and index.vocab[i].startswith(q):
            found.setdefault(index.vocab[i], PREFIX)
            i += 1
    # Typos are the fallback: a word the guide has (or starts with) means what it says,
    # so "calm" does not also pull in every "call".
    k = 0 if found else max_typos(q)
    for n in range(len(q) - k, len(q) + k + 1):
        for term in index.by_len.get(n, ()):
            if term in found:
                continue
            d = distance_within(q, term, k)
            if d is not None:
                found[term] = TYPO1 if d <= 1 else TYPO2
    result = list(found.items())
    if len(index._matches) > 2048:
        index._matches.clear()
    index._matches[q] = result
    return result


def search(index: Index, query: str, limit: int = 20) -> list[Hit]:
    words = query_words(query)
    if not words or not index.docs:
        return []
    n_docs = len(index.docs)
    scores: dict[int, float] = defaultdict(float)
    matched: dict[int, int] = defaultdict(int)
    hit_terms: dict[int, set[str]] = defaultdict(set)
    for q in words:
        best: dict[int, float] = {}
        for term, quality in _matches(index, q):
            docs = index.postings[term]
            idf = math.log(1.0 + n_docs / len(docs))
            for d, weight in docs.items():
                s = quality * weight * idf
                if weight == TEXT_WEIGHT:  # a word of the text, not of the title above it
                    s /= index.length_norm[d]
                if s > best.get(d, 0.0):
                    best[d] = s
                hit_terms[d].add(term)
        for d, s in best.items():
            scores[d] += s
            matched[d] += 1
    if not scores:
        return []
    need = max(matched.values())  # all words when some document has them all
    phrase = " ".join(words)
    ranked = []
    for d, s in scores.items():
        if matched[d] < need:
            continue
        if len(words) > 1 and phrase in index.norm_text[d]:
            s *= 1.5
        doc = index.docs[d]
        order = _AVOID_ORDER if doc.avoid else _KIND_ORDER.get(doc.kind, 9)
        ranked.append((doc.avoid, -round(s, 9), order, doc.file, doc.line, d))
    ranked.sort()
    out: list[Hit] = []
    seen: set[tuple] = set()
    for _, neg, _, _, _, d in ranked:
        doc = index.docs[d]
        key = (doc.target, doc.text)  # the same phrase given for a stage and a situation
        if key in seen:
            continue
        seen.add(key)
        text = doc.text or doc.title
        shown = snippet(text, hit_terms[d])
        out.append(
            Hit(
                doc.kind,
                doc.title,
                shown,
                doc.file,
                doc.line,
                doc.target,
                -neg,
                doc.instead,
                doc.phrase_id,
            )
        )
        if len(out) >= limit:
            break
    return out


def lazy_search(guide: Guide) -> Callable[[str], list]:
    """Search over this guide; its index is built at the first search, not at the swap
    (a live-preview save reaches the screen sooner; an officer's first search pays it)."""
    lock = threading.Lock()
    built: list = []

    def run(q: str) -> list:
        with lock:
            if not built:
                try:
                    built.append(build_index(guide))
                except Exception:  # noqa: BLE001 - no search is better than no guide
                    log.exception("search index could not be built")
                    built.append(None)
        return search(built[0], q, 20) if built[0] is not None else []

    return run
