"""The built site, read as HTML: both languages, the article verbatim, widgets, PDFs, links."""
from __future__ import annotations

import functools
import json
import re
import unicodedata
from xml.etree import ElementTree
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import GUIDE, ROOT

SEED = ROOT / "tests" / "fixtures" / "article-source.txt"  # the article as the user supplied it
SLUGS = [t.id for t in GUIDE.techniques]
LANGS = {"fr": "", "en": "en/"}


@functools.cache
def parsed(file: Path) -> BeautifulSoup:
    """A built page, parsed once for all the tests that read it (none changes it)."""
    return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, path: str) -> BeautifulSoup:
    return parsed(site / path / "index.html")


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for quote in "«»“”\"":
        text = text.replace(quote, '"')
    text = text.replace("’", "'")
    return " ".join(text.split()).replace('" ', '"').replace(' "', '"')


def pages_of(site: Path, lang: str) -> list[str]:
    """Every page folder of one language, relative to that language's root."""
    base = site / LANGS[lang]
    found = []
    for index in base.rglob("index.html"):
        rel = index.parent.relative_to(base).as_posix()
        if lang == "fr" and (rel == "en" or rel.startswith("en/")):
            continue
        found.append("" if rel == "." else rel + "/")
    return sorted(found)


# --- the article ------------------------------------------------------------------------------


def seed_sentences() -> list[str]:
    sentences = []
    for line in SEED.read_text(encoding="utf-8").splitlines():
        line = re.sub(r"^\s*\d\.\s", "", line)  # the list numbers are the <ol>'s own
        if line.strip() and line.strip() != "1503":
            sentences += [s for s in re.split(r"(?<=[.!?])\s+", normalise(line)) if s]
    return sentences


def test_every_sentence_of_the_article_is_there_verbatim(site):
    article = normalise(page(site, "article").select_one("article").get_text(" "))
    sentences = seed_sentences()
    assert len(sentences) > 50
    missing = [s for s in sentences if s not in article]
    assert missing == []


def test_article_details(site):
    html = page(site, "article")
    body = html.select_one("article")
    assert "1503" not in body.get_text()
    link = body.find("a", string="ici")
    assert link["href"] == "https://ivanmisner.com/"
    assert "Givers Gain®" in body.get_text()
    assert "Givers Gain®" in page(site, "en/article").select_one("article").get_text()
    assert [li.get_text(" ").split(".")[0] for li in body.select("ol > li")][0] == "Gardez toujours une attitude positive"
    for anchor in ["source", "pianiste", "pratiques-mediocres", "competences", *SLUGS]:
        assert html.find(id=anchor), anchor
        assert page(site, "en/article").find(id=anchor), anchor


def test_english_article_is_a_full_translation(site):
    english = page(site, "en/article").select_one("article")
    assert english.find("a", href="https://ivanmisner.com/")
    assert len(english.select("ol > li")) == 7
    words = len(english.get_text(" ").split())
    french = len(page(site, "article").select_one("article").get_text(" ").split())
    assert 0.8 < words / french < 1.2
    assert "Ce n’est pas" not in english.get_text()


# --- both languages ---------------------------------------------------------------------------


def test_every_page_exists_in_both_languages(site):
    assert pages_of(site, "fr") == pages_of(site, "en")
    assert len(pages_of(site, "fr")) == 14


@pytest.mark.parametrize("lang", LANGS)
def test_pages_declare_language_description_and_hreflang(site, lang):
    other = "en" if lang == "fr" else "fr"
    for path in pages_of(site, lang):
        html = page(site, LANGS[lang] + path)
        where = f"{LANGS[lang]}{path}"
        assert html.html["lang"] == lang, where
        description = html.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 40, where
        alternates = {link["hreflang"]: link["href"] for link in html.select('link[rel="alternate"][hreflang]')}
        assert set(alternates) == {"fr", "en"}, where
        # the alternate in the other language is this page's counterpart, and it exists
        target = urljoin(f"http://x/{where}", alternates[other])
        assert urlparse(target).path.lstrip("/") == LANGS[other] + path, where
        switch = html.select_one(f'.md-select__link[hreflang="{other}"]')
        assert urlparse(urljoin(f"http://x/{where}", switch["href"])).path.lstrip("/") == LANGS[other] + path


