"""Sentences keep their offsets and survive abbreviations and lists."""

from __future__ import annotations

from ingest.extract.text import split_sentences


def test_offsets_point_into_the_text() -> None:
    """Every sentence is the article text between its offsets."""
    text = "The U.S. sent tanks.  Gen. Smith said so.\n• Two radars;\n• Ten drones."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text


def test_abbreviations_do_not_end_sentences() -> None:
    """ "U.S.", "Gen." and "No." stay inside their sentence."""
    text = "The U.S. Army and Gen. Lee signed order No. 5 today. Then they left."
    assert [s.text for s in split_sentences(text)] == [
        "The U.S. Army and Gen. Lee signed order No. 5 today.",
        "Then they left.",
    ]


def test_bullets_are_sentences_without_their_marker() -> None:
    """Each bullet of a list is a sentence of its own, without the bullet sign."""
    text = "The package includes:\n- 12 howitzers;\n• 4 radars."
    assert [s.text for s in split_sentences(text)] == ["The package includes:", "12 howitzers;", "4 radars."]
