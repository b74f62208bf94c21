"""How much the sourcing checks slow newslint down: ``python tests/sourcing_bench.py [FOLDER]``.

Lints every .txt/.md file in FOLDER (default: the seed articles in ../shared/seeds,
else the labelled articles in tests/data/sourcing) 40 times over, with and without
unsourced-statistic and vague-attribution, and prints the best of five interleaved
runs of each (CPU time, so other processes on the machine matter less).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

from newslint.engine import Linter, RunOptions

HERE = Path(__file__).resolve().parent
RULES = ["unsourced-statistic", "vague-attribution"]


def corpus(folder: Path | None) -> list[tuple[str, str]]:
    folder = folder or HERE.parent.parent / "shared" / "seeds"
    if folder.is_dir():
        texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    else:
        data = yaml.safe_load((HERE / "data" / "sourcing" / "articles.yaml").read_text(encoding="utf-8"))
        texts = [case["text"] for case in data]
    return [(f"a{i}.txt", text) for i in range(40) for text in texts]


def main(argv: list[str]) -> int:
    articles = corpus(Path(argv[0]) if argv else None)
    size = sum(len(t) for _, t in articles) / 1e6
    linters = {
        "without": Linter(RunOptions(ignore=RULES, entry_points=False)),
        "with": Linter(RunOptions(entry_points=False)),
    }
    best = dict.fromkeys(linters, float("inf"))
    for linter in linters.values():
        linter.lint_text(*articles[0])  # load plugins and compile patterns outside the timing
    for _ in range(5):
        for name, linter in linters.items():
            started = time.process_time()
            for path, text in articles:
                linter.lint_text(path, text, "text")
            best[name] = min(best[name], time.process_time() - started)
    with_, without = best["with"], best["without"]
    print(
        f"{size:.2f} MB in {len(articles)} articles: without the sourcing checks {without:.2f}s "
        f"({size / without:.2f} MB/s), with them {with_:.2f}s ({size / with_:.2f} MB/s): "
        f"{100 * (with_ - without) / without:.1f}% slower"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