def test_sitemap_lists_both_languages_with_hreflang(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    assert len(urls) == 28
    for url in urls:
        assert {link.get("hreflang") for link in url.findall("x:link", ns)} == {"fr", "en"}


def test_search_index_per_language(site):
    french = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "en/search/search_index.json").read_text(encoding="utf-8"))
    assert french["config"]["lang"] == ["fr"] and english["config"]["lang"] == ["en"]
    assert not any(d["location"].startswith("en/") for d in french["docs"])
    titles_en = " | ".join(d["title"] for d in english["docs"])
    titles_fr = " | ".join(d["title"] for d in french["docs"])
    assert "Thank people" in titles_en and "Remerciez les gens" not in titles_en
    assert "Remerciez les gens" in titles_fr and "Thank people" not in titles_fr
    # widgets' labels and answers stay out of the index: it finds pages, not quiz options
    item = GUIDE.techniques[0].checklist[0].items[0].text("fr")
    assert item not in json.dumps(french, ensure_ascii=False)
    config = json.loads(page(site, "en/article").find(id="__config").string)
    assert config["base"] == "../../en/"


def test_404_speaks_both_languages(site):
    html = parsed(site / "404.html")
    assert html.find(lang="fr").find("h1").get_text() == "Page introuvable"
    assert html.find(lang="en").find("h2").get_text() == "Page not found"


def test_no_asset_from_another_origin(site, origin):
    for file in site.rglob("*.html"):
        html = parsed(file)
        for tag in html.select("[src], link[href]"):
            url = tag.get("src") or tag.get("href")
            if tag.get("rel") in (["canonical"], ["alternate"]):  # the site's own addresses, absolute
                assert url.startswith(f"{origin}/"), (file, url)
            else:
                assert not re.match(r"^(https?:)?//", url), (file, url)
        external = {a["href"] for a in html.select("a[href]") if re.match(r"^(https?:)?//", a["href"]) and not a["href"].startswith(origin)}
        assert external <= {"https://ivanmisner.com/"}, (file, external)
    css = "".join(p.read_text(encoding="utf-8", errors="ignore") for p in site.rglob("*.css"))
    assert "fonts.googleapis" not in css and "@import url(http" not in css


def test_internal_links_and_anchors_resolve(site):
    broken = []
    for file in site.rglob("index.html"):
        html = parsed(file)
        here = "http://x/" + file.relative_to(site).as_posix()
        for a in html.select("a[href]"):
            url = urlparse(urljoin(here, a["href"]))
            if url.netloc != "x":
                continue
            target = site / url.path.lstrip("/")
            if target.is_dir() or url.path.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append((str(file.relative_to(site)), a["href"]))
            elif url.fragment and target.suffix == ".html" and not parsed(target.resolve()).find(id=url.fragment):
                broken.append((str(file.relative_to(site)), a["href"]))
    assert broken == []


# --- technique pages and widgets --------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_technique_page(site, slug, lang):
    technique = GUIDE.technique(slug)
    html = page(site, f"{LANGS[lang]}techniques/{slug}")
    quote = html.select_one(".admonition.quote")
    assert "Ivan Misner" in quote.get_text()
    assert quote.find("a", href=re.compile(rf"article/#{slug}$"))
    assert html.select_one(".guide-own .guide-own__label")
    # the checklist: one fieldset per pause point, a labelled checkbox per item, IDs from content
    checklist = html.select_one(f'#checklist-{slug}[data-guide-checklist="{slug}"]')
    groups = checklist.select("fieldset")
    assert [g.legend.get_text() for g in groups] == [
        {"fr": "Avant l’événement", "en": "Before the event"}[lang],
        {"fr": "Pendant l’événement", "en": "During the event"}[lang],
        {"fr": "Après l’événement", "en": "After the event"}[lang],
    ]
    boxes = checklist.select('input[type="checkbox"]')
    assert [b["data-item"] for b in boxes] == [i.id for p in technique.checklist for i in p.items]
    for box, item in zip(boxes, [i for p in technique.checklist for i in p.items]):
        label = checklist.find("label", attrs={"for": box["id"]})
        assert label.get_text() == item.text(lang)
    assert checklist.find("a", href=f"../../pdf/checklist-{slug}.pdf")
    assert "Ivan Misner" in checklist.select_one(".guide-print-foot").get_text()
    # the quiz: fieldset + legend per question, labelled options, nothing pre-selected
    quiz = html.select_one(f'form[data-guide-quiz="{slug}"]')
    questions = quiz.select("fieldset[data-question]")
    assert [q["data-question"] for q in questions] == [q.id for q in technique.questions]
    for fieldset, question in zip(questions, technique.questions):
        assert question.prompt(lang) in fieldset.legend.get_text()
        kind = "radio" if question.kind == "single" else "checkbox"
        inputs = fieldset.select("input")
        assert [i["type"] for i in inputs] == [kind] * len(question.options)
        assert not any(i.has_attr("checked") for i in inputs)
        assert all(fieldset.find("label", attrs={"for": i["id"]}) for i in inputs)
        assert all(f.has_attr("hidden") for f in fieldset.select(".guide-feedback, .guide-explanation"))
    assert quiz.select_one('[role="status"][aria-live="polite"]')
    # the self-check: five labelled points per statement
    statements = html.select(f'form[data-guide-selfcheck="{slug}"] fieldset[data-statement]')
    assert [s["data-statement"] for s in statements] == [s.id for s in technique.statements]
    scale = {"fr": ["Jamais", "Rarement", "Parfois", "Souvent", "Toujours"], "en": ["Never", "Rarely", "Sometimes", "Often", "Always"]}
    for statement in statements:
        assert [label.get_text(strip=True) for label in statement.select("label")] == scale[lang]
    # the page's scripts: only the widgets it holds
    modules = sorted(s["src"].rsplit("/", 1)[-1] for s in html.select('script[type="module"]'))
    assert modules == ["checklist.js", "quiz.js", "selfcheck.js"]


