"""The document model: prose views, blocks, sentences, quotations and positions."""
from __future__ import annotations

import datetime as dt

import pytest

from newslint.markup import parse_document


def doc_of(text: str, kind: str = "text"):
    document, problems = parse_document(f"a.{ {'text': 'txt', 'markdown': 'md', 'html': 'html'}[kind] }", text, kind)
    return document, problems


def prose_words(document) -> list[str]:
    return document.prose.split()


def sentences(document) -> list[str]:
    return [document.normalized[s.start : s.end] for s in document.sentences]


# -- views keep offsets ---------------------------------------------------------

def test_views_have_the_length_of_the_text_and_fold_lookalikes():
    text = "Lavrov\u202fsaid 62\u00a0% of \u201cvoters\u201d back non\u2011aligned status\u2010now \u2018yes\u2019."
    document, _ = doc_of(text)
    assert len(document.prose) == len(document.normalized) == len(text)
    assert document.normalized == "Lavrov said 62 % of \"voters\" back non-aligned status-now 'yes'."
    # An offset found in the normalised view is the same character in the original.
    start = document.normalized.index("non-aligned")
    assert text[start : start + len("non-aligned")] == "non\u2011aligned"


# -- Markdown -------------------------------------------------------------------------

MARKDOWN = """---
title: Ferry fares rise
date: 2025-05-02
author: Ana Ruiz
lang: en
---

# Ferry fares rise

Fares rise **12%** from [June](https://example.org/fares "tariff") said `ops`, see https://example.org/x.
![Ferry at dock](ferry.jpg) The &amp; sign and \\*escaped\\* stars stay prose.

<!-- an editor's note -->

<div class="ad">Sponsored content</div>

```python
print("78% of code")
```

    indented code 55%

> A quoted block.

- A list item
- Another item

| Route | Fare |
|-------|------|
| North | 4.50 |
"""


def test_markdown_front_matter_is_metadata_not_prose():
    document, problems = doc_of(MARKDOWN, "markdown")
    assert problems == []
    meta = document.metadata
    assert meta.title == "Ferry fares rise"
    assert meta.date == dt.date(2025, 5, 2)
    assert meta.date_source == "front matter 'date'"
    assert (meta.author, meta.language) == ("Ana Ruiz", "en")
    assert "title:" not in document.prose and "2025-05-02" not in document.prose


def test_markdown_masks_code_urls_link_targets_images_and_html():
    document, _ = doc_of(MARKDOWN, "markdown")
    prose = document.prose
    for hidden in ("example.org", "tariff", "ferry.jpg", "Ferry at dock", "ops", "print(", "indented code",
                   "editor's note", "Sponsored content", "**", "```", "#"):
        assert hidden not in prose, hidden
    words = prose_words(document)
    for shown in ("Fares", "12%", "June", "said", "A", "quoted", "list", "item", "Route", "North", "4.50", "stars"):
        assert shown in words, shown
    # Entities and escapes: the words around them are still prose at their own offsets.
    assert "escaped" in prose and "&" in prose


def test_markdown_blocks_carry_scopes():
    document, _ = doc_of(MARKDOWN, "markdown")
    kinds = {(document.text[b.start : b.end].split()[0], b.kind, tuple(sorted(b.scopes))) for b in document.blocks}
    assert ("Ferry", "heading", ("heading",)) in kinds
    assert ("A", "paragraph", ("blockquote", "paragraph")) in kinds
    assert ("Another", "list_item", ("list", "list_item")) in kinds
    assert ("North", "table_cell", ("table", "table_cell")) in kinds


def test_markdown_malformed_front_matter_is_reported_and_body_still_read():
    text = "---\ntitle: [unclosed\ndate: 2025-01-01\n---\n\nThe body is still prose.\n"
    document, problems = doc_of(text, "markdown")
    assert len(problems) == 1 and "malformed front matter" in str(problems[0])
    assert "body is still prose" in document.prose
    assert document.metadata.date is None


