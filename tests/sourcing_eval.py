"""Score unsourced-statistic and vague-attribution on the labelled cases in tests/data/sourcing.

Run ``python tests/sourcing_eval.py`` for a report; tests/test_sourcing_eval.py
asserts the same numbers stay above the bar.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from newslint.engine import lint_text

DATA = Path(__file__).resolve().parent / "data" / "sourcing"
CASES = DATA / "cases.yaml"
ARTICLES = DATA / "articles.yaml"
FILES = [CASES, ARTICLES, DATA / "more_cases.yaml", DATA / "blind_cases.yaml", DATA / "blind_cases_2.yaml"]
RULES = {"stat": "unsourced-statistic", "vague": "vague-attribution"}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def load_cases(path: Path = CASES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def score(cases: list[dict]) -> dict[str, Score]:
    scores = {key: Score() for key in RULES}
    for case in cases:
        text = case["text"]
        findings = lint_text(text, select=list(RULES.values()), kind=case.get("kind", "text"))
        for key, rule in RULES.items():
            expected = []
            for phrase in case.get(key, []):
                at = text.find(phrase)
                if at < 0:
                    raise ValueError(f"labelled phrase {phrase!r} is not in {text!r}")
                expected.append((at, at + len(phrase)))
            got = [(f.start, f.end) for f in findings if f.rule == rule]
            s = scores[key]
            for start, end in got:
                if any(start < e and s_ < end for s_, e in expected):
                    s.tp += 1
                else:
                    s.fp += 1
                    s.misses.append(f"false alarm {text[start:end]!r} in {_around(text, start, end)!r}")
            for s_, e in expected:
                if not any(start < e and s_ < end for start, end in got):
                    s.fn += 1
                    s.misses.append(f"missed {text[s_:e]!r} in {_around(text, s_, e)!r}")
    return scores


def _around(text: str, start: int, end: int) -> str:
    """The line holding a span, for reports."""
    return text[text.rfind("\n", 0, start) + 1 : (text.find("\n", end) + 1 or len(text) + 1) - 1]


def main() -> int:
    scores = score([case for path in FILES for case in load_cases(path)])
    for key, s in scores.items():
        print(f"{RULES[key]}: precision {s.precision:.3f} recall {s.recall:.3f} (tp {s.tp}, fp {s.fp}, fn {s.fn})")
        for line in s.misses:
            print("   ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
