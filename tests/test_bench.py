"""The benchmark's parts run (bench/run.py): a benchmark no test runs breaks unseen, as its build
part once did when the templates, `watch` and the renderer changed under it. Nothing here is timed:
its figures are the benchmark's own (bench/results.md)."""

from __future__ import annotations

import importlib.util
import sys

from bs4 import BeautifulSoup
from guide.content import load_guide
from guide.render import make_environment
from support.project import LANGUAGES, ROOT

sys.path.insert(0, str(ROOT / "bench"))  # run.py imports its neighbours (stock.py, pocket.py)
_spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


def test_the_stock_counterpart_builds_the_guides_pages_with_stock_material(tmp_path):
    site = tmp_path / "stock"
    assert bench.build_seconds(bench.stock_config(tmp_path / "work"), site, pdfs=False) > 0
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("article h1") is not None  # a page of the guide's Markdown …
    assert not home.select("[data-guide-widget]") and not (site / "assets/guide").exists()  # … with none of the guide's own
    assert (site / "en/index.html").exists()


def test_the_hooks_are_timed_on_a_valid_synthetic_guide(tmp_path):
    docs = bench.synthetic_guide(tmp_path / "docs", 9)  # the scale's guides, made from the seven: here two more
    guide = load_guide(docs, tmp_path, LANGUAGES)
    assert [t.number for t in guide.techniques] == list(range(1, 10))
    assert bench.hooks_seconds(docs, make_environment(str(ROOT / "overrides"))) > 0


def test_the_weight_is_the_heaviest_pages_and_lists_every_script_shipped(site):
    files, heaviest, loaded = bench.weights(site)
    assert heaviest == "assessment/index.html" and 0 < loaded <= 8 * 1024
    assert {name for name, *_ in files} == {p.name for p in (site / "assets/guide").glob("*.js")} | {"guide.css (inline)"}
    assert all(0 < gz < raw for _, raw, gz in files)