# -- HTML --------------------------------------------------------------------------------

HTML = """<!doctype html>
<html lang="en-GB"><head>
<title>Port deal &amp; strike</title>
<meta property="article:published_time" content="2025-06-12T09:30:00+02:00">
<meta name="author" content="Tomas Keller">
<style>p { color: red }</style>
<script>var share = "78% of readers";</script>
</head><body>
<h1>Port deal</h1>
<p>Dock workers &mdash; about 4,000 &#8212; returned on <time datetime="2025-06-12">Thursday</time>.</p>
<pre>raw 99%</pre>
<p>Use <code>grep 55%</code> to search.</p>
<ul><li>First item</li></ul>
<blockquote><p>Quoted words.</p></blockquote>
</body></html>"""


def test_html_text_nodes_only_and_meta_dates():
    document, _ = doc_of(HTML, "html")
    prose = document.prose
    assert "78%" not in prose and "color" not in prose and "99%" not in prose and "55%" not in prose
    assert "<p>" not in prose and "Port deal &amp;" not in prose
    assert document.metadata.date == dt.date(2025, 6, 12)
    assert document.metadata.date_source == "html meta 'article:published_time'"
    assert document.metadata.title == "Port deal & strike"
    assert (document.metadata.author, document.metadata.language) == ("Tomas Keller", "en-GB")
    # Character references become their character in place, so matching sees a dash.
    start = document.text.index("&mdash;")
    assert document.normalized[start] == "\u2014"
    assert len(document.prose) == len(document.text)
    kinds = {document.text[b.start : b.end].split()[0]: (b.kind, b.scopes) for b in document.blocks}
    assert kinds["Port"][0] == "heading"
    assert kinds["First"][0] == "list_item"
    assert "blockquote" in kinds["Quoted"][1]


# -- plain text -----------------------------------------------------------------------

def test_plain_text_recognises_headline_byline_and_dateline():
    text = (
        "Harbour workers end strike\n\nBy Tomas Keller\n\nThursday 12 June 2025\n\n"
        "Dock workers returned to the terminals on Thursday after their union accepted a pay offer.\n"
    )
    document, _ = doc_of(text)
    assert [b.kind for b in document.blocks] == ["headline", "byline", "dateline", "paragraph"]
    assert document.metadata.title == "Harbour workers end strike"


def test_plain_text_hard_wrapped_paragraph_is_one_block():
    text = (
        "Dock workers returned to the terminals on Thursday after their\n"
        "union accepted a pay offer that ends a nine-day strike, the port\n"
        "authority said. Shipping lines had diverted ships to Antwerp.\n"
    )
    document, _ = doc_of(text)
    assert len(document.blocks) == 1
    assert sentences(document)[0].endswith("the port\nauthority said.")


def test_plain_text_one_line_paragraphs_and_crossheads_are_separate_blocks():
    text = (
        "A headline for the page\n"
        "The first paragraph is a long line of body text that ends with a full stop and goes on a while.\n"
        "A crosshead without a stop\n"
        "The second paragraph is also one long line that a website export left without any blank lines.\n"
    )
    document, _ = doc_of(text)
    assert [b.kind for b in document.blocks] == ["headline", "paragraph", "heading", "paragraph"]


