"""Precision and recall of the date checks on labelled sentences (tests/data/dates_eval.yaml).

The items are written for newslint: sentences that must fire and, as carefully, sentences that must
stay silent (former, then-, under, hypotheticals, quotations, correct pairs, future tense). Scored
over (item, rule) pairs; the targets are the project's (precision >= 0.9, recall >= 0.85).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from newslint.engine import lint_text

DATE_RULES = ["date-weekday-mismatch", "date-invalid", "date-anachronism", "date-anniversary"]
DATA = Path(__file__).parent / "data" / "dates_eval.yaml"


def score(items):
    tp = fp = fn = 0
    misses = []
    for item in items:
        fired = {f.rule for f in lint_text(item["text"], select=DATE_RULES, date=item["date"])}
        expected = set(item["fires"])
        tp += len(fired & expected)
        fp += len(fired - expected)
        fn += len(expected - fired)
        if fired != expected:
            misses.append((item["text"].strip().splitlines()[0], sorted(expected), sorted(fired)))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, misses


def test_precision_and_recall_on_labelled_sentences():
    items = yaml.safe_load(DATA.read_text(encoding="utf-8"))["items"]
    assert len(items) >= 80 and sum(bool(i["fires"]) for i in items) >= 35
    precision, recall, misses = score(items)
    print(f"\ndate checks on {len(items)} labelled items: precision {precision:.3f}, recall {recall:.3f}")
    for text, expected, fired in misses:
        print(f"  expected {expected or 'silence'}, got {fired or 'silence'}: {text}")
    assert precision >= 0.9, misses
    assert recall >= 0.85, misses
