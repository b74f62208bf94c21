"""The name checks' shortcuts against plain readings of their rules, on many generated articles.

Each fast path (a batch lower-case test, sentence openings as a set, spellings
grouped in bulk, clustering only shared keys, the house dictionary asked only
about words it indexes) must give exactly what the plain reading gives: a
shortcut that drifts would silently change what editors are told.
"""
from __future__ import annotations

import random
from pathlib import Path

import pytest

from newslint.checks import names as names_check
from newslint.checks.base import CheckContext
from newslint.checks.names import NameInconsistent, NameRecord, Spelling, article_spellings, related
from newslint.config import Config
from newslint.document import Document, normalize
from newslint.markup import parse_document
from newslint.names.candidates import (
    Candidate,
    candidates_in,
    candidates_of,
    first_candidate,
    written_in_lower_case,
    written_in_lower_case_among,
)
from newslint.names.dictionary import HouseDictionary
from newslint.names.translit import spelling_keys

BUILTIN = HouseDictionary.load()
ROOT = Path(__file__).resolve().parents[1]

#: Pieces that exercise the rules: names and their variants, particles, possessives,
#: words also written in lower case, capitals, sentence openings, quotes, bullets and "said".
PIECES = [
    "Sergei", "Sergey", "Lavrov", "Lavrov's", "Kiev", "kiev", "Kyiv", "Oleksiy", "Oleksii", "Hromenko",
    "al-Qaeda", "el-Tayyeb", "Al-Qaeda", "Tayyeb", "Vladimir", "Zelensky", "Putin", "Odessa", "Texas",
    "Philip", "Phillip", "Dunmore", "NATO", "The", "the", "Officials", "officials", "said", "told",
    "Iran", "Iraq", "Navalny", "Navalnaya", "McDonald", "Mcdonald", "O'Neil", "iPhone", "J.", "2024",
    "Dnipropetrovsk", "in", "of", "Nikolayev", "Yuri", "chicken", "Qaddafi", "Gaddafi", "\u00c9lys\u00e9e",
    "\u0141\u00f3d\u017a", "\u0142\u00f3d\u017a", "Kravets", "Kravetz", "Ivanov", "Sergeis",
    # non-Latin: Cyrillic and Greek names, one also written in lower case, and a Greek capital word
    "\u0421\u0435\u0440\u0433\u0435\u0439", "\u0441\u0435\u0440\u0433\u0435\u0439", "\u0421\u0435\u0440\u0433\u0435\u0438",
    "\u0391\u03b8\u03ae\u03bd\u03b1", "\u0391\u0398\u0397\u039d\u0391",
]
SEPARATORS = [" ", " ", " ", "  ", ", ", ". ", ".\n", "\n\n", " \"", "\" ", " (", ") ", "-", " - ", "\u2014",
              "'s ", ": ", "\n* ", "\n# ", "! ", "? ", "\n1. "]


def random_articles(count: int, seed: int):
    rng = random.Random(seed)
    for _ in range(count):
        text = "".join(rng.choice(PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randint(1, 40)))
        doc, _ = parse_document("a.txt", text, rng.choice(["text", "markdown"]))
        yield doc


def real_articles():
    folders = [ROOT / "examples", ROOT / "tests" / "data", ROOT / "benchmarks" / "corpus"]
    paths = sorted(p for folder in folders if folder.is_dir() for p in folder.rglob("*") if p.suffix in (".txt", ".md"))
    for path in paths[:400]:
        doc, _ = parse_document(str(path), path.read_text(encoding="utf-8", errors="replace"), None)
        yield doc


def articles():
    yield from random_articles(1500, seed=3)
    yield from real_articles()


# -- plain readings -------------------------------------------------------------------------------

def plain_name_like(doc: Document, cand: Candidate) -> bool:
    """Find the sentence; a word that opens it (after quotes and bullets) is a name only before "said" or "'s"."""
    index = doc.sentence_index(cand.particle_start)
    start = doc.sentences[index].start if index is not None else 0
    if doc.normalized[start : cand.particle_start].strip(names_check._QUOTES_AND_BULLETS):
        return True
    return names_check._NAME_FOLLOWS.match(doc.normalized, cand.end) is not None