def test_pages_without_widgets_load_no_widget_script(site):
    for path in ["", "article", "en", "en/article"]:
        html = page(site, path)
        assert not html.select('script[type="module"]') and not html.find(id="guide-strings")


def test_scripts_and_styles_ship_minified(site):
    sources = sorted((ROOT / "overrides/assets/guide").iterdir())
    assert {s.name for s in sources} == {f.name for f in (site / "assets/guide").iterdir()}
    for source in sources:
        text = source.read_text(encoding="utf-8")
        shipped = (site / "assets/guide" / source.name).read_text(encoding="utf-8")
        header = text.splitlines()[0]  # every source opens with a comment saying what it is
        assert header.startswith(("//", "/*")) and header[3:] not in shipped, source.name
        assert len(shipped) < 0.85 * len(text), source.name


def test_combined_checklists_page(site):
    for prefix in LANGS.values():
        html = page(site, f"{prefix}checklists")
        assert [c["data-guide-checklist"] for c in html.select("[data-guide-checklist]")] == SLUGS
        assert html.find("a", href="../pdf/checklists.pdf")


def test_answer_key_lists_every_correct_option(site):
    html = page(site, "answer-key")
    correct = [li.get_text(" ", strip=True) for li in html.select(".guide-key-correct")]
    quizzes = [GUIDE.quiz.questions] + [t.questions for t in GUIDE.techniques]
    expected = [o.text("fr") for qs in quizzes for q in qs for o in q.options if o.correct]
    assert len(correct) == len(expected)
    assert all(text in line for text, line in zip(expected, correct))


# --- PDF handouts -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_handouts(site, lang):
    for technique in GUIDE.techniques:
        reader = PdfReader(site / LANGS[lang] / "pdf" / f"checklist-{technique.id}.pdf")
        assert len(reader.pages) == 1, technique.id
        text = " ".join(reader.pages[0].extract_text().split())
        assert technique.title(lang) in text
        for point in technique.checklist:
            for item in point.items:
                assert " ".join(item.text(lang).split()) in text, item.id
        width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
        assert (round(width), round(height)) == ({"fr": (595, 842), "en": (612, 792)}[lang])
    combined = PdfReader(site / LANGS[lang] / "pdf" / "checklists.pdf")
    assert len(combined.pages) == len(GUIDE.techniques)
    for number, technique in enumerate(GUIDE.techniques):
        assert technique.title(lang) in combined.pages[number].extract_text()


def test_every_page_has_a_strict_content_security_policy(site):
    from guide.csp import script_hashes

    for file in site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        html = parsed(file)
        meta = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta, file
        policy = dict(part.strip().split(" ", 1) for part in meta["content"].split(";"))
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
        assert "unsafe-inline" not in meta["content"] and "unsafe-eval" not in meta["content"]
        inline = [s for s in html.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert len(script_hashes(text)) == len({s.string for s in inline}) > 0
        assert all(h in policy["script-src"] for h in script_hashes(text))
        # the policy comes before any script
        assert text.index("Content-Security-Policy") < text.index("<script")
