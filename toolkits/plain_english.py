"""A plain-English check for Customer Service Standards (Recommendation 5): pure, no Django.

`check(text)` returns:

- a reading-ease score: Flesch reading ease,
  206.835 - 1.015 x (words per sentence) - 84.6 x (syllables per word), with a band in words
  ("Fairly easy to read"). Syllables come from a heuristic, not a dictionary: a word of three
  letters or fewer has one; otherwise a silent final "e" (but not "le"), and the endings "es"
  and "ed" (unless after t or d, as in "wanted"), are dropped, then each run of vowels
  (a e i o u y) counts one; every word has at least one. It is right for most everyday words
  and close enough for a score that is guidance, never a gate.
- sentences longer than LONG_SENTENCE words (a sentence ends at . ! ? or a line break, so
  list items count on their own);
- a hint where the passive voice may hide who does what ("you will be contacted");
- sector jargon, matched as whole words or phrases, case-insensitively, each with plainer words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

LONG_SENTENCE = 25

# Jargon of the welfare-to-work field, with words a claimant would use instead. Keys are
# matched as whole words or phrases, case-insensitively, with an optional plural "s"; except
# abbreviations (no lower-case letter, or "PbR"), which match only as written, so that "smart"
# and "mi" are not mistaken for SMART and MI.
JARGON: dict[str, str] = {
    "attachment": "joining the programme",
    "attach": "join",
    "conditionality": "the rules you must follow to get your benefit",
    "sanction": "a cut to your benefit",
    "sanctioned": "had your benefit cut",
    "job outcome": "staying in work (for example for six months)",
    "sustainment": "staying in work",
    "sustained employment": "a job that lasts",
    "claimant commitment": "the agreement you made with your Jobcentre work coach",
    "caseload": "the people an adviser helps",
    "stakeholder": "people and groups involved",
    "utilise": "use",
    "utilize": "use",
    "facilitate": "help, run or arrange",
    "in-work support": "help after you start a job",
    "MI": "information we keep about how we are doing",
    "management information": "information we keep about how we are doing",
    "PbR": "being paid when people find work",
    "payment by results": "being paid when people find work",
    "CPA": "the area we work in",
    "contract package area": "the area we work in",
    "signposting": "pointing you to other help",
    "signpost": "point you to",
    "barriers to employment": "things that make it hard to work",
    "barriers to work": "things that make it hard to work",
    "soft outcomes": "progress such as confidence or new skills",
    "holistic": "looking at your whole situation",
    "wraparound": "extra help around your main support",
    "wrap-around": "extra help around your main support",
    "referral": "being sent to us by the Jobcentre",
    "participant": "you",
    "customer journey": "your time with us",
    "action plan": "your plan of the steps you will take",
    "job-ready": "ready to start work",
    "work-ready": "ready to start work",
    "upskill": "learn new skills",
    "upskilling": "learning new skills",
    "engagement": "taking part",
    "provision": "support",
    "intervention": "help",
    "deliver": "give",
    "commence": "start",
    "in accordance with": "following",
    "prior to": "before",
    "subsequent to": "after",
    "regarding": "about",
    "in order to": "to",
    "ensure": "make sure",
    "endeavour": "try",
    "ascertain": "find out",
    "mandatory": "you must",
    "prime contractor": "the organisation that runs the programme in your area",
    "subcontractor": "an organisation that works with us",
    "supply chain": "the organisations we work with",
    "JCP": "the Jobcentre",
    "Jobcentre Plus": "the Jobcentre",
    "ESA": "Employment and Support Allowance",
    "JSA": "Jobseeker's Allowance",
    "MSL": "the least we will do",
    "minimum service level": "the least we will do",
    "SMART": "clear, with dates and steps you can check",
    "touchpoint": "contact",
    "best practice": "what works",
    "capacity building": "helping organisations grow their skills",
    "key performance indicator": "a target we measure",
    "KPI": "a target we measure",
}

_PASSIVE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?"
    r"(\w+ed|given|made|seen|taken|done|shown|told|sent|kept|paid|found|held|known|written|"
    r"chosen|met|set|offered|spoken)\b",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_BULLET = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’\-]*")
_VOWEL_RUNS = re.compile(r"[aeiouy]+")
# Endings where "es" or "ed" is a syllable of its own: boxes, pages, wanted, needed.
_VOICED_ENDINGS = ("ces", "ges", "ses", "zes", "xes", "ted", "ded")


def _term_pattern(term: str) -> re.Pattern:
    """A term as a whole word or phrase, with its plural and -ed/-ing forms ("signposted")."""
    if term in _ABBREVIATIONS:
        return re.compile(rf"(?<![\w-]){re.escape(term)}s?(?![\w-])")
    body = re.escape(term).replace(r"\ ", r"\s+")
    # "utilise" -> utilises, utilised, utilising; "sanction" -> sanctions, sanctioned.
    body = rf"{body[:-1]}(?:e|es|ed|ing)" if term.endswith("e") else rf"{body}(?:s|es|ed|ing)?"
    return re.compile(rf"(?<![\w-]){body}(?![\w-])", re.IGNORECASE)


_ABBREVIATIONS = {term for term in JARGON if term == term.upper() or term == "PbR"}
# Longest first, so "job outcome" is reported rather than a shorter term inside it.
_PATTERNS = [(term, _term_pattern(term)) for term in sorted(JARGON, key=len, reverse=True)]


@dataclass(frozen=True)
class JargonFinding:
    term: str  # the entry in JARGON
    found: str  # the words as written
    plainer: str


@dataclass(frozen=True)
class LongSentence:
    text: str
    words: int


@dataclass
class Findings:
    """What the check found in one piece of text."""

    words: int = 0
    sentences: int = 0
    score: float | None = None
    long_sentences: list[LongSentence] = field(default_factory=list)
    passive: list[str] = field(default_factory=list)
    jargon: list[JargonFinding] = field(default_factory=list)

    @property
    def shown_score(self) -> int | None:
        """The score as shown, from 0 to 100 (the formula itself can go below or above)."""
        return None if self.score is None else round(max(0.0, min(100.0, self.score)))

    @property
    def band(self) -> str:
        return reading_band(self.score)

    @property
    def has_advice(self) -> bool:
        """Whether there is anything to change (a low score, long sentences, passives, jargon)."""
        return bool(
            self.long_sentences
            or self.passive
            or self.jargon
            or (self.score is not None and self.score < 50)
        )

    @property
    def is_empty(self) -> bool:
        return self.words == 0


def count_syllables(word: str) -> int:
    """The heuristic described in the module docstring."""
    word = re.sub(r"[^a-z]", "", word.lower())
    if not word:
        return 0
    if len(word) <= 3:
        return 1
    if word.endswith("e") and not word.endswith(("le", "ee", "ye")):
        word = word[:-1]
    elif word.endswith(("es", "ed")) and not word.endswith(_VOICED_ENDINGS):
        word = word[:-2]
    return max(1, len(_VOWEL_RUNS.findall(word)))


def split_sentences(text: str) -> list[str]:
    """Sentences (and list items or lines) with their Markdown bullets and numbers removed."""
    sentences = []
    for line in text.splitlines():
        line = _BULLET.sub("", line)
        sentences += [part.strip() for part in _SENTENCE_END.split(line) if _WORD.search(part)]
    return sentences


def reading_ease(text: str) -> float | None:
    """Flesch reading ease, or None for text without words."""
    sentences = split_sentences(text)
    words = [w for s in sentences for w in _WORD.findall(s)]
    if not words:
        return None
    syllables = sum(count_syllables(w) for w in words)
    return round(
        206.835 - 1.015 * (len(words) / len(sentences)) - 84.6 * (syllables / len(words)), 1
    )


def reading_band(score: float | None) -> str:
    """Flesch's own bands, in words."""
    if score is None:
        return "No text to check"
    for floor, label in (
        (90, "Very easy to read"),
        (80, "Easy to read"),
        (70, "Fairly easy to read"),
        (60, "Plain English"),
        (50, "Fairly difficult to read"),
        (30, "Difficult to read"),
    ):
        if score >= floor:
            return label
    return "Very difficult to read"


def find_jargon(text: str) -> list[JargonFinding]:
    """Each jargon term once, in the order it first appears; overlapping terms count once."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, JargonFinding]] = []
    for term, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            taken.append((start, end))
            finding = JargonFinding(term=term, found=match.group(0), plainer=JARGON[term])
            found.append((start, finding))
            break
    return [finding for _, finding in sorted(found, key=lambda pair: pair[0])]


def check(text: str) -> Findings:
    """Everything the plain-English check reports about `text`."""
    text = text or ""
    sentences = split_sentences(text)
    counts = [len(_WORD.findall(s)) for s in sentences]
    return Findings(
        words=sum(counts),
        sentences=len(sentences),
        score=reading_ease(text),
        long_sentences=[
            LongSentence(text=s, words=n)
            for s, n in zip(sentences, counts, strict=True)
            if n > LONG_SENTENCE
        ],
        passive=list(dict.fromkeys(m.group(0) for m in _PASSIVE.finditer(text))),
        jargon=find_jargon(text),
    )