def plain_spellings(doc: Document, min_length: int) -> dict[str, tuple]:
    """Every candidate visited in turn, each test asked word by word."""
    candidates = name_candidates_plain(doc)
    norm = doc.normalized
    out: dict[str, tuple] = {}
    for i, cand in enumerate(candidates):
        word = cand.word
        if word.isupper() or sum(c.isalpha() for c in word) < min_length:
            continue
        if written_in_lower_case(doc, word.casefold()):
            continue
        display = f"{cand.particle}-{word}" if cand.particle else word
        key = display.casefold()
        if key not in out:
            out[key] = (display, word, cand.particle.casefold(), [], set())
        occurrences, neighbours = out[key][3], out[key][4]
        occurrences.append(cand)
        for j in (i - 1, i + 1):
            if 0 <= j < len(candidates):
                left, right = sorted((candidates[j], cand))
                if right.particle_start - left.end == 1 and norm[left.end] == " " and not candidates[j].word.isupper():
                    neighbours.update(spelling_keys(candidates[j].word))
    return {k: s for k, s in out.items() if s[4] or any(plain_name_like(doc, c) for c in s[3])}


def name_candidates_plain(doc: Document) -> list[Candidate]:
    return [Candidate(*c) for c in candidates_of(doc)]


def plain_clusters(spellings: dict, dictionary: HouseDictionary) -> list[list[str]]:
    """Compare every pair of spellings that share a key; join the related ones."""
    groups = {k: {k} for k in spellings}
    ids = list(spellings)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            sa, sb = spellings[a], spellings[b]
            if set(spelling_keys(sa.word)) & set(spelling_keys(sb.word)) and related(
                sa.word, sa.particle, sa.neighbours, sb.word, sb.particle, sb.neighbours, dictionary
            ):
                merged = groups[a] | groups[b]
                for k in merged:
                    groups[k] = merged
    return sorted({tuple(sorted(g)) for g in groups.values() if len(g) > 1})


# -- the comparisons --------------------------------------------------------------------------------

def test_lower_case_words_asked_at_once_agree_with_asking_one_by_one(monkeypatch):
    from newslint.names import candidates

    for limit in (64, 5):  # 5: a document asked about many words lists every lower-case word instead
        monkeypatch.setattr(candidates, "_FIND_LIMIT", limit)
        for doc in random_articles(600, seed=limit):
            words = {c.word for c in candidates_of(doc)} | {"Kievan", "Theme", "Stra\u00dfe"}
            fresh, _ = parse_document("b.txt", doc.text, doc.kind)
            expected = {w for w in words if written_in_lower_case(fresh, w.casefold())}
            assert written_in_lower_case_among(doc, words) == expected, doc.text


def test_sentence_openings_agree_with_finding_each_words_sentence():
    for doc in articles():
        openings = names_check._sentence_openings(doc)
        for cand in candidates_of(doc):
            fast = names_check._name_like(doc.normalized, openings, cand)
            assert fast == plain_name_like(doc, cand), (doc.path, doc.text[max(0, cand.start - 40) : cand.end + 10])


@pytest.mark.parametrize("min_length", [4, 2, 7])
def test_article_spellings_agree_with_visiting_every_candidate(min_length):
    for doc in articles():
        fast = article_spellings(doc, min_length)
        assert all(isinstance(s, Spelling) for s in fast.values())
        plain = plain_spellings(doc, min_length)
        assert list(fast) == list(plain), doc.text  # same spellings, in order of first use
        for key, spelling in fast.items():
            display, word, particle, occurrences, neighbours = plain[key]
            assert (spelling.display, spelling.word, spelling.particle) == (display, word, particle)
            assert spelling.occurrences == occurrences and spelling.neighbours == neighbours


