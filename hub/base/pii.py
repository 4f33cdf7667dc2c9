"""A personal-data scanner for free text that people without an account write (a claimant's
comment): it says what in the text looks like someone's personal data, so the text can be held
for a person to review (hub.base.moderation.held) instead of going straight on the site.

It errs on the side of holding: a false alarm costs a reviewer a glance, a miss puts a
claimant's phone number on the web. It finds
- UK phone numbers: 10 or 11 digits starting 0 (or +44 / 0044), spaced, dashed or bracketed;
- e-mail addresses, also written "name at example dot com";
- National Insurance numbers (two letters, six digits, a letter A-D; spaces allowed);
- full UK postcodes ("SW1A 1AA", "m1 1ae"), not a district alone ("M1");
- likely personal names: a title and a capitalised word ("Mrs Patel", "dr. okafor" is not: the
  name must be capitalised), "my name is X", "I'm X" at the start, "my adviser X", "ask for X".
`scan(text)` returns the keys of what it found, in a fixed order; `describe(keys)` says them in
words ("a phone number and a postcode").
"""

from __future__ import annotations

import re

REASONS = {
    "phone": "a phone number",
    "email": "an e-mail address",
    "ni_number": "a National Insurance number",
    "postcode": "a postcode",
    "name": "a person's name",
}

_PHONE_RUN = re.compile(r"(?<![\w+])(?:\+|00)?[\d(][\d\s().\-]{8,18}\d(?!\d)")
_EMAIL = re.compile(r"[\w.+\-']+@[\w\-]+(?:\.[\w\-]+)+")
_AT = r"(?:\s*[\[(]\s*at\s*[\])]\s*|\s+at\s+)"
_DOT = r"(?:\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+|\.)"
_EMAIL_WORDS = re.compile(
    rf"[\w.+\-]+{_AT}[\w\-]+{_DOT}(?:co{_DOT}uk|org{_DOT}uk|com|org|net|uk|gov{_DOT}uk|ac{_DOT}uk)\b",
    re.IGNORECASE,
)
_NI = re.compile(
    r"\b(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-TW-Z][A-CEGHJ-NP-TW-Z]"
    r"\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"\b(?:[A-Z]{1,2}\d[A-Z\d]?|GIR)\s*\d[ABD-HJLNP-UW-Z]{2}\b", re.IGNORECASE)
_NAME_WORD = r"[A-Z][a-z'’\-]+"
_TITLE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame)\b\.?\s+{_NAME_WORD}")
_NAME_PHRASES = re.compile(
    r"(?:\b(?i:my\s+name\s+is|my\s+name'?s|i\s+am\s+called|call\s+me|ask\s+for|"
    r"thanks\s+to|thank\s+you|(?:my|our|the)\s+(?:work\s+)?(?:adviser|advisor|coach|"
    r"key\s*worker|case\s*worker|support\s+worker|mentor|tutor|manager)"
    r"(?:\s+(?:is|was|called|named))?)"
    r"|^\s*(?i:i'?m|i\s+am))\s+(" + _NAME_WORD + r")",
    re.MULTILINE,
)
# Capitalised words that follow those phrases without being a name.
_NOT_NAMES = frozenset(
    [
        "I",
        "The",
        "A",
        "An",
        "At",
        "In",
        "On",
        "And",
        "But",
        "So",
        "Very",
        "Really",
        "Great",
        "Brilliant",
        "Excellent",
        "Good",
        "Amazing",
        "Fantastic",
        "Helpful",
        "Kind",
        "Lovely",
        "Patient",
        "Always",
        "Never",
        "Not",
        "Just",
        "Also",
        "Here",
        "There",
        "This",
        "That",
        "They",
        "He",
        "She",
        "We",
        "You",
        "It",
        "Everyone",
        "Everybody",
        "All",
        "Staff",
        "Jobcentre",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Help",
        "Support",
        "Advice",
        "Work",
        "Job",
        "Jobs",
        "Universal",
        "Credit",
        "Happy",
        "Grateful",
        "Thanks",
        "Thank",
        "Well",
        "Ok",
        "Okay",
        "Sure",
        "Yes",
        "No",
    ]
)


def _phone_in(text: str) -> bool:
    for match in _PHONE_RUN.finditer(text):
        run = match.group(0)
        digits = re.sub(r"\D", "", run)
        if run.startswith("+") or run.startswith("00"):
            digits = digits[2:] if run.startswith("00") else digits
            if not digits.startswith("44"):
                continue
            digits = "0" + digits[2:].removeprefix("0")
        if digits.startswith("0") and len(digits) in (10, 11) and digits[1] != "0":
            return True
    return False


def _name_in(text: str) -> bool:
    if _TITLE.search(text):
        return True
    return any(m.group(1) not in _NOT_NAMES for m in _NAME_PHRASES.finditer(text))


def scan(text: str | None) -> list[str]:
    """The keys of REASONS for what in `text` looks like personal data, in REASONS' order."""
    text = text or ""
    found = {
        "phone": _phone_in(text),
        "email": bool(_EMAIL.search(text) or _EMAIL_WORDS.search(text)),
        "ni_number": bool(_NI.search(text)),
        "postcode": bool(_POSTCODE.search(text)),
        "name": _name_in(text),
    }
    return [key for key in REASONS if found[key]]


def describe(keys) -> str:
    """ "a phone number and a postcode": the reasons in words, for reviewers."""
    words = [REASONS.get(key, key) for key in keys]
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
