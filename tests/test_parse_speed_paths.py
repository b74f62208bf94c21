"""Fast paths of the readers give exactly what their general paths give.

Each shortcut is compared with the slow reading it replaces on many generated
inputs, odd ones included, so the two can never silently drift apart.
"""
from __future__ import annotations

import random

import pytest

from newslint.markup import markdown

# -- Markdown: the line-by-line reading against markdown-it-py ------------------------------

#: Lines the simple reader accepts, and lines that must send a document to markdown-it-py
#: (or that test the edges of what is accepted: trims, links, headings, markers).
MD_SIMPLE_LINES = [
    "Plain text here.", "Another line", "# Heading", "## Sub head ", "# ", "- item one",
    "- item two with - dash", "> quoted", "> more quoted", "2025 was a year", "1.9% growth", "1234567890. x",
    "[link](http://x.org/a) starts", "See [the report](https://e.org/r.pdf) now.", "a [b](c) [d](e)",
    "text  ", "text ", "end nbsp\u00a0", "x\u2028y", "\ufeffBOM", "   ", "a ] b", "x](y)",
    "Caf\u00e9 \U0001f1fa\U0001f1e6 flag", '"Quoted," he said.', "[a](b)(c)", "[a](b)x[c](d)", "- a", "> b",
    "x *em* y", "_under_", "**Bold** start", "- *item* text", "> quoted __strong__", "# A *head*", "[a](http://x/b_c)",
]
MD_OTHER_LINES = [
    "#", "# C#", "#NoSpace", "####### seven", "-", "- ", "-- x", "---", "***", "- - nested", "- # head",
    "- > q", ">", "> ", ">x", ">  two", "> - li", "> # h", "1. one", "2) two",
    "  indented", "    code", "[ref]: http://x", "[x] not link", "[x](javascript:alert)", "[x](<a>)",
    "[x](a b)", "\u00a0nbsp start", "\u2003em", "=====", "![img](x.png)", "a & b",
    "<b>x</b>", "a\\b", "`code`", "| a | b |", "~~~", "+ plus", "* star", "a|b", "[]()",
    "[a]()", "(parens) and [brackets", '[a](b "t")', "[a](DATA:x)", "a\rb", "x\ty", "&amp; &#8212;",
]


def _line_starts(body: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(body) if c == "\n"] + [len(body) + 1]


