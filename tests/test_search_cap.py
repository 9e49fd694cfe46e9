"""A long paste into the search box: only its start is searched (app.guide.words).

The screen searches at every keystroke; a pasted page once froze it for seconds. What is
tested is the cap's behaviour (which words are searched), never a time.
"""

from __future__ import annotations

import pytest

from app.guide import compile_guide
from app.guide import search as search_module
from app.guide.search import build_index, search
from app.guide.words import MAX_QUERY_CHARS, MAX_QUERY_WORDS, query_words
from tests.guide_helpers import REAL

WORDS = [f"w{n}x" for n in range(40)]  # 40 different words of 4 characters


@pytest.mark.parametrize(
    "query, words",
    [
        # a query as typed: every word, each once, in order
        ("Calm down, calm DOWN now", ["calm", "down", "now"]),
        # accents and case are folded as before
        ("Zoë DON'T", ["zoe", "dont"]),
        # more different words than the cap: the first MAX_QUERY_WORDS
        (" ".join(WORDS), WORDS[:MAX_QUERY_WORDS]),
        # repeats do not use up the cap
        ("x " * 30 + "knife", ["x", "knife"]),
        # a word cut by the character cap is left out, not searched as a prefix
        ("x " * 97 + "weapons", ["x"]),
        # a word that ends right at the cap is kept
        ("x " * 97 + "gun" + " knife", ["x", "gun"]),
        # past the character cap nothing counts
        ("knife" + " " * MAX_QUERY_CHARS + "weapon", ["knife"]),
        # nothing but a paste of one endless word: nothing to search
        ("a" * 5000, []),
    ],
)
def test_query_words(query, words):
    assert query_words(query) == words


@pytest.fixture(scope="module")
def index():
    return build_index(compile_guide(REAL, "content"))


@pytest.mark.parametrize(
    "query",
    [
        # a real word of the guide
        "weapon",
        # two words, one a prefix
        "calm emp",
        # a typo
        "suicdal",
    ],
)
def test_a_paste_finds_what_its_start_finds(index, query):
    pasted = query + " " * MAX_QUERY_CHARS + " ".join(str(n) for n in range(50_000))
    expected = search(index, query)
    assert expected and search(index, pasted) == expected


def test_a_paste_looks_up_at_most_the_capped_number_of_words(index, monkeypatch):
    asked: list[str] = []
    real = search_module._matches
    monkeypatch.setattr(search_module, "_matches", lambda ix, q: asked.append(q) or real(ix, q))
    search(index, " ".join(f"zq{n}" for n in range(50_000)))
    assert 0 < len(asked) <= MAX_QUERY_WORDS


@pytest.mark.parametrize("query", ["bridge", "jump", "man threatening to jump off bridge",
                                   "ledge", "roof"])
def test_the_commonest_call_is_found_by_its_own_words(query):
    """"bridge" and "jump" found nothing, and "Nothing found. Try fewer or shorter words."
    after one word made no sense (from the officer's walk): the situation now says where
    such a person may be, in the words an officer types."""
    index = build_index(compile_guide(REAL))
    assert search(index, query)[0].title.startswith("Suicidal subject")