# -- sentences ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. economy grew 1.9% in March. Prices rose.", ["The U.S. economy grew 1.9% in March.", "Prices rose."]),
        ("Dr. Ana Ruiz met Gen. Mark Milley on Jan. 6. They spoke.", ["Dr. Ana Ruiz met Gen. Mark Milley on Jan. 6.", "They spoke."]),
        ("George W. Bush and J. K. Rowling met. Nobody knew.", ["George W. Bush and J. K. Rowling met.", "Nobody knew."]),
        ('"It is over." She left. (It was late.) Then rain.', ['"It is over."', "She left.", "(It was late.)", "Then rain."]),
        ('"Why?" he asked. "Because," she said.', ['"Why?" he asked.', '"Because," she said.']),
        ("Talks with the U.S. The next round is in May.", ["Talks with the U.S.", "The next round is in May."]),
        ("Inflation was 2.5 per cent. Rates held at 4.25%.", ["Inflation was 2.5 per cent.", "Rates held at 4.25%."]),
        ("1. A numbered heading", ["1. A numbered heading"]),
        ("He paused... Then spoke. It ended\u2026 Finally.", ["He paused...", "Then spoke.", "It ended\u2026", "Finally."]),
        ("The St. Louis office said no. No. 10 said yes.", ["The St. Louis office said no.", "No. 10 said yes."]),
    ],
)
def test_sentence_splitting_survives_newsroom_text(text, expected):
    document, _ = doc_of(text)
    assert sentences(document) == expected


def test_headings_and_list_items_end_sentences_without_a_full_stop():
    document, _ = doc_of("# A heading\n\n- first item\n- second item\n\nBody text here.\n", "markdown")
    assert sentences(document) == ["A heading", "first item", "second item", "Body text here."]


def test_sentence_index_and_block_lookup():
    document, _ = doc_of("First one. Second one.\n\nNew paragraph.\n")
    offset = document.text.index("Second")
    i = document.sentence_index(offset)
    assert document.normalized[document.sentences[i].start : document.sentences[i].end] == "Second one."
    assert document.block_at(document.text.index("New")).kind == "paragraph"
    assert document.sentence_index(document.text.index("\n\n") + 1) is None


# -- quotations -----------------------------------------------------------------------------

def test_quotations_pair_curly_and_straight_marks_and_ignore_apostrophes():
    text = (
        "\u201cWe will win,\u201d Ruiz said. Russia\u2019s envoy called it \u2018a bluff\u2019 and \"nonsense\".\n\n"
        "\u201cAn unclosed quotation runs to the end of its paragraph, as news copy often does.\n"
    )
    document, _ = doc_of(text)
    quoted = [document.text[s:e] for s, e in document.quotations]
    assert quoted[0] == "\u201cWe will win,\u201d"
    assert "\u2018a bluff\u2019" in quoted and '"nonsense"' in quoted
    assert quoted[-1].startswith("\u201cAn unclosed") and quoted[-1].endswith("does.")
    assert not document.in_quotation(text.index("Russia"))
    assert document.in_quotation(text.index("win"))


# -- positions ------------------------------------------------------------------------------

def test_positions_in_code_points_and_utf16_units_with_emoji_and_combining_marks():
    text = "Intro line\nThe 🇺🇦 flag and cafe\u0301 said 78% agree.\n"
    document, _ = doc_of(text)
    start = text.index("78%")
    loc = document.locate(start, start + 3)
    line_start = text.index("The")
    assert (loc.line, loc.end_line) == (2, 2)
    assert loc.column == start - line_start + 1  # code points: each flag letter and the accent count once
    # Two regional indicators are two code points but four UTF-16 units.
    assert loc.column_utf16 == loc.column + 2
    assert loc.end_column - loc.column == 3 and loc.end_column_utf16 - loc.column_utf16 == 3
    assert document.line_text(2) == "The 🇺🇦 flag and cafe\u0301 said 78% agree."


def test_positions_span_lines_and_handle_crlf():
    text = "One line\r\nTwo lines here\r\n"
    document, _ = doc_of(text)
    start, end = text.index("line"), text.index("Two") + 3
    loc = document.locate(start, end)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (1, 5, 2, 4)
    assert document.line_text(1) == "One line"


# -- the seed articles' tricky spots ----------------------------------------------------------

