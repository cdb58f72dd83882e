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


def test_hard_wrapped_lines_stay_one_sentence() -> None:
    """A line break inside a wrapped paragraph does not split the sentence; blank lines and bullets do."""
    text = (
        "Lithuania said it had sent two radars and\n"
        "three mortars to Georgia, while\n"
        "officials declined to comment.\n\n"
        "Next paragraph\n"
        "- a bullet item\n"
        "Another heading\n"
        "The report was published."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Lithuania said it had sent two radars and\nthree mortars to Georgia, while\nofficials declined to comment.",
        "Next paragraph",
        "a bullet item",
        "Another heading",
        "The report was published.",
    ]


def test_a_wrapped_line_may_end_with_a_comma() -> None:
    """A line that breaks after a comma carries on on the next line, even before a capital."""
    text = "Kenya bought drones from Turkey,\nIsrael and China in 2023."
    assert [s.text for s in split_sentences(text)] == [text]


def test_pvt_does_not_end_a_sentence() -> None:
    """ "Varun Tools Pvt. Ltd. of India" stays in one sentence."""
    assert len(split_sentences("The list includes Varun Tools Pvt. Ltd. of India and others.")) == 1
