"""newslint's benchmark: throughput, start-up, memory, scaling, and proselint on the same corpus.

    python benchmarks/run.py                    # build a 5 MB corpus from examples/ and measure
    python benchmarks/run.py --corpus DIR       # measure on your own articles
    python benchmarks/run.py --json out.json    # also write the figures as JSON
    python benchmarks/run.py --instructions     # also count instructions (valgrind): noise-free

The generated corpus is reproducible (fixed seed): articles are assembled from the
paragraphs of the project's own example articles, with names and figures varied, as
Markdown, plain text and HTML. Every figure comes from a run made here; nothing is
asserted. Timed runs happen in fresh subprocesses so imports and start-up count the way
a user sees them. Runs that are compared take turns (proselint, one process, then --jobs N,
round after round; newslint's start-up, then proselint's) so that a drift in a shared machine's speed
falls on both sides of a ratio alike. Each round also measures the machine's own capacity for
parallel work (several one-process runs at once against one alone), the ceiling for --jobs.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
DEFAULT_CORPUS = REPO / "benchmarks" / "corpus"
PY = sys.executable

_NAMES = ["Marta Lindqvist", "Tomas Keller", "Ana Ruiz", "Sergei Volkov", "Amina Haddad", "Jonas Weber", "Li Wei",
          "Zoë Müller", "Łukasz Wójcik", "Olena Kovalenko", "José Núñez"]
_PLACES = ["Rotterdam", "Kyiv", "Lisbon", "Nairobi", "Gdansk", "Porto", "Tbilisi", "Lyon", "Zürich", "Kraków", "Malmö",
           "São Paulo"]
#: Page furniture a scraped archive carries: some articles end with one of these lines.
_DEBRIS = ["Leave a Comment", "- Advertisement -", "You may also like", "Read more"]


# -- corpus -----------------------------------------------------------------------------

def _example_paragraphs() -> list[str]:
    paragraphs: list[str] = []
    for path in sorted(EXAMPLES.glob("*")):
        text = path.read_text(encoding="utf-8")
        if path.suffix in (".html", ".htm"):
            text = re.sub(r"<[^>]+>", "\n", text)
        text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
        for block in re.split(r"\n\s*\n", text):
            block = " ".join(block.split())
            # Whole sentences only: headlines, bylines, crossheads and code are left out.
            if len(block.split()) >= 6 and block.endswith((".", '."', ".\u201d")) and not block.startswith(
                ("```", "<!--", "|", "#", "-", ">")
            ):
                paragraphs.append(block)
    if not paragraphs:
        raise SystemExit("benchmarks: examples/ has no paragraphs to build a corpus from")
    return paragraphs


def _markdown_inline(paragraph: str, rng: random.Random) -> str:
    """Emphasis and a link in some paragraphs, as newsroom Markdown has them."""
    words = paragraph.split(" ")
    if len(words) > 8 and rng.random() < 0.3:
        i = rng.randrange(1, len(words) - 3)
        if words[i].isalpha() and words[i + 1].isalpha():
            words[i], words[i + 1] = "*" + words[i], words[i + 1] + "*"
    if len(words) > 8 and rng.random() < 0.15:
        i = rng.randrange(0, len(words) - 2)
        if words[i].isalpha():
            words[i] = f"[{words[i]}](https://example.org/{words[i].lower()})"
    return " ".join(words)


def build_corpus(target: Path, megabytes: float, seed: int = 20251122) -> Path:
    """Write articles until ``megabytes`` of text; the same seed gives the same corpus.

    Paragraphs come from examples/ with names, places and figures varied (some names and
    places accented, as in real copy); Markdown articles get some emphasis and links, and one
    article in ten ends with a line of web debris, so every reader path and check has work.
    """
    rng = random.Random(seed)
    paragraphs = _example_paragraphs()
    if target.exists():
        for old in target.glob("*"):
            old.unlink()
    target.mkdir(parents=True, exist_ok=True)
    total, index = 0, 0
    limit = int(megabytes * 1_000_000)
    while total < limit:
        body = []
        for _ in range(rng.randint(8, 20)):
            paragraph = rng.choice(paragraphs)
            paragraph = paragraph.replace("Marta Lindqvist", rng.choice(_NAMES)).replace("Rotterdam", rng.choice(_PLACES))
            paragraph = re.sub(r"\b\d{1,2}(?=%| per cent)", lambda m: str(rng.randint(2, 95)), paragraph)
            if index % 3 == 0:
                paragraph = _markdown_inline(paragraph, rng)
            body.append(paragraph)
        if rng.random() < 0.1:
            body.append(rng.choice(_DEBRIS))
        title = f"Story {index}: {rng.choice(_PLACES)} council weighs its options"
        kind = ("md", "txt", "html")[index % 3]
        if kind == "md":
            text = f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: 2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n---\n\n# {title}\n\n" + "\n\n".join(body)
        elif kind == "txt":
            text = f"{title}\n\nBy {rng.choice(_NAMES)}\n\n" + "\n\n".join(body)
        else:
            paras = "\n".join(f"<p>{p}</p>" for p in body)
            text = f"<html><head><title>{title}</title></head><body><h1>{title}</h1>\n{paras}\n</body></html>"
        path = target / f"article-{index:05d}.{kind}"
        path.write_text(text + "\n", encoding="utf-8")
        total += len(text.encode("utf-8"))
        index += 1
    return target


def corpus_size(corpus: Path) -> tuple[int, int]:
    files = [p for p in corpus.rglob("*") if p.suffix.lower() in (".md", ".markdown", ".txt", ".html", ".htm")]
    return sum(p.stat().st_size for p in files), len(files)


# -- measurements ----------------------------------------------------------------------------

#: Timed runs may write bytecode caches, as an installed package has them: with
#: PYTHONDONTWRITEBYTECODE set (some containers set it) every start-up of a source checkout
#: would recompile all of newslint and measure the compiler instead.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _run(args: list[str], cwd: Path | None = None) -> tuple[float, float, subprocess.CompletedProcess]:
    """Wall time and peak RSS (MiB) of one subprocess."""
    wrapper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True)\n"
        "elapsed = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "sys.stdout.buffer.write(p.stdout)\n"
        "sys.stderr.write(json.dumps([elapsed, rss, p.returncode]))\n"
    )
    proc = subprocess.run([PY, "-c", wrapper, *args], capture_output=True, cwd=cwd, env=_ENV)
    elapsed, rss, code = json.loads(proc.stderr.decode().strip().splitlines()[-1])
    return elapsed, rss, subprocess.CompletedProcess(args, code, proc.stdout, b"")


def _at_once(command: list[str], count: int) -> float:
    """Wall time of ``count`` copies of ``command`` started together."""
    started = time.perf_counter()
    procs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_ENV)
             for _ in range(count)]
    for proc in procs:
        proc.wait()
    return time.perf_counter() - started


def machine_capacity(sample: Path, jobs: int) -> float:
    """How much faster ``jobs`` processes get through ``jobs`` times the work than one process:
    ``jobs`` one-process runs of newslint on ``sample`` at once, against one alone.

    The ceiling for ``--jobs`` at that moment. On a shared virtual machine the cores are not
    always ``jobs`` times one core: here two independent runs at once have taken from 1.0 to
    1.5 times as long as one alone, minutes apart.
    """
    command = [PY, "-m", "newslint", "check", str(sample), "--jobs", "1", "--fail-on", "never", "--format", "json"]
    alone = _at_once(command, 1)
    return jobs * alone / _at_once(command, jobs)


def throughput_rounds(
    corpus: Path, jobs_list: list[int], repeat: int, sample: Path | None = None, proselint: bool = False
) -> tuple[dict[int, dict], dict | None]:
    """Whole-corpus runs for each ``--jobs`` value, and of proselint when asked, taking turns round
    by round so that a drift in the machine's speed hits them alike; each ratio is the median of
    the rounds' ratios. With a ``sample`` folder, each round also measures the machine's capacity
    for the largest ``--jobs`` value (see :func:`machine_capacity`). Returns newslint's figures
    per ``--jobs`` value and proselint's (None when not asked or not installed)."""
    runs: dict[int, dict] = {jobs: {"times": [], "rss": 0.0, "outputs": set()} for jobs in jobs_list}
    capacity: list[float] = []
    proselint_times: list[float] = []
    for _ in range(repeat):
        if proselint:
            seconds = proselint_throughput(corpus)
            if seconds is None:
                proselint = False
            else:
                proselint_times.append(seconds)
        if sample is not None and len(jobs_list) > 1:
            capacity.append(machine_capacity(sample, max(jobs_list)))
        for jobs in jobs_list:
            elapsed, peak, proc = _run([PY, "-m", "newslint", "check", str(corpus), "--format", "json",
                                        "--jobs", str(jobs), "--fail-on", "never"])
            if proc.returncode != 0:
                raise SystemExit(f"benchmarks: newslint exited {proc.returncode}")
            run = runs[jobs]
            run["times"].append(elapsed)
            run["rss"] = max(run["rss"], peak)
            run["outputs"].add(proc.stdout)
    first = runs[jobs_list[0]]["times"]
    rival = None
    if proselint_times:
        rival = {"seconds": statistics.median(proselint_times),
                 "ratio": statistics.median(p / n for p, n in zip(proselint_times, first))}
    return {
        jobs: {
            "seconds": statistics.median(run["times"]),
            "peak_rss_mib": run["rss"],
            "output": run["outputs"].pop() if len(run["outputs"]) == 1 else None,
            "speedup": statistics.median(a / b for a, b in zip(first, run["times"])),
            "capacity": statistics.median(capacity) if capacity and jobs == max(jobs_list) > 1 else None,
        }
        for jobs, run in runs.items()
    }, rival


