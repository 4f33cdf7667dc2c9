"""The plain-English check: pure functions, no database."""

import pytest

from toolkits import plain_english as pe

JARGON_HEAVY = (
    "Following attachment, participants will be signposted to wraparound provision to address "
    "barriers to employment, and conditionality and sanctions are explained in accordance with "
    "the claimant commitment, utilising MI to facilitate holistic in-work support."
)
PLAIN = "We will call you within two days. You can ask us for help at any time."


def test_a_jargon_heavy_sentence_is_flagged_with_plainer_words():
    findings = pe.check(JARGON_HEAVY)
    found = {item.term: item for item in findings.jargon}
    assert found["attachment"].plainer == "joining the programme"
    assert found["conditionality"].plainer == "the rules you must follow to get your benefit"
    assert found["sanction"].found == "sanctions"
    assert found["sanction"].plainer == "a cut to your benefit"
    assert found["utilise"].found == "utilising"
    assert found["signpost"].found == "signposted"
    for term in ("wraparound", "barriers to employment", "claimant commitment", "MI",
                 "facilitate", "holistic", "in-work support"):  # fmt: skip
        assert term in found, term
    assert findings.has_advice
    assert findings.band in {"Difficult to read", "Very difficult to read"}


def test_a_plain_sentence_is_not_flagged():
    findings = pe.check(PLAIN)
    assert findings.jargon == []
    assert findings.long_sentences == []
    assert findings.passive == []
    assert not findings.has_advice
    assert findings.score is not None and findings.score >= 80
    assert findings.band in {"Easy to read", "Very easy to read"}


def test_jargon_is_matched_as_whole_words_only():
    assert pe.find_jargon("The attachments were reattached; a detachment left.") == [
        pe.JargonFinding(term="attachment", found="attachments", plainer="joining the programme")
    ]
    assert pe.find_jargon("We misuse nothing and the premium is fair.") == []


def test_jargon_matching_ignores_case_but_abbreviations_match_as_written():
    terms = [item.term for item in pe.find_jargon("CONDITIONALITY and Job Outcomes")]
    assert terms == ["conditionality", "job outcome"]
    assert pe.find_jargon("Be smart, mi amigo: cpa") == []
    assert [item.term for item in pe.find_jargon("Set SMART goals in each CPA")] == [
        "SMART",
        "CPA",
    ]


def test_a_phrase_is_reported_once_and_the_longer_phrase_wins():
    findings = pe.find_jargon("Job outcomes matter. A job outcome is paid later.")
    assert [item.term for item in findings] == ["job outcome"]
    assert [item.term for item in pe.find_jargon("payment by results")] == ["payment by results"]


def test_phrases_match_across_line_breaks():
    assert [item.term for item in pe.find_jargon("barriers\nto employment")] == [
        "barriers to employment"
    ]


def test_the_list_has_at_least_thirty_entries_each_with_plainer_words():
    assert len(pe.JARGON) >= 30
    assert all(plainer.strip() for plainer in pe.JARGON.values())


def test_long_sentences_are_found_with_their_word_count():
    long = " ".join(["word"] * 30) + "."
    findings = pe.check(f"A short one. {long} Another short one.")
    assert [s.words for s in findings.long_sentences] == [30]
    assert pe.check(" ".join(["word"] * 25) + ".").long_sentences == []


def test_list_items_and_lines_count_as_sentences():
    text = "- Call you within two days\n- Meet you every week\n1. Agree a plan"
    assert pe.split_sentences(text) == [
        "Call you within two days",
        "Meet you every week",
        "Agree a plan",
    ]


def test_passive_voice_is_hinted():
    assert pe.check("You will be contacted by your adviser.").passive == ["be contacted"]
    assert pe.check("Your plan is reviewed every month.").passive == ["is reviewed"]
    assert pe.check("We will contact you.").passive == []


@pytest.mark.parametrize(
    ("word", "syllables"),
    [("the", 1), ("cake", 1), ("table", 2), ("wanted", 2), ("jumped", 1), ("boxes", 2),
     ("beautiful", 3), ("programme", 2), ("employment", 3), ("conditionality", 6), ("a", 1),
     ("", 0), ("you're", 1)],
)  # fmt: skip
def test_syllable_heuristic(word, syllables):
    assert pe.count_syllables(word) == syllables


def test_score_falls_as_words_and_sentences_get_longer():
    easy = pe.reading_ease("We help you. We call you. You get a plan.")
    middle = pe.reading_ease("We will help you find a job that suits you and the hours you want.")
    hard = pe.reading_ease(JARGON_HEAVY)
    assert easy > middle > hard


def test_score_follows_the_flesch_formula():
    # 2 sentences, 6 words, 6 syllables: 206.835 - 1.015 * 3 - 84.6 * 1
    assert pe.reading_ease("We help you. We call you.") == pytest.approx(119.2, abs=0.05)


@pytest.mark.parametrize(
    ("score", "band"),
    [(95, "Very easy to read"), (85, "Easy to read"), (75, "Fairly easy to read"),
     (65, "Plain English"), (55, "Fairly difficult to read"), (35, "Difficult to read"),
     (10, "Very difficult to read"), (None, "No text to check")],
)  # fmt: skip
def test_score_is_explained_in_words(score, band):
    assert pe.reading_band(score) == band


def test_empty_text_has_no_score_and_no_advice():
    findings = pe.check("   ")
    assert findings.is_empty and findings.score is None and not findings.has_advice


def test_the_shown_score_stays_between_0_and_100():
    assert pe.check("We help you. We call you.").shown_score == 100
    assert pe.check(JARGON_HEAVY + " " + JARGON_HEAVY).shown_score >= 0
