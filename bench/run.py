"""The guide's benchmark: hook overhead, scale, full build, serve rebuild, asset weight,
Lighthouse side by side with stock Material (bench/stock.py), and the first and repeat visit on a
slow phone network, the repeat one served by the service worker (bench/pocket.py).

    .venv/bin/python bench/run.py [--rounds 9] [--stock-rounds 5] [--pocket-rounds 3] [--only build|stock|pocket]

Prints Markdown tables and writes them to bench/results.md, one section each; `--only` runs one
part (the comparison takes about four minutes) and leaves the other section of the file as it
was. Targets come from issue #5 (build) and from "As fast as the stock theme" (stock); a target
missed is marked ✗ and makes the exit status 1.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pocket
import stock
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))  # support/: how the suite reads a built site
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def build_seconds(config: Path, site: Path, pdfs: bool) -> float:
    env = dict(ENV, GUIDE_PDFS="on" if pdfs else "off")
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site)],
        cwd=config.parent,
        env=env,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def stock_config(work: Path) -> Path:
    """The guide's Markdown built without our hooks: stock Material's pages (our templates need
    what the hooks give them), nothing watched (`watch` names a folder beside mkdocs.yml), and the
    links to the widgets' anchors, which the hooks make, left to warn. The pages the hooks add (the
    embed pages, the trainers' sheets) exist only in the guide's own build."""
    config = work / "mkdocs-no-hooks.yml"
    (work / "no-overrides").mkdir(parents=True, exist_ok=True)
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\nhooks: []\nwatch: []\nstrict: false\ndocs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  name: material\n  custom_dir: {work / 'no-overrides'}\n",
        encoding="utf-8",
    )
    return config


def hook_overhead(rounds: int, work: Path) -> tuple[float, float, float]:
    """Median build time with our hooks and without them (stock_config), PDFs off, alternating."""
    without = stock_config(work)
    with_hooks, no_hooks = [], []
    build_seconds(ROOT / "mkdocs.yml", work / "warm", pdfs=False)  # warm the file cache
    for _ in range(rounds):
        with_hooks.append(build_seconds(ROOT / "mkdocs.yml", work / "a", pdfs=False))
        no_hooks.append(build_seconds(without, work / "b", pdfs=False))
    a, b = statistics.median(with_hooks), statistics.median(no_hooks)
    return a, b, a / b


def synthetic_guide(docs: Path, count: int) -> Path:
    """A docs folder with `count` techniques made from the real ones (IDs renamed)."""
    if docs.exists():
        shutil.rmtree(docs)
    (docs / "techniques").mkdir(parents=True)
    shutil.copy(ROOT / "docs/quiz.yml", docs / "quiz.yml")
    real = sorted((ROOT / "docs/techniques").glob("*.yml"))
    passages = []  # each plan reads its passage from the article's list: one item per technique
    for number in range(1, count + 1):
        data = yaml.safe_load(real[(number - 1) % len(real)].read_text(encoding="utf-8"))
        passages.append(f"{number}. **Technique {number}.**{{ #technique-{number} }} Un passage de l’article.")
        data["id"], data["number"] = f"technique-{number}", number
        data["plan"].pop("last_week", None)  # week 1 takes up no last week; every later week does
        if number > 1:
            data["plan"]["last_week"] = {"minutes": 1}
        (docs / "techniques" / f"technique-{number}.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    for page in ("article.md", "article.en.md"):
        text = (ROOT / "docs" / page).read_text(encoding="utf-8")
        (docs / page).write_text(text + "\n\n" + "\n".join(passages) + "\n", encoding="utf-8")
    return docs


def hooks_seconds(docs: Path, env) -> float:
    """What the hooks do for a guide: load + validate + render every widget in both languages."""
    from guide.build import load_strings
    from guide.content import load_guide
    from guide.render import Renderer
    from guide.yamlfile import parse

    languages = ("fr", "en")
    parse.cache_clear()  # parsing counts too: nothing kept in memory or on disk
    start = time.perf_counter()
    guide = load_guide(docs, docs.parent, languages)
    strings = load_strings(languages)
    for lang, prefix in (("fr", ""), ("en", "en/")):
        renderer = Renderer(env=env, guide=guide, strings=strings[lang], lang=lang, prefix=prefix, with_pdfs=True)
        for t in guide.techniques:
            url = f"{prefix}techniques/{t.id}/"
            page = f"<!-- guide:checklist {t.id} -->\n<!-- guide:quiz {t.id} -->\n<!-- guide:self-check {t.id} -->"
            renderer.render_page(page, url)
            renderer.render_page(f"<!-- guide:plan {t.id} -->", f"{prefix}trainers/{t.id}/")
        for marker in ("checklists", "assessment", "answer-key"):
            renderer.render_page(f"<!-- guide:{marker} -->", f"{prefix}{marker}/")
    return time.perf_counter() - start


def scale(rounds: int, work: Path) -> tuple[float, float, float]:
    """The hooks' time for the seven techniques and for 70, alternating (the host's speed moves by
    a third within minutes: each round's ratio compares two runs taken side by side): medians, and
    the median of the rounds' ratios of time per technique."""
    from guide.render import make_environment

    env = make_environment(str(ROOT / "overrides"))
    guides = {n: synthetic_guide(work / f"g{n}" / "docs", n) for n in (7, 70)}
    hooks_seconds(guides[7], env)  # templates compiled once, as in a build
    times = {7: [], 70: []}
    for _ in range(rounds):
        for n, docs in guides.items():
            times[n].append(hooks_seconds(docs, env))
    ratios = [(large / 70) / (small / 7) for small, large in zip(times[7], times[70], strict=True)]
    return statistics.median(times[7]), statistics.median(times[70]), statistics.median(ratios)