def _generated_markdown(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        lines = []
        for _ in range(rng.randint(1, 8)):
            r = rng.random()
            lines.append("" if r < 0.3 else rng.choice(MD_SIMPLE_LINES if r < 0.85 else MD_OTHER_LINES))
        yield "\n".join(lines) + rng.choice(["", "\n", "\n\n"])


def test_simple_markdown_reading_equals_markdown_it():
    accepted = 0
    for body in _generated_markdown(seed=7, count=6000):
        units = markdown._simple_units(body)
        if units is None:
            continue
        accepted += 1
        starts = _line_starts(body)
        assert markdown._align_units(body, starts, units) == markdown._read_tokens(body, starts), repr(body)
    assert accepted > 1500  # the comparison covered the shortcut, not only the fallback


@pytest.mark.parametrize("line", MD_OTHER_LINES)
def test_markdown_outside_the_simple_subset_goes_to_markdown_it(line):
    assert markdown._simple_units(f"Intro paragraph.\n\n{line}\n") is None


def test_typical_news_markdown_is_read_without_markdown_it():
    body = (
        "# Council weighs its options\n\nThe council approved a budget of 412 million euros on Friday.\n"
        "A second line of the same paragraph.\n\n- Two bus routes start on 1 September.\n- Parking stays.\n\n"
        "> The housing market will recover by spring.\n\nSee the [published budget](https://example.org/b.pdf).\n"
    )
    units = markdown._simple_units(body)
    assert [(kind, sorted(scopes)) for _, _, kind, scopes, _ in units] == [
        ("heading", ["heading"]),
        ("paragraph", ["paragraph"]),
        ("list_item", ["list", "list_item"]),
        ("list_item", ["list", "list_item"]),
        ("paragraph", ["blockquote", "paragraph"]),
        ("paragraph", ["paragraph"]),
    ]
    starts = _line_starts(body)
    assert markdown._align_units(body, starts, units) == markdown._read_tokens(body, starts)


# Emphasis: simple pairs are read line by line, anything else goes to markdown-it-py.

#: Pieces of emphasis-bearing lines: words (accented, digits, intraword ``_``), delimiter runs,
#: spacing, punctuation on either side (ASCII, curly quotes, symbols) and links.
EMPHASIS_WORDS = ["word", "Caf\u00e9", "2025", "x", "\u00e9t\u00e9", "snake_case", "a*b", "Kyiv's", "\u0416\u0443\u043a"]
EMPHASIS_MARKERS = ["*", "**", "_", "__", "***", "___", "*_", "_*"]
EMPHASIS_OUTSIDE = [" ", " ", " ", "", ".", ",", ";", ":", "!", "?", "(", ")", '"', "'", "-", "\u2019", "\u201d", "\u20ac",
                    "%", "[a](b)", "[a](http://x/y_z)", "[*a*](b)", "\u00a0", "x", "/", "*", "_"]
EMPHASIS_INSIDE = ["", "", "", " ", ".", "'", '"', "*", "_", "**", "[a](b)", "\n", "-"]


def _emphasis_line(rng: random.Random, odd: float) -> str:
    """A line of words and emphasis pairs, each piece unusual with probability about ``odd``."""
    parts = []
    for _ in range(rng.randint(1, 4)):
        words = " ".join(rng.choice(EMPHASIS_WORDS if rng.random() < odd else EMPHASIS_WORDS[:4]) for _ in range(2))
        if rng.random() < 0.4:
            parts.append(words)
            continue
        opener = closer = rng.choice(EMPHASIS_MARKERS if rng.random() < odd else EMPHASIS_MARKERS[:4])
        if rng.random() < odd / 2:
            closer = rng.choice(EMPHASIS_MARKERS)  # unbalanced or mismatched
        inner = [rng.choice(EMPHASIS_WORDS if rng.random() < odd else EMPHASIS_WORDS[:4]) for _ in range(rng.randint(1, 3))]
        if rng.random() < odd:  # something inside: nesting, punctuation, a link, a line break
            inner.insert(rng.randint(0, len(inner)), rng.choice(EMPHASIS_INSIDE))
        before = rng.choice(EMPHASIS_OUTSIDE) if rng.random() < 2 * odd else " "
        after = rng.choice(EMPHASIS_OUTSIDE) if rng.random() < 3 * odd else rng.choice(" .,")
        parts.append(f"{words}{before}{opener}{' '.join(inner)}{closer}{after}")
    return "".join(parts).strip(" ") if rng.random() < 0.8 else "".join(parts)


def _generated_emphasis_markdown(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        odd = rng.choice([0.0, 0.02, 0.1, 0.3])
        blocks = []
        for _ in range(rng.randint(1, 3)):
            lines = [_emphasis_line(rng, odd) for _ in range(rng.randint(1, 3))]
            prefix = rng.choice(["", "", "", "# ", "- ", "> "])
            blocks.append("\n".join(prefix + line for line in lines) if prefix != "# " else prefix + lines[0])
        yield "\n\n".join(blocks) + "\n"


def _markdown_document(body: str, monkeypatch, slow: bool):
    """Everything a check can read of the document, read by the fast path or by markdown-it-py."""
    if slow:
        monkeypatch.setattr(markdown, "_simple_units", lambda _body: None)
    document = markdown.read_markdown("a.md", body)[0]
    monkeypatch.undo()
    m = document.metadata
    return (
        document.text, document.prose, document.normalized, document.blocks, document.sentences,
        document.quotations, (m.title, m.date, m.date_source, m.language, m.author, m.fields),
    )


def test_simple_emphasis_reading_equals_markdown_it(monkeypatch):
    accepted = with_emphasis = 0
    for body in _generated_emphasis_markdown(seed=17, count=6000):
        units = markdown._simple_units(body)
        if units is None:
            continue
        accepted += 1
        with_emphasis += "*" in body or "_" in body
        starts = _line_starts(body)
        assert markdown._align_units(body, starts, units) == markdown._read_tokens(body, starts), repr(body)
        if accepted % 5 == 0:
            front = "---\ntitle: T\ndate: 2025-01-02\n---\n"
            assert _markdown_document(front + body, monkeypatch, False) == _markdown_document(
                front + body, monkeypatch, True
            ), repr(body)
    assert accepted > 1000 and with_emphasis > 900  # the emphasis shortcut itself was compared


def test_emphasis_next_to_any_character_equals_markdown_it():
    """The characters around a pair decide how CommonMark flanks it: try them all, two by two."""
    import string

    neighbours = [*string.punctuation, " ", "a", "1", "\u00e9", "\u2019", "\u201d", "\u00ab", "\u20ac", "\u00a0", "\u0301"]
    accepted = set()
    for marker in ("*", "**", "_", "__"):
        for before in neighbours:
            for after in neighbours:
                body = f"Text w{before}{marker}a \u00e9t\u00e9{marker}{after}w end.\n"
                units = markdown._simple_units(body)
                if units is None:
                    continue
                accepted.add((before, after))
                starts = _line_starts(body)
                assert markdown._align_units(body, starts, units) == markdown._read_tokens(body, starts), repr(body)
    assert {before for before, _ in accepted} == {" ", "(", '"', "'"}
    assert {after for _, after in accepted} == {" ", ".", ",", ";", ":", "!", "?", ")", '"', "'"}


#: Emphasis that must go to markdown-it-py: intraword, arithmetic, list markers, lone or
#: unbalanced runs, nesting, punctuation inside the delimiters or a symbol outside them,
#: emphasis in or around links, and pairs across a line break.
EMPHASIS_FALLBACK = [
    "2*3*4", "snake_case_name", "* list", "**", "*", "__", "***bold italic***", "*unbalanced", "closing only*",
    "*a **b** c*", "**a *b* c**", "*a _b_ c*", "*a*b", "a*b*", "_a_b", "a_b_", "* a*", "*a *", "*\"quoted\"*",
    "*a.*", "*.a*", ".*a*", "*a*-b", "*a*\u20ac", "\u201c*a*\u201d", "[a *b*](c)", "*a [b](c) d*", "[b](c)*d*",
    "*d*[b](c)", "*mixed**", "**mixed*", "*a*_b_", "*spans\nlines*", "___", "* * *", "_ _ _", "\u00a0*a*",
]


@pytest.mark.parametrize("line", EMPHASIS_FALLBACK)
def test_unusual_emphasis_goes_to_markdown_it(line):
    assert markdown._simple_units(f"Intro paragraph.\n\nText {line} end\n") is None
    assert markdown._simple_units(f"Intro paragraph.\n\n{line}\n") is None


def test_simple_emphasis_is_read_without_markdown_it():
    body = (
        "# A *headline* word\n\nThe port authority said it would publish *the strike* cost next week.\n"
        "According **to the** council, 75% will move (*not all*). Will _it be_ enough? \"__Yes__,\" she said.\n"
        "*Opening* words and [a link](https://example.org/a_b) then *closing*.\n\n- *Item* one\n\n> Quoted *speech*\n"
    )
    units = markdown._simple_units(body)
    assert units is not None
    assert units[1][4][:4] == ["The port authority said it would publish ", "the strike", " cost next week.", "According "]
    starts = _line_starts(body)
    assert markdown._align_units(body, starts, units) == markdown._read_tokens(body, starts)


FRONT_MATTER_KEYS = ["title", "date", "author", "lang", "yes", "On", "a-b", "_x", "1x", "-x", "Null", "y"]
FRONT_MATTER_VALUES = [
    '"Story 0: Rotterdam"', "'it''s'", "'a'", "2025-11-12", "2025-13-45", "2025-1-2", "Ana Ruiz", "Yes", "no", "NULL",
    "~", "1", "1.5", "en-GB", "a # c", "a: b", "[a, b]", "{a: 1}", "&x", "*x", "!tag x", "Caf\u00e9", "x\u00a0y",
    '"unterminated', "", "e.g. x, y", "O'Brien", "- item", '"tab\there"', '"esc\\"', "x  ", "N", "off-site",
]


def test_simple_front_matter_equals_yaml():
    from newslint.resources import safe_load

    rng = random.Random(13)
    accepted = 0
    for _ in range(3000):
        lines = []
        for _ in range(rng.randint(0, 5)):
            r = rng.random()
            if r < 0.1:
                lines.append(rng.choice(["", "  ", "# note", "  nested: 1", "- item"]))
            else:
                separator = ": " if r < 0.9 else rng.choice([":", ":  ", " : "])
                lines.append(rng.choice(FRONT_MATTER_KEYS) + separator + rng.choice(FRONT_MATTER_VALUES))
        source = "\n".join(lines) + "\n"
        fields = markdown._simple_front_matter(source)
        if fields is None:
            continue
        accepted += 1
        expected = safe_load(source) or {}
        assert [(k, type(v), v) for k, v in fields.items()] == [(k, type(v), v) for k, v in expected.items()], source
    assert accepted > 500


# -- HTML: the regular-expression tokenizer against html.parser ------------------------------

HTML_USUAL = [
    "<p>", "</p>", "<P>", "</P >", '<p class="lead">', "<p class='x' id=y>", "<p data-x=1 hidden>", "<div>", "</div>",
    "<h1>", "</h1>", "<h2>", "</h2>", "<ul>", "<li>", "</li>", "</ul>", "<ol>", "</ol>", "<table>", "<tr>", "<td>",
    "</td>", "<th>", "</th>", "</tr>", "</table>", "<blockquote>", "</blockquote>", "<br>", "<br/>", "<br />", "<p/>",
    "<hr>", '<img src="a.png" alt="x">', "<a href=/x/ >", '<a href="https://e.org/?a=1&amp;b=2">', "</a>", "<em>",
    "</em>", "<code>", "</code>", "<pre>", "</pre>", "<span>", "</span>", '<script>var a = "<p>" + 1;</script>',
    "<script>x</div>y</script>", "<style>p{}</style>", "<SCRIPT>a</SCRIPT>", "<script/>",
    '<script type="t">if (a < b && c) {}</script>', "<title>Port &amp; strike</title>", "<title>A</title>",
    '<meta name="author" content="Ana Ruiz">', '<meta property="article:published_time" content="2025-06-12T09:30">',
    "<meta name=date content=2025-01-02>", '<META NAME="Author" CONTENT="X &amp; Y">',
    '<meta content="2024-01-01" itemprop="datePublished"/>', '<html lang="en-GB">', "<html>", "</html>", "<head>",
    "</head>", "<body>", "</body>", '<time datetime="2025-06-12">', "</time>", "<!doctype html>", "<!-- a comment -->",
    "Dock workers &mdash; about 4,000 &#8212; returned", "&amp;", "AT&T said", "R&D", "& more", "&#x2014;", "&#X41;",
    "&#65 ", "&amp", "&nbsp;", "&notin;", "&notit;", "&unknown;", "&foo-bar ", "&a.b;", "Emoji \U0001f1fa\U0001f1e6 here.",
    "Caf\u00e9\r\nnext", "\r\n", "\n", "  ", "\t", '"Quoted," she said.', "Plain sentence. Another one.",
    '<p title="a>b">', '<p a = "b" >', "<p\ta=b>", "<textarea>x</textarea>", "<select><option>x</option></select>",
    "<noscript>n</noscript>", "<svg><text>t</text></svg>", "<figure><figcaption>", "</figcaption></figure>", "<dl><dt>",
    "</dt><dd>", "</dd></dl>", "<section>", "</section>", "<my-widget a=b>", "</my-widget>", "<o:p>", "</o:p>",
]
#: Markup the tokenizer leaves to html.parser, whose readings of it vary or are its own.
HTML_UNUSUAL = [
    "<!-- a -- b -->", "<!--->", "<!-->", "<!---x-->", "<!-- x --->", "<![CDATA[x]]>", '<?xml version="1.0"?>',
    "< p>", "a < b", "</ p>", "</>", "<p\u00a0class=x>", "<meta content=a\u00a0b name=author>", '<p a="1"b="2">',
    "<p a==b>", "<a href=x/>", "<p.x>", "<x\x0by>", "&#", "&#xZ;", "<script><!-- a --></script>",
    "<script>never closed", '<!DOCTYPE html PUBLIC "-//W3C">', "<",
]


def _html_reading(text: str, monkeypatch=None):
    from newslint.markup import html as reader

    if monkeypatch is not None:
        monkeypatch.setattr(reader, "_scan", lambda _reader, _text: False)
    document = reader.read_html("a.html", text)[0]
    if monkeypatch is not None:
        monkeypatch.undo()
    m = document.metadata
    return document.prose, document.blocks, (m.title, m.date, m.date_source, m.language, m.author, m.fields)


def test_fast_html_tokenizer_equals_html_parser(monkeypatch):
    from newslint.markup import html as reader

    rng = random.Random(11)
    accepted = 0
    for _ in range(3000):
        pieces = [rng.choice(HTML_USUAL if rng.random() < 0.95 else HTML_UNUSUAL) for _ in range(rng.randint(1, 14))]
        text = "".join(pieces)
        if not reader._scan(reader._Reader(text), text):
            continue
        accepted += 1
        assert _html_reading(text) == _html_reading(text, monkeypatch), repr(text)
    assert accepted > 1500


@pytest.mark.parametrize("piece", HTML_UNUSUAL)
def test_unusual_html_goes_to_html_parser(piece):
    from newslint.markup import html as reader

    text = f"<p>Intro paragraph.</p>{piece}<p>More.</p>"
    assert not reader._scan(reader._Reader(text), text)


def test_typical_news_page_is_tokenized_without_html_parser():
    from newslint.markup import html as reader

    text = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <title>Summit</title>\n'
        '  <meta property="article:published_time" content="2025-08-20T09:15:00+00:00">\n</head>\n<body>\n'
        '<article>\n  <h1>Leaders weigh next steps</h1>\n  <p class="byline">By the desk</p>\n'
        "  <p>European leaders met on Monday &mdash; three days later.</p>\n<!-- ad slot -->\n"
        "<script>var x = 1 < 2;</script>\n</article>\n</body>\n</html>\n"
    )
    assert reader._scan(reader._Reader(text), text)
    prose, blocks, meta = _html_reading(text)
    assert [prose[b.start : b.end] for b in blocks] == [
        "Leaders weigh next steps",
        "By the desk",
        "European leaders met on Monday \u2014" + " " * 6 + " three days later.",  # "&mdash;" keeps its length
    ]
    assert meta[0] == "Summit"


# -- sentences: candidate boundaries tried only at terminal marks, against the plain scan ------------


def test_split_blocks_equals_splitting_each_block_with_the_regular_expression():
    from newslint.text import sentences

    pieces = ["Prices rose", ".", "..", "...", " ", "  ", "\n", "\u3000", "\u2028", "1.9%", "U.S.", "Dr.", '"', "'",
              ")", "]", "\u201d", "\u2019", "?", "!", "\u2026", "The", "a", "5", "(It", "e.g.", "No.", "\t",
              "Governments", "2025.", "(", "_", "\u00e9t\u00e9", "Approx."]
    rng = random.Random(3)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 16)))
        marks = sentences.terminal_marks(text)
        assert marks == [i for i, ch in enumerate(text) if ch in ".!?\u2026"]
        cuts = sorted(rng.randint(0, len(text)) for _ in range(2 * rng.randint(1, 3)))
        blocks = list(zip(cuts[::2], cuts[1::2]))
        expected = [(s, e, i) for i, (bs, be) in enumerate(blocks) for s, e in sentences.split_sentences(text, bs, be)]
        assert sentences.split_blocks(text, blocks, marks) == expected, (text, blocks)
        start, end = blocks[0]
        assert sentences.split_sentences(text, start, end, marks) == sentences.split_sentences(text, start, end)


