"""The shortcuts of the splitter and the weapon screen give what the plain tests they stand for give."""

from __future__ import annotations

import re

import pytest

from bench.corpus import generate
from ingest.extract.arms import _Anchors, _lexicon, _names_no_actor, _State
from ingest.extract.document import Document
from ingest.extract.sanctions import _CUE_SCREEN, _CUES
from ingest.extract.text import (
    MAX_SENTENCE,
    PhraseScreen,
    Vocabulary,
    may_cut_words,
    split_sentences,
    text_words,
)
from ingest.extract.weapons import _may_designate, may_name_weapons, weapon_screen


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks ended.\nThe army left.", ["Talks ended.", "The army left."]),  # a capital after a break
        ("Talks ended. The army left.", ["Talks ended.", "The army left."]),  # one space, then a capital
        ("It rose 4.5 percent. Gen. Lee spoke.", ["It rose 4.5 percent.", "Gen. Lee spoke."]),
        ("It was approx. Ten said so.", ["It was approx. Ten said so."]),  # a word of letters, known
        ("Ask John F. Kennedy now.", ["Ask John F. Kennedy now."]),  # a lone initial
        ("The talks failed (Gen. Lee said so).", ["The talks failed (Gen. Lee said so)."]),
        ("They met in the U.S. Then they left.", ["They met in the U.S. Then they left."]),
        ("1. The first item. 2. The second item.", ["The first item.", "The second item."]),  # markers
        ('He said "stop." Then he left.', ['He said "stop."', "Then he left."]),
        ("  • Tanks were sent. Drones too.", ["Tanks were sent.", "Drones too."]),
        (
            "He met Gov. Ross in the capital. Then he left.",
            ["He met Gov. Ross in the capital.", "Then he left."],
        ),
        (
            "Sales rose by approx. 5 percent. Gen. Lee spoke.",
            ["Sales rose by approx. 5 percent.", "Gen. Lee spoke."],
        ),
        (
            "Ships sailed from Malmö. Then came the tanks.",
            ["Ships sailed from Malmö.", "Then came the tanks."],
        ),
    ],
)
def test_sentences_built_in_the_scan_are_those_of_the_plain_rules(text: str, expected: list[str]) -> None:
    """Sentences the scan builds itself, and abbreviations it tests itself, split as the general rules do."""
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_a_run_on_stretch_without_spaces_may_be_cut_inside_a_word() -> None:
    """Only a long stretch without a space can put a sentence bound inside a word, and then words are not made."""
    run_on = "Tanks " + "x" * (MAX_SENTENCE + 200) + " were sent."
    assert may_cut_words(run_on)
    assert text_words(run_on, split_sentences(run_on)) is None


def test_long_text_with_spaces_keeps_every_bound_outside_words() -> None:
    """A long text with spaces throughout is never cut inside a word, so its words are made."""
    text = " ".join(["alpha", "bravo,", "charlie"] * 400)  # one run-on sentence, cut at spaces
    assert not may_cut_words(text)
    sentences = split_sentences(text)
    assert len(sentences) > 1
    words = text_words(text, sentences)
    assert words is not None
    assert all(words.spaced[s.start - 1] == " " for s in sentences[1:])


def test_a_form_split_across_sentences_is_no_candidate() -> None:
    """A sentence holding only some words of a form ("armoured", then "vehicles" later) is not screened in."""
    doc = Document("The armoured doors held. The vehicles left at dawn. They built armoured vehicles.")
    assert doc.words is not None
    screen = weapon_screen(doc.words)
    assert 0 not in screen.candidates
    assert 1 not in screen.candidates
    assert screen.forms(0) == []
    assert (frozenset({"armoured", "vehicles"}), False) in screen.forms(2)


def test_a_named_system_in_small_letters_names_nothing() -> None:
    """ "at 4 p.m." holds the words of "AT-4" but names nothing; "AT-4 launchers" may name the system."""
    doc = Document("The talks begin at 4 p.m. on Monday. The army bought AT-4 launchers.")
    assert doc.words is not None
    screen = weapon_screen(doc.words)
    assert screen.names_nothing(0, screen.forms(0))
    assert not screen.names_nothing(1, screen.forms(1))


def test_every_sentence_that_may_name_a_weapon_is_a_candidate() -> None:
    """No sentence the weapon pattern matches is left out of the screen's candidates (ordinary and relevant news)."""
    for article in generate(120, 5):
        doc = Document(article.text)
        assert doc.words is not None
        screen = weapon_screen(doc.words)
        for clause in doc.clauses:
            if may_name_weapons(clause.lowered):
                assert clause.index in screen.candidates, clause.text