def serve_rebuild(work: Path) -> float:
    """Seconds from saving a page to `mkdocs serve` having rebuilt the site."""
    project = work / "serve"
    if project.exists():
        shutil.rmtree(project)
    for part in ("docs", "hooks", "overrides", "mkdocs.yml"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, project / part)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project,
        env=ENV,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        lines = iter(process.stderr.readline, "")
        for line in lines:
            if "Serving on" in line:
                break
        time.sleep(1)
        page = project / "docs/techniques/remercier.md"
        start = time.perf_counter()
        page.write_text(page.read_text(encoding="utf-8") + "\nUne ligne de plus.\n", encoding="utf-8")
        for line in lines:
            if "Reloading browsers" in line:
                break
        return time.perf_counter() - start
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def weights(site: Path) -> tuple[list[tuple[str, int, int]], str, int]:
    """Raw and gzipped bytes of each script we ship, and of the style sheet every page carries
    inline; and the page that loads the most of them before any click, with that weight (what
    tests/test_site.py holds to 8 KiB, measured by the same function)."""
    from support.site import first_load

    style = re.search(r"<style>(.*?)</style>", (site / "index.html").read_text(encoding="utf-8"), re.S).group(1).encode("utf-8")
    files = [(f.name, f.read_bytes()) for f in sorted((site / "assets/guide").glob("*.js"))] + [("guide.css (inline)", style)]
    loads = first_load(site)
    heaviest = max(loads, key=loads.get)
    return [(name, len(data), len(gzip.compress(data, 9))) for name, data in files], heaviest, loads[heaviest]


def build_measures(rounds: int, work: Path) -> tuple[str, bool]:
    rows = []

    def row(what, value, target, ok):
        rows.append((what, value, target, "✓" if ok else "✗"))
        print(f"{what}: {value} (target {target})", file=sys.stderr)

    a, b, ratio = hook_overhead(rounds, work)
    row(
        "Hook overhead: the guide built with our hooks / its Markdown with stock Material (median, PDFs off)",
        f"{a:.2f} s / {b:.2f} s = ×{ratio:.3f}",
        "≤ ×1.10",
        ratio <= 1.10,
    )
    small, large, per = scale(3 * rounds, work)
    row(
        "Scale: hooks' time per technique, 70 vs 7 techniques",
        f"{small * 1000:.0f} ms / 7, {large * 1000:.0f} ms / 70 → ×{per:.3f}",
        "≤ ×1.05",
        per <= 1.05,
    )
    full = build_seconds(ROOT / "mkdocs.yml", work / "full", pdfs=True)
    row("Full build with PDFs", f"{full:.1f} s", "≤ 10 s", full <= 10)
    rebuild = serve_rebuild(work)
    row("`mkdocs serve` rebuild after editing one page", f"{rebuild:.1f} s", "≤ 2 s", rebuild <= 2)
    files, heaviest, loaded = weights(work / "full")
    detail = ", ".join(f"{name} {raw / 1024:.1f}/{gz / 1024:.1f}" for name, raw, gz in files)
    row(
        "Our JS + CSS a page loads before any click, gzipped (the files we ship: raw/gzipped KB)",
        f"{loaded / 1024:.2f} KB on the heaviest page, {heaviest.removesuffix('index.html')} ({detail})",
        "≤ 8 KB gz",
        loaded <= 8 * 1024,
    )

    table = ["| Measure | Result | Target | Met |", "|---|---|---|---|"]
    table += [f"| {what} | {value} | {target} | {ok} |" for what, value, target, ok in rows]
    return "\n".join(table) + "\n", all(ok == "✓" for *_, ok in rows)


SECTIONS = {
    "build": "Build, hooks and assets",
    "stock": "Side by side with stock Material",
    "pocket": "First and repeat visit on a slow phone network",
}


def write_results(new: dict[str, str]) -> None:
    """bench/results.md with the sections just measured replaced and the others kept as they were."""
    path = ROOT / "bench" / "results.md"
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    kept = {title: "## " + body for title, body in ((part.split("\n", 1)[0], part) for part in old.split("\n## ")[1:])}
    kept.update({title: f"## {title}\n\n{body}" for title, body in new.items()})
    text = "# Benchmark results\n\n" + "\n".join(kept[title] for title in SECTIONS.values() if title in kept)
    path.write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=9, help="builds per side for the hook overhead")
    parser.add_argument("--stock-rounds", type=int, default=5, help="Lighthouse runs per site and page")
    parser.add_argument("--pocket-rounds", type=int, default=3, help="first and repeat visits per page")
    parser.add_argument("--only", choices=SECTIONS, help="run one part: build (about a minute), stock (about four) or pocket (about two)")
    args = parser.parse_args()
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {time.strftime('%Y-%m-%d')}"
    sections, met = {}, True
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.only in (None, "build"):
            text, ok = build_measures(args.rounds, work)
            sections[SECTIONS["build"]], met = text + f"\nMeasured on {machine}.\n", met and ok
        if args.only in (None, "stock"):
            text, ok = stock.run(work, args.stock_rounds)
            sections[SECTIONS["stock"]], met = text + f"\nMeasured on {machine}.\n", met and ok
        if args.only in (None, "pocket"):
            text, ok = pocket.run(work, args.pocket_rounds)
            sections[SECTIONS["pocket"]], met = text + f"\nMeasured on {machine}.\n", met and ok
    print("\n".join(f"## {title}\n\n{body}" for title, body in sections.items()))
    write_results(sections)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