def test_document_sentences_are_the_sentence_objects_of_their_spans():
    from newslint.document import Sentence
    from newslint.markup import parse_document

    document = parse_document("a.txt", "Headline here\n\nDr. Ruiz said so. \"Yes.\" Then (2025) more!\n")[0]
    spans = [(s.start, s.end, s.block) for s in document.sentences]
    assert document.sentences == [Sentence(*span) for span in spans]
    assert [hash(s) for s in document.sentences] == [hash(Sentence(*span)) for span in spans]
    assert spans == [(0, 13, 0), (15, 32, 1), (33, 39, 1), (40, 57, 1)]


# -- quotations: blocks without a quotation mark are skipped ---------------------------------------


def test_quotation_marks_are_every_mark_find_quotations_reads():
    from newslint.text import quotes

    pieces = ["a", '"', "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb", "\u2018", "\u2019", "'", " ", "\n", "x y"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14)))
        expected = [i for i, ch in enumerate(text) if ch in '"\u201c\u201d\u201e\u00ab\u00bb\u2018']
        assert quotes.quotation_marks(text) == expected


def test_document_quotations_equal_a_scan_of_every_block():
    from newslint.markup import parse_document
    from newslint.text.quotes import find_quotations

    lines = ["Plain line without marks.", '"We will," she said.', "\u201cOpen and never closed", "Russia\u2019s envoy",
             "called it \u2018a bluff\u2019 today", "\u00abNon\u00bb, dit-il.", "\u201d stray close", "", ""]
    rng = random.Random(9)
    for _ in range(500):
        text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 8)))
        document = parse_document("a.txt", text)[0]
        expected = [q for b in document.blocks for q in find_quotations(document.prose, b.start, b.end)]
        assert document.quotations == expected, repr(text)


# -- normalized view: one str.replace per present character, against str.translate ---------------


def test_normalized_view_equals_translating_with_the_table():
    from newslint.document import NORMALIZE_TABLE, Document

    pieces = [chr(code) for code in NORMALIZE_TABLE] + ["a", " ", "\n", "-", "'", '"', "\u00e9", "\U0001f1fa", "\u2014"]
    rng = random.Random(21)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        assert Document("a.txt", text, "text", text, []).normalized == text.translate(NORMALIZE_TABLE), repr(text)