def per_check_times(corpus: Path) -> dict[str, float]:
    from newslint.engine import Linter, RunOptions

    linter = Linter(RunOptions(profile=True, fail_on="never"))
    linter.run([str(corpus)])
    return dict(sorted(linter.timings.items(), key=lambda kv: -kv[1]))


def _short_file(folder: Path) -> Path:
    """The one-sentence article that start-up is measured on."""
    short = folder / "short.txt"
    short.write_text("The council met on Thursday.\n", encoding="utf-8")
    return short


def _has_proselint() -> bool:
    return subprocess.run([PY, "-c", "import proselint"], capture_output=True).returncode == 0


def startup(repeat: int, article: Path) -> dict[str, float | None]:
    """Median wall time of ``newslint check`` on one short file and on ``article``, and of
    ``proselint check`` on the short file, taking turns, each after a warm-up run (which writes
    the bytecode caches, as installing a package does)."""
    with tempfile.TemporaryDirectory() as tmp:
        short = _short_file(Path(tmp))
        commands = {
            "short": [PY, "-m", "newslint", "check", str(short), "--jobs", "1"],
            "article": [PY, "-m", "newslint", "check", str(article), "--jobs", "1"],
        }
        if _has_proselint():
            commands["proselint"] = [PY, "-m", "proselint", "check", str(short)]
        times: dict[str, list[float]] = {name: [] for name in commands}
        for command in commands.values():
            _run(command)
        for _ in range(repeat):
            for name, command in commands.items():
                times[name].append(_run(command)[0])
    return {name: statistics.median(values) for name, values in times.items()} | (
        {} if "proselint" in times else {"proselint": None})