def test_the_words_found_among_a_vocabulary_are_those_the_text_splits_into() -> None:
    """The scan for a vocabulary's words finds each word the text holds, at every place it stands, and no other."""
    vocabulary = Vocabulary(frozenset(["tanks", "4", "drones", "the", "m777", "zz", "a"]))
    texts = [
        "The tanks (4 of them) left; the M777 stayed.",
        "a",
        " tanks",
        "tanks ",
        "Drones, drones and more DRONES",
        "",
        "zzz zz azz",
    ]
    texts += [article.text for article in generate(40, 3)]
    for text in texts:
        words = text_words(text, split_sentences(text))
        assert words is not None
        found = words.among(vocabulary)
        split = words.spaced.split()
        assert set(found) == vocabulary.words.intersection(split), text
        padded = f" {words.spaced} "  # a word at `at` in `spaced` is " word " at `at` in `padded`
        for word, places in found.items():
            assert places == [at for at in range(len(words.spaced)) if padded.startswith(f" {word} ", at)]
            assert words.sentences_at(places, len(word)) == words.sentences_with(word)
        hits = words.hits(vocabulary, None)
        for k in range(0, len(hits), 3):  # each word's sentence, as `sentences_at` finds it
            length = len(vocabulary.listed[hits[k]])
            assert [hits[k + 2]] == (words.sentences_at([hits[k + 1]], length) or [-1]), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "ban",
        "bans ",
        "The EU froze assets.",
        "Sanctions were imposed.",
        "a blocked   property",
        "Ürün embargo — “travel ban” on officials",
        "surrogate \ud800 then export controls",
        "nothing to see here at all",
        "the bar was open and banners flew",
    ],
)
def test_the_phrase_screen_finds_a_phrase_exactly_where_a_search_would(text: str) -> None:
    """One pass over a text's bytes says whether it holds a sanctions cue exactly as searching for each cue does."""
    lowered = text.lower()
    assert _CUE_SCREEN.found_in(lowered) == any(cue in lowered for cue in _CUES)


def test_the_phrase_screen_agrees_with_searching_on_news() -> None:
    """On ordinary and event-bearing news alike, and on every stretch of it, the screen gives the plain answer."""
    for article in generate(60, 9):
        lowered = article.text.lower()
        for start in range(0, len(lowered), 97):
            piece = lowered[start : start + 300]
            assert _CUE_SCREEN.found_in(piece) == any(cue in piece for cue in _CUES)


def test_the_letter_scan_finds_the_words_that_splitting_into_letter_runs_finds() -> None:
    """Transfer and party words found by the scan of a clause are those its runs of letters hold, in order."""
    vocabulary = Vocabulary(frozenset(["sold", "it", "country", "deliver", "m"]))
    texts = [
        "it sold 2 m777s to the country.",
        "sold2it",
        "resold; it's delivered",
        "country",
        "",
        "—it sold–",
    ]
    texts += [article.text.lower() for article in generate(30, 4)]
    for lowered in texts:
        runs = re.findall(r"[^\W\d_]+", lowered)
        expected = [run for run in runs if run in vocabulary.words]
        if lowered.isascii():
            assert vocabulary.letter_words(lowered) == expected, lowered


def test_the_word_scan_screens_for_cues_as_the_phrase_screen_does() -> None:
    """The scan that finds a text's weapon words finds the same words, and shows no cue only where the text has none."""
    vocabulary = Vocabulary(frozenset(["tanks", "4", "drones", "sanctions"]))
    texts = [
        "The EU froze assets.",
        "Four tanks left. No ban here, only banners.",
        "A travel-ban on officials",
        "An embargo — “travel ban” on officials",
        "tanks",
        "",
    ]
    texts += [article.text for article in generate(80, 6)]
    for text in texts:
        words = text_words(text, split_sentences(text))
        assert words is not None
        assert words.screened_among(vocabulary, _CUE_SCREEN) == words.among(vocabulary), text
        if words.lacks is _CUE_SCREEN:
            assert not _CUE_SCREEN.found_in(text.lower()), text


def test_a_sentence_without_an_actor_word_names_no_actor() -> None:
    """A sentence the word test shows to name no actor gives no actor mention when it is looked up."""
    shown = 0
    for article in generate(80, 8):
        doc = Document(article.text)
        assert doc.words is not None
        state = _State(doc.clauses)
        state.screen = weapon_screen(doc.words)
        for clause in doc.clauses:
            if _names_no_actor(state, clause.index):
                shown += 1
                assert clause.actors == [], clause.text
    assert shown > 100  # the test is not idle: most sentences of ordinary news name no actor


@pytest.mark.parametrize("phrases", [None, _CUE_SCREEN])
def test_the_word_scan_finds_designations_as_the_shape_test_does(phrases: PhraseScreen | None) -> None:
    """The scan for a text's words tells whether it may hold an unknown designation exactly as its shape does."""
    vocabulary = Vocabulary(frozenset(["tanks", "m777"]))
    texts = [
        "M777 guns",
        "the CH-92A drone",
        "a x-1 b",
        "Covid19",
        "x\u20135",
        "x\u20115",
        "A-",
        "-5",
        "5-a",
        "aB3",
    ]
    texts += ["2023-24 season", "", "7", "a -5", "A 5", "tanks-3 and m777"]
    texts += [article.text for article in generate(80, 6)]
    for text in texts:
        words = text_words(text, split_sentences(text))
        assert words is not None
        words.hits(vocabulary, phrases)
        assert words.designates == _may_designate(words.shape), text


def test_the_transfer_words_of_a_clause_are_those_of_its_own_letters_or_of_the_texts_words() -> None:
    """A clause's transfer and party words read from the text's `Words` are those read from the clause."""
    texts = [article.text for article in generate(80, 9)]
    texts += [
        "\u201cWe will send drones,\u201d the minister said. Kyiv\u2019s army got 12 tanks \u2014 and more.",
        "",
    ]
    lex = _lexicon()
    for text in texts:
        doc = Document(text)
        assert doc.words is not None
        by_words, by_clauses = _Anchors(doc.clauses, lex, doc.words), _Anchors(doc.clauses, lex)
        for clause in doc.clauses:
            assert by_words.known(clause.index) == by_clauses.known(clause.index), clause.text
            assert by_words[clause.index] == by_clauses[clause.index], clause.text
