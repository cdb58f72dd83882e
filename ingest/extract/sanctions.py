"""Sanctions: who imposes which measures on which named targets, under which authority.

Reading goes in three steps.

1. Passages. A passage is a sentence of the document with its words and actor
   mentions; lines of hard-wrapped text are joined back into the sentence they
   belong to. Only passages with a sanctions word are read further.
2. Findings. Every sanctions word of `data/sanctions_triggers.tsv` in a
   passage is read with the grammar around it:
   - an active verb names its targets after it ("OFAC designated X, Y and Z"),
     up to the words that start a reason or a circumstance ("for", "pursuant
     to", "linked to", "over", ...); when the object counts a class ("12
     companies", "two individuals"), the list that follows a later ", including",
     ", among them" or ":" names them too ("added 12 companies to the Entity List
     for ..., including X and Y");
   - a passive verb or "hit with / subject to / face sanctions" names them
     before it ("X, Y and Z were designated"); "hit / threaten X with
     sanctions" names X;
   - a verb or noun followed by "include", "including", "are" or ":" names them
     after that word ("Those sanctioned include X and Y", "The listed entities
     include X"), and a passage ending in ":" ("designated X and the following
     entities:", "Today's action targets the following:") names them on the
     bullet lines that follow;
   - after a relative or reason clause, ", and Y" / ", as well as Y" resumes
     the list ("sanctioned X, which supplied fuses, and Hong Kong-based Y");
   - a noun names them after "on", "against", "of" or "apply to", past a cited
     basis ("sanctions under the ... Regulations on X"), and a state right
     before it is a country-wide target ("the South Sudan arms embargo");
   - the sentence after an announcement may list its targets ("The entities
     include X and Y.", "The listings include ...") or add measures ("The listed
     persons are subject to an asset freeze").
   A target is a named entity at the head of its phrase (not "leaders of X",
   not "X's director", not "AQIS emir", not the speaker of "..., X said"; "X,
   known as Y" is one target): a gazetteer actor, a name read by `names.py`, or
   a state where the measure is country-wide ("sanctions on Russia", "the
   Government of North Korea", export controls on or in response to "Russia's
   military" -- not Entity List additions "for supporting" it). A surname
   stands for the person named in full elsewhere in the text, else for no one.
   The imposer is the authority or state that is the subject (or the "by"
   agent, or "UK sanctions"; "Russia sanctions" names a target, for a state
   without sanctions of its own; not a state in a relative clause or in a
   list after "from"; "the Council" is the UN Security Council in a text about
   it, else the EU's); without one in the passage, the imposer of
   the previous finding carries over (or, before any, the next one). The
   status comes from the words around the sanctions word
   (`data/sanctions_status.tsv`, "US to impose ..."), the legal basis from
   `legal.py`. Earlier actions ("had been sanctioned", "first imposed") are
   history, not findings.
3. Events. Findings with the same imposers and status are one announcement:
   one event with all their targets, measures, legal bases and evidence. An
   event whose passages cite no legal basis takes the bases cited in the
   announcements of the same imposers, where they fit it (an executive order
   only for the United States, an EU act only for the EU, a law of
   `data/sanctions_laws.tsv` only for its enacting state): one imposer's
   citation never passes to another's event.

No event comes from sport, courts, sanctions named as a circumstance ("despite
sanctions", "violations of sanctions"), or a finding without a named target or
state ("people responsible for the trade"). Every window the reader looks at is
bounded and a document is read for at most `_MAX_SITES` sanctions words, so the
work grows linearly with the text; document-wide scans use literal `str.find`
rather than regular-expression alternations.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Final, Literal, cast

from ingest.extract.actors import ActorRef, Mention, Token, contract_actor, country, find_actors, tokenize
from ingest.extract.document import Clause, Document, SanctionDraft
from ingest.extract.legal import Citation, PhraseFinder, find_legal
from ingest.extract.names import Name, find_names, word_class
from ingest.extract.tables import rows
from ingest.extract.text import PhraseScreen, Sentence
from ingest.models import Actor, Measure, SanctionStatus

__all__ = ["read_sanctions"]

TriggerKind = Literal["verb", "noun", "weak", "list", "ban", "passive", "entry"]
Mode = Literal["after", "before", "list"]

_MAX_TRIGGERS = 48  # per passage: a real sentence has a handful
_MAX_SITES = 400  # per document: a long release with a hundred designations has fewer
_AFTER_WINDOW = 1500  # characters after a sanctions word where its targets may stand
_BEFORE_WINDOW = 600  # characters before it, for a passive subject
_PREFIX_WINDOW = 240
_LIST_REACH = 4  # sentences after an announcement where a colon may introduce its list
_LONG_PASSAGE = 4000  # characters: longer passages are read in windows around their sanctions words
_ENTRY_REACH = 12  # words between "barred" and the "from entering" that makes it a ban on entry
_GOODS_WORDS = 16  # words an export ban may take to name its goods before "to" names where they may not go

_MAX_POSITIONS = 5000  # places of sanctions words looked at in one document
_CROWDED = 8  # occurrences of a group's word after which its phrases are each searched for instead


class _Phrases:
    """A fixed set of phrases, looked for in a text with one scan per group rather than one per phrase.

    Each phrase is put in the group of the first of `groups` it contains ("ban" for "travel ban",
    "banned", "bans "); a phrase that contains none is a group of its own. A text is scanned for each
    group's word, and only where that word stands are its phrases compared.
    """

    __slots__ = ("_groups", "phrases")

    def __init__(self, phrases: Sequence[str], groups: Sequence[str] = ()) -> None:
        self.phrases = tuple(phrases)
        members: dict[str, list[tuple[str, int]]] = {}
        for phrase in self.phrases:
            word = next((g for g in groups if g in phrase), phrase)
            members.setdefault(word, []).append((phrase, phrase.index(word)))
        self._groups = [(word, tuple(found)) for word, found in members.items()]

    def found_in(self, text: str) -> bool:
        """Exactly `any(phrase in text for phrase in self.phrases)`."""
        for word, members in self._groups:
            at = text.find(word)
            seen = 0
            while at != -1:
                for phrase, offset in members:
                    if at >= offset and text.startswith(phrase, at - offset):
                        return True
                seen += 1
                if seen == _CROWDED:  # the word is everywhere: a scan per phrase is cheaper
                    if any(phrase in text for phrase, _ in members):
                        return True
                    break
                at = text.find(word, at + 1)
        return False

    def first(self, text: str) -> int:
        """Where the first occurrence of any phrase begins in `text`; -1 when none occurs."""
        best = -1
        for word, members in self._groups:
            reach = max(offset for _, offset in members)  # a phrase begins at most this far before its word
            at = text.find(word)
            seen = 0
            while at != -1 and (best < 0 or at - reach < best):
                for phrase, offset in members:
                    begin = at - offset
                    if begin >= 0 and (best < 0 or begin < best) and text.startswith(phrase, begin):
                        best = begin
                seen += 1
                if seen == _CROWDED * 8:  # the word is everywhere: a scan per phrase is cheaper
                    for phrase, _ in members:
                        begin = text.find(phrase)
                        if begin >= 0 and (best < 0 or begin < best):
                            best = begin
                    break
                at = text.find(word, at + 1)
        return best


# Literal searches (str.find runs in C) rather than alternations, which the regex engine tries at every
# character: the document-wide scans below are the extractor's most frequent work.
_CUES = (  # in lower-cased text: a passage without one of these reports no sanction
    "sanction",
    "designat",
    "embargo",
    "entity list",
    "blacklist",
    "froze",
    "freez",
    "restrictive measure",
    "export control",
    "blocking property",
    "blocked property",
    "travel ban",
    "visa ban",
    "visa restriction",
    "delist",
    "sdn list",
    "banned",
    "banning",
    "ban exports",
    "ban imports",
    "ban the ",
    "ban on ",
    "bans ",
    "prohibit",
    "barred",
    "bar exports",
    "bar imports",
    "bars ",
    "restrict export",
    "restricts export",
    "restricted export",
    "export restriction",
    "export ban",
    "import ban",
    "entry ban",
    "trade restriction",
)
_CUE_PHRASES = _Phrases(_CUES, ("ban", "bar", "list", "restrict", "export", "block"))
_CUE_SCREEN = PhraseScreen(_CUES)  # the same test for a whole document, in one pass over it
_STRONG_CUES = (  # in lower-cased text: a document with one of these is about sanctions
    "sanction",
    "designat",
    "embargo",
    "entity list",
    "sdn list",
    "blacklist",
    "asset freeze",
    "restrictive measure",
    "blocked property",
)
_STRONG_PHRASES = _Phrases(_STRONG_CUES, ("list",))
_WEAK_CUES = (
    "blocks",
    "blocked",
    "listed",
    "listing",
    "list ",
    "named",
    "target",
    "added",
    "adds",
    "adding",
    "addition",
    "removed",
    "removes",
    "removing",
    "transactions with",
    "dealings with",
    "reimpos",
    "eased restrictions on",
    "eases restrictions on",
    "easing restrictions on",
)  # words, in a document with a strong cue ("added 11 entities to the list", "a license authorising dealings with")
_WEAK_PHRASES = _Phrases(_WEAK_CUES, ("list", "add", "remov", "block"))
# The three sets of phrases a document is read for first, all found in one pass over an ASCII text
_DOCUMENT_PHRASES = tuple(dict.fromkeys(_CUES + _WEAK_CUES + _STRONG_CUES))
_DOCUMENT_FINDER = PhraseFinder(_DOCUMENT_PHRASES)
_EU_NAMES = ("European Union", "Council of the EU", "E.U.")
_EU_COUNCILS = ("Council of the EU", "Council of the European Union", "European Council", "EU Council")
_EU_COUNCIL_PHRASES = _Phrases(_EU_COUNCILS, ("Council",))
_UN_COUNCIL = "United Nations Security Council"
_COMMERCE = "U.S. Department of Commerce"
_EXPORT_AUTHORITIES = frozenset(["Bureau of Industry and Security", "U.S. Department of Commerce"])
_LIST_OWNERS = (  # lists that name their keeper: an addition without a named imposer is theirs
    ("entity list", "Bureau of Industry and Security"),
    ("unverified list", "Bureau of Industry and Security"),
    ("sdn list", "Office of Foreign Assets Control"),
    ("specially designated nationals", "Office of Foreign Assets Control"),
)
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_LAST_MEMBER = re.compile(r",? (?:and|or) (?:the )?$")
_OBJECT_PREPOSITIONS = frozenset(
    ["on", "against", "to", "from", "in", "of", "with", "into", "at", "concerning", "regarding"]
)  # "the Committee ... concerning Haiti on Friday added": the state is the topic, not the subject
# "goods still arrive through neighbours such as Kazakhstan": the states named are a route
_ROUTE_BEFORE = re.compile(r"\b(?:through|via)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
_LIST_MEMBER_BEFORE = re.compile(
    r"\b[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:, |,? and |,? or )(?:the )?$"
)  # "China, " and "India and the " before the last of a list
_BLOCKING = re.compile(r"interests in property\b.{0,300}?\b(?:are|is|be|been|remain)\s+blocked", re.DOTALL)
_EU_WORD = re.compile(r"\bEU\b")
_OFF_TOPIC_PHRASES = ("bowl ban", "premier league", "world cup")
_BACKGROUND = re.compile(
    r"(?:violat|evad|evasion|circumvent|despite|breach|bust|skirt|under|existing|amid|avoid|escape|dodg)"
)
_NAMED_FOR = (  # bodies whose names go on with "for": "the Centre for X", "the Committee for Y"
    "Centre Center Institute Committee Council Foundation Fund Agency Office Commission Association "
    "Movement Front Party Society Union Bureau"
)
_BODY_FOR = "".join(f"(?<!{word} for)" for word in _NAMED_FOR.split())  # a name goes on, no reason begins
_OPENING_FORM = re.compile(r"(?:JSC|OJSC|PJSC|CJSC|AO|OAO|PAO|ZAO|OOO)\s")
_KIND_NOUN_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:company|firm|enterprise|plant|factory|manufacturer|maker|producer|concern|carrier)\b"
)
_BANNING_SUBJECT = re.compile(
    r"(?:^|[.;]\s+)\s*(?:The\s+(?:government|cabinet|bloc)|It)\s+"
    r"(?:(?:will|would|also|further|has|had|is|to|plans|intends)\s+){0,4}$"
)
_CUT = re.compile(
    r"\b(?:for"
    + _BODY_FOR
    + r"|because|pursuant|under|in response|in connection|in support|in coordination|in line|"
    r"on behalf|over|linked|related|connected|involved|associated|accused|after|amid|as part|in order|"
    r"according|following|since|to|from|said|says|while|when|where|by|as a result|who are|which are|"
    r"[Ff]inancing|[Ff]unding|[Ss]upporting|[Ss]upplying|[Aa]rming|[Aa]iding|[Bb]acking|[Ee]nabling|[Ff]uell?ing)\b"
)  # "Network Financing X": whom the targets serve, not a target
_SEPARATOR = re.compile(
    r"[,;:•\n]|\band\b|\bor\b|\bas well as\b|\balong with\b|\bplus\b|\bsuch as\b|\bincluding\b|\bamong them\b"
)
_GOVERNING = re.compile(
    r"(?:impos\w*|announc\w*|adopt\w*|approv\w*|extend\w*|renew\w*|lev(?:y|ies|ied|ying)|slap\w*|"
    r"introduc\w*|unveil\w*|expand\w*|tighten\w*|agree\w*|decid\w*|implement\w*|hit|hits|place[sd]?|"
    r"placing|prolong\w*|lift\w*|eas(?:e|es|ed|ing)|threat\w*|warn\w*|consider\w*|prepar\w*|propos\w*|put|puts|"
    r"issu\w*|enact\w*|maintain\w*|reimpos\w*|broaden\w*|widen\w*|add\w*|target\w*|face[sd]?|facing|"
    r"subject|vot\w*|pass\w*|plan\w*|seek\w*|urg\w*|mov\w*|end\w*|remov\w*|suspend\w*|revok\w*|waiv\w*|"
    r"ban(?:s|ned|ning)?|prohibit\w*|barr?(?:s|ed|ing)?|restrict\w*|froze|frozen|freez\w*|align\w*)",
    re.IGNORECASE,
)
_GOVERNING_WORDS: dict[str, bool] = {}  # `_governing`'s answers so far
_GOVERNING_KEPT = 20000  # answers kept at most: the words of a few thousand articles


def _governing(word: str) -> bool:
    """Whether `_GOVERNING` matches the whole of `word`. The answers are kept: the reader asks about
    the same few words again and again, and a look-up costs far less than the pattern."""
    known = _GOVERNING_WORDS.get(word)
    if known is None:
        if len(_GOVERNING_WORDS) >= _GOVERNING_KEPT:
            _GOVERNING_WORDS.clear()
        known = _GOVERNING_WORDS[word] = _GOVERNING.fullmatch(word) is not None
    return known


_STATE_MILITARY = re.compile(
    r"['’]s\s+(?:illegal\s+|full-scale\s+|brutal\s+|unprovoked\s+|ongoing\s+|continued\s+)?"
    r"(?:military|armed forces|defen[cs]e industrial base|defen[cs]e sector|military-industrial|war machine|"
    r"war effort|invasion|aggression|war)\b"
)
_ADJECTIVE_MILITARY = re.compile(r"\s+(?:military|armed forces|defen[cs]e industry|war machine)\b")
_ALIAS_BEFORE = re.compile(
    r"(?:\bknown\s+as|\ba\.k\.a\.?|\baka|\balias|\bformerly)\s*[\"“‘']?(?:the\s+)?$"
)  # "X, also known as the Y": one target
_AIMED_AT = re.compile(
    r"(?:\bon|\bagainst|\btargeting|\bin response to|\brestrict\w*|\bcut off|\bcutting off|\bdeny(?:ing)?)"
    r"\s+(?:the\s+)?$"
)
_ADOPTS = re.compile(  # "X on Thursday adopted the", the gap between a follower and the body it follows
    r"\s+(?:[\w-]+\s+){0,3}?(?:adopt|follow|join|mirror|implement|transpos|align(?:s|ed|ing)?\s+(?:itself\s+)?with)[a-z]*\s+(?:the\s+)?"
)
_EXPORTS_TO = re.compile(r"\bexport(?:s|ed|ing)?\s+(?:of\s+[\w ,'’-]{1,100}?\s+)?to\s+$")
_GOODS_OF = re.compile(r"\b(?:imports?|importation)\s+(?:of\s+)?(?:all\s+|the\s+|most\s+)?$")
_FROM_STATE = re.compile(r"\bfrom\s+(?:the\s+)?$")
_PROHIBIT = re.compile(r"\b(?:prohibit|ban|banned|bans|barred|forbid|restrict|embargo)", re.IGNORECASE)
_PROHIBIT_WORDS = (
    "prohibit",
    "ban",
    "barred",
    "forbid",
    "restrict",
    "embargo",
)  # "ban" begins "bans", "banned"
_VERB_BEFORE = re.compile(r"\b([A-Za-z]+) (?:the )?$")
_BLACKLIST_NOUN_BEFORE = frozenset(
    [
        "a",
        "an",
        "the",
        "its",
        "their",
        "his",
        "her",
        "our",
        "trade",
        "export",
        "economic",
        "financial",
        "sanctions",
    ]
)
_AUTHORIZING = frozenset(["authorizing", "authorising", "authorizes", "authorises", "allowing"])
_VAGUE_IMPOSER = frozenset(["western", "international", "global", "foreign", "multilateral"])
_PREVIOUS_WORD = re.compile(r"([\w'’.-]+)[^\w]*$")
_NEXT_WORD = re.compile(r"[^\w]*([\w'’.-]+)")
_GOVERNMENT_OF = re.compile(r"(?:[Gg]overnment|[Rr]egime)\s+of\s+(?:the\s+)?$")
_PARENTHESIS = re.compile(r"\s*\([^()\n]{0,80}\)")
_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")
_COORDINATION = re.compile(
    r"\s*(?:,|and|, and|along with|together with|as well as|with|['’]s|\(|, through its)?\s*(?:the\s+)?"
)
_WORDS = re.compile(r"[\w'’-]+")
_LATIN_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_OPEN_PARENTHESIS = re.compile(r"\s*\(\s*")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ADJACENT = re.compile(r"\s*(?:the\s+)?")
_LISTED = re.compile(r"\s*(?:,|and|, and|or)\s*(?:the\s+)?")
_MILITARY_WORD = re.compile(r"\b(?:arms|weapons|military)\b")
_NAME_START = re.compile(r"[A-Z]|\b(?:al|el)-")
_DESCRIPTOR = re.compile(
    r"\s*(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,3}(?:[A-Z][\w.]*(?:\s[A-Z][\w.]*)?-"
    r"(?:based|registered|flagged|owned)\s+)?(?:[a-z][\w-]*\s+){0,3}"
)  # "the vessel", "the shipping company", "Dubai-based", "the Russian-flagged cargo vessel"
_DESCRIPTOR_BEFORE = _DESCRIPTOR
_RESUME = re.compile(  # ", and Y", ", and of Y", ", as well as on Y": the preposition may be said again
    r"[,;]\s+(?:and|as\s+well\s+as|along\s+with|plus)\s+(?:(?:of|on|against)\s+)?"
)
_CLASS = (
    r"(?:individuals|entities|companies|firms|persons|people|banks|vessels|ships|tankers|officials|members|additions|"
    r"listings|designees|targets|organi[sz]ations|businesses|oligarchs|parties|networks|subsidiaries|"
    r"financiers|facilitators|suppliers|traders|refineries|executives|commanders|officers|leaders|"
    r"lenders|insurers|operators|manufacturers|producers|affiliates|associates|addresses|employees|"
    r"groups|cartels|gangs|settlers|citizens|nationals)"
)
_BODIES = (
    r"(?:entities|companies|firms|banks|businesses|organi[sz]ations|refineries|manufacturers|producers|lenders|"
    r"insurers|operators|suppliers|subsidiaries|networks|affiliates|traders)"
)
_BODY_LIST = re.compile(  # "28 entities, including", "the companies are:": a list of bodies, not persons
    r"\b" + _BODIES + r",?\s+(?:including|such\s+as|among\s+them|namely|like)\b"
    r"|\b" + _BODIES + r"\s+(?:include|includes|included|are|were)\b"
)
_DESCRIPTOR_LEAD = re.compile(  # ", Hong Kong-based " between two names of a list
    r"\s*(?:,|and|, and)\s*(?:the\s+)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?-(?:based|registered|flagged|owned)\s+"
)
_COUNTED_MORE = re.compile(
    r"\band\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|dozens)\s+"
    r"(?:(?:of\s+(?:its|their|his|her)|other|more)\s+)?" + _CLASS + r"\b"
)
_CLASS_INTRO = re.compile(
    r"\b(?:[Tt]he|[Tt]hese|[Tt]hose)\s+(?:[\w-]+\s+)?"
    + _CLASS
    + r"\s+(?:are|were|include|includes|included)\s*:$"
)
_VESSEL_LIST = re.compile(  # "tankers, including", "the vessels listed are", "ships designated include"
    r"\b(?:vessels|ships|tankers)(?:\s+(?:newly\s+)?[a-z]+ed)?,?\s+"
    r"(?:including|such\s+as|among\s+them|namely|include|includes|included|are|were)\s+(?:the\s+)?[A-Z]"
)
_BODIES_AFTER = re.compile(r"\bas\s+the\s+(?:[\w-]+\s+)?" + _BODIES + r"\b")
_ECONOMY_LEAD = re.compile(
    r"\s+(?:(?:specific|certain|key|several|entire|whole)\s+)?(?:sectors?\s+of\s+)?(?:the\s+)?"
)
_ECONOMY_AFTER = re.compile(
    r"(?:['’]s)?\s+(?:[a-z]+,?\s+){0,5}?(?:economy|sectors?)\b"
)  # "Venezuela's oil, gas and gold sectors"
_CENTRAL_BANK = re.compile(r"(?:['’]s)?\s+(?:[Cc]entral\s+[Bb]ank)\b")
_FORM_BEFORE = re.compile(r"\b(?:JSC|OJSC|PJSC|CJSC|AO|OAO|PAO|ZAO|OOO)\s$")  # "JSC Almaz-Antey": one company
_BODY_WORD = re.compile(r"\b" + _BODIES + r"\b", re.IGNORECASE)
_CLASS_WORDS = frozenset(_CLASS[3:-1].split("|")) - {"organi[sz]ations"} | {"organizations", "organisations"}
_NAMED_CLASS = re.compile(r"\b" + _CLASS + r"\b", re.IGNORECASE)
_COUNTED_CLASS = re.compile(
    r"\b(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|dozens?|"
    r"several|scores|hundreds|more)(?:\s+[\w-]+){0,3}?\s+" + _CLASS + r"\b",
    re.IGNORECASE,
)
_DESCRIBED_BEFORE = re.compile(  # "Iran-based X", "Russian national X": how a release introduces a target
    r"(?:-based|-registered|-flagged|\b[A-Z][a-z]+ national)\s+(?:(?:the|vessel|tanker|ship)\s+){0,2}$"
)
_APPOSING = (  # "The individual, X, ...", "The four settlers, X, Y and Z, ...": the class, then names
    r"\b[Tt]he\s+(?:[\w-]+\s+){0,2}?(?:individual|entity|person|company|firm|bank|vessel|group|"
    + _CLASS[3:-1]
    + r"),\s+"
)
_APPOSED_CLASS = re.compile(_APPOSING + r"$")
_APPOSES = re.compile(_APPOSING + r"[A-Z]")
_BASED_AFTER = re.compile(
    r",\s+(?:a\s+company\s+)?(?:based|registered|headquartered)\s+in\b"
)  # "X, based in Dubai,"
_NATIONAL_AFTER = re.compile(r",\s+an?\s+[A-Z][a-z]+\s+(?:national|citizen)\b")  # "X, an Iranian national,"
_FIRM_AFTER = re.compile(  # "X, a Hong Kong-based firm,", "X, a UAE-registered operator,"
    r",\s+an?\s+[\w .'’&-]{0,40}?-(?:based|registered|flagged)\b"
)
_PRONOUN_SUBJECT = re.compile(r"(?:^|[.;]\s+|\n)\s*It\s+(?:also\s+|further\s+|separately\s+)?$")
_CLASS_AFTER = re.compile(r"\s+(?:[\w-]+\s+)?" + _CLASS + r"\b")  # "U.S. defense companies" after the state
_RELATIVE = frozenset(["that", "which", "who"])
_APPOSED_BEFORE = re.compile(r",\s+(?:an?|the)\s+[^,;:()]{0,60}$")  # ", a China-based firm" before "that"
_INSERTED = re.compile(  # "designating, pursuant to E.O. 13687, the ...": a basis set before the object
    r",\s+(?:pursuant\s+to|under|in\s+accordance\s+with|consistent\s+with)\s+[^,;:]{1,80}?,\s+"
)
_LABEL_COLON = re.compile(r"\s*:\s+")
_AKA_AFTER = re.compile(r"\s*\((?:a\.k\.a\.|aka|also\s+known\s+as)\s")  # "X (a.k.a. "El Tato") directs ..."
_DESIGNATED_TODAY_AFTER = re.compile(  # "X, which was designated today for ..."
    r",\s+(?:which|who)\s+(?:was|were|is|are)\s+(?:also\s+)?(?:being\s+)?(?:designated|sanctioned)\s+today\b"
)
_ROLE_AFTER = re.compile(  # "X, the deputy director of Y,": a person a release describes by post
    r",\s+(?:the|its|a)\s+(?:[a-z-]+\s+){0,2}(?:director|owner|founder|chairman|president|manager|"
    r"executive|officer|head|shareholder|administrator|accountant)\b"
)
_ROLE_BEFORE = re.compile(  # "Pishgam's managing director, X", "and its general director, X"
    r"(?:['’]s|s['’]|\b[Ii]ts|\b[Hh]is|\b[Hh]er|\b[Tt]heir)\s+(?:[a-z-]+\s+){0,2}(?:director|owner|founder|chairman|president|"
    r"manager|executive|officer|head|shareholder|ceo|administrator|employee|operator|accountant)s?,?\s+$"
)
_PAST_YEAR = (
    re.compile(  # "In 2023, OFAC designated X", "X was added to the list in 2019": a listing of the past
        r"\b(?:[Ii]n|[Ss]ince)\s+(?:(?:early|late|mid-?)\s*)?(?:[A-Z][a-z]{2,8}\s+)?(?:19|20)\d\d\b"
    )
)
_NOW = re.compile(  # words that set a sentence in the days it reports
    r"\b(?:today|tonight|yesterday|this\s+(?:week|month)|now|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
    r"Saturday|Sunday)|new|newly|latest|also|additional|further)\b",
    re.IGNORECASE,
)
_REFUSING = frozenset(
    ["refused", "refuses", "refusing", "declined", "declines", "unwilling", "reluctant", "rejected"]
)
_FOLLOWING_INLINE = re.compile(  # "added to its sanctions list the following individual: X"
    r"\s+(?:(?:to|on)\s+(?:its|the)\s+(?:sanctions\s+)?list\s+)?the\s+following(?:\s+[\w-]+){0,3}?\s*:[ \t]*(?=\S)"
)
_CLAUSE_BREAK = re.compile(r"[,;:(]|\b(?:that|which|who|whose|after|when|while|for)\b")
_HISTORY_BEFORE = re.compile(r"\b(?:previously|already|formerly|earlier)\b")
_KEPT_BY = re.compile(  # "is owned by X", "a front run by X": the owner a release names as it describes
    r"\b(?:run|owned|controlled|managed|operated|led|headed|directed)\s+by\s+(?:the\s+)?$"
)
_ACTING_AFTER = re.compile(r",\s+(?:which|who)\s+(?:also\s+)?[a-z]+")  # "..., which arranged payments"
_KIN_BEFORE = re.compile(r"\b(?:brothers|sisters|siblings|cousins)\s+$")  # "The brothers X and Y Z run ..."
_PEER_BEFORE = re.compile(  # "His associate, X,", "Their company, X,": one tied to a target just described
    r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(?:[a-z-]+\s+)?(?:associate|partner|deputy|brother|son|"
    r"company|firm|business|front)s?,\s+$"
)
_MEMBERS_BEFORE = re.compile(  # "CDN members X, Y and Z coordinate ...": a group's people, named in a row
    r"\b[A-Z][\w.-]*\s+(?:members?|leaders?|operatives?|associates?|financiers?|commanders?|lieutenants?)\s+$"
)
_FURTHER_MEMBERS_BEFORE = (
    re.compile(  # "Two further members, X and Y, handle ...": more of the counted people
        r"\b(?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Oo]ther|[Ff]urther)\s+(?:further\s+|other\s+|more\s+)?"
        r"(?:members|associates|operatives|lieutenants),\s+$"
    )
)
_KIND_BEFORE = (
    re.compile(  # "a currency exchange house, X," "a used-car dealership, X,": what it is, then its name
        r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?:company|firm|house|business|dealership|front|bank|"
        r"exchanger|supplier|trader|broker|operator),\s+$"
    )
)
_KIND_AFTER = re.compile(  # "X, a gemstone company in Abidjan": a firm the release describes by its trade
    r",\s+an?\s+(?:[\w-]+\s+){0,3}?(?:company|firm|business|dealership|exchange\s+house|front)\b"
)
_IS_AFTER = re.compile(
    r"\s+(?:is|was)\s+(?:also\s+)?(?:an?|the)\s+"
)  # "X is a senior financial official ..."
_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "dozen": 12,
    "dozens": 24,
    "several": 3,
}
_ONE_NOUNS = ("individual", "entity", "person", "company", "firm", "bank", "vessel")
_COUNTED_ONE = re.compile(r"\b(?:one|an?)\s+(?:" + "|".join(_ONE_NOUNS) + r")\b", re.IGNORECASE)
_DESCRIBING = (
    "-based",
    "-registered",
    "-flagged",
    "based in",
    "national",
    "director",
    "owner",
    "chairman",
    "executive",
    "vessel",
    "tanker",
    "administrator",
    "employee",
    "a.k.a.",
    "designated today",
    "manager",
    "owned by",
    "run by",
    "controlled by",
    "associate",
    "brothers",
    "members",
    " is a ",
    " is the ",
    "company",
    "firm",
    "house,",
    "dealership",
    "business",
    "exchanger",
    "supplier",
    "front",
)  # words of the paragraphs that describe counted targets
_LEGAL_FORM_ENDS = frozenset(
    [
        "Inc",
        "LLC",
        "Ltd",
        "Limited",
        "Co",
        "Corp",
        "Corporation",
        "FZE",
        "FZCO",
        "JSC",
        "GmbH",
        "PLC",
        "DMCC",
        "Company",
        "SA",
        "S.A",
        "AG",
        "BV",
        "Pte",
    ]
)
_DESCRIBED_MAX = 40  # targets a counted announcement may name in the paragraphs that describe them
_LIST_MARK = re.compile(r",\s+(?:including|among\s+them|among\s+which|such\s+as|namely)\b|:\s")
_LABEL = re.compile(
    r"\s*(?:[A-Z][a-z]+\s+)?(?i:" + _CLASS[3:-1] + r")\s*:"
)  # "Individuals:", "Designated entities:"
_BELOW = re.compile(  # "approved the addition of the entries specified below to its sanctions list"
    r"\b(?:entries|names|individuals|entities|persons)\s+(?:specified|listed|set\s+out|shown)\s+below\b"
)
_ENTRY_HEADING = re.compile(r"[A-Z]\.\s+(Individuals|Entities)(?:\s+and\s+other\s+groups)?\s*$")
_ENTRY_NAME = re.compile(r"(?:[A-Z]{2,4}[ie]\.\d{1,4}\s+)?Name:\s+")  # "KPi.90 Name: X", a UN list's entry
_ENTRY_ALIAS = re.compile(r"[AF]\.k\.a\.:\s+")  # "A.k.a.: Y" on the line after the entry it names
_ENTRY_FIELD = re.compile(r"[A-Z][\w .'’]{0,40}:\s")  # "Address: ...", "Date of birth: ..."
_ENTRY_BARE = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al|bin|de|el|of))*\.\s*$")  # "X Y Z."
_ANAPHOR = re.compile(
    r"\s*(?:They|(?:The|These|Those|All)\s+(?:[\w-]+\s+){0,2}?"
    + _CLASS
    + r"|(?:The\s+)?(?:assets|property|funds)\s+"
    r"of\s+(?:the|these|those|all)\s+(?:[\w-]+\s+){0,2}?"
    + _CLASS
    + r"|(?:The|These|Those)\s+(?:new\s+)?(?:measures|sanctions)\s+(?:include|includes|included|comprise)"
    r")\b"
)  # "The listed persons are subject to ...", "The assets of the listed persons are frozen", "The measures
# include asset freezes and travel bans"
_PARTICIPLE = (  # "the entities added today", "the entities taken off the list"
    r"(?:\s+(?:newly\s+)?(?:[a-z]+ed|taken)(?:\s+(?:off|from)\s+the\s+(?:[\w-]+\s+)?list)?(?:\s+today)?"
    r"|\s+concerned)?"
)
_SAID_ASIDE = (  # ", the Treasury said,": a speaker set between a list's subject and its verb
    r",\s+(?:the\s+)?(?:[A-Z][\w.'’-]*\s+){1,5}(?:said|says|added),\s+"
)
_CONTINUATION = re.compile(  # a sentence that lists the targets of the one before
    r"\s*(?:(?:The|These|Those)\s+(?:[\w.-]+\s+){0,3}?"
    + _CLASS
    + _PARTICIPLE
    + r"|They|Those(?:\s+newly)?\s+[a-z]+ed|Among\s+them|Among\s+those\s+(?:newly\s+)?[a-z]+"
    + r"|Among\s+(?:the|these|those)\s+(?:[\w-]+\s+){0,3}?"
    + _CLASS
    + _PARTICIPLE
    + r")\s*(?:,\s+which\s+|"
    + _SAID_ASIDE
    + r")?(?:(?:also\s+)?(?:include|includes|included|are|were|is|was|comprise)\b|:)"
    + r"|\s*(?:Also|Further|Additionally)\s+(?:listed|designated|sanctioned|targeted|named)\s+(?:are|were|is|was)\b"
)  # "Also listed are X and Y"
_THEM_LEAD = re.compile(
    r"\s*(?:Among\s+them|They\s+(?:include|are))\b"
)  # pointing back at the sentence before
_CLASS_SUBJECT = (
    re.compile(  # "The entities added today are located in ...": a sentence about the listed bodies
        r"\s*(?:The|These|Those)\s+(?:[\w.-]+\s+){0,3}?" + _CLASS + _PARTICIPLE + r"\s+(?:are|were|include)\b"
    )
)
_NAMED_AS = re.compile(
    r"\bas\s+the\s+(?:[\w-]+\s+)?" + _CLASS + r"\s+(?:targeted|sanctioned|affected|hit|listed|designated)\b"
    r"|\bamong\s+those\s+(?:(?:placed|put|added)\s+on|targeted|sanctioned|listed|designated|barred|banned)\b"
)  # "named X and Y as the companies targeted", "named X among those placed on the list"
_SAME_TARGETS = re.compile(r"\s+(?:on\s+|against\s+)?the\s+same\s+(?:[\w-]+\s+)?" + _CLASS + r"\b")
_LIST_INCLUDES = re.compile(  # "The list includes X", "... has published the list, which names X"
    r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]hat)\s+(?:[A-Z][\w.]{0,11}\s+)?(?:new\s+|sanctions\s+|full\s+)?list,?\s+(?:which\s+)?(?:also\s+)?"
    r"(?:include|includes|included|names|named|comprises)\b"
    r"|\b[Tt]he\s+(?:[\w.-]+\s+){0,3}?" + _CLASS + r",\s+which\s+(?:also\s+)?(?:include|includes|included)\b"
)  # "... said the U.S. companies, which include X, Y and Z, would be barred"


@dataclass(frozen=True, slots=True)
class _Trigger:
    words: tuple[str, ...]
    kind: TriggerKind
    measure: Measure


@dataclass(frozen=True, slots=True)
class _Authority:
    authority: str | None
    imposer: str
    country: str | None
    rank: int


class _Imposer:
    """Who imposes a measure, as read; a plain class with its own `__init__` (a dataclass's generated one
    is interpreted even where this module is compiled), never compared."""

    __slots__ = ("actor", "authority", "key", "rank")

    def __init__(self, key: str, actor: Actor, authority: str | None, rank: int) -> None:
        self.key = key
        self.actor = actor
        self.authority = authority
        self.rank = rank


class _Entity:
    """A candidate target in a passage; offsets within the passage text.

    A plain class with its own `__init__` (a dataclass's generated one is interpreted even where this
    module is compiled), never compared. `beside_company`: one word listed next to a company ("Sovcombank,
    Otkritie and Rosbank"); `branch`: a known body and one word after it ("BAE Systems Land"), whose name
    may go on.
    """

    __slots__ = (
        "aliases",
        "beside_company",
        "branch",
        "end",
        "key",
        "name",
        "ref",
        "start",
        "state",
        "surface",
    )

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        start: int,
        end: int,
        key: str,
        ref: ActorRef | None = None,
        surface: str = "",
        name: Name | None = None,
        state: bool = False,
        aliases: tuple[str, ...] = (),
        beside_company: bool = False,
        branch: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.key = key
        self.ref = ref
        self.surface = surface
        self.name = name
        self.state = state
        self.aliases = aliases
        self.beside_company = beside_company
        self.branch = branch

    def actor(self) -> Actor:
        if self.name is not None:
            base = self.name.to_actor()
        elif self.ref is not None:
            base = self.ref.to_actor(self.surface)
        else:  # pragma: no cover - every entity has a name or a reference
            raise ValueError("entity without name")
        if not self.aliases:
            return base
        aliases = sorted({*base.aliases, *self.aliases} - {base.name})
        return base.model_copy(update={"aliases": aliases})


class _Finding:
    """What one passage says of a sanction; a plain class with its own `__init__` (a dataclass's
    generated one is interpreted even where this module is compiled), never compared. `same`: "Canada
    listed the same three targets", those of the finding before."""

    __slots__ = ("carried", "evidence", "imposers", "legal", "measures", "same", "status", "targets")

    def __init__(  # noqa: PLR0917 - positional, as the dataclass's was
        self,
        imposers: list[_Imposer],
        targets: list[_Entity],
        measures: list[Measure],
        status: SanctionStatus,
        evidence: list[Sentence],
        legal: list[Citation] | None = None,
        carried: bool = False,
        same: bool = False,
    ) -> None:
        self.imposers = imposers
        self.targets = targets
        self.measures = measures
        self.status: SanctionStatus = status
        self.evidence = evidence
        self.legal: list[Citation] = [] if legal is None else legal
        self.carried = carried
        self.same = same


class _Event:
    """The findings that make one event, merged; a plain class with its own `__init__` (a dataclass's
    generated one is interpreted even where this module is compiled), never compared."""

    __slots__ = ("authority", "carried", "evidence", "imposers", "legal", "measures", "targets")

    def __init__(self) -> None:
        self.imposers: dict[str, _Imposer] = {}
        self.targets: dict[str, Actor] = {}
        self.measures: list[Measure] = []
        self.legal: list[str] = []
        self.evidence: list[Sentence] = []
        self.authority: tuple[int, str] | None = None
        self.carried = True


# ---------------------------------------------------------------------------------------------- tables


@cache
def _words() -> dict[str, frozenset[str]]:
    return {cls: frozenset(words.split("|")) for cls, words in rows("sanctions_words.tsv")}


def _w(cls: str) -> frozenset[str]:
    return _words()[cls]


@cache
def _triggers() -> dict[str, list[_Trigger]]:
    index: dict[str, list[_Trigger]] = {}
    for phrase, kind, measure in rows("sanctions_triggers.tsv"):
        words = tuple(phrase.split())
        trigger = _Trigger(words, cast(TriggerKind, kind), cast(Measure, measure))
        index.setdefault(words[0], []).append(trigger)
    for entries in index.values():
        entries.sort(key=lambda t: -len(t.words))
    return index


@cache
def _statuses() -> dict[str, SanctionStatus]:
    return {word: cast(SanctionStatus, status) for word, status in rows("sanctions_status.tsv")}


@cache
def _authorities() -> dict[str, _Authority]:
    out = {}
    for name, authority, imposer, iso3, rank in rows("sanctions_authorities.tsv"):
        out[name] = _Authority(
            None if authority == "-" else authority, imposer, None if iso3 == "-" else iso3, int(rank)
        )
    return out


@cache
def _sanctioners() -> frozenset[str]:
    """States that impose sanctions of their own: "UK sanctions" names the imposer, not the target."""
    return frozenset(a.country for a in _authorities().values() if a.country) | _w("sanctioning_states")


# ---------------------------------------------------------------------------------------------- passages


class _Passage:
    """A sentence (or hard-wrapped lines joined); offsets of tokens and mentions are within `text`.

    What the reader needs of a passage (words, entities, imposers) is computed
    once, on first use.
    """

    # What is computed on first use starts as these class-wide defaults: a passage that is never read
    # costs only its four own attributes.
    _tokens: list[Token] | None = None
    _mentions: list[Mention] | None = None
    _keys: list[str] | None = None
    _entities: list[_Entity] | None = None
    _starts: list[int]  # where each of `_entities` starts: set with them
    _lowered: str | None = None
    _title: bool | None = None
    _citations: list[Citation] | None = None
    _windows: dict[tuple[int, int], list[_Entity]] | None = None
    _token_starts: list[int] | None = None
    _mention_starts: list[int] | None = None
    _states: list[_Entity] | None = None
    spots: list[tuple[int, int, _Imposer]] | None = None  # where imposers are named, once read

    def __init__(self, text: str, sentences: list[Sentence], clause: Clause | None = None) -> None:
        self.text = text
        self.sentences = sentences
        self.line_start = False
        self._clause = clause  # the document's own sentence, whose words and actors it computes once

    @property
    def tokens(self) -> list[Token]:
        if self._tokens is None:
            self._tokens = self._clause.tokens if self._clause is not None else tokenize(self.text)
        return self._tokens

    @property
    def mentions(self) -> list[Mention]:
        if self._mentions is None:
            self._mentions = (
                self._clause.actors if self._clause is not None else find_actors(self.text, self.tokens)
            )
        return self._mentions

    @property
    def citations(self) -> list[Citation]:
        """The legal bases the passage cites (violated ones included, marked)."""
        if self._citations is None:
            self._citations = find_legal(self.text)
        return self._citations

    @property
    def mention_starts(self) -> list[int]:
        if self._mention_starts is None:
            self._mention_starts = [m.start for m in self.mentions]
        return self._mention_starts

    @property
    def token_starts(self) -> list[int]:
        if self._token_starts is None:
            self._token_starts = [t.start for t in self.tokens]
        return self._token_starts

    @property
    def keys(self) -> list[str]:
        if self._keys is None:
            self._keys = [t.key.lower() for t in self.tokens]  # the tokens' keys, lower case
        return self._keys

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered

    @property
    def title(self) -> bool:
        """A headline: nearly every longer word capitalised."""
        if self._title is None:
            self._title = _title_case_words(self.text[:2000])
        return self._title

    def states(self, lo: int, hi: int) -> list[_Entity]:
        """States named (not as adjectives) in `text[lo:hi]`, read from the gazetteer mentions alone."""
        if self._states is None:
            self._states = [
                _Entity(m.start, m.end, m.ref.country or m.ref.name, m.ref, m.surface, state=True)
                for m in self.mentions
                if m.ref.kind == "state" and (m.form != "adjective" or _governs(self.text, m.end))
            ]
        return [e for e in self._states if lo <= e.start < hi]

    def entities(self, lo: int = 0, hi: int | None = None) -> list[_Entity]:
        """Candidate targets starting in `text[lo:hi]`, left to right.

        A passage of ordinary length is read once; in a very long one (a text
        without sentence breaks) only the window asked for is read.
        """
        hi = len(self.text) if hi is None else hi
        if len(self.text) > _LONG_PASSAGE:
            key = (lo, hi)
            if self._windows is None:
                self._windows = {}
            if key not in self._windows:
                self._windows[key] = [e for e in _entities(self, max(0, lo - 200), hi) if e.start >= lo]
            return self._windows[key]
        if self._entities is None:
            self._entities = _entities(self, 0, len(self.text))
            self._starts = [e.start for e in self._entities]
        return self._entities[bisect_left(self._starts, lo) : bisect_left(self._starts, hi)]


def _passages(doc: Document) -> list[_Passage]:
    """The document's sentences, with lines of hard-wrapped paragraphs joined."""
    clauses = doc.clauses
    sentences = [clause.sentence for clause in clauses]
    text = doc.text
    out = []
    i, n = 0, len(sentences)
    while i < n:
        first = sentences[i]
        k = i + 1  # the passage is sentences i..k-1
        # a line is carried on only across a line break: most gaps have none, and need no closer look
        while (
            k < n
            and "\n" in text[sentences[k - 1].end : sentences[k].start]
            and _continues(text, sentences[k - 1], sentences[k])
        ):
            k += 1
        if k == i + 1:
            passage = _Passage(first.text, [first], clauses[i])
        else:
            passage = _Passage(text[first.start : sentences[k - 1].end], sentences[i:k])
        at = first.start
        passage.line_start = at == 0 or "\n" in text[max(0, at - 6) : at]
        out.append(passage)
        i = k
    return out


def _continues(text: str, previous: Sentence, current: Sentence) -> bool:
    """Whether `current` carries on the hard-wrapped line that `previous` ends."""
    gap = text[previous.end : current.start]
    if gap.count("\n") != 1 or gap.strip():
        return False
    if previous.text[-1:] in '.!?:;"”’)' or not current.text[:1].isalpha():
        return False
    line_begin = text.rfind("\n", max(0, previous.end - 400), previous.end) + 1
    if _title_case_words(text[line_begin : previous.end]):
        return False  # a headline, not a wrapped line
    return previous.end - line_begin >= 55 or current.text[:1].islower()


def _firm_named(entity: _Entity) -> bool:
    """Whether `entity` is a company by its name ("Foo Airlines", "OJSC Foo") or by the gazetteer."""
    if entity.name is not None:
        return entity.name.kind == "company" or _OPENING_FORM.match(entity.name.text) is not None
    return entity.ref is not None and entity.ref.kind == "company"


def _past_aside(text: str, end: int) -> int:
    """Where a name ending at `end` is done, past an alias in parentheses ("X (a.k.a. Y)")."""
    aside = _PARENTHESIS.match(text, end)
    return end if aside is None else aside.end()


def _title_case_words(text: str) -> bool:
    """Whether nearly every longer word of `text` is capitalised (a headline).

    Read word by word: a second longer word in lower case settles it (the common case, a sentence).
    """
    skip = _w("title_function")
    words = lower = 0
    for match in _LATIN_WORD.finditer(text):
        word = match.group()
        if len(word) > 3 and word.lower() not in skip:
            words += 1
            if not word[0].isupper():
                lower += 1
                if lower == 2:
                    return False
    if words < 4:
        return False
    # a sentence of names with one verb ("Also listed are A B, C D and the E F.") ends with a stop
    return lower == 0 or (lower == 1 and words >= 10 and not text.rstrip().endswith("."))


# ---------------------------------------------------------------------------------------------- reading


DOCUMENT_CUES = _CUE_SCREEN
"""The phrases a document that reports a sanction holds (in lower case), screened for first; the scan for
its words may do it on the way (`Words.screened_among`), which `read_sanctions` then asks."""


def read_sanctions(doc: Document) -> list[SanctionDraft]:
    """Every sanction the document reports against a named target or a state."""
    words = doc.made_words
    if words is not None and words.lacks is _CUE_SCREEN:
        return []  # the scan for its words showed it holds no cue (as `_CUE_SCREEN.found_in` below would)
    lowered = doc.text.lower()
    if len(lowered) != len(doc.text):
        # "İ" is the one character whose lower case is two characters long: keep offsets aligned
        lowered = doc.text.replace("\u0130", "i").lower()
    if not _CUE_SCREEN.found_in(lowered):
        return []
    reader = _Reader(doc, lowered)
    findings = reader.read()
    if not findings:
        return []
    citations = [(c, reader.owner(c.start)) for c in find_legal(doc.text)[:100] if not c.violated]
    if _BLOCKING.search(doc.text):
        for finding in findings:
            if "designation" in finding.measures and "asset_freeze" not in finding.measures:
                finding.measures.append("asset_freeze")  # a designation that blocks property freezes assets
    return _events(findings, citations, [f for f in reader.bare if f.imposers])


class _Site:
    """One sanctions word in a passage: tokens `i` to `j`, from `start` to `end` in the passage text.

    Never changed once made (a plain class: sites are made for every sanctions word, and a frozen
    dataclass sets each field the slow way).
    """

    __slots__ = ("end", "i", "index", "j", "passage", "start", "trigger")

    def __init__(self, passage: _Passage, index: int, i: int, j: int, trigger: _Trigger) -> None:
        self.passage = passage
        self.index = index
        self.i = i
        self.j = j
        self.trigger = trigger
        tokens = passage.tokens
        self.start = tokens[i].start
        self.end = tokens[j - 1].end


class _Reader:
    """Reads one document's findings, carrying the imposer from one passage to the next."""

    def __init__(self, doc: Document, lowered: str) -> None:
        self.text = doc.text
        self.lowered = lowered
        self.passages = _passages(doc)
        self.starts = [p.sentences[0].start for p in self.passages]
        self._council: str | None = None  # `council`, once read
        self._council_read = False
        # where each of `_DOCUMENT_PHRASES` occurs in `lowered`
        self.places = dict(zip(_DOCUMENT_PHRASES, _DOCUMENT_FINDER.find_all(lowered), strict=True))
        self.strong_doc = any(self.places[phrase] for phrase in _STRONG_CUES)
        self.owners: list[tuple[int, tuple[str, ...]]] = []  # (article offset, imposer keys) as read
        self.sites_left = _MAX_SITES
        self.bare: list[_Finding] = []  # findings that name no target: their measures may be the listing's

    def council(self) -> str | None:
        """`_council` of the text, read when first asked for: only a passage that says "Council" or
        "bloc" asks (most texts do not, and the test searches the whole text for several names)."""
        if not self._council_read:
            self._council = _council(self.text)
            self._council_read = True
        return self._council

    def _cue_positions(self, phrases: _Phrases) -> list[int]:
        """`_positions(self.lowered, phrases.phrases)`, from the places the first pass found (each phrase's
        places in turn, then sorted, as `_positions` lists them under its cap)."""
        out = [at for phrase in phrases.phrases for at in self.places[phrase]]
        if len(out) >= _MAX_POSITIONS:
            return _positions(self.lowered, phrases.phrases)
        out.sort()
        return out

    def owner(self, at: int) -> tuple[str, ...]:
        """The imposers whose announcement the text at article offset `at` belongs to.

        Those named in the sentence itself, else those read last before it, else
        the first ones read after it.
        """
        index = bisect_right(self.starts, at) - 1
        if 0 <= index < len(self.passages):
            here = {imp.key for _, _, imp in _imposer_spots(self.passages[index], self)}
            named = tuple(key for _, keys in self.owners for key in keys if key in here)
            if named:
                return tuple(dict.fromkeys(named))
        before = [keys for start, keys in self.owners if start <= at]
        if before:
            return before[-1]
        return self.owners[0][1] if self.owners else ()

    def _listing(self, index: int, read: list[_Finding]) -> _Finding:
        """The finding the sentence after a passage may list targets of: the last one, unless that sentence
        names the targets' own state ("the U.S. companies, which include ...") and the last finding's
        imposer is that state while another finding's is not."""
        last = read[-1]
        if len(read) < 2 or index + 1 >= len(self.passages):
            return last
        following = self.passages[index + 1]
        own = {
            m.ref.country
            for m in following.mentions[:6]
            if m.ref.kind == "state" and _CLASS_AFTER.match(following.text, m.end) is not None
        }
        if not own or not any(imp.actor.country in own for imp in last.imposers):
            return last
        for other in reversed(read[:-1]):
            if other.imposers and not any(imp.actor.country in own for imp in other.imposers):
                return other
        return last

    def _continue_list(self, index: int, finding: _Finding) -> None:
        """Targets listed in the sentence after an announcement ("The entities include X and Y.").

        A list introduced with a colon ("Among the entities added today are:") may
        stand a few sentences further on, past a quotation or a remark; "They
        include ..." may follow a sentence that describes whom the listing targets;
        labelled lines ("Individuals: 3 individuals, including X", "Entities: ...")
        each add their names.
        """
        intro: int | None = None  # where the list begins in the passage that introduces it
        announcing = self.passages[index]
        if announcing.title or (index == 0 and not announcing.text.rstrip().endswith((".", ":", '"', "”"))):
            return  # a headline sums up the article: the lists below belong to its sentences
        for ahead in range(index + 1, min(len(self.passages), index + 1 + _LIST_REACH)):
            following = self.passages[ahead]
            match = _list_lead(following.text)
            if match is None and ahead == index + 1 and _may_include(following.text[:300]):
                match = _LIST_INCLUDES.search(following.text, 0, 300)
            if (
                match is not None
                and (
                    ahead == index + 1
                    or following.text.rstrip().endswith(":")
                    or (ahead == index + 2 and _NAMED_CLASS.search(self.passages[index + 1].text) is not None)
                    or (
                        _THEM_LEAD.match(following.text) is not None
                        and _CLASS_SUBJECT.match(self.passages[ahead - 1].text)
                    )
                )
            ):  # "... The entities added today are located in A and B. Among them are X, Y."  # "... on 7 individuals. Today's listings target persons who ... They include X, Y."
                intro, index = match.end(), ahead
                break
            if _follows_list(following):  # "The measures cover transactions with the following entities:"
                intro, index = len(following.text), ahead
                break
        known = {e.key for e in finding.targets}
        while intro is not None:
            following = self.passages[index]
            found = _heads(following, intro, len(following.text))
            evidence = list(following.sentences)
            if not found and following.text.rstrip().endswith(":"):
                lines: list[_Passage] = []
                for extra, bullet in self._bullets(index):
                    found.append(extra)
                    if not lines or lines[-1] is not bullet:
                        evidence.extend(bullet.sentences)
                        lines.append(bullet)
                index += len(lines)  # a list of the other class may follow the bullet lines
            added = [e for e in found if e.key not in known]
            if added:
                known.update(e.key for e in added)
                finding.targets.extend(added)
                finding.evidence.extend(evidence)
            index += 1
            intro = None
            if index < len(self.passages):  # "The individuals are X and Y. The companies are Z."
                following_text = self.passages[index].text
                match = _LABEL.match(following_text) or _CONTINUATION.match(following_text)
                if match is not None and not following_text.lstrip().startswith("They"):
                    intro = match.end()

    def read(self) -> list[_Finding]:
        findings: list[_Finding] = []
        last: list[_Imposer] = []
        pending: list[_Finding] = []
        counted: tuple[int, _Finding, int] | None = None  # an announcement that counts its targets, unnamed
        cues = self._cue_positions(_CUE_PHRASES)
        if self.strong_doc:
            cues = sorted(cues + [at for at in self._cue_positions(_WEAK_PHRASES) if _word_at(self.text, at)])
        for index, passage in enumerate(self.passages):
            if self.sites_left <= 0:
                break
            start, end = passage.sentences[0].start, passage.sentences[-1].end
            at = bisect_left(cues, start)
            if at == len(cues) or cues[at] >= end:
                continue
            if _off_topic(passage):
                continue
            read = self._read_passage(index)
            if read:
                listing = self._listing(index, read)
                self._continue_list(index, listing)
                self._entries_below(index, listing)
            for finding in read:
                finding.legal = [c for c in passage.citations if not c.violated]
                if finding.same and findings:
                    known = {e.key for e in finding.targets}
                    finding.targets[:0] = [e for e in findings[-1].targets if e.key not in known]
                    # the sentences that name them are evidence too
                    finding.evidence[:0] = [s for s in findings[-1].evidence if s not in finding.evidence]
                if finding.imposers:
                    last = finding.imposers
                    self.owners.append((start, tuple(imp.key for imp in last)))
                    for waiting in pending:
                        waiting.imposers = last
                    pending.clear()
                elif last:
                    finding.imposers = last
                    finding.carried = True
                else:
                    finding.carried = True
                    pending.append(finding)
                if finding.imposers and all(imp.authority in _EXPORT_AUTHORITIES for imp in finding.imposers):
                    # the Commerce Department lists for export control ("added X to the list")
                    finding.measures = list(
                        dict.fromkeys("export_control" if m == "designation" else m for m in finding.measures)
                    )
                if finding.targets:
                    findings.append(finding)
                    if (
                        counted is None
                        and finding.imposers
                        and finding.status == "imposed"
                        and (more := _COUNTED_MORE.search(passage.text)) is not None
                    ):  # "sanctioned X and six of its employees", named further on
                        counted = (index, finding, _counted(more.group(0)))
                    elif counted is None and finding.imposers and finding.status == "imposed":
                        counted = self._counted_beyond(index, passage, finding)
                elif counted is None and finding.imposers and finding.status == "imposed":
                    number = _counted(passage.text)
                    if number:
                        counted = (index, finding, number)
                if finding.targets:
                    pass
                elif len(self.bare) < _MAX_TRIGGERS:
                    self.bare.append(finding)
                if finding.targets:
                    pass
                elif findings and _ANAPHOR.match(passage.text) and findings[-1].status == finding.status:
                    # "The listed persons are subject to an asset freeze": more measures of the same listing
                    previous = findings[-1]
                    previous.measures.extend(m for m in finding.measures if m not in previous.measures)
        if counted is not None:
            self._describe(counted, findings)
        if pending:
            fallback = self._first_authority()
            for waiting in pending:
                waiting.imposers = [fallback] if fallback is not None else []
        for finding in findings[:200]:
            named = [self._full_name(entity) for entity in finding.targets[:100]]
            # a word no full name explains, listed among companies, is one of them
            named = [_as_body(e) if e.beside_company else e for e in named]
            finding.targets = [e for e in named if e.name is None or not e.name.partial]
        return [f for f in findings if f.imposers and f.targets]

    def _counted_beyond(
        self, index: int, passage: _Passage, finding: _Finding
    ) -> tuple[int, _Finding, int] | None:
        """An announcement that counts more targets than the list below it names ("sanctioned four
        nationals and three companies", then a list of the three companies): the rest are described
        further on. None when the passage names any target itself or counts no more than are listed.
        """
        if any(entity.surface and entity.surface in passage.text for entity in finding.targets):
            return None
        extra = _counted(passage.text) - len(finding.targets)
        if extra <= 0 or extra > _DESCRIBED_MAX:
            return None
        return (index, finding, extra)

    def _describe(self, counted: tuple[int, _Finding, int], findings: list[_Finding]) -> None:
        """Targets of an announcement that counts them ("is designating six entities and two individuals")
        and names them only in the paragraphs that describe each: "Iran-based X supplied ...", "Y, an
        Iranian national, ...", "X's managing director, Z, ...". At most as many as it counts, less
        those already read elsewhere in the document.
        """
        index, finding, number = counted
        known = {e.key for f in findings for e in f.targets}
        # a count beside named targets counts only those named further on ("X and six of its employees")
        room = min(number, _DESCRIBED_MAX) - (0 if finding.targets else len(known))
        found: list[_Entity] = []
        evidence: list[Sentence] = []
        for passage in self.passages[index + 1 : index + 80]:
            if room <= len(found):
                break
            text = passage.text
            if not _has_any(text, _DESCRIBING) and _APPOSES.search(text) is None:
                continue
            if _PAST_YEAR.match(text) is not None and _NOW.search(text) is None:
                continue  # "In 2023, OFAC designated X for ...": a listing of the past, not one of those counted
            here: list[_Entity] = []
            listed_before: list[_Entity] = []  # names not described themselves, listed just before
            for entity in passage.entities():
                if (
                    entity.state
                    or entity.key in known
                    or (entity.ref is not None and entity.ref.kind == "state")
                ):
                    continue
                before = text[max(0, entity.start - 40) : entity.start]
                person = entity.name is not None and entity.name.kind == "person"
                name = entity.name
                described = (
                    _DESCRIBED_BEFORE.search(before) is not None
                    or _APPOSED_CLASS.search(before) is not None
                    or (name is not None and name.vessel)
                    or _BASED_AFTER.match(text, entity.end) is not None
                    or (name is not None and _subject_company(text, entity, name))
                    or (person and _NATIONAL_AFTER.match(text, entity.end) is not None)
                    or (person and _ROLE_BEFORE.search(before) is not None)
                    or (person and _ROLE_AFTER.match(text, entity.end) is not None)
                    or _FIRM_AFTER.match(text, entity.end) is not None
                    or _AKA_AFTER.match(text, entity.end) is not None
                    or _DESIGNATED_TODAY_AFTER.match(text, entity.end) is not None
                    or (
                        bool(here)
                        and _LISTED.fullmatch(text, _past_aside(text, here[-1].end), entity.start) is not None
                    )
                    or (
                        _KEPT_BY.search(before) is not None
                        and _ACTING_AFTER.match(text, entity.end) is not None
                    )
                    or _PEER_BEFORE.search(before) is not None
                    or _KIND_BEFORE.search(before) is not None
                    or _KIND_AFTER.match(text, entity.end) is not None
                    or (person and _KIN_BEFORE.search(before) is not None)
                    or (person and _MEMBERS_BEFORE.search(before) is not None)
                    or (person and _FURTHER_MEMBERS_BEFORE.search(before) is not None)
                    or (
                        person
                        and not text[: entity.start].strip()
                        and _IS_AFTER.match(text, entity.end) is not None
                    )
                )
                if (
                    _HISTORY_BEFORE.search(before)
                    or _next_word(text, entity.end) in _w("speaking")
                    or text[entity.end : entity.end + 2] in ("'s", "’s")
                ):
                    continue
                if not described:
                    if here or name is None or name.partial:
                        listed_before = []
                    elif (
                        listed_before
                        and _LISTED.fullmatch(text, listed_before[-1].end, entity.start) is not None
                    ):
                        listed_before.append(entity)
                    else:
                        listed_before = [entity]
                    continue
                if not here and listed_before:
                    # "said X, Hong Kong-based Y and Z had supplied ...": X leads the list Y is described in
                    lead = listed_before[-1]
                    if _LISTED.fullmatch(text, lead.end, entity.start) is not None or (
                        _DESCRIPTOR_LEAD.fullmatch(text, lead.end, entity.start) is not None
                    ):
                        here.extend(listed_before)
                        known.update(e.key for e in listed_before)
                here.append(entity)
                known.add(entity.key)
            if here:
                found.extend(here)
                evidence.extend(passage.sentences)
        if not found:
            return
        found = found[: max(0, room)]
        finding.evidence.extend(evidence)
        if finding.targets:  # named in part already: "X and six of its employees"
            finding.targets.extend(found)
            return
        finding.targets = found
        findings.append(finding)

    def _full_name(self, entity: _Entity) -> _Entity:
        """The full name behind a short one the text defines: "Pioneer" for "Pioneer Trading Co. (Pioneer)"."""
        if entity.name is None or entity.name.text.count(" ") > 1:
            return entity
        at = self.text.find(f"({entity.name.text})")
        if at == -1:
            return self._person(entity) if entity.name.partial else entity
        for passage in self.passages:
            start, end = passage.sentences[0].start, passage.sentences[-1].end
            if start <= at < end:
                local = at - start
                for full in passage.entities(max(0, local - 200), local):
                    if full.name is not None and entity.name.text in full.name.aliases:
                        return full
                break
        return entity

    def _person(self, entity: _Entity) -> _Entity:
        """The person a surname stands for ("Haddad" after "Karim Haddad"), or the company a word names where
        the text says what it is ("Alrosa" after "Alrosa, the diamond miner,"); the surname itself if none."""
        assert entity.name is not None
        surname = entity.name.text
        checked = 0
        for passage in self.passages:
            if surname not in passage.text:
                continue
            checked += 1
            if checked > 40:
                break
            for full in passage.entities():
                name = full.name
                if name is None:
                    continue
                if name.kind == "person" and name.text.endswith(" " + surname):
                    return full
                if name.text == surname and (name.vessel or not name.partial):
                    return full  # "the Angara" after "the cargo vessel Angara"
        return entity

    def _read_passage(self, index: int) -> list[_Finding]:
        passage = self.passages[index]
        out = []
        taken: set[str] = set()
        spots: list[tuple[int, int, _Imposer]] | None = None
        for site in self._sites(index):
            if spots is None:
                spots = _imposer_spots(passage, self)
            finding = self._read_site(site, spots, taken)
            if finding is not None:
                out.append(finding)
        return out

    def _sites(self, index: int) -> Iterator[_Site]:
        passage = self.passages[index]
        keys = passage.keys
        table = _triggers()
        strong_here = _STRONG_PHRASES.found_in(passage.lowered)
        last_list = -1  # the last "list" word: a key "list" or "blacklist" stands in the lower-case text
        if "list" in passage.lowered:
            last_list = max((k for k, key in enumerate(keys) if key in ("list", "blacklist")), default=-1)
        found = 0
        i = 0
        while i < len(keys) and found < _MAX_TRIGGERS:
            first: _Site | None = None
            site = None
            for trigger in table.get(keys[i], ()):
                n = len(trigger.words)
                if tuple(keys[i : i + n]) == trigger.words and (first is None or trigger.kind == "entry"):
                    candidate = _Site(passage, index, i, i + n, trigger)
                    first = first or candidate
                    if _accept(candidate, strong_here, self.strong_doc, last_list):
                        site = candidate  # "banned exports", else "banned ... from entering"
                        break
            if first is None:
                i += 1
                continue
            if site is None:
                i = first.j
                continue
            found += 1
            self.sites_left -= 1
            yield site
            if self.sites_left <= 0:
                return
            i = site.j

    def _read_site(
        self, site: _Site, spots: list[tuple[int, int, _Imposer]], taken: set[str]
    ) -> _Finding | None:
        passage = site.passage
        if _of_the_past(passage.text, site.start, site.end) or _REFUSING & set(
            passage.keys[max(0, site.i - 4) : site.i]
        ):
            return None  # "has refused to impose sanctions on X": no sanction
        measure = _measure(site)
        mode, lo, hi = _zone(site)
        found = _heads(passage, lo, hi)
        if mode == "after" and hi > lo:
            found.extend(_trailing_list(passage, lo, hi))
            if found:
                found.extend(_resumed_list(passage, hi))
        if found and spots:
            spans = {
                (s[0], s[1]) for s in spots
            }  # "Commerce has added X": the imposer's short name is no target
            found = [e for e in found if e.state or (e.start, e.end) not in spans]
        states = _state_targets(site, measure)
        evidence = list(passage.sentences)
        ends_with_list = passage.text.rstrip().endswith(":")
        if (
            (not found or ends_with_list)
            and mode in ("after", "list")
            and _introduces_list(passage.text, site.end)
        ):
            for extra, bullet in self._bullets(site.index):
                found.append(extra)
                if bullet.sentences[0] not in evidence:
                    evidence.extend(bullet.sentences)
        target_keys = {e.key for e in found} | {e.key for e in states}
        imposers = _choose_imposers(site, spots, mode, target_keys)
        if mode == "before" and not imposers:
            imposers = [s[2] for s in spots if s[0] >= site.end and s[2].authority][:1]
        imposers = [imp for imp in imposers if imp.key not in target_keys]
        if not imposers and site.i > 0 and passage.keys[site.i - 1] in _VAGUE_IMPOSER:
            return None  # "X is subject to Western sanctions": no one named imposes them here
        if (
            site.trigger.kind == "ban"
            and not (self.strong_doc and (imposers or (passage.line_start and site.i == 0)))
            and not _sanctioning(imposers)
            and not (
                self.strong_doc
                and _BANNING_SUBJECT.search(passage.text, max(0, site.start - 80), site.start) is not None
            )  # "The government will also ban exports to ...": the imposer named before goes on
        ):  # "(3) Prohibition of exports to ...": an item of the list of measures announced above
            return None  # "China banned imports of Japanese seafood": trade news, not a sanction
        if site.trigger.kind == "passive" and not self.strong_doc:
            return None  # "exports of rice to X were banned" in trade news: no sanction
        if imposers or site.trigger.kind == "passive":
            # a country-wide measure is read only with its imposer in the passage, or as a passive ban in
            # an announcement whose imposer the sentences before name
            found.extend(states)
        targets: list[_Entity] = []
        seen: set[str] = set()
        for entity in found:
            if entity.key not in seen:
                seen.add(entity.key)
                targets.append(entity)
        signature = f"{site.start}:{','.join(sorted(seen))}"
        if signature in taken:
            return None
        taken.add(signature)
        measures = _measures(measure, site, targets)
        same = mode == "after" and _SAME_TARGETS.match(passage.text, site.end) is not None
        return _Finding(imposers, targets, measures, _status(site), evidence, same=same)

    def _entries_below(self, index: int, finding: _Finding) -> None:
        """The entries a committee's release sets out below its announcement ("approved the addition
        of the entries specified below"): under "A. Individuals" / "B. Entities" headings, each entry
        a "Name: X" line with its "A.k.a.: Y" line, or a line that is a name alone ("X. Designated
        for ..."); the heading gives the kind."""
        text = self.passages[index].text
        if "below" not in text or _BELOW.search(text) is None:  # each match of `_BELOW` ends with "below"
            return
        known = {e.key for e in finding.targets}
        bodies: bool | None = None
        last: _Entity | None = None
        for passage in self.passages[index + 1 : index + 160]:
            text = passage.text
            if not passage.line_start:
                continue
            heading = _ENTRY_HEADING.match(text)
            if heading is not None:
                bodies = heading.group(1) == "Entities"
                last = None
                continue
            if bodies is None:
                if _ENTRY_NAME.match(text) is None:
                    continue  # a remark between the announcement and its entries
                bodies = False
            label = _ENTRY_NAME.match(text)
            alias = _ENTRY_ALIAS.match(text)
            if alias is not None and last is not None:
                last.aliases = (*last.aliases, text[alias.end() :].strip().rstrip("."))
                continue
            if label is None and _ENTRY_FIELD.match(text) is not None:
                continue  # "Address: ...": a field of the entry above
            if label is None and _ENTRY_BARE.fullmatch(text.strip()) is None:
                return  # the paragraph after the entries
            lo = label.end() if label is not None else 0
            heads = _heads(passage, lo, len(text))
            if not heads or heads[0].start > lo + 1:
                continue
            entity = _as_entry(heads[0], bodies)
            last = entity
            if entity.key not in known:
                known.add(entity.key)
                finding.targets.append(entity)
                finding.evidence.extend(passage.sentences)

    def _bullets(self, index: int) -> Iterator[tuple[_Entity, _Passage]]:
        """The leading name of each line that follows a list introduction ("designated the following:");
        a one-word name is a body where the introduction lists bodies ("The entities are:")."""
        bodies = _BODY_WORD.search(self.passages[index].text[-160:]) is not None
        labelled = False
        for passage in self.passages[index + 1 : index + 80]:
            if not passage.line_start:
                return
            if _destination_heading(passage):
                continue  # "China" above the entries listed under that destination
            label = _destination_label(passage)
            if labelled and not label:
                return  # the paragraph after the destinations' lines
            if label:  # "China: X; Y; Z.": the entries of one destination on its line
                labelled = True
                for head in _heads(passage, label, min(len(passage.text), 3000)):
                    if not head.state:
                        yield (_as_body(head) if bodies else head), passage
                continue
            heads = _heads(passage, 0, min(len(passage.text), 300))
            first = heads[0] if heads else None
            if first is None or _DESCRIPTOR.fullmatch(passage.text, 0, first.start) is None:
                return
            yield (_as_body(first) if bodies else first), passage

    def _first_authority(self) -> _Imposer | None:
        """The first authority the document names, for findings before any imposer is read."""
        for passage in self.passages[:200]:
            if len(passage.text) > 300 and not _CUE_PHRASES.found_in(passage.lowered):
                continue
            for _, end, imposer in _imposer_spots(passage, self):
                if imposer.authority is not None and _next_word(passage.text, end) not in (
                    "resolution",
                    "resolutions",
                ):
                    return imposer  # not "in violation of United Nations Security Council resolutions"
        for words, keeper in _LIST_OWNERS:
            if words in self.lowered:
                entry = _authorities()[keeper]
                return _make_imposer(entry, entry.authority or entry.imposer)
        return None


def _destination_heading(passage: _Passage) -> bool:
    """A line that names one state and nothing else ("China", "United Arab Emirates:"): the heading
    under which a list groups its entries by country."""
    text = passage.text.strip().rstrip(":")
    if len(text) > 60 or len(passage.mentions) != 1:
        return False
    mention = passage.mentions[0]
    return mention.ref.kind == "state" and passage.text[mention.start : mention.end] == text


def _destination_label(passage: _Passage) -> int:
    """Where the entries begin on a line led by one state and a colon ("Turkey: X; Y."), else 0."""
    if not passage.mentions:
        return 0
    mention = passage.mentions[0]
    if mention.ref.kind != "state" or passage.text[: mention.start].strip():
        return 0
    colon = _LABEL_COLON.match(passage.text, mention.end)
    return colon.end() if colon is not None else 0


def _subject_company(text: str, entity: _Entity, name: Name) -> bool:
    """ "Vanguard Maritime LLC operates ...": a company by its legal form, subject of the sentence."""
    if name.kind != "company" or name.text.rstrip(".").rsplit(" ", 1)[-1] not in _LEGAL_FORM_ENDS:
        return False
    return not text[: entity.start].strip(' "“') or text[: entity.start].strip() in ("The", "the")


# `_COUNTED_ONE` and `_COUNTED_CLASS` for ASCII text in lower case: there, a letter of the text matches a
# letter of the patterns regardless of case exactly when its lower case is that letter, so these find
# the same matches in the lowered text as those in the text, without folding each character as they go
_LOWER_COUNTED_ONE = re.compile(_COUNTED_ONE.pattern, re.ASCII)
_LOWER_COUNTED_CLASS = re.compile(_COUNTED_CLASS.pattern, re.ASCII)


def _class_nouns() -> tuple[str, ...]:
    """The nouns `_CLASS` matches, each written out ("organi[sz]ations" as both spellings)."""
    nouns: list[str] = []
    for noun in _CLASS.removeprefix("(?:").removesuffix(")").split("|"):
        spellings = [noun.replace("[sz]", "s"), noun.replace("[sz]", "z")] if "[sz]" in noun else [noun]
        if not all(spelling.isalpha() and spelling.islower() for spelling in spellings):
            raise ValueError(f"not a plain noun of _CLASS: {noun!r}")  # the screen would miss its matches
        nouns.extend(spellings)
    return tuple(nouns)


_CLASS_SCREEN: Final = PhraseScreen(_class_nouns())
"""Whether a text in lower case may hold a match of `_LOWER_COUNTED_CLASS`: each match holds one of the
nouns of `_CLASS`, in lower case there."""


def _counted(text: str) -> int:
    """How many targets a sentence counts ("six entities and two individuals": 8); 0 when it counts none."""
    head = text[:2000]
    one, counted = _COUNTED_ONE, _COUNTED_CLASS
    if head.isascii():
        head = head.lower()
        one, counted = _LOWER_COUNTED_ONE, _LOWER_COUNTED_CLASS
    # "and one individual" (in lower case, a match holds one of the nouns as written: looked for first)
    total = len(one.findall(head)) if one is _COUNTED_ONE or _has_any(head, _ONE_NOUNS) else 0
    if counted is _LOWER_COUNTED_CLASS and not _CLASS_SCREEN.found_in(head):
        return total  # no class noun, so no count of a class (the pattern tries nearly every word else)
    for match in counted.finditer(head):
        for word in match.group(0).lower().replace(",", "").split()[:4]:  # "more than a dozen companies"
            number = int(word) if word.isdigit() else _NUMBER_WORDS.get(word, 0)
            if number:
                total += number
                break
    return total


_CONTINUATION_LEADS = ("Th", "Am", "Al", "Fu", "Ad")  # how each of `_CONTINUATION`'s forms begins


def _list_lead(text: str) -> re.Match[str] | None:
    r"""`_CONTINUATION.match(text) or _LABEL.match(text)`, each tried only where it may match.

    Past the white space `\s*` takes (the characters `str.isspace` tells), every form of
    `_CONTINUATION` begins with two letters of `_CONTINUATION_LEADS` (it ignores no case); every match
    of `_LABEL` ends with a colon.
    """
    at = 0
    while at < len(text) and text[at].isspace():
        at += 1
    if text.startswith(_CONTINUATION_LEADS, at):
        match = _CONTINUATION.match(text)
        if match is not None:
            return match
    return _LABEL.match(text) if ":" in text else None


def _may_include(head: str) -> bool:
    """Whether `_LIST_INCLUDES` may match within `head`: each of its matches holds "list" or "which"."""
    return "list" in head or "which" in head


def _has_any(text: str, needles: Sequence[str]) -> bool:
    return any(needle in text for needle in needles)


def _positions(text: str, needles: Sequence[str]) -> list[int]:
    """Where any of `needles` occurs in `text`, in order (at most a few thousand places)."""
    out: list[int] = []
    for needle in needles:
        at = text.find(needle)
        while at != -1 and len(out) < _MAX_POSITIONS:
            out.append(at)
            at = text.find(needle, at + len(needle))
    out.sort()
    return out


def _word_at(text: str, at: int) -> bool:
    """Whether a word starts at `at` ("named", not "renamed")."""
    return at == 0 or not text[at - 1].isalnum()


def _off_topic(passage: _Passage) -> bool:
    """Sport, courts and crime: sanctions of another kind ("NCAA sanctions", "sentenced to prison")."""
    keys = passage.keys
    if not _w("off_topic").isdisjoint(keys) or _has_any(passage.lowered, _OFF_TOPIC_PHRASES):
        return True
    # a court's word reports a sentence when it comes first ("was jailed and fined"), not in a
    # description of a listed person ("sanctions on Judge X, who has sentenced protesters")
    court = _w("court")
    if court.isdisjoint(keys):
        return False  # no court's word anywhere: none before the first cue either
    first_cue = _CUE_PHRASES.first(passage.lowered)
    if first_cue < 0:
        first_cue = len(passage.text)
    return any(key in court for key in passage.keys[: bisect_left(passage.token_starts, first_cue)])


def _accept(site: _Site, strong_here: bool, strong_doc: bool, last_list: int) -> bool:
    passage, i, j, trigger = site.passage, site.i, site.j, site.trigger
    tokens, text, keys = passage.tokens, passage.text, passage.keys
    after = text[site.end : site.end + 1]
    before = text[site.start - 1 : site.start] if site.start else ""
    if after == "-" or before == "-":
        return False  # "sanctions-busting", "anti-sanctions"
    if i > 0 and keys[i - 1] == "specially":
        return False  # "Specially Designated Nationals": a list's name
    if any(c.start <= tokens[i].start < c.end for c in passage.citations):
        return False  # "the North Korea Sanctions and Policy Enhancement Act"
    nxt = keys[j] if j < len(keys) else ""
    previous = keys[i - 1] if i > 0 else ""
    if trigger.kind != "noun":
        if _listed_class(keys, i, j):
            return strong_doc  # "The listed entities include X", "the designated persons are X and Y"
        if previous in ("a", "an", "the") and trigger.words[0].endswith("ed"):
            return False  # "a targeted arms embargo", "the designated persons": an adjective
        if trigger.words[0] in ("blacklist", "blacklists") and previous in _BLACKLIST_NOUN_BEFORE:
            return False  # "added X to a trade blacklist": the noun, read with "added"
        if previous in _w("earlier") or (previous == "been" and i > 1 and keys[i - 2] == "had"):
            return False  # "had been sanctioned", "previously designated": an earlier action
    if trigger.kind == "noun":
        if _background(keys, i):
            return False
        earlier = _w("earlier")
        if any(keys[k] in earlier and _governing(keys[k + 1]) for k in range(max(0, i - 5), i - 1)):
            return False  # "the EU first imposed sanctions on Russia in 2014": history, not news
        if any(k in ("has", "have", "had") for k in keys[max(0, i - 3) : i]) and "since" in keys[j : j + 8]:
            return False  # "the Council has imposed sanctions on X since 2006": a state of affairs
        return not (trigger.words[-1] in ("sanctions", "sanction") and nxt in _w("topic"))
    if trigger.kind == "weak":
        word = trigger.words[0]
        if strong_doc and nxt == "the" and j + 1 < len(keys) and keys[j + 1] == "following":
            return True  # "Today's action targets the following entities:"
        if word in ("blocks", "blocked"):
            return "property" in keys[j : j + 4] or (strong_here and nxt == "the")
        if word == "named":
            # "Those named include X", "The ministry named X and Y as the companies targeted"
            return (i > 0 and keys[i - 1] == "those") or _NAMED_AS.search(passage.text, site.end) is not None
        if word in ("identified", "identifying"):
            return "blocked" in keys[j : j + 40] and "property" in keys[j : j + 40]
        if strong_doc and previous in _w("list_subject") and nxt in _w("list_intro"):
            return True  # "Those targeted include ...", "Among those listed were ..."
        if (
            strong_doc
            and word in ("listed", "targeted")
            and _passive_after(keys, i)
            and nxt not in ("on", "at")
            and not _past_time(keys, j)
        ):
            return (
                True  # "X and Y were also listed", not "listed on the stock exchange" or "listed last year"
            )
        if (
            strong_doc
            and word in ("listed", "lists")
            and _PRONOUN_SUBJECT.search(text, max(0, site.start - 24), site.start) is not None
            and nxt not in ("on", "at", "as", "its", "their")
            and not _past_time(keys, j)
        ):
            return True  # "It also listed the gang coalition X": the imposer of the sentence before
        return strong_here or (strong_doc and _after_authority(site))
    if trigger.kind == "list":
        return last_list >= j and (strong_here or strong_doc)
    if trigger.kind == "ban":
        return not _background(keys, i)  # not "despite the ban on exports"
    if trigger.kind == "passive":
        return _passive_trade(passage, i) is not None and not _background(keys, i)
    if trigger.kind == "entry":
        return strong_doc and _entry_barred(keys, j) and not _background(keys, i)
    return True


def _entry_barred(keys: list[str], j: int) -> bool:
    """ "barred X from entering", "is banned from travelling to": a ban on entry, "from" a few words on."""
    for k in range(j, min(len(keys) - 1, j + _ENTRY_REACH)):
        if keys[k] == "from":
            return keys[k + 1] in _w("entering")
        if keys[k] in (";", ":"):
            return False
    return False


def _passive_after(keys: list[str], i: int) -> bool:
    """Whether an auxiliary (not "has"/"have"/"had"), past adverbs, stands before token `i`: "were also listed"."""
    m = i - 1
    while m >= 0 and keys[m] in _w("adverb"):
        m -= 1
    return m >= 0 and keys[m] in _w("aux") and keys[m] not in ("has", "have", "had")


def _past_time(keys: list[str], j: int) -> bool:
    """Whether the words after token `j` date the action in the past: "last year", "in 2022", "years ago"."""
    for key in keys[j : j + 5]:
        if key in ("last", "ago", "earlier", "since", "previously") or (len(key) == 4 and key.isdigit()):
            return True
    return False


def _passive_trade(passage: _Passage, i: int) -> Measure | None:
    """The measure of a passive ban ("exports of chips to Russia are prohibited", "imports of Russian steel
    were also banned"): an auxiliary before the participle, and trade as its subject in the same clause."""
    keys = passage.keys
    m = i - 1
    while m >= 0 and keys[m] in _w("adverb"):
        m -= 1
    if m < 0 or keys[m] not in _w("aux") or keys[m] in ("has", "have", "had"):
        return None
    start = passage.tokens[i].start
    lo = max(0, start - 240)
    clause = passage.lowered[lo:start]
    cut = max(clause.rfind(". "), clause.rfind("; "), clause.rfind(", and "))
    clause = clause[cut + 1 :] if cut != -1 else clause
    exports, imports = clause.rfind("export"), clause.rfind("import")
    if exports == imports:  # both -1: no trade named
        return None
    return "export_control" if exports > imports else "trade_restriction"


def _listed_class(keys: list[str], i: int, j: int) -> bool:
    """ "the listed entities include", "these designated persons are", "Listed individuals include": a
    participle naming a list's class."""
    return (
        (i == 0 or keys[i - 1] in ("the", "these", "those"))
        and keys[i].endswith("ed")
        and j + 1 < len(keys)
        and keys[j] in _CLASS_WORDS
        and keys[j + 1] in _w("list_intro")
    )


def _after_authority(site: _Site) -> bool:
    """Whether an authority is the subject right before the word ("The Council listed ...", "Canada is
    listing ...")."""
    passage = site.passage
    m = site.i - 1
    while m >= 0 and (passage.keys[m] in _w("adverb") or passage.keys[m] in ("is", "are", "has", "have")):
        m -= 1
    if m < 0:
        return False
    if passage.keys[m] in ("council", "committee"):
        return True  # "The Committee listed ...": a Security Council sanctions committee
    word = passage.tokens[m]
    return any(mention.end == word.end and _is_imposer(mention) for mention in passage.mentions)


def _background(keys: list[str], i: int) -> bool:
    """Sanctions named as a circumstance: "violations of OFAC sanctions", "despite sanctions"."""
    return any(_BACKGROUND.match(k) for k in keys[max(0, i - 4) : i])


# ---------------------------------------------------------------------------------------------- entities


def _entities(passage: _Passage, lo: int, hi: int) -> list[_Entity]:
    """Every actor a target could be in `text[lo:hi]`: gazetteer actors and names; states kept, marked."""
    text = passage.text
    authorities = _authorities()
    tokens, mentions = passage.tokens, passage.mentions
    if lo > 0 or hi < len(text):
        token_starts = [t.start for t in tokens] if len(tokens) < 64 else passage.token_starts
        tokens = tokens[bisect_left(token_starts, lo) : bisect_left(token_starts, hi)]
        mention_starts = [m.start for m in mentions]
        mentions = mentions[bisect_left(mention_starts, lo) : bisect_left(mention_starts, hi)]
    out: list[_Entity] = []
    for mention in mentions:
        ref = mention.ref
        if (
            ref.kind == "state"
            and ref.country
            and (bank := _CENTRAL_BANK.match(text, mention.end)) is not None
        ):
            # "Syria's central bank", "the Russian central bank": the state's central bank, a body of its own
            state = country(ref.country)
            label = f"Central Bank of {state.name if state is not None else ref.name}"
            name = Name(mention.start, bank.end(), label, "organization", ref.country)
            out.append(_Entity(mention.start, bank.end(), _name_key(label), name=name))
            continue
        if ref.kind == "state":
            if mention.form != "adjective" or _governs(text, mention.end):
                out.append(
                    _Entity(
                        mention.start, mention.end, ref.country or ref.name, ref, mention.surface, state=True
                    )
                )
            continue
        if ref.name in authorities or ref.kind == "intergovernmental":
            continue
        form = _FORM_BEFORE.search(text, max(0, mention.start - 6), mention.start)
        start = form.start() if form is not None and ref.kind == "company" else mention.start
        out.append(_Entity(start, mention.end, ref.name.lower(), ref, text[start : mention.end]))
    names = [
        name
        for name in find_names(text, tokens, mentions, lo, hi, strict=passage.title)
        if not any(c.start <= name.start < c.end for c in passage.citations)  # "Special Economic Measures"
    ]
    if names and out:
        starts = [name.start for name in names]

        def inside_name(entity: _Entity) -> bool:  # "Minsk" in "Minsk Optical Works"
            at = bisect_right(starts, entity.start) - 1
            return at >= 0 and names[at].end >= entity.end

        out = [e for e in out if not inside_name(e)]
    out.extend(_Entity(name.start, name.end, _name_key(name.text), name=name) for name in names)
    out.sort(key=lambda e: e.start)
    merged: list[_Entity] = []
    for entity in out:
        host = merged[-1] if merged else None
        if (
            host is not None
            and host.ref is not None
            and not host.state
            and entity.name is not None
            and text[host.end : entity.start] == " "
        ):
            # "the Islamic Revolutionary Guard Corps Navy": a branch of a known body
            whole = text[host.start : entity.end]
            name = Name(host.start, entity.end, whole, "organization", host.ref.country, entity.name.aliases)
            merged[-1] = _Entity(
                host.start, entity.end, _name_key(whole), name=name, branch=entity.name.partial
            )
            continue
        if (
            host is not None
            and host.branch
            and entity.name is not None
            and entity.name.partial
            and text[host.end : entity.start] == " and "
        ):
            # "BAE Systems Land and Armament": the branch's name goes on past "and"
            assert host.name is not None
            whole = text[host.start : entity.end]
            name = host.name.extended(entity.end, whole)
            merged[-1] = _Entity(host.start, entity.end, _name_key(whole), name=name)
            continue
        if (
            host is not None
            and not entity.state
            and _OPEN_PARENTHESIS.fullmatch(text, host.end, entity.start)
            and text[entity.end : entity.end + 1] == ")"
        ):
            # "Munitions Industry Department (MID)": the acronym is the same actor
            label = entity.name.text if entity.name is not None else entity.surface
            host.aliases = (*host.aliases, label)
            continue
        merged.append(entity)
    return merged


def _name_key(text: str) -> str:
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def _heads(passage: _Passage, lo: int, hi: int) -> list[_Entity]:
    """Entities in `text[lo:hi]` that head their phrase: no preposition before, no noun after.

    States count only as "the Government of X" or "X government"; elsewhere a
    state in a target phrase is a place or an owner, not the target.
    """
    if hi <= lo or _NAME_START.search(passage.text, lo, hi) is None:
        return []  # no capital letter, no name
    text = passage.text
    closers = word_class("closer")
    out: list[_Entity] = []
    for entity in passage.entities(lo, hi):
        if entity.end > hi:
            continue
        head_start = entity.start
        end = _skip_parenthesis(text, entity.end)
        if text[end : end + 1] in (")", "”", '"'):
            end += 1  # "X (a.k.a. Y), a supplier": the alias closes, the apposition follows
        following = _next_word(text, end)
        if text[end : end + 1] in ("-", "\u2011") and text[end + 1 : end + 2].isalpha():
            continue  # "Wagner-linked gold trader": a compound that describes, not a target
        if entity.state:
            government = _GOVERNMENT_OF.search(text, max(lo, entity.start - 24), entity.start)
            if government is None:
                if following not in _w("government"):
                    continue
                after = passage.lowered.find(following, end, end + 40) + len(following)
                nxt = _next_word(text, after)
                if nxt[:1].islower() and nxt not in closers:
                    continue  # "DPRK government officials"
            else:
                head_start = government.start()
        elif following in _w("speaking") and not text[end : end + 2].lstrip().startswith((",", ";")):
            continue  # "..., Biden said": the speaker, not a target
        elif (
            (_raw_next_word(text, end)[:1].islower() or (passage.title and following))
            and following not in closers
            and not (entity.name is not None and entity.name.headed)
            and not text[end : end + 2].lstrip().startswith((",", ";"))
            and not (
                _firm_named(entity) and _KIND_NOUN_AFTER.match(text, end) is not None
            )  # "the OJSC Foo optical company", "the Foo Airlines carrier": the noun says what the firm is
        ):
            continue  # "AQIS emir": a modifier, not the head
        elif text[entity.end : entity.end + 2] in ("'s", "’s") and _next_word(text, entity.end + 2):
            continue  # "X's director", "Putin's Press Secretary"
        if out and not entity.state and _ALIAS_BEFORE.search(text, max(lo, head_start - 24), head_start):
            label = entity.name.text if entity.name is not None else entity.surface
            if label not in out[-1].aliases:
                out[-1].aliases = (*out[-1].aliases, label)  # "X, also known as Y": one target
            continue
        if _clean_prefix(text, lo, head_start):
            body = entity.name is not None and entity.name.partial
            if body and (
                _BODY_LIST.search(text, max(0, head_start - 300), head_start)
                or _BODIES_AFTER.search(text, entity.end, entity.end + 300)
            ):  # "28 entities, including X", "named X and Y as the companies targeted"
                out.append(_as_body(entity))
            elif body and _VESSEL_LIST.search(text, max(0, head_start - 300), head_start):
                out.append(_as_vessel(entity))  # "Among the tankers listed are the Eventin and the Kairos"
            else:
                out.append(entity)
    for left, right in pairwise(out):
        if _LISTED.fullmatch(text, left.end, right.start) is not None:
            left.beside_company = left.beside_company or _company(right)
            right.beside_company = right.beside_company or _company(left)
    return out


def _company(entity: _Entity) -> bool:
    if entity.name is not None:
        return entity.name.kind == "company" and not entity.name.partial
    return entity.ref is not None and entity.ref.kind == "company"


def _skip_parenthesis(text: str, end: int) -> int:
    match = _PARENTHESIS.match(text, end)
    return match.end() if match else end


_SEPARATOR_CHARS = ",;:•\n"
_SEPARATOR_WORDS = ("and", "or", "as well as", "along with", "plus", "such as", "including", "among them")


def _last_separator_end(text: str, begin: int, start: int) -> int:
    """Where the last match of `_SEPARATOR` in `text[begin:start]` ends (as `finditer(text, begin, start)`
    finds them); `begin` when there is none.

    Found from the right with `str.rfind`, each separator's last occurrence: no separator's match can
    start inside another's (no word of one is another), so the matches `finditer` steps through are all
    there are, and the last of them ends furthest. A word counts when no word character stands before it
    (`\\b` looks at the character before `begin` too) nor after it (where the search ends, `\\b` holds).
    """
    last = begin
    for char in _SEPARATOR_CHARS:
        at = text.rfind(char, begin, start)
        if at >= last:
            last = at + 1
    for word in _SEPARATOR_WORDS:
        size = len(word)
        at = text.rfind(word, begin, start)
        while at != -1 and at + size > last:
            end = at + size
            if (at == 0 or not _word_char(text[at - 1])) and (end == start or not _word_char(text[end])):
                last = end
                break
            at = text.rfind(word, begin, end - 1)
    return last


def _clean_prefix(text: str, lo: int, start: int) -> bool:
    """No preposition or relative word between the last list separator and the entity."""
    begin = max(lo, start - _PREFIX_WINDOW)
    last = _last_separator_end(text, begin, start)
    words = _WORDS.findall(text, last, start)
    blocked = _w("prefix_block")
    # "sanctions on X and on Y", "the assets of X and of Y": the preposition that opened the list, again
    repeated = (
        bool(words)
        and words[0] in ("on", "against", "of")
        and text[max(0, lo - 9) : lo].split()[-1:] == words[:1]
    )
    for k, word in enumerate(words):
        if word.lower() not in blocked or (k == 0 and repeated):
            continue
        inside_title = (
            word == "of"
            and 0 < k < len(words) - 1
            and words[k - 1][:1].isupper()
            and words[k + 1][:1].isupper()
        )
        if not inside_title:
            return False
    return True


# ---------------------------------------------------------------------------------------------- imposers


def _imposer_spots(passage: _Passage, reader: _Reader) -> list[tuple[int, int, _Imposer]]:
    """Where an imposer is named in the passage: authorities, states, "the Council" (of the EU)."""
    if passage.spots is None:
        passage.spots = _find_imposer_spots(passage, reader)
    return passage.spots


def _find_imposer_spots(passage: _Passage, reader: _Reader) -> list[tuple[int, int, _Imposer]]:
    text = passage.text
    # the Council's spots are words "Council", "council" or "bloc": without them none, whatever it is
    council = reader.council() if "ouncil" in text or "bloc" in text else None
    authorities = _authorities()
    spots: list[tuple[int, int, _Imposer]] = []
    for mention in passage.mentions:
        ref = mention.ref
        if any(c.start <= mention.start < c.end for c in passage.citations):
            continue  # "UN Security Council Resolution 2270" cites, it does not impose
        entry = authorities.get(ref.name)
        if entry is not None:
            spots.append((mention.start, mention.end, _make_imposer(entry, mention.surface)))
            continue
        if ref.kind != "state" or ref.country is None:
            continue
        government = _government_subject(text, mention)
        if government is None and not _subject_state(text, mention):
            continue
        state = country(ref.country)
        if state is not None:
            actor = state.to_actor(mention.surface)
            if government is not None:  # "the Government of Japan has decided ...": the issuing body
                spots.append(
                    (government, mention.end, _Imposer(ref.country, actor, text[government : mention.end], 8))
                )
            else:
                spots.append((mention.start, mention.end, _Imposer(ref.country, actor, None, 9)))
    if "Commerce" in text:
        spots.extend(
            (token.start, token.end, _make_imposer(authorities[_COMMERCE], token.text))
            for token in passage.tokens
            if token.key == "Commerce" and _commerce_acts(passage, token)
        )
    if council is not None:
        entry = authorities[council]
        un = council == _UN_COUNCIL
        spots.extend(
            (token.start, token.end, _make_imposer(entry, token.text))
            for token in passage.tokens
            if (token.key == "Council" or (un and token.key == "council"))
            and _previous_word(text, token.start) == "the"
            and _next_word(text, token.end) not in ("of", "on", "for")
            and not any(m.start <= token.start < m.end for m in passage.mentions)
        )
        if council != _UN_COUNCIL:  # "the bloc" is the European Union in a text that names it
            union = _make_imposer(authorities["European Union"], "bloc")
            spots.extend(
                (token.start, token.end, union)
                for token in passage.tokens
                if token.key == "bloc" and _previous_word(text, token.start) == "the"
            )
    spots.sort(key=lambda s: s[0])
    return spots


def _commerce_acts(passage: _Passage, token: Token) -> bool:
    """ "Commerce added ...", "Commerce Adds ...": the U.S. Department of Commerce by its short name, as
    subject (not "Ministry of Commerce", "Chamber of Commerce", "Commerce Minister")."""
    text = passage.text
    if _previous_word(text, token.start) in ("of", "and", "&", "for"):
        return False
    if any(m.start <= token.start < m.end for m in passage.mentions):
        return False  # "Commerce Department": the gazetteer names it
    following = _raw_next_word(text, token.end)
    if passage.title and token.start < 80:
        return following[:1].isupper() and _governing(following.lower())
    return _acts(text, token.end, following.lower()) and following.lower() not in _w("government")


def _government_subject(text: str, mention: Mention) -> int | None:
    """Where "Government of X" begins when it is the subject that acts ("The Government of Japan decided")."""
    government = _GOVERNMENT_OF.search(text, max(0, mention.start - 24), mention.start)
    if government is None or text[government.start()] != "G" or mention.form == "adjective":
        return None
    if _previous_word(text, government.start()) in _OBJECT_PREPOSITIONS:
        return None  # "sanctions on the Government of North Korea"
    if text[mention.end : mention.end + 2] in ("'s", "’s"):
        return None
    return government.start() if _acts(text, mention.end, _next_word(text, mention.end)) else None


def _council(text: str) -> str | None:
    """The body "the Council" stands for in `text`: the EU's Council, the UN Security Council, or none.

    A text about the Security Council that never names the EU's Council means the
    former; one that names the EU means the latter.
    """
    eu_council = _EU_COUNCIL_PHRASES.found_in(text)
    if "Security Council" in text and not eu_council:
        return _UN_COUNCIL
    if eu_council or _has_any(text, _EU_NAMES) or ("EU" in text and _EU_WORD.search(text) is not None):
        return "Council of the European Union"
    return None


def _subject_state(text: str, mention: Mention) -> bool:
    """Whether a state is named as the one who acts ("Japan imposed", "UK sanctions", "Japan's government")."""
    following = _next_word(text, mention.end)
    if text[mention.end : mention.end + 1] in ("-", "\u2011"):
        return False  # "a Hong Kong-based trader", "Iran-backed groups": a compound that describes
    if following == "with" and text[mention.end : mention.end + 1] == " ":
        return False  # "threatens Iraq with sanctions": the object
    if following in ("sanctions", "sanction") and mention.ref.country not in _sanctioners():
        # "Russia sanctions", "Russian sanctions": sanctions on that state, unless used as a verb
        # ("China sanctions Lockheed Martin")
        after = text.find(" ", mention.end + 1, mention.end + 40)
        return after != -1 and _raw_next_word(text, after)[:1].isupper() and not _title_case_words(text[:300])
    begin = _list_start(text, mention.start, mention.end)
    article = _THE_BEFORE.search(text, max(0, begin - 8), begin)
    previous = _previous_word(text, article.start() if article else begin)
    if previous in _OBJECT_PREPOSITIONS:
        return False  # "an embargo on the Somali government", "entities from China, Russia and India"
    verb = _VERB_BEFORE.search(text, max(0, begin - 24), begin)
    if (
        verb is not None
        and verb.group(1)[:1].islower()
        and (verb.group(1).endswith("ed") or _governing(verb.group(1)))
    ):
        return False  # "Washington removed Turkey from ...": the object of a verb, not its subject
    if _ROUTE_BEFORE.search(text, max(0, begin - 48), begin) is not None:
        return False  # "goods still arrive through neighbours such as Kazakhstan and Armenia": a route
    if following in _w("leader") and text[mention.end : mention.end + 1] == " ":
        return mention.ref.country in _sanctioners()  # "U.S. President X said he would impose ..."
    if mention.form == "adjective":
        return following == "sanctions" or (
            following in _w("government") and _acts(text, mention.end, following)
        )
    if text[mention.end : mention.end + 2] in ("'s", "’s"):
        return _next_word(text, mention.end + 2) in _w("imposer_possessed")
    return _acts(text, mention.end, following)  # not "DPRK government officials", not "Russia-based"


def _list_start(text: str, start: int, end: int) -> int:
    """Where the coordinated list of names that holds the one at `start`..`end` begins.

    "China, Russia, India and the UAE": the list of each of them begins at "China".
    A name neither followed by a separator nor preceded by "and"/"or" is no list member.
    """
    if not (
        text.startswith((", ", " and ", " or "), end)
        or _LAST_MEMBER.search(text, max(0, start - 12), start) is not None
    ):
        return start
    opener = text.rfind(", and ", max(0, start - 10), start)
    if opener != -1 and _new_subject_at(text, opener):
        return start  # "on Rosoboronexport, and the United Kingdom sanctioned": a subject, no list member
    for _ in range(8):
        match = _LIST_MEMBER_BEFORE.search(text, max(0, start - 60), start)
        if match is None:
            break
        start = match.start()
    return start


def _acts(text: str, end: int, following: str) -> bool:
    """Whether a verb, a clause word or a comma follows a state named at `end`."""
    if text[end : end + 1] in (",", ";") or following in ("sanctions", "sanction"):
        return True
    if following in _w("government"):
        at = end + text[end : end + 40].lower().find(following) + len(following)
        nxt = _next_word(text, at)
        return not nxt or nxt in word_class("closer") or _governing(nxt)
    return following in word_class("closer") or following in _w("adverb") or _governing(following)


def _sanctioning(imposers: list[_Imposer]) -> bool:
    """Whether a state with sanctions of its own, or a body of states, is among the imposers."""
    return any(imp.key in _sanctioners() or imp.actor.kind == "intergovernmental" for imp in imposers)


def _make_imposer(entry: _Authority, surface: str) -> _Imposer:
    if entry.country is not None:
        state = country(entry.country)
        name = state.name if state is not None else entry.imposer
        actor = contract_actor(name, entry.country, "state", sorted({surface} - {name}))
        return _Imposer(entry.country, actor, entry.authority, entry.rank)
    aliases = sorted({surface} - {entry.imposer})
    actor = contract_actor(entry.imposer, None, "intergovernmental", aliases)
    return _Imposer(entry.imposer, actor, entry.authority, entry.rank)


def _choose_imposers(
    site: _Site, spots: list[tuple[int, int, _Imposer]], mode: Mode, targets: set[str]
) -> list[_Imposer]:
    text = site.passage.text
    by_agent = _BY_AGENT.match(text, site.end)
    if by_agent is not None:
        agents = [s for s in spots if s[0] == by_agent.end()]
        if agents:
            return _merge_imposers([agents[0][2]], spots, agents[0][0], agents[0][1] + 1)
    starts = [s[0] for s in spots]
    before = [
        s
        for s in spots[: bisect_right(starts, site.start)]
        if s[1] <= site.start and s[2].key not in targets and not _in_relative(text, s[0], site.start)
    ]
    if not before:
        return []
    nearest = before[-1]
    if mode == "before" and text[nearest[1] : site.start].strip() not in ("", "new", "additional", "further"):
        return []  # in a passive sentence only an imposer right before the sanctions word counts ("UK sanctions")
    if len(before) > 1 and (
        text.startswith(("'s", "’s"), nearest[1]) or not text[nearest[1] : site.start].strip()
    ):
        follower = before[-2]
        if _ADOPTS.fullmatch(text, follower[1], nearest[0]) is not None:
            nearest = follower  # "Switzerland adopted the EU's sanctions", "Norway adopts EU sanctions"
    chosen = [nearest[2]]
    cursor = nearest[0]
    for spot in reversed(before[-8:-1]):
        if _COORDINATION.fullmatch(text, spot[1], cursor) is None:
            break
        chosen.append(spot[2])  # "the U.S., the UK and Canada", "the Treasury's OFAC"
        cursor = spot[0]
    # the authority may be named anywhere in the sentence ("The UK sanctioned X, the Foreign Office said")
    return _merge_imposers(chosen, spots, 0, len(text))


def _in_relative(text: str, at: int, limit: int) -> bool:
    """Whether `at` lies in a relative clause closed before `limit` ("Beijing, which claims Taiwan, has ...")."""
    opener = max(text.rfind(", which ", max(0, at - 200), at), text.rfind(", who ", max(0, at - 200), at))
    if opener == -1:
        return False
    return text.find(",", at, limit) != -1


def _merge_imposers(
    chosen: list[_Imposer], spots: list[tuple[int, int, _Imposer]], lo: int, hi: int
) -> list[_Imposer]:
    """One imposer per state or body, carrying the most specific authority named for it nearby."""
    merged: dict[str, _Imposer] = {}
    for imposer in chosen:
        current = merged.get(imposer.key)
        if current is None:
            merged[imposer.key] = _Imposer(imposer.key, imposer.actor, imposer.authority, imposer.rank)
            continue
        current.actor = _with_aliases(current.actor, imposer.actor.aliases)
        if imposer.authority and imposer.rank < current.rank:
            current.authority, current.rank = imposer.authority, imposer.rank
    for start, _, imposer in spots:
        current = merged.get(imposer.key)
        if lo <= start < hi and current is not None and imposer.authority and imposer.rank < current.rank:
            current.authority, current.rank = imposer.authority, imposer.rank
    return list(merged.values())


def _with_aliases(actor: Actor, aliases: Sequence[str]) -> Actor:
    merged = sorted((set(actor.aliases) | set(aliases)) - {actor.name})
    return actor if merged == actor.aliases else actor.model_copy(update={"aliases": merged})


# ---------------------------------------------------------------------------------------------- zones


def _zone(site: _Site) -> tuple[Mode, int, int]:
    """Where the sanctions word's targets stand: after it, before it, or in a list after "include"."""
    passage, i, j, trigger = site.passage, site.i, site.j, site.trigger
    tokens, text, keys = passage.tokens, passage.text, passage.keys
    n = len(keys)
    adverbs, aux = _w("adverb"), _w("aux")
    # "Those sanctioned today include ...", "targets include ...", "sanctions include ..."
    k = j
    if trigger.kind != "noun" and _listed_class(keys, i, j):
        k = j + 1  # "The listed entities include ..."
    while k < n and k < j + 4 and (keys[k] in adverbs or keys[k] in ("on", "by") or keys[k][:1].isdigit()):
        k += 1
    if (
        k < n
        and keys[k] in _w("list_intro")
        and not (trigger.kind == "noun" and keys[k] in ("are", "is", "were"))
    ):
        return "list", tokens[k].end, min(len(text), tokens[k].end + _AFTER_WINDOW)
    if trigger.kind != "noun" and (inline := _FOLLOWING_INLINE.match(text, site.end)) is not None:
        return (
            "list",
            inline.end(),
            min(len(text), inline.end() + _AFTER_WINDOW),
        )  # "designated the following individual: X"
    if trigger.kind != "noun" and text[site.end : site.end + 2].strip().startswith(":"):
        return "list", site.end + 1, min(len(text), site.end + _AFTER_WINDOW)
    if trigger.kind == "ban":
        return _ban_zone(site)
    if trigger.kind == "passive":
        return "after", site.end, site.end  # states only: see `_passive_states`
    if trigger.kind == "noun" and passage.title and _headline_verb(site):
        return "after", site.end, _cut(text, site.end)  # "Treasury Sanctions X": a verb in a headline
    if trigger.kind == "noun" and (taken := _taken_off(passage, i)) is not None:
        return "after", tokens[taken].end, tokens[i - 2].start  # "took X off the Entity List"
    if trigger.kind == "noun":
        direct = _with_object(passage, i)
        if direct is not None:
            return "after", direct[0], direct[1]
        subject = [m for m in range(max(0, i - 4), i) if keys[m] in _w("subject_target")]
        if subject:
            first = subject[0]
            while first > 0 and keys[first - 1] in aux | adverbs:
                first -= 1
            return "before", _subject_start(passage, first), tokens[first].start
        k = _noun_object(passage, j)
        if k < n and (
            keys[k] in _w("object_prep")
            or (keys[k] == "to" and k > 0 and keys[k - 1] in _w("apply"))
            or (keys[k] == "of" and trigger.measure in ("designation", "asset_freeze"))
        ):
            return "after", tokens[k].end, _cut(text, tokens[k].end)
        if trigger.words[-1] == "of":
            return "after", site.end, _cut(text, site.end)
        return "after", site.end, site.end  # no object named
    # verbs: passive when an auxiliary stands before (skipping adverbs), or "by" follows
    m = i - 1
    while m >= 0 and keys[m] in adverbs:
        m -= 1
    passive = (m >= 0 and keys[m] in aux and keys[m] not in ("has", "have", "had")) or (
        j < n and keys[j] == "by"
    )
    if keys[j - 1].endswith("ing"):
        passive = False  # "is designating", "is adding": progressive, not passive
    if (
        not passive
        and i > 2
        and keys[i - 1] in ("assets", "property", "funds")
        and keys[i - 2] in ("their", "its", "his", "her")
        and keys[i - 3] in aux
    ):
        m, passive = i - 3, True  # "X and Y also had their assets frozen"
    if passive:
        first = m if m >= 0 and keys[m] in aux else i
        while first > 0 and keys[first - 1] in aux | adverbs:
            first -= 1
        return "before", _subject_start(passage, first), tokens[first].start
    inserted = _INSERTED.match(text, site.end)
    start = inserted.end() if inserted is not None else site.end
    return "after", start, _cut(text, start)


def _taken_off(passage: _Passage, i: int) -> int | None:
    """The token of "took" in "took X (and Y) off the <list>", when the list's name starts at token `i`."""
    keys = passage.keys
    if i < 3 or keys[i - 2] != "off" or keys[i - 1] != "the":
        return None
    for v in range(i - 3, max(-1, i - 16), -1):
        if keys[v] in ("took", "take", "takes", "taking", "taken"):
            return v if v < i - 3 else None
        if keys[v] in _w("prefix_block") and keys[v] not in ("and", "of"):
            return None
    return None


def _ban_zone(site: _Site) -> tuple[Mode, int, int]:
    """Where the named targets of a trade ban stand: after the "to" of an export ban ("prohibit exports of
    machine tools to X and Y"); an import ban names only states (see `_state_targets`)."""
    passage = site.passage
    keys, tokens, text = passage.keys, passage.tokens, passage.text
    if site.trigger.measure == "export_control":
        for k in range(site.j, min(len(keys), site.j + _GOODS_WORDS)):
            if keys[k] == "to":
                return "after", tokens[k].end, _cut(text, tokens[k].end)
            if any(stop in text[tokens[k - 1].end : tokens[k].start] for stop in ";:()"):
                break
    return "after", site.end, site.end


def _headline_verb(site: _Site) -> bool:
    """ "Treasury Sanctions ...", "UK Sanctions ...": "Sanctions" right after an imposer, before a name."""
    passage = site.passage
    if site.trigger.words != ("sanctions",) or site.i == 0 or site.j >= len(passage.keys):
        return False
    if passage.keys[site.j] in _w("object_prep") or not passage.tokens[site.j].text[:1].isupper():
        return False
    before = passage.tokens[site.i - 1].end
    return any(mention.end == before and _is_imposer(mention) for mention in passage.mentions)


def _is_imposer(mention: Mention) -> bool:
    return mention.ref.name in _authorities() or (
        mention.ref.kind == "state" and (mention.ref.country or "") in _sanctioners()
    )


def _with_object(passage: _Passage, i: int) -> tuple[int, int] | None:
    """The object of "hit / threaten / slap X with sanctions": its span, when the noun at token `i` is so used."""
    keys, tokens = passage.keys, passage.tokens
    w = i - 1
    while w > 0 and keys[w] in _w("with_adjective"):
        w -= 1
    if w < 2 or keys[w] != "with":
        return None
    for v in range(w - 2, max(-1, w - 8), -1):
        if keys[v] in _w("with_verb"):
            if v > 0 and keys[v - 1] in _w("aux") and keys[v - 1] not in ("has", "have", "had"):
                return None  # "X were hit with sanctions": the passive reading names X before
            return tokens[v].end, tokens[w].start
        if keys[v] in _w("prefix_block"):
            return None
    return None


def _noun_object(passage: _Passage, j: int) -> int:
    """The token after a sanctions noun (ending at token `j`) where its object's preposition may stand.

    Skips a few function words ("the sanctions package imposed on"), a verb of
    applying ("apply to"), and a cited basis ("sanctions under the Special
    Economic Measures (Haiti) Regulations on two individuals").
    """
    keys, tokens = passage.keys, passage.tokens
    n = len(keys)
    skip, apply = _w("noun_skip"), _w("apply")
    k, budget = j, 4
    while k < n and budget > 0:
        if keys[k] == "to" and k > j and keys[k - 1] in apply:
            break
        if keys[k] in skip or keys[k] in apply:
            k, budget = k + 1, budget - 1
            continue
        if keys[k] in ("under", "pursuant"):
            cited = [c for c in passage.citations if tokens[k].end <= c.start <= tokens[k].end + 24]
            if cited:
                k = bisect_left(passage.token_starts, cited[0].end)
                budget -= 1
                continue
        break
    return k


def _subject_start(passage: _Passage, first: int) -> int:
    """Where the subject before token `first` begins: after the last reporting verb or clause break."""
    tokens, text, keys = passage.tokens, passage.text, passage.keys
    reporting = _w("reporting")
    limit = tokens[first].start - _BEFORE_WINDOW
    for m in range(first - 1, -1, -1):
        if tokens[m].start < limit:
            return tokens[m + 1].start
        if keys[m] in reporting and not (
            keys[m] in _RELATIVE
            and _APPOSED_BEFORE.search(text, max(0, tokens[m].start - 80), tokens[m].start)
        ):  # "X, a Chinese firm that hosts ..., was designated": a relative clause inside the subject
            return tokens[m].end
        gap = text[tokens[m].end : tokens[m + 1].start]
        if any(ch in gap for ch in ";:—\n"):
            return tokens[m].end
    return 0


def _new_subject_at(text: str, at: int) -> bool:
    """Whether ", and " at `at` opens a clause with a named subject of its own: ", and the United Kingdom
    sanctioned ...", ", and Canada has frozen ...". The name is then no further target of a list before it."""
    k = at + len(", and ")
    if text.startswith("the ", k):
        k += len("the ")
    names = 0
    while names < 4 and k < len(text) and text[k].isupper():
        space = text.find(" ", k)
        if space == -1:
            return False
        k = space + 1
        names += 1
    if names == 0:
        return False
    word = _next_word(text, k - 1)
    while word in _w("adverb"):
        k = text.find(" ", k) + 1
        if k == 0:
            return False
        word = _next_word(text, k - 1)
    return (
        word in _w("aux")
        or word in _CLAUSE_VERBS
        or (word.isalpha() and word.endswith("ed"))
        or _governing(word)
    )


_CLAUSE_VERBS = frozenset(["will", "would", "could", "may", "might", "froze", "freezes", "sanctions", "said"])
"""Verbs that, besides the auxiliaries, past forms and `_governing` words, make a name after ", and " a
subject (`_new_subject_at`)."""


def _clause_end(text: str, start: int, end: int) -> int:
    """Where, between `start` and `end`, a clause with a subject of its own begins (`_new_subject_at`),
    else `end`."""
    at = text.find(", and ", start, end)
    while at != -1:
        if _new_subject_at(text, at):
            return at
        at = text.find(", and ", at + 1, end)
    return end


_CLAUSE_BREAKS = (", while ", ", whereas ", "; ")


def _clause_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause of the sentence `text` that holds `start`..`end`: bounded by ", while", ", whereas", a
    semicolon, or ", and" before a subject of its own ("Japan froze assets, while Australia banned exports":
    the freeze is no measure of Australia's)."""
    lo, hi = 0, len(text)
    for mark in _CLAUSE_BREAKS:
        before = text.rfind(mark, 0, start)
        if before != -1:
            lo = max(lo, before + len(mark))
        after = text.find(mark, end)
        if after != -1:
            hi = min(hi, after)
    at = text.rfind(", and ", lo, start)
    while at != -1:
        if _new_subject_at(text, at):
            lo = at + len(", and ")
            break
        at = text.rfind(", and ", lo, at)
    return lo, _clause_end(text, end, hi)


def _cut(text: str, start: int) -> int:
    """Where the object after a sanctions word ends: the first word of a reason or a circumstance, or a
    clause with a subject of its own."""
    limit = min(len(text), start + _AFTER_WINDOW)
    end = _clause_end(text, start, limit)
    for match in _CUT.finditer(text, start, limit):
        if text[start : match.start()].strip():
            end = match.start()
            break
    for stop in (". ", "! ", "? "):
        found = text.find(stop, start, end)
        while found != -1 and _inside_abbreviation(text, found):
            found = text.find(stop, found + 2, end)
        if found != -1:
            end = found
    return end


def _inside_abbreviation(text: str, dot: int) -> bool:
    """Whether the stop at `dot` ends an abbreviation rather than a sentence ("Co. ", "Corp. from")."""
    if text[dot + 2 : dot + 3].islower():
        return True  # "Zhongke Corp. from the list": a sentence does not go on in lower case
    word = _PREVIOUS_WORD.search(text, max(0, dot - 12), dot + 1)
    return word is not None and (len(word.group(1).rstrip(".")) <= 3 or "." in word.group(1).rstrip("."))


def _trailing_list(passage: _Passage, lo: int, hi: int) -> list[_Entity]:
    """Targets listed after an object that counts or names their class, past a reason or a place.

    "added 12 companies to the Entity List for ..., including X and Y", "designated
    X along with three companies he controls: Y and Z", "target senior members of
    the Guard, including X and Y" (an uncounted class only as the object itself).
    """
    text = passage.text
    limit = min(len(text), hi + 400)
    mark = _LIST_MARK.search(text, hi, limit)
    if mark is None:
        return []
    if _COUNTED_CLASS.search(text, lo, mark.start()) is None and _NAMED_CLASS.search(text, lo, hi) is None:
        return []
    end = min(len(text), mark.end() + _AFTER_WINDOW)
    return _heads(passage, mark.end(), end)


def _as_vessel(entity: _Entity) -> _Entity:
    """A one-word name in a list of ships names a vessel, not a surname."""
    name = entity.name
    if name is None or not name.partial:
        return entity
    ship = name.as_company(vessel=True)
    return _Entity(entity.start, entity.end, entity.key, name=ship, aliases=entity.aliases)


def _as_body(entity: _Entity) -> _Entity:
    """A one-word name in a list of companies or entities names a company ("28 entities, including
    Hikvision and Dahua"), not a surname."""
    name = entity.name
    if name is None or not name.partial:
        return entity
    body = name.as_company(vessel=name.vessel)
    return _Entity(entity.start, entity.end, entity.key, name=body, aliases=entity.aliases)


def _as_entry(entity: _Entity, body: bool) -> _Entity:
    """An entry listed under "Entities" names a body even where its words read as a person's name."""
    name = entity.name
    if not body or name is None or name.kind != "person":
        return entity
    company = name.as_company(vessel=name.vessel)
    return _Entity(entity.start, entity.end, entity.key, name=company, aliases=entity.aliases)


def _resumed_list(passage: _Passage, hi: int) -> list[_Entity]:
    """Targets that resume a list after a relative or reason clause, up to the sentence's end.

    "sanctioned X, which supplied parts for missiles, and Hong Kong-based Y, accused
    of ...", "designated X, which arranged shipments from Rajin, as well as the
    cargo vessel Z": each ", and" / ", as well as" that a name follows adds it.
    """
    text = passage.text
    out: list[_Entity] = []
    cursor = hi
    for _ in range(8):
        mark = _RESUME.search(text, cursor, min(len(text), cursor + _AFTER_WINDOW))
        if mark is None or _sentence_stop(text, cursor, mark.start()):
            break
        end = _cut(text, mark.end())
        heads = _heads(passage, mark.end(), end)
        if heads and _DESCRIPTOR_BEFORE.fullmatch(text, mark.end(), heads[0].start) is not None:
            out.append(heads[0])
            out.extend(h for h in heads[1:] if _LISTED.fullmatch(text, out[-1].end, h.start))
        cursor = max(end, mark.end())
    return out


def _sentence_stop(text: str, start: int, end: int) -> bool:
    for stop in (". ", "! ", "? "):
        found = text.find(stop, start, end)
        while found != -1 and _inside_abbreviation(text, found):
            found = text.find(stop, found + 2, end)
        if found != -1:
            return True
    return False


def _follows_list(passage: _Passage) -> bool:
    """A sentence without a sanctions word that introduces the list of the announcement before it
    ("The measures cover transactions with the following entities:")."""
    text = passage.text.rstrip()
    return (
        text.endswith(":")
        and (
            (
                "following" in passage.lowered[-80:]
                and _NAMED_CLASS.search(text, max(0, len(text) - 80)) is not None
            )
            or _CLASS_INTRO.search(text, max(0, len(text) - 80))
            is not None  # "..., BIS said the entities were:"
        )
        and not _CUE_PHRASES.found_in(passage.lowered)
    )


def _introduces_list(text: str, after: int) -> bool:
    rest = text[after : after + 400]
    return text[-40:].rstrip().endswith(":") or "following" in rest.lower()


# ---------------------------------------------------------------------------------------------- states


def _state_targets(site: _Site, measure: Measure) -> list[_Entity]:
    """States a country-wide measure falls on: "sanctions on Russia", "the South Sudan arms embargo"."""
    passage, i, j, trigger = site.passage, site.i, site.j, site.trigger
    text, tokens, keys = passage.text, passage.tokens, passage.keys
    # within the clause: "Japan froze the assets of X, while Australia banned exports to Russia" puts
    # no measure of Japan's on Russia
    clause_lo, clause_hi = _clause_bounds(text, site.start, site.end)
    lo = max(clause_lo, site.start - _BEFORE_WINDOW)
    hi = min(clause_hi, site.end + _AFTER_WINDOW)
    states = passage.states(lo, hi)
    out: list[_Entity] = []
    if trigger.kind in ("noun", "verb") and states:
        # the object: "sanctions (imposed) on Russia (and Belarus)", "sanctioned Iran"
        at = -1
        if trigger.kind == "noun":
            k = _noun_object(passage, j)
            if k < len(keys) and keys[k] in _w("object_prep") and _governed(passage, i, j):
                at = tokens[k].end
            direct = _with_object(passage, i)
            if direct is not None:
                at = direct[0]
        elif trigger.words[-1] != "of":
            at = site.end
        if at >= 0:
            out.extend(_state_chain(text, states, at))
    if trigger.kind == "noun" and states and trigger.words[-1] != "list":
        # "<state> sanctions", "<state> arms embargo", for a state that does not sanction on its own;
        # "the Haiti sanctions list" names the regime whose list it is, not a target
        previous = [e for e in states if e.end <= site.start and not text[e.end : site.start].strip()]
        if previous and _governed(passage, i, j):
            state = previous[-1]
            embargo = measure in ("arms_embargo", "trade_restriction")
            if not any(e.start >= site.end for e in out) and (embargo or state.key not in _sanctioners()):
                out.append(state)
    if trigger.kind == "noun":
        out.extend(_economy_targets(passage, j))
    if measure == "export_control":
        # "export controls on Russia's military", "in response to Russia's invasion": the measure falls on
        # the state; "for supporting Russia's military" names whom the targets helped, not a target
        out.extend(
            e
            for e in states
            if _STATE_MILITARY.match(text, e.end) and _AIMED_AT.search(text, max(0, e.start - 40), e.start)
        )
        for mention in passage.mentions:
            if (
                lo <= mention.start < hi
                and mention.form == "adjective"
                and mention.ref.country
                and _ADJECTIVE_MILITARY.match(text, mention.end)
                and _AIMED_AT.search(text, max(0, mention.start - 40), mention.start)
            ):
                ref = country(mention.ref.country)
                if ref is not None:
                    out.append(
                        _Entity(mention.start, mention.end, mention.ref.country, ref, ref.name, state=True)
                    )
    if states and _prohibits(passage, lo, hi):
        for state in states:
            if _EXPORTS_TO.search(text, max(0, state.start - 120), state.start):
                # with the states coordinated with it: "exports of machine tools to Russia and Belarus"
                out.extend(_state_chain(text, states, state.start))
    if trigger.kind == "ban" and measure == "trade_restriction":
        out.extend(_import_origins(passage, site))
    if trigger.kind == "passive":
        out.extend(_passive_states(passage, site, measure))
    return out


def _prohibits(passage: _Passage, lo: int, hi: int) -> bool:
    """Exactly `_PROHIBIT.search(passage.text, lo, hi) is not None`.

    For ASCII text by `str.find` of each word in the lowered text (the same offsets; ignoring case is
    lowering there), each occurrence kept when no word character stands before it (`\\b`, which looks
    at the character before `lo` too): a case-insensitive alternation has no literal prefix, and the
    regex engine tries it at every character.
    """
    text = passage.text
    if not text.isascii():
        return _PROHIBIT.search(text, lo, hi) is not None
    lowered = passage.lowered
    for word in _PROHIBIT_WORDS:
        at = lowered.find(word, lo, hi)
        while at != -1:
            if at == 0 or not _word_char(lowered[at - 1]):
                return True
            at = lowered.find(word, at + 1, hi)
    return False


def _passive_states(passage: _Passage, site: _Site, measure: Measure) -> list[_Entity]:
    """The states a passive ban names before its verb: where exports may not go ("exports of chips to
    Russia and Belarus are prohibited"), or whose goods may not come in ("imports of Russian steel were
    banned", "imports of aluminium from Russia")."""
    text = passage.text
    lo = max(0, site.start - 240, text.rfind(". ", 0, site.start) + 1, text.rfind("; ", 0, site.start) + 1)
    out: list[_Entity] = []
    mentions = passage.mentions
    starts = passage.mention_starts
    for mention in mentions[bisect_left(starts, lo) : bisect_left(starts, site.start)]:
        if mention.ref.kind != "state" or not mention.ref.country:
            continue
        before = text[max(lo, mention.start - 140) : mention.start]
        if measure == "export_control":
            wanted = mention.form != "adjective" and (
                _EXPORTS_TO.search(before.lower()) is not None
                or (bool(out) and _LISTED.fullmatch(text, out[-1].end, mention.start) is not None)
            )  # "to Russia and Belarus"
        elif mention.form == "adjective":
            wanted = _GOODS_OF.search(before.lower()) is not None
        else:
            wanted = _FROM_STATE.search(before) is not None and "import" in before.lower()
        ref = country(mention.ref.country) if wanted else None
        if ref is not None:
            out.append(_Entity(mention.start, mention.end, mention.ref.country, ref, ref.name, state=True))
    return out


def _economy_targets(passage: _Passage, j: int) -> list[_Entity]:
    """The state whose economy a measure targets: "restrictive measures targeting specific sectors of the
    Russian economy", "sanctions on Iran's economy" (right after the noun's preposition)."""
    keys, tokens, text = passage.keys, passage.tokens, passage.text
    k = _noun_object(passage, j)
    if k >= len(keys) or keys[k] not in _w("object_prep"):
        return []
    if not any(key in ("economy", "sector", "sectors") for key in keys[k : k + 10]):
        return []
    lead = _ECONOMY_LEAD.match(text, tokens[k].end)
    at = lead.end() if lead is not None else tokens[k].end
    for mention in passage.mentions:
        if mention.start == at and mention.ref.kind == "state" and mention.ref.country:
            if _ECONOMY_AFTER.match(text, mention.end) is None:
                return []
            ref = country(mention.ref.country)
            if ref is None:
                return []
            return [_Entity(mention.start, mention.end, mention.ref.country, ref, ref.name, state=True)]
    return []


def _import_origins(passage: _Passage, site: _Site) -> list[_Entity]:
    """The states whose goods an import ban shuts out: "imports of Russian steel", "the import of aluminum
    from Russia" (within the sentence, after the ban's words)."""
    text = passage.text
    hi = min(len(text), site.end + 160)
    stop = min(
        (at for at in (text.find(". ", site.end, hi), text.find(";", site.end, hi)) if at != -1), default=hi
    )
    out: list[_Entity] = []
    for mention in passage.mentions:
        if not (site.start <= mention.start < stop) or mention.ref.kind != "state" or not mention.ref.country:
            continue
        before = text[max(site.start, mention.start - 80) : mention.start]
        if mention.form == "adjective":
            if not _GOODS_OF.search(before):
                continue  # "imports of Russian steel"; not "aluminum for Japanese carmakers"
        elif not _FROM_STATE.search(before):
            continue  # "products from Russia"
        ref = country(mention.ref.country)
        if ref is not None:
            out.append(_Entity(mention.start, mention.end, mention.ref.country, ref, ref.name, state=True))
    return out


def _state_chain(text: str, states: list[_Entity], at: int) -> list[_Entity]:
    """States named right at `at`, and those coordinated with them ("on Russia and Belarus")."""
    out: list[_Entity] = []
    cursor = at
    for state in states:
        if state.start < cursor:
            continue
        gap = text[cursor : state.start]
        if not (_ADJACENT.fullmatch(gap) or (out and _LISTED.fullmatch(gap))):
            break
        possessive = text[state.end : state.end + 2] in ("'s", "’s")
        if possessive and _next_word(text, state.end + 2) in _w("government"):
            out.append(state)  # "Somalia's government"
            break
        if possessive or text[state.end : state.end + 1] == "-":
            break  # "Russia's central bank", "Russia-based firms"
        if _governs(text, state.end):
            out.append(state)  # "the Somali government"
            break
        if text[state.end : state.end + 1] == " ":
            word = _raw_next_word(text, state.end)
            if word and word.lower() not in word_class("closer") and word not in word_class("stop"):
                break  # "Haiti gangs", "Iran Air", "Russia Oil Exports": the state describes the object
        out.append(state)
        cursor = state.end
    return out


def _governs(text: str, end: int) -> bool:
    """Whether the state named up to `end` is followed by its government ("the Somali government")."""
    return text[end : end + 1] == " " and _next_word(text, end) in _w("government")


def _governed(passage: _Passage, i: int, j: int) -> bool:
    """Whether a verb of imposing, extending, lifting or threatening governs the sanctions noun."""
    if passage.title:
        return _GOVERNING.search(passage.text[:2000]) is not None
    keys = passage.keys
    return any(_governing(k) for k in keys[max(0, i - 8) : i] + keys[j : j + 3])


# ---------------------------------------------------------------------------------------------- attributes


def _measure(site: _Site) -> Measure:
    trigger = site.trigger
    if trigger.kind == "passive":
        return _passive_trade(site.passage, site.i) or trigger.measure
    lowered = site.passage.lowered[max(0, site.start - _BEFORE_WINDOW) : site.end + _AFTER_WINDOW]
    if trigger.kind == "list":
        if _has_any(lowered, ("entity list", "end-user list", "unverified list", "trade blacklist")):
            return "export_control"
        return "designation"
    if trigger.words[-1] in ("embargo", "embargoes") and _MILITARY_WORD.search(lowered):
        return "arms_embargo"
    return trigger.measure


_EXTRA_MEASURES: tuple[tuple[str, Measure], ...] = (
    ("asset freeze", "asset_freeze"),
    ("freez", "asset_freeze"),
    ("froze", "asset_freeze"),
    ("blocked", "asset_freeze"),
    ("travel ban", "travel_ban"),
    ("entry ban", "travel_ban"),
    ("visa", "travel_ban"),
    ("banned from entering", "travel_ban"),
    ("barred from entering", "travel_ban"),
    ("ineligible for entry", "travel_ban"),
    ("inadmissible to", "travel_ban"),
    ("arms embargo", "arms_embargo"),
    ("export control", "export_control"),
    ("export ban", "export_control"),
    ("entity list", "export_control"),
    ("prohibited from being exported", "export_control"),
    ("import ban", "trade_restriction"),
    ("trade restriction", "trade_restriction"),
)


def _measures(first: Measure, site: _Site, targets: list[_Entity]) -> list[Measure]:
    """The sanctions word's measure and the other measures the passage names around it."""
    out: list[Measure] = [first]
    lo, hi = _clause_bounds(site.passage.text, site.start, site.end)
    lowered = site.passage.lowered[max(lo, site.start - _BEFORE_WINDOW) : min(hi, site.end + _AFTER_WINDOW)]
    for needle, measure in _EXTRA_MEASURES:
        if measure not in out and needle in lowered:
            out.append(measure)
    if first == "designation" and targets and all(e.state for e in targets):
        # sanctions on a whole state restrict its trade; designation is for named persons and bodies
        out[0] = "trade_restriction" if "trade_restriction" not in out else "other"
        out = list(dict.fromkeys(out))
    return out


def _past_year(text: str, lo: int, hi: int) -> re.Match[str] | None:
    """`_PAST_YEAR.search(text, lo, hi)`; None at once where `text[lo:hi]` holds neither "19" nor "20",
    with which every year it matches begins."""
    if text.find("19", lo, hi) == -1 and text.find("20", lo, hi) == -1:
        return None
    return _PAST_YEAR.search(text, lo, hi)


def _of_the_past(text: str, start: int, end: int) -> bool:
    """Whether the sentence around `start`..`end` dates its listing to a past year and not to the news
    it reports ("In 2023, OFAC designated X", "X was added to the list in 2019"): background, not an event.
    A year after the sanctions word counts only in the same clause ("..., which it said bought oil since
    2024" dates the buying)."""
    stop = text.rfind(". ", max(0, start - 300), start)
    lo = stop + 2 if stop >= 0 else max(0, start - 300)
    hi = text.find(". ", end, end + 300)
    hi = hi if hi >= 0 else end + 300
    # a past year is looked for first: most sentences name none, and then the words of the present
    # need no search
    if _past_year(text, lo, start) is None:
        after = _past_year(text, end, min(hi, end + 100))
        if after is None or _CLAUSE_BREAK.search(text, end, after.start()) is not None:
            return False
    return _NOW.search(text, lo, hi) is None


def _status(site: _Site) -> SanctionStatus:
    """lifted, threatened or planned from the words around the sanctions word; imposed otherwise."""
    statuses = _statuses()
    keys = site.passage.keys
    window = keys[max(0, site.i - 8) : site.j]
    if site.trigger.kind == "noun":
        window = window + keys[site.j : site.j + 5]
    found = {statuses[w] for w in window if w in statuses}
    if site.trigger.words[0] in _AUTHORIZING:
        found.add("lifted")  # "a license authorizing transactions with X": relief
    if site.trigger.kind == "noun" and _taken_off(site.passage, site.i) is not None:
        found.add("lifted")
    if _infinitive_plan(site):
        found.add("planned")
    for status in ("lifted", "threatened", "planned"):
        if status in found:
            return cast(SanctionStatus, status)
    return "imposed"


def _infinitive_plan(site: _Site) -> bool:
    """ "US to impose sanctions", "Canada is set to sanction X": an announced future action."""
    keys, tokens = site.passage.keys, site.passage.tokens
    for k in range(max(1, site.i - 6), site.i):
        if keys[k] != "to":
            continue
        if not ((k + 1 == site.i and site.trigger.kind != "noun") or _governing(keys[k + 1])):
            continue  # "US to sanction X", "EU to impose ...", not "adds 37 entities to Entity List"
        subject = tokens[k - 1].text
        if (subject[:1].isupper() and keys[k - 1] not in _w("time")) or keys[k - 1] in _w("about_to"):
            return True  # "US to impose", not "decided on Friday to freeze"
    return False


def _previous_word(text: str, start: int) -> str:
    """The word `_PREVIOUS_WORD.search(text, max(0, start - 40), start)` finds, in lower case; "" if none.

    Found by walking back rather than by trying the pattern at each place of the window. A match is a
    run of word characters and marks (`_in_word`) followed by nothing but non-word characters up to
    `start`, and the first place it can start is the first of the run that holds the last word
    character (no run can start before it and still reach past that character); with no word character
    in the window, the first mark. The run is then taken as far as it goes, as the pattern does.
    """
    lo = max(0, start - 40)
    end = start
    while end > lo and not _word_char(text[end - 1]):
        end -= 1
    if end > lo:
        at = end - 1
        while at > lo and _in_word(text[at - 1]):
            at -= 1
    else:
        at = lo
        while at < start and not _in_word(text[at]):
            at += 1
        if at == start:
            return ""
    stop = at
    while stop < start and _in_word(text[stop]):
        stop += 1
    return text[at:stop].lower()


def _word_char(char: str) -> bool:
    """Whether `\\w` matches a character (`str.isalnum` is the same test of the Unicode data)."""
    return char.isalnum() or char == "_"


def _in_word(char: str) -> bool:
    """Whether `[\\w'’.-]` (a word of `_PREVIOUS_WORD`) matches a character."""
    return char.isalnum() or char in "_'’.-"


def _raw_next_word(text: str, end: int) -> str:
    """The word after `end`, without a sentence's final stop ("today." is "today"; "U.S." stays)."""
    match = _NEXT_WORD.match(text, end, end + 40)
    if match is None:
        return ""
    word = match.group(1)
    return word[:-1] if word.endswith(".") and word.count(".") == 1 else word


def _next_word(text: str, end: int) -> str:
    return _raw_next_word(text, end).lower()


# ---------------------------------------------------------------------------------------------- events


def _events(
    findings: Sequence[_Finding],
    citations: Sequence[tuple[Citation, tuple[str, ...]]],
    bare: Sequence[_Finding] = (),
) -> list[SanctionDraft]:
    """One event per imposers and status; the measures of `bare` findings (no target named: "barring them
    from entering the country", "The measures include travel bans") join the event they announce."""
    events: dict[tuple[tuple[str, ...], str], _Event] = {}
    for finding in findings:
        keys = tuple(sorted(imp.key for imp in finding.imposers))
        event = events.setdefault((keys, finding.status), _Event())
        for imposer in finding.imposers:
            current = event.imposers.get(imposer.key)
            if current is None:
                event.imposers[imposer.key] = _Imposer(
                    imposer.key, imposer.actor, imposer.authority, imposer.rank
                )
            else:
                current.actor = _with_aliases(current.actor, imposer.actor.aliases)
            if imposer.authority and (event.authority is None or imposer.rank < event.authority[0]):
                event.authority = (imposer.rank, imposer.authority)
        for entity in finding.targets:
            actor = entity.actor()
            existing = event.targets.get(entity.key)
            event.targets[entity.key] = actor if existing is None else _with_aliases(existing, actor.aliases)
        event.measures.extend(m for m in finding.measures if m not in event.measures)
        event.legal.extend(c.basis for c in finding.legal if c.basis not in event.legal and _fits(c, keys))
        event.evidence.extend(finding.evidence)
        event.carried = event.carried and finding.carried
    for finding in bare:
        keys = tuple(sorted(imp.key for imp in finding.imposers))
        if (target_event := events.get((keys, finding.status))) is not None:
            target_event.measures.extend(m for m in finding.measures if m not in target_event.measures)
    for (keys, status), event in list(events.items()):
        done = events.get((keys, "imposed"))
        if status == "planned" and done is not None and event.targets.keys() <= done.targets.keys():
            # "X is sanctioned today ... X will also be subject to a travel ban": one listing, more measures
            done.measures.extend(m for m in event.measures if m not in done.measures)
            done.evidence.extend(s for s in event.evidence if s not in done.evidence)
            del events[(keys, status)]
    drafts = []
    for (keys, status), event in events.items():
        legal = event.legal or [c.basis for c, owner in citations if _fits(c, keys, owner)]
        confidence = (0.6 if event.carried else 0.8) + (0.05 if legal else 0.0)
        drafts.append(
            SanctionDraft(
                imposers=[imp.actor for imp in event.imposers.values()],
                targets=list(event.targets.values()),
                measures=event.measures,
                status=cast(SanctionStatus, status),
                evidence=event.evidence,
                authority=event.authority[1] if event.authority else None,
                legal_basis=list(dict.fromkeys(legal)),
                confidence=confidence,
            )
        )
    return drafts


@cache
def _laws() -> tuple[tuple[str, str], ...]:
    return tuple((words, owner) for words, owner in rows("sanctions_laws.tsv"))


def _fits(citation: Citation, imposer_keys: tuple[str, ...], owner: tuple[str, ...] | None = None) -> bool:
    """Whether `citation` can be the basis of an event of these imposers.

    An executive order is a US basis, an EU act an EU one, a law of
    `data/sanctions_laws.tsv` its enacting state's; any other basis fits the
    imposers whose announcement cites it (`owner`; None: cited in the event's
    own sentence).
    """
    if citation.family == "eo":
        return "USA" in imposer_keys
    if citation.family == "eu":
        return "European Union" in imposer_keys
    if citation.family == "law":
        for words, enacted_by in _laws():
            if words in citation.basis:
                return enacted_by in imposer_keys
    return owner is None or bool(set(owner) & set(imposer_keys))