_PROSELINT_SCRIPT = """
import sys, pathlib
from proselint.checks import __register__
from proselint.config import DEFAULT
from proselint.registry import CheckRegistry
from proselint.tools import LintFile
CheckRegistry().register_many(__register__)
config = {**DEFAULT, "max_errors": 10**9}
for p in sorted(pathlib.Path(sys.argv[1]).rglob('*')):
    if p.is_file():
        LintFile(p).lint(config)
"""


def proselint_throughput(corpus: Path) -> float | None:
    probe = subprocess.run([PY, "-c", "import proselint.tools, proselint.registry"], capture_output=True)
    if probe.returncode != 0:
        return None
    elapsed, _rss, proc = _run([PY, "-c", _PROSELINT_SCRIPT, str(corpus)])
    return elapsed if proc.returncode == 0 else None


def pathological_inputs(folder: Path) -> dict[str, dict]:
    """Inputs built to break naive code; each should take time in proportion to its size."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = {
        "one 1 MB line": ("The council met and agreed the plan, officials said. " * 19_000).replace(". ", ", "),
        "20,000-word sentence": " ".join(["analysts"] * 20_000) + ".",
        "10,000 numbers in a row": " ".join(f"{i}%" for i in range(10_000)) + ".",
        "deeply nested list": "".join("  " * i + "- item 45% said\n" for i in range(500)),
        "10,000 quote marks": '"' * 10_000,
    }
    out = {}
    for name, text in cases.items():
        path = folder / (re.sub(r"\W+", "-", name).strip("-") + (".md" if "list" in name else ".txt"))
        path.write_text(text, encoding="utf-8")
        elapsed, _rss, proc = _run([PY, "-m", "newslint", "check", str(path), "--fail-on", "never", "--format", "json"])
        size = path.stat().st_size
        out[name] = {"bytes": size, "seconds": round(elapsed, 3), "exit_code": proc.returncode}
    return out


def _copy(corpus: Path, folder: Path, count: int | None) -> Path:
    """The first ``count`` articles of ``corpus`` (all with None), in name order, copied to ``folder``."""
    files = sorted(p for p in corpus.iterdir() if p.is_file())
    folder.mkdir(parents=True, exist_ok=True)
    for path in files[:count]:
        target = folder / path.name
        if not target.exists():
            target.write_bytes(path.read_bytes())
    return folder


def _tenth(corpus: Path, folder: Path) -> Path:
    return _copy(corpus, folder, max(1, sum(1 for p in corpus.iterdir() if p.is_file()) // 10))


def scaling(corpus: Path, workdir: Path, rounds: int = 5) -> dict:
    """Ten times the input should take at most eleven times as long (in-process, no start-up).

    Measured in CPU time: on a shared virtual machine the wall clock of the short run swings
    with what the neighbours do, which says nothing about how the cost grows. The machine's speed
    also drifts within seconds, so the two sizes get the same exposure to it: in each round the
    tenth runs as many times as it is smaller (half before the whole corpus, half after), and the
    figures are medians, not best times. A best time favours the short run, which fits whole into
    a quiet moment that the long run only partly shares (one run here gave 12.8x that way, and
    9.4-10.3x minutes later). Two figures:

    * whole runs: the median run of each size;
    * article by article: each article's median time, summed, plus the median time outside the
      articles (discovery, the archive phase). An article that costs more because many were
      checked before it (state that grows with the run) still shows, since the tenth is the
      first tenth of the same articles.
    """
    from newslint.engine import Linter, RunOptions

    class TimedLinter(Linter):
        """A Linter that keeps the CPU time each article took."""

        def __init__(self, options: RunOptions) -> None:
            super().__init__(options)
            self.spent: dict[Path, float] = {}

        def lint_file(self, path, display=None):
            started = time.process_time()
            result = super().lint_file(path, display)
            self.spent[path] = time.process_time() - started
            return result

    small_dir, large_dir = _tenth(corpus, workdir / "x1"), _copy(corpus, workdir / "x10", None)
    size_ratio = corpus_size(large_dir)[0] / corpus_size(small_dir)[0]
    Linter(RunOptions(fail_on="never")).run([str(small_dir)])  # warm the per-process caches
    repeats = max(1, round(size_ratio))
    turns = [("x1", small_dir)] * (repeats // 2) + [("x10", large_dir)] + [("x1", small_dir)] * (repeats - repeats // 2)
    whole: dict[str, list[float]] = {"x1": [], "x10": []}
    rest: dict[str, list[float]] = {"x1": [], "x10": []}
    articles: dict[str, dict[Path, list[float]]] = {"x1": {}, "x10": {}}
    for _ in range(rounds):
        for label, folder in turns:
            linter = TimedLinter(RunOptions(fail_on="never"))
            started = time.process_time()
            linter.run([str(folder)])
            elapsed = time.process_time() - started
            whole[label].append(elapsed)
            rest[label].append(elapsed - sum(linter.spent.values()))
            for path, spent in linter.spent.items():
                articles[label].setdefault(path, []).append(spent)
    median = statistics.median
    runs = {label: median(times) for label, times in whole.items()}
    per_article = {
        label: median(rest[label]) + sum(map(median, articles[label].values())) for label in whole
    }
    return {
        "size_ratio": round(size_ratio, 2),
        "time_ratio": round(runs["x10"] / runs["x1"], 2),
        "per_article_ratio": round(per_article["x10"] / per_article["x1"], 2),
        "seconds": {k: round(v, 3) for k, v in runs.items()},
        "per_article_seconds": {k: round(v, 3) for k, v in per_article.items()},
        "runs": {k: len(v) for k, v in whole.items()},
    }


def instructions(command: list[str]) -> int | None:
    """Instructions ``command`` executes, as valgrind's callgrind counts them; None without valgrind.

    Unlike seconds, the count does not move with what the machine's neighbours do: it tells a
    change of a few percent apart on a machine whose speed drifts by a third. The command runs
    once first, so that it finds its bytecode caches written as an installed package has them.
    """
    if shutil.which("valgrind") is None:
        return None
    env = {**_ENV, "PYTHONHASHSEED": "0"}  # the same hashing, so the same count each time
    subprocess.run(command, capture_output=True, env=env)
    proc = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                          capture_output=True, env=env)
    found = re.search(rb"Collected : (\d+)", proc.stderr)
    return int(found.group(1)) if found else None


def instruction_counts(corpus: Path, sample: Path, article: Path) -> dict | None:
    """Start-up and scaling in instructions: newslint and proselint on one short file, newslint
    on one example article, on the corpus's first tenth and on the whole corpus. Scaling is
    (whole - start-up) / (tenth - start-up), start-up being the short file's count."""
    with tempfile.TemporaryDirectory() as tmp:
        short = _short_file(Path(tmp))
        check = [PY, "-m", "newslint", "check", "--jobs", "1", "--fail-on", "never"]
        counts = {"short": instructions([*check, str(short)])}
        if counts["short"] is None:
            return None
        counts["article"] = instructions([*check, str(article)])
        if _has_proselint():
            counts["proselint_short"] = instructions([PY, "-m", "proselint", "check", str(short)])
        counts["tenth"] = instructions([*check, "--format", "json", str(sample)])
        counts["whole"] = instructions([*check, "--format", "json", str(corpus)])
    base = counts["short"]
    counts["size_ratio"] = round(corpus_size(corpus)[0] / corpus_size(sample)[0], 2)
    counts["scaling"] = round((counts["whole"] - base) / (counts["tenth"] - base), 2)
    return counts