def test_seed_articles_sentences_at_tricky_spots(seed_texts):
    first = seed_texts["000_1b97e7b023161ee9.txt"]
    document, _ = parse_document("000.txt", first)
    found = sentences(document)
    assert any(s.startswith("Future Trends in Russia-U.S. Diplomacy") for s in found)  # U+2011 inside "Russia‑U.S."
    assert "1. A Shift Toward \"Collective Security Guarantees\" Instead of Direct Military Engagement" in found
    assert any(s.startswith("Data point: According to a Council on Foreign Relations report (2023), 62 % of") for s in found)
    assert document.blocks[0].kind == "headline" and document.blocks[1].kind == "byline"

    weather = seed_texts["002_38b6c4a966b24e10.txt"]
    document, _ = parse_document("002.txt", weather)
    assert document.metadata.title == "US wants to restore diplomatic forum with Russia"
    assert "Saturday, May 17, 2025" in sentences(document)
    assert any(b.kind == "dateline" for b in document.blocks)
    assert "https://infobrics.org" not in document.prose  # a bare URL is not prose

    last = seed_texts["004_46dfc44e4c2b2a3d.txt"]
    document, _ = parse_document("004.txt", last)
    found = sentences(document)
    assert "Foreign Minister Sergey Lavrov said on Friday" in " ".join(found)
    assert any(s.startswith("U.S. officials from Biden") for s in found)
    quote_start = last.index("And it\u2019s only getting worse")
    assert document.in_quotation(quote_start)


@pytest.mark.parametrize(
    "text, url",
    [
        ("see https://example.org/x. Then", "https://example.org/x"),
        ("Mail ana.ruiz+desk@example.co.uk today.", "ana.ruiz+desk@example.co.uk"),
        ("Visit www.example.com/page?x=1, now", "www.example.com/page?x=1"),
        ("(http://a.b/c)", "http://a.b/c"),
        ("ftp://files.example.org/a.txt;", "ftp://files.example.org/a.txt"),
    ],
)
def test_urls_and_addresses_are_not_prose_but_their_punctuation_is(text, url):
    document, _ = doc_of(text)
    start = text.index(url)
    assert document.prose[start : start + len(url)].strip() == ""
    assert document.prose[:start] == text[:start] and document.prose[start + len(url) :] == text[start + len(url) :]


@pytest.mark.parametrize("text", ["Use @handle on X.", "The score was 3 @ 2.", "www. is not a site", "a:// b"])
def test_lookalikes_of_urls_stay_prose(text):
    assert doc_of(text)[0].prose == text


def test_offset_lookups_agree_with_a_plain_scan_of_the_spans():
    text = (
        "\u201cWe will win,\u201d Ruiz said. Russia\u2019s envoy called it \u2018a \"real\" bluff\u2019 today.\n\n"
        "Short line\n\n\u201cAn unclosed quotation runs on. It ends here.\n"
    )
    document, _ = doc_of(text)
    sentences, blocks = document.sentences, document.blocks
    for offset in range(len(text) + 1):
        inside = [i for i, s in enumerate(sentences) if s.start <= offset < s.end]
        assert document.sentence_index(offset) == (inside[0] if inside else None)
        holding = [b for b in blocks if b.start <= offset < b.end]
        assert document.block_at(offset) == (holding[0] if holding else None)
        for end in (offset, offset + 3):
            # The quotation that opens last at or before the start must hold the whole span.
            opened = [q for q in document.quotations if q[0] <= offset]
            assert document.in_quotation(offset, end) == bool(opened and end <= opened[-1][1]), (offset, end)
    assert document.in_quotation(text.index("real")) and not document.in_quotation(text.index("Short"))


@pytest.mark.parametrize("ending", ["\n", "\r\n"])
def test_plain_text_blocks_never_include_line_endings(ending):
    text = ending.join(["Ferry fares rise", "", "Fares rise 12% from June, the operator said.", "", "Last line."]) + ending
    document, _ = doc_of(text)
    assert [document.text[b.start : b.end] for b in document.blocks] == [
        "Ferry fares rise", "Fares rise 12% from June, the operator said.", "Last line."
    ]
    assert doc_of("")[0].blocks == [] and len(doc_of("One line without an ending")[0].blocks) == 1