def test_clusters_of_shared_keys_agree_with_comparing_every_pair():
    compared = 0
    for doc in articles():
        spellings = article_spellings(doc, 4)
        keys = {k: spelling_keys(s.word) for k, s in spellings.items()}
        fast = names_check._clusters(keys, lambda k: names_check._COMPARED(spellings[k]), lambda: BUILTIN)
        expected = plain_clusters(spellings, BUILTIN)
        assert sorted(map(tuple, fast)) == expected, doc.text
        compared += bool(expected)
    assert compared > 50  # the generated articles do have names spelled two ways


def test_house_dictionary_asked_only_about_indexed_words_finds_what_a_full_walk_finds():
    """``find`` skips candidates whose word the index lacks; walking every candidate gives the same hits."""
    variants = [v for g in BUILTIN.groups for v in g.variants]
    rng = random.Random(8)
    checked = 0
    for doc in articles():
        for text in (doc.text, doc.text + " " + " ".join(rng.sample(variants, 3))):
            doc, _ = parse_document("a.txt", text, "text")
            fast = BUILTIN.find(doc)
            slow = _find_walking_every_candidate(BUILTIN, doc)
            assert fast == slow, text
            checked += bool(fast)
    assert checked > 500


def _find_walking_every_candidate(dictionary: HouseDictionary, doc: Document):
    return dictionary._hits(doc, range(len(candidates_of(doc))))


def test_variant_anchors_are_found_as_in_a_document():
    """The index finds each variant's first capitalised word on the bare string, as a Document would."""
    for group in BUILTIN.groups:
        for variant in group.variants:
            doc = Document("variant", variant, "text", variant, [])
            assert candidates_in(doc.normalized) == candidates_of(doc), variant


def test_first_candidate_is_the_first_of_all_candidates():
    """The start-up shortcut (a match at the start) against listing every candidate: variants,
    texts opening with particles, possessives, initials and non-Latin capitals, and real articles."""
    texts = [normalize(m) for g in BUILTIN.groups for m in g.members]
    texts += ["", " Kiev", "al-Qaeda", "el-Sisi leads", "Lavrov's aide", "Lavrov's", "O'Neil", "J. Smith", "iPhone X",
              "2024 Kyiv", "\u0421\u0435\u0440\u0433\u0435\u0439", "\u00c9lys\u00e9e", "'S", "S's'x", "-Kiev", "kiev Kyiv"]
    texts += [doc.normalized for doc in articles()]
    for text in texts:
        everything = candidates_in(text)
        assert first_candidate(text) == (everything[0] if everything else None), text


def test_collected_records_keep_what_the_article_phase_found():
    check = NameInconsistent()
    ctx = CheckContext(options=check.default_options(), config=Config())
    for doc in real_articles():
        data = check.collect(doc, ctx)
        spellings = article_spellings(doc, 4)
        records = [NameRecord(*row) for row in data["names"]]
        assert [r.folded for r in records] == list(spellings)
        for record in records:
            first = spellings[record.folded].occurrences[0]
            assert (record.start, record.end) == (first.particle_start, first.end)
            assert record.line == doc.line_of(record.start)
            assert record.count == len(spellings[record.folded].occurrences)
            assert data["lines"][record.line] == (doc.line_starts[record.line - 1], doc.line_text(record.line))


def test_before_words_expanded_as_by_reading_every_group():
    """``_expand_before`` reads only the groups that spell a ``before`` word; reading them all gives the same."""
    from newslint.names.dictionary import _expand_before, parse_dictionary, with_preferred
    from newslint.resources import load_rules_file

    groups, _, _ = parse_dictionary(load_rules_file("house-names.yaml"), "rules/house-names.yaml")
    for overrides in ({}, {"Zelenskyy": "Zelensky"}, {"Kyiv": "Kiev"}):
        chosen = with_preferred(groups, overrides)
        spellings = {}
        for group in chosen:
            if group.is_word_group:
                folded = {m.casefold() for m in group.members}
                for m in folded:
                    spellings.setdefault(m, set()).update(folded)
        expected = [frozenset().union(*(spellings.get(w, {w}) for w in g.before)) if g.before else g.before for g in chosen]
        assert [g.before for g in _expand_before(chosen)] == expected
        assert sum(bool(b) for b in expected) > 10