# -- report ---------------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, help="a folder of articles (default: generate one)")
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the generated corpus")
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (median reported)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="processes for the parallel run")
    parser.add_argument("--json", type=Path, help="write the results as JSON to this file")
    parser.add_argument("--skip-proselint", action="store_true")
    parser.add_argument("--instructions", action="store_true",
                        help="also count start-up and scaling in instructions with valgrind (about ten minutes more)")
    args = parser.parse_args(argv)

    corpus = args.corpus or build_corpus(DEFAULT_CORPUS, args.megabytes)
    size, articles = corpus_size(corpus)
    mb = size / 1_000_000
    results: dict = {
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "corpus": {"path": str(corpus), "megabytes": round(mb, 2), "articles": articles},
    }
    with tempfile.TemporaryDirectory() as tmp:
        sample = _tenth(corpus, Path(tmp) / "tenth")
        runs, rival = throughput_rounds(corpus, [1, args.jobs] if args.jobs > 1 else [1], args.repeat, sample,
                                          proselint=not args.skip_proselint)
        if args.instructions:
            counts = instruction_counts(corpus, sample, EXAMPLES / "harbour-strike.txt")
            results["instructions"] = counts if counts is not None else "valgrind not found"
    one = runs[1]
    # Start-up runs are short: fifteen rounds steady their medians on a noisy machine, at little cost.
    started = startup(max(15, args.repeat), EXAMPLES / "harbour-strike.txt")
    results["newslint"] = {
        "seconds": round(one["seconds"], 3),
        "mb_per_s": round(mb / one["seconds"], 2),
        "articles_per_s": round(articles / one["seconds"], 1),
        "peak_rss_mib": one["peak_rss_mib"],
        "startup_s": round(started["short"], 3),
        "startup_article_s": round(started["article"], 3),
    }
    if args.jobs > 1:
        many = runs[args.jobs]
        results["parallel"] = {
            "jobs": args.jobs,
            "seconds": round(many["seconds"], 3),
            "speedup": round(many["speedup"], 2),
            "machine_capacity": round(many["capacity"], 2),
            "identical_output": many["output"] is not None and many["output"] == one["output"],
            "peak_rss_mib": many["peak_rss_mib"],
        }
    if rival is not None:
        results["proselint"] = {
            "seconds": round(rival["seconds"], 3),
            "mb_per_s": round(mb / rival["seconds"], 2),
            "startup_s": round(started["proselint"], 3) if started["proselint"] else None,
            "newslint_speed_ratio": round(rival["ratio"], 1),
        }
    results["per_check_seconds"] = {k: round(v, 4) for k, v in per_check_times(corpus).items()}
    with tempfile.TemporaryDirectory() as tmp:
        results["scaling"] = scaling(corpus, Path(tmp))
        results["pathological"] = pathological_inputs(Path(tmp) / "pathological")
    print_table(results)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def print_table(r: dict) -> None:
    c, n = r["corpus"], r["newslint"]
    print(f"corpus: {c['megabytes']} MB, {c['articles']} articles ({c['path']})")
    print(f"machine: Python {r['machine']['python']}, {r['machine']['cpus']} CPUs")
    print(f"{'newslint, 1 process':28} {n['mb_per_s']:8.2f} MB/s  {n['articles_per_s']:8.1f} articles/s  "
          f"peak {n['peak_rss_mib']:.0f} MiB")
    if "parallel" in r:
        p = r["parallel"]
        print(f"{'newslint, --jobs ' + str(p['jobs']):28} {p['seconds']:8.2f} s     speed-up {p['speedup']:.2f}x  "
              f"identical output: {p['identical_output']}")
        print(f"{'':28} ceiling: {p['jobs']} one-process runs at once went {p['machine_capacity']:.2f}x as fast "
              f"as one alone")
    print(f"{'start-up (one short file)':28} {n['startup_s']:8.3f} s   (one example article: "
          f"{n['startup_article_s']:.3f} s)")
    if "proselint" in r:
        p = r["proselint"]
        print(f"{'proselint, same corpus':28} {p['mb_per_s']:8.2f} MB/s  newslint is {p['newslint_speed_ratio']}x faster"
              + (f"; proselint start-up {p['startup_s']:.3f} s" if p.get("startup_s") else ""))
    s = r["scaling"]
    print(f"{'scaling':28} {s['size_ratio']}x input took {s['time_ratio']}x CPU time (median runs), "
          f"{s['per_article_ratio']}x (each article's median)")
    counts = r.get("instructions")
    if isinstance(counts, dict):
        millions = {k: f"{v / 1e6:,.0f} M" for k, v in counts.items() if isinstance(v, int)}
        print(f"{'instructions, start-up':28} {millions['short']} (proselint: {millions.get('proselint_short', '-')}); "
              f"one example article {millions['article']}")
        print(f"{'instructions, scaling':28} {counts['size_ratio']}x input took {counts['scaling']}x instructions, "
              f"start-up taken off (first tenth {millions['tenth']}, whole corpus {millions['whole']})")
    elif counts:
        print(f"{'instructions':28} not counted: {counts}")
    print("pathological inputs:")
    for name, v in r["pathological"].items():
        print(f"  {name:26} {v['bytes'] / 1e6:6.2f} MB  {v['seconds']:7.3f} s  exit {v['exit_code']}")
    print("CPU time per check (1 process, whole corpus):")
    for name, seconds in r["per_check_seconds"].items():
        print(f"  {name:40} {seconds:8.3f} s")


if __name__ == "__main__":
    raise SystemExit(main())
