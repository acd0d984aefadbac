"""The built site, read as HTML: both languages, the article verbatim, widgets, PDFs, links."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin, urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, Comment
from guide.build import load_strings
from guide.model import SCALE
from guide.pocket import THEME_COLOUR, read_precache
from guide.routes import POCKET_SCRIPT, WEB_MANIFEST, WORKER
from PIL import Image, ImageChops, ImageDraw
from pypdf import PdfReader
from support.printed import MM, longest_plan, page_texts, printed_sheets
from support.project import GUIDE, LANGS, ROOT, SLUGS
from support.server import host_headers
from support.site import KNOWN_ADDRESSES, assert_plan_quiz, expected_pages, first_load, flat_words, page, pages_of, parsed

SEED = ROOT / "tests" / "fixtures" / "article-source.txt"  # the article as the user supplied it


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    for quote in '«»“”"':
        text = text.replace(quote, '"')
    text = text.replace("’", "'")
    return " ".join(text.split()).replace('" ', '"').replace(' "', '"')


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
    # The English page names the author's English original and links his blog (not a permalink
    # this guide cannot vouch for).
    english_source = page(site, "en/article").find(id="source")
    assert english_source.find("em").get_text() == "Practice EFFECTIVE Networking Skills"
    assert english_source.find("a", string="his blog")["href"] == "https://ivanmisner.com/"
    assert "Givers Gain®" in body.get_text()
    assert "Givers Gain®" in page(site, "en/article").select_one("article").get_text()
    assert body.select("ol > li")[0].get_text(" ").split(".")[0] == "Gardez toujours une attitude positive"
    for anchor in ["source", "pianiste", "pratiques-mediocres", "competences", *SLUGS]:
        assert html.find(id=anchor), anchor
        assert page(site, "en/article").find(id=anchor), anchor


def test_english_article_is_a_full_translation(site):
    english = page(site, "en/article").select_one("article")
    assert english.find("a", href="https://ivanmisner.com/")
    assert len(english.select("ol > li")) == len(page(site, "article").select("article ol > li")) == len(SLUGS)
    words = len(english.get_text(" ").split())
    french = len(page(site, "article").select_one("article").get_text(" ").split())
    assert 0.8 < words / french < 1.2
    assert "Ce n’est pas" not in english.get_text()
    source = english.find(id="source").get_text(" ")
    assert "our translation of the French version" in source and "not Ivan Misner’s own English words" in source


QUOTED = {  # where the guide's own text puts words in Ivan Misner's mouth, and the text they must come from
    "fr": re.compile(r"«\s*([^»]+?)\s*»,? écrit Ivan Misner|écrit-il, «\s*([^»]+?)\s*»|Ivan Misner parle d’une «\s*([^»]+?)\s*»"),
    "en": re.compile(r"“([^”]+)”[^“”]{0,30}\((?:in )?our translation\)"),
}


@pytest.mark.parametrize("lang", LANGS)
def test_what_the_guide_quotes_of_ivan_misner_is_in_the_article(site, lang):
    """A few words quoted under his name, beside the guide's own advice, are his: the French seed's
    words as written, or the English article's, which the guide marks as its translation."""
    source = normalise(SEED.read_text(encoding="utf-8") if lang == "fr" else page(site, "en/article").select_one("article").get_text(" "))
    quoted = [
        next(group for group in found.groups() if group)
        for path in pages_of(site, lang)
        if path != "article"
        for found in QUOTED[lang].finditer(" ".join(page(site, LANGS[lang] + path).select_one("article").get_text(" ").split()))
    ]
    assert len(quoted) >= 3
    assert [q for q in quoted if normalise(q) not in source] == []


# --- both languages ---------------------------------------------------------------------------


def test_every_page_exists_in_both_languages(site):
    assert pages_of(site, "fr") == pages_of(site, "en") == expected_pages()  # a page per source in docs/


@pytest.mark.parametrize("lang", LANGS)
def test_pages_declare_language_description_and_link_their_translation(site, lang):
    other = "en" if lang == "fr" else "fr"
    for path in pages_of(site, lang):
        html = page(site, LANGS[lang] + path)
        where = f"{LANGS[lang]}{path}"
        assert html.html["lang"] == lang, where
        description = html.find("meta", attrs={"name": "description"})
        assert description and len(description["content"]) > 40, where
        # hreflang alternates live in the sitemap: in a page, Material would fetch a sitemap beside each
        assert not html.select('link[rel="alternate"][hreflang]'), where
        # the language switch links this page's counterpart, relatively (it works from any address)
        switch = html.select_one(f'.md-select__link[hreflang="{other}"]')
        assert not re.match(r"^(/|https?:)", switch["href"]), where
        assert urlparse(urljoin(f"http://x/{where}", switch["href"])).path.lstrip("/") == LANGS[other] + path


def test_sitemap_lists_both_languages_with_hreflang(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", ns)
    assert len(urls) == len(LANGS) * len(expected_pages())  # every page in every language
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
    # widgets' labels and answers stay out of the index: it finds pages, not quiz options (a
    # trainer's plan, which quotes the checklist item of its pair activity, is page content)
    item = GUIDE.techniques[0].checklist[0].items[0].text("fr")
    widgets_pages = [d for d in french["docs"] if not d["location"].startswith("trainers/")]
    assert item not in json.dumps(widgets_pages, ensure_ascii=False)
    config = json.loads(page(site, "en/article").find(id="__config").string)
    assert config["base"] == "../../en/"


@pytest.mark.parametrize("lang", LANGS)
def test_no_widget_is_in_the_search_index(site, lang):
    """Checklist items, quiz options, self-check and self-assessment statements and the rating
    scale: none in the index of the pages that show them (the trainers' plans quote items as their
    own content and are left aside)."""
    index = json.loads((site / LANGS[lang] / "search/search_index.json").read_text(encoding="utf-8"))
    plans = {f"trainers/{slug}/" for slug in SLUGS}
    docs = [d for d in index["docs"] if d["location"].split("#")[0] not in plans]
    text = " ".join(" ".join(BeautifulSoup(d["title"] + " " + d["text"], "html.parser").get_text().split()) for d in docs)
    strings = load_strings(tuple(LANGS))[lang]
    widgets = {
        "scale": [" ".join(strings[f"scale_{value}"] for value in SCALE)],
        "checklist": [i.text(lang) for t in GUIDE.techniques for point in t.checklist for i in point.items],
        "quiz": [o.text(lang) for quiz in GUIDE.quizzes().values() for q in quiz for o in q.options],
        "statement": [s.text(lang) for t in GUIDE.techniques for s in t.statements],
    }
    for kind, texts in widgets.items():
        assert texts
        found = [x for x in texts if " ".join(x.split()) in text]
        assert not found, (kind, found[:3])


def test_a_build_says_what_it_did_in_a_few_lines(site_build):
    """MkDocs' log of the whole published build (both languages, PDFs, packages): where it builds
    and how long it took, in at most 8 lines; no list of the embed pages, which are meant to be
    out of the navigation, and no line per setting a language overrides."""
    log = site_build[1]["stderr"].splitlines()
    assert 0 < len(log) <= 8, "\n".join(log)
    assert log[-1].startswith("INFO") and "Documentation built in" in log[-1]
    assert not [line for line in log if "not included in the" in line or line.startswith("  - ") or "Overriding" in line]


def test_a_build_keeps_nothing_in_the_temporary_folder(site_build):
    """A build reads nothing from a place other users can write to (a file planted there under a
    guessable name used to be shipped as the site's script): whatever the site's build (PDFs and
    packages too) put in its own temporary folder is gone when it ends (support/builds.py)."""
    site, outcome = site_build
    assert (site / "index.html").exists() and (site / "downloads").is_dir()
    assert outcome["leftovers"] == []


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
            if not target.exists() or (url.fragment and target.suffix == ".html" and not parsed(target.resolve()).find(id=url.fragment)):
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
    if lang == "en":  # Misner wrote in English: the box shows our translation of the French, and says so
        assert quote.select_one(".admonition-title").get_text() == "What Ivan Misner says, in our translation"
        assert "Translated by this guide from the French version: not his own English words." in quote.get_text()
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
    statements = html.select(f'form[data-guide-self-check="{slug}"] fieldset[data-statement]')
    assert [s["data-statement"] for s in statements] == [s.id for s in technique.statements]
    scale = {"fr": ["Jamais", "Rarement", "Parfois", "Souvent", "Toujours"], "en": ["Never", "Rarely", "Sometimes", "Often", "Always"]}
    for statement in statements:
        assert [label.get_text(strip=True) for label in statement.select("label")] == scale[lang]
    # the page's scripts: only the widgets it holds
    [script] = html.select("script[src*='assets/guide/']:not([data-worker])")  # the worker's: test_full_pages_link_…
    assert script["src"] == "../../" + ("../" if lang == "en" else "") + "assets/guide/guide.js" and script.has_attr("defer")


def test_the_pages_say_how_a_self_assessment_score_is_made(site):
    told = {"fr": "Chaque réponse compte de 0 (Jamais) à 4 (Toujours)", "en": "Each answer counts from 0 (Never) to 4 (Always)"}
    for lang, prefix in LANGS.items():
        for path in ["assessment", *(f"techniques/{slug}" for slug in SLUGS)]:
            assert told[lang] in page(site, prefix + path).select_one("article").get_text(), (lang, path)


def test_a_page_loads_the_guides_script_only_when_it_has_a_widget_to_mount(site):
    """The one bundle (assets/guide/guide.js) and the page's config, on every page with a widget to
    mount; nothing of them on the others: the home page, the article, the trainers' printed pages.
    An embed page has its own small script too (frame.js, after it): no full page loads that."""
    loading = set()
    for file in sorted(site.rglob("*.html")):
        html = parsed(file)
        mounts = bool(html.select("[data-guide-widget]"))
        scripts = [s["src"].rsplit("/", 1)[-1] for s in html.select("script[src*='assets/guide/']:not([data-worker])")]  # pocket.js: below
        embed = "/embed/" in f"/{file.relative_to(site).as_posix()}"
        assert scripts == (["guide.js"] if mounts else []) + (["frame.js"] if embed else []), file
        assert bool(html.find(id="guide-config")) == mounts, file
        if mounts:
            folder = file.parent.relative_to(site).as_posix()
            loading.add("" if folder == "." else folder)
    for path in ["", "article", "trainers", "trainers/answer-key", f"trainers/{SLUGS[0]}"]:
        for prefix in LANGS.values():
            assert (prefix + path).rstrip("/") not in loading, prefix + path
    assert {f"{prefix}{path}" for prefix in LANGS.values() for path in ("assessment", f"techniques/{SLUGS[0]}", "embed/quiz")} <= loading


def test_scripts_and_styles_ship_minified(site):
    """One classic script bundled from the widgets' modules, the screen style inline, the print and
    script-only styles as files for print and for the script: all minified."""
    folder = ROOT / "overrides/assets/guide"
    modules = [s for s in folder.glob("*.js") if s.name != "embed.js"]
    shipped = (site / "assets/guide/guide.js").read_text(encoding="utf-8")
    # worker.js: at the root, as sw.js
    shipped_files = {"guide.js", "extras.js", "embed.js", "pocket.js", "frame.js", "print.css", "interactive.css"}
    assert {f.name for f in (site / "assets/guide").iterdir()} == shipped_files
    assert not re.search(r"(^|[;}])\s*(import|export)\b", shipped)  # a classic script: no module syntax left
    assert len(shipped) < 0.85 * sum(len(m.read_text(encoding="utf-8")) for m in modules)
    inline = {s.string for s in page(site, "article").find_all("style")}  # every page carries the style
    assert len(inline) == 1 and inline == {s.string for s in page(site, "en/techniques/remercier").find_all("style")}
    [print_link] = page(site, "techniques/remercier").select('link[href$="assets/guide/print.css"]')
    assert print_link["media"] == "print"  # never in the way of the first paint on screen
    assert not page(site, "article").select('link[href$="assets/guide/print.css"]')  # a page with no widget prints as Material prints it
    shown = [(m, shipped) for m in modules] + [(folder / "guide.css", inline.pop())]
    shown += [(folder / name, (site / "assets/guide" / name).read_text(encoding="utf-8")) for name in ("print.css", "interactive.css")]
    for source, text in shown:
        original = source.read_text(encoding="utf-8")
        header = original.splitlines()[0]  # every source opens with a comment saying what it is
        assert header.startswith(("//", "/*")) and header[3:] not in text, source.name
        if source.suffix == ".css":
            assert len(text) < 0.85 * len(original), source.name


def test_the_code_fetched_later_keeps_no_record_of_its_own(site):
    """extras.js (the projector, the Embed dialog, My data, the self-assessment) is handed the
    page's storage: a copy of storage.js in it would keep its own "saved" state and, under a full
    storage, its own record for the visit, apart from the page's. Only storage.js touches
    localStorage."""
    sources = {s.name for s in (ROOT / "overrides/assets/guide").glob("*.js") if "localStorage" in s.read_text(encoding="utf-8")}
    assert sources == {"storage.js"}
    assert "localStorage" in (site / "assets/guide/guide.js").read_text(encoding="utf-8")
    assert "localStorage" not in (site / "assets/guide/extras.js").read_text(encoding="utf-8")


def test_no_page_loads_more_than_8_kib_of_the_guides_script_and_style(site):
    """What a page loads of the guide's own script and style for the screen (its inline style, its
    scripts and screen style sheets from assets/guide/), gzipped as a host serves it: 8 KiB at most
    on the heaviest page (the self-assessment). The projector and the "Embed" dialog are not
    among them: guide.js fetches their code and style on first use."""
    weights = first_load(site)
    heaviest = max(weights, key=weights.get)
    assert weights["assessment/index.html"] == weights[heaviest] and weights[heaviest] <= 8 * 1024, (heaviest, weights[heaviest])
    assert not [f for f in site.rglob("*.html") if re.search(r"assets/guide/(extras\.js|interactive\.css)", f.read_text(encoding="utf-8"))]


def test_combined_checklists_page(site):
    for prefix in LANGS.values():
        html = page(site, f"{prefix}checklists")
        assert [c["data-guide-checklist"] for c in html.select("[data-guide-checklist]")] == SLUGS
        # on screen, each list under its technique's name, read before its boxes
        lang = "en" if prefix else "fr"
        headed = [(h.get_text(), h.find_next_sibling()["data-guide-checklist"]) for h in html.select(".guide-checklists > h2")]
        assert headed == [(f"{t.number}. {t.title(lang)}", t.id) for t in GUIDE.techniques]
        assert html.find("a", href="../pdf/checklists.pdf")


def test_answer_key_lists_every_correct_option(site):
    html = page(site, "trainers/answer-key")
    correct = [li.get_text(" ", strip=True) for li in html.select(".guide-key-correct")]
    quizzes = [GUIDE.quiz.questions] + [t.questions for t in GUIDE.techniques]
    expected = [o.text("fr") for qs in quizzes for q in qs for o in q.options if o.correct]
    assert len(correct) == len(expected)
    assert all(text in line for text, line in zip(expected, correct))


def test_every_display_of_the_guides_own_material_says_it_is_the_guides(site):
    """Checklists, quizzes, self-checks, the self-assessment, the answer key and the plans are the
    guide's own words: wherever one is shown, on any page or embed of either language, it says so
    in that language, in its own box (the answer key lacked it)."""
    strings = load_strings(tuple(LANGS))
    labels = {
        "checklist": "origin_checklist",
        "quiz": "origin_quiz",
        "self-check": "origin_self_check",
        "assessment": "origin_self_check",
        "guide-answer-key": "origin_quiz",
        "guide-trainer-plan": "trainer_origin",
    }
    unlabelled, seen = [], set()
    for lang, prefix in LANGS.items():
        embeds = [f"{p.parent.relative_to(site / prefix).as_posix()}/" for p in (site / prefix / "embed").rglob("index.html")]
        assert embeds, prefix
        for path in [*pages_of(site, lang), *embeds]:
            for shown in page(site, prefix + path).select("[data-guide-widget], .guide-answer-key, .guide-trainer-plan"):
                kind = shown.get("data-guide-widget") or shown["class"][0]
                if kind not in labels:
                    continue  # My data shows the reader's own record
                seen.add(kind)
                said = [p.get_text(" ", strip=True) for p in shown.select(".guide-origin, .guide-own__label")]
                if flat_words(strings[lang][labels[kind]]) not in map(flat_words, said):
                    unlabelled.append((prefix + path, kind))
    assert seen == set(labels)
    assert unlabelled == []


# --- trainers ----------------------------------------------------------------------------------

ATTRIBUTION = {
    "fr": "— Dr Ivan Misner, Techniques de networking EFFICACES",
    "en": "— Dr Ivan Misner, Effective networking techniques (our translation from the French)",
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("slug", SLUGS)
def test_trainer_plan_page(site, slug, lang):
    technique, prefix = GUIDE.technique(slug), LANGS[lang]
    html = page(site, f"{prefix}trainers/{slug}")
    [plan] = html.select(f'.guide-trainer-plan[data-guide-plan="{slug}"]')
    assert not plan.find_parent(attrs={"data-search-exclude": True}) and not plan.has_attr("data-search-exclude")
    assert (
        plan.select_one(".guide-own__label").get_text()
        == {
            "fr": "Plan proposé par ce guide — ce ne sont pas les mots d’Ivan Misner, sauf le passage lu à voix haute, tiré de son article.",
            "en": "From this guide — not Ivan Misner’s words, except the passage read aloud, taken from his article.",
        }[lang]
    )
    assert plan.select_one(".guide-trainer-plan__objective").get_text() == technique.plan.objective(lang)
    # the running order: last week's commitment (from week 2), the question as the hook, the passage
    # as its answer, the pairs and their debrief, the quiz, the commitment; a takeaway closes it
    steps = plan.select("ol.guide-trainer-plan__steps > li")
    order = ["question", "read", "pairs", "quiz", "commitment", "takeaway"]
    assert [li["data-step"] for li in steps] == (["last_week"] if technique.number > 1 else []) + order
    timed = steps[:-1]
    minutes = [int(li["data-minutes"]) for li in timed]
    assert minutes == [s.minutes for s in technique.plan.steps]
    for li, n in zip(timed, minutes):
        assert li.h3.select_one(".guide-trainer-plan__minutes").get_text() == f"({n}\u00a0min)"
    total = sum(minutes)
    assert 5 <= total <= 10 and int(plan["data-minutes"]) == total
    assert (
        plan.select_one(".guide-trainer-plan__total").get_text()
        == {"fr": f"Total\u00a0: {total}\u00a0minutes", "en": f"Total: {total} minutes"}[lang]
    )
    step = {li["data-step"]: li for li in steps}
    assert 2 <= int(step["pairs"]["data-minutes"]) <= 3  # the pair activity
    # weeks 2–7 take up last week's commitment, naming last week's technique (from the content, never typed)
    if technique.number > 1:
        previous = GUIDE.techniques[technique.number - 2]
        quoted = {"fr": f"«\u00a0{previous.title(lang)}\u00a0»", "en": f"“{previous.title(lang)}”"}[lang]
        assert quoted in step["last_week"].get_text(), slug
    # the passage read aloud is the article's own item, word for word, and attributed
    article = page(site, f"{prefix}article")
    item = article.find(id=slug).find_parent("li")
    quote = step["read"].select_one("blockquote")
    assert normalise(quote.p.get_text()) == normalise(item.get_text(" "))
    assert quote.select_one(".guide-trainer-plan__attribution").get_text() == ATTRIBUTION[lang]
    assert quote.select_one("cite a")["href"] == f"../../article/#{slug}"
    assert {"fr": "Lire la réponse d’Ivan Misner", "en": "Read Ivan Misner’s answer"}[lang] in step["read"].h3.get_text()
    # the question, the pair activity on its checklist item and its debrief, the quiz, the commitment and its checklist
    pairs = technique.plan.step("pairs")
    assert step["question"].select_one(".guide-trainer-plan__ask").get_text() == technique.plan.step("question").text(lang)
    assert pairs.text(lang) in step["pairs"].get_text()
    assert step["pairs"].select_one(f'[data-item="{pairs.item}"]').get_text() == technique.item(pairs.item).text(lang)
    debrief = {
        "fr": "Arrêtez les binômes à l’heure\u00a0; demandez à un binôme ce qu’il a remarqué",
        "en": "Stop the pairs on time; ask one pair what they noticed",
    }
    assert debrief[lang] in step["pairs"].get_text()
    assert step["quiz"].find("a", href=f"../../techniques/{slug}/#quiz-{slug}")
    assert {"fr": "« Projeter »", "en": "“Project”"}[lang].replace(" ", "\u00a0") in step["quiz"].get_text()
    assert {"fr": "faites voter à main levée (A, B, C…)", "en": "take a show of hands (A, B, C…)"}[lang] in step["quiz"].get_text().replace(
        "\u00a0", " "
    )
    assert_plan_quiz(step["quiz"].get_text(" "), technique, lang)
    room = technique.plan.step("quiz").room
    asked = step["quiz"].select("ol.guide-trainer-plan__quiz > li")
    assert [(li["data-question"], li["data-room"]) for li in asked] == [(q.id, str(q.id in room).lower()) for q in technique.questions]
    # a plan that keeps a question for afterwards says how to skip it on the projector; the others say nothing of it
    skip = {
        "fr": "Au projecteur, Pg Suiv passe une question «\u00a0pour après\u00a0».",
        "en": "On the projector, Page Down skips a question marked “for afterwards”.",
    }
    assert (skip[lang] in step["quiz"].get_text()) == (len(room) < len(technique.questions)), slug
    assert [li["data-letter"] for li in asked[0].select(".guide-trainer-plan__options > li")] == list(
        "ABCDEF"[: len(technique.questions[0].options)]
    )
    assert technique.plan.step("commitment").text(lang) in step["commitment"].get_text()
    # the printed sheet suggests checklist items to choose from, in the checklist's words (members may have no checklist in hand)
    choices = step["commitment"].select(".guide-trainer-plan__choices > li")
    assert [(li["data-item"], li.get_text()) for li in choices] == [
        (choice, technique.item(choice).text(lang)) for choice in technique.plan.step("commitment").choices
    ]
    assert len(choices) >= 2
    assert (
        step["commitment"].select_one(".guide-trainer-plan__choices-intro").get_text()
        == {"fr": "Par exemple\u00a0:", "en": "For instance:"}[lang]
    )
    assert step["commitment"].find("a", href=f"../../techniques/{slug}/#checklist-{slug}")
    assert step["commitment"].find("a", href=f"../../pdf/checklist-{slug}.pdf")
    assert step["takeaway"].select_one(".guide-trainer-plan__takeaway").get_text() == technique.plan.takeaway(lang)
    short = plan.select_one(".guide-trainer-plan__short").get_text()
    assert short == {"fr": "Pour 5\u00a0minutes\u00a0: ", "en": "For 5 minutes: "}[lang] + technique.plan.short(lang)
    assert plan.find("a", href=f"../../pdf/plan-{slug}.pdf", download=True)
    assert not html.select("script[src*='assets/guide/']:not([data-worker])")  # nothing to run (but the worker's, on every full page)


@pytest.mark.parametrize("lang", LANGS)
def test_trainers_index_runs_the_series(site, lang):
    prefix = LANGS[lang]
    html = page(site, f"{prefix}trainers")
    body = html.select_one("article")
    rows = body.select("table tbody tr")
    assert len(rows) == len(GUIDE.techniques)
    for week, (row, technique) in enumerate(zip(rows, GUIDE.techniques), start=1):
        slug = technique.id
        assert row.td.get_text() == str(week)
        hrefs = [a["href"] for a in row.select("a")]
        assert hrefs == [f"../techniques/{slug}/", f"{slug}/", f"../pdf/plan-{slug}.pdf", f"../pdf/checklist-{slug}.pdf"], week
        assert row.find("a").get_text() == technique.title(lang)
    text = body.get_text(" ")
    words = {
        "fr": ["« Projeter »", "Pg Suiv", "Pg Préc", "Espace", "Échap", "« Intégrer »"],
        "en": ["“Project”", "Page Down", "Page Up", "Space", "Esc", "“Embed”"],
    }[lang]
    assert all(word.replace(" ", "\u00a0") in text or word in text for word in words), text
    for key in ("→", "←"):
        assert key in text
    links = {a["href"] for a in body.select("a")}
    assert {"../checklists/", "answer-key/", "../quiz/", "../assessment/"} <= links
    # where to try the projector and the Embed button
    assert {
        "../techniques/attitude-positive/#quiz-attitude-positive",
        "../techniques/attitude-positive/#checklist-attitude-positive",
    } <= links
    # the navigation has the trainers' section: the guide, the seven plans, the answer key
    section = {"fr": "Formateurs", "en": "Trainers"}[lang]
    nav = next(n for n in html.select(".md-nav--primary .md-nav__item--section") if n.find("label").get_text(strip=True) == section)
    targets = [urlparse(urljoin(f"http://x/{prefix}trainers/", a["href"])).path for a in nav.select("a.md-nav__link")]
    targets = list(dict.fromkeys(targets))  # the page being read is listed with its own contents
    assert targets == [f"/{prefix}trainers/"] + [f"/{prefix}trainers/{slug}/" for slug in SLUGS] + [f"/{prefix}trainers/answer-key/"]


SERIES = {
    "fr": {
        "steps": [
            "L’engagement de la semaine dernière",
            "Une question à la salle",
            "La réponse d’Ivan Misner",
            "Un exercice en binômes",
            "Le quiz de la technique",
            "L’engagement",
            "Le mot de la fin",
        ],
        "short": "En 5\u00a0minutes",
        "closing": "La séance de clôture",
    },
    "en": {
        "steps": [
            "Last week’s commitment",
            "A question to the room",
            "Ivan Misner’s answer",
            "A pair activity",
            "The technique’s quiz",
            "The commitment",
            "To close",
        ],
        "short": "In 5 minutes",
        "closing": "The closing session",
    },
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_series_runs_as_the_plans_do_and_ends_with_a_closing_session(site, lang):
    """The trainers' page describes the plans' running order and their 5-minute version, and closes
    the series with the article quiz and the self-assessment taken again, warning that scores often
    drop once people know the standard (response shift)."""
    body = page(site, f"{LANGS[lang]}trainers").select_one("article")
    expected = SERIES[lang]
    [steps] = [ol for ol in body.find_all("ol") if len(ol.find_all("li", recursive=False)) == len(expected["steps"])]
    assert [li.strong.get_text() for li in steps.find_all("li", recursive=False)] == expected["steps"]
    assert any(p.strong and p.strong.get_text() == expected["short"] for p in body.find_all("p"))
    [closing] = [h2 for h2 in body.find_all("h2") if h2.get_text(strip=True) == expected["closing"]]
    section = []
    for sibling in closing.find_next_siblings():
        if sibling.name == "h2":
            break
        section.append(sibling)
    text = " ".join(part.get_text(" ") for part in section)
    links = {a["href"] for part in section for a in part.find_all("a")}
    assert {"../quiz/", "../assessment/"} <= links
    assert "response shift" in text
    # the education moment and its coordinator, in BNI's own words
    if lang == "en":
        words = body.get_text(" ")
        assert "education moment" in words and "education coordinator" in words
        assert "slot" not in words


def test_plans_are_in_the_search_index(site):
    for lang, prefix in LANGS.items():
        index = json.loads((site / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        found = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("trainers/remercier/"))
        assert GUIDE.technique("remercier").plan.step("question").text(lang) in found, lang


def test_the_answer_key_moved_under_trainers(site):
    assert not (site / "answer-key").exists() and not (site / "en/answer-key").exists()
    for prefix in LANGS.values():
        assert page(site, f"{prefix}trainers/answer-key").select(".guide-key-correct")
        assert page(site, f"{prefix}quiz").find("a", href="../trainers/answer-key/")
        assert page(site, prefix or ".").find("a", href="trainers/answer-key/")


# --- typography -------------------------------------------------------------------------------

# French puts a no-break space before : ; ? ! and inside « », so that the sign never wraps to a
# line of its own. Any of U+00A0 or U+202F will do; an ordinary space (or a line break) will not.
FRENCH_SPACE_MISSING = re.compile(r"[ \t\r\n]+[:;?!»]|«[ \t\r\n]+")
NOT_SHOWN = ["script", "style", "code", "pre", "svg"]
VERBATIM = "article.md-content__inner"  # the French article's body, exactly as supplied


def visible_texts(site: Path, path: str, skip: str | None = None) -> list[str]:
    """What a page shows a reader, as one text (inline elements joined as they read), plus its
    title, description and labels, and the interface strings its scripts show later."""
    html = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
    config = html.find(id="guide-config")
    texts = list(json.loads(config.string)["strings"].values()) if config else []
    if skip:
        for tag in html.select(skip):
            tag.decompose()
    for tag in html.find_all(NOT_SHOWN):
        tag.decompose()
    texts.append("".join(html.find_all(string=lambda s: not isinstance(s, Comment))))
    for tag in html.find_all(True):
        texts += [tag[a] for a in ("title", "aria-label", "alt", "placeholder") if isinstance(tag.get(a), str)]
    description = html.find("meta", attrs={"name": "description"})
    return texts + ([description["content"]] if description else [])


def test_french_pages_keep_no_break_spaces(site):
    """Every string a French page shows, content and interface alike; the article's own text is
    checked word for word above, and stays as Ivan Misner's translator set it."""
    faults = []
    for path in pages_of(site, "fr"):
        for text in visible_texts(site, f"{path}index.html", VERBATIM if path == "article/" else None):
            faults += [(path, text[max(0, m.start() - 30) : m.end() + 10]) for m in FRENCH_SPACE_MISSING.finditer(text)]
    assert faults == []
    assert "\u00a0?" in " ".join(visible_texts(site, "techniques/remercier/index.html"))  # they are there


# A number and its unit, and « n° » and its number, stay on one line: U+00A0 or U+202F between
# them, never an ordinary space (« n° 1 », « 48 heures », « 5 à 10 minutes », « 30 secondes »).
FRENCH_UNIT_SPACE_MISSING = re.compile(
    r"(?:n°|\d)[ \t\r\n]+(?=(?:\d|à[ \t\r\n\u00a0\u202f]*\d|heures?|h|minutes?|min|secondes?|s|jours?|semaines?"
    r"|mois|ans?|années?|%|€)(?!\w))"
)


def test_french_numbers_keep_their_units(site):
    """Every French page, content, interface, questions and plans alike; the article's own text
    stays as Ivan Misner's translator set it."""
    faults = []
    for path in pages_of(site, "fr"):
        for text in visible_texts(site, f"{path}index.html", VERBATIM if path == "article/" else None):
            found = FRENCH_UNIT_SPACE_MISSING.finditer(text)
            faults += [(path, text[max(0, m.start() - 30) : m.end() + 12]) for m in found]
    assert faults == []
    shown = " ".join(visible_texts(site, "index.html"))
    assert "5\u00a0à\u00a010\u00a0minutes" in shown  # they are there
    assert FRENCH_UNIT_SPACE_MISSING.search("dans les 48 heures") and FRENCH_UNIT_SPACE_MISSING.search("n° 2")


def every_page(site: Path, lang: str) -> list[str]:
    """Every built page of one language, the embed pages included."""
    base = site / LANGS[lang]
    return sorted(
        p.relative_to(site).as_posix()
        for p in base.rglob("index.html")
        if lang == "en" or not p.relative_to(site).as_posix().startswith("en/")
    )


# What the guide must not say: skill 2 asks *why* people love what they do (« les raisons pour
# lesquelles il aime ce qu’il fait »), not what they like about their work; BNI calls the weekly
# slot the education moment; a guide does not write, and "after Ivan Misner" reads as a pastiche.
NOT_SAID = {
    "fr": [
        "aime dans son métier",
        "aiment dans leur métier",
        "aimez dans votre métier",
        "aimez le plus dans",
        "ce que la personne aime",
    ],
    "en": [
        "love about their work",
        "loves about their work",
        "enjoy about your work",
        "enjoy most about",
        "enjoy about it",
        "what they love about it",
        "training slot",
        "education slot",
        "written by this guide",
        "After Ivan Misner",
    ],
}


@pytest.mark.parametrize("lang", LANGS)
def test_the_guide_keeps_the_articles_words_and_bnis_terms(site, lang):
    faults = []
    for path in every_page(site, lang):
        text = " ".join(visible_texts(site, path))
        faults += [(path, phrase) for phrase in NOT_SAID[lang] if phrase.lower() in text.lower()]
    assert faults == []
    skill = " ".join(visible_texts(site, f"{LANGS[lang]}techniques/poser-des-questions/index.html"))
    expected = {"fr": "«\u00a0Pourquoi aimez-vous ce que vous faites\u00a0?\u00a0»", "en": "“Why do you love what you do?”"}
    assert expected[lang] in skill


def test_english_pages_name_the_education_moment(site):
    for path in ["en/", "en/quiz/"]:
        assert "weekly education moment" in " ".join(visible_texts(site, f"{path}index.html")), path
    assert "education moment" in page(site, "en/trainers/answer-key").find("meta", attrs={"name": "description"})["content"]
    assert "The education coordinator" in page(site, "en").get_text()


@pytest.mark.parametrize("lang", LANGS)
def test_one_style_of_quotation_marks_and_apostrophes(site, lang):
    """French: « » and ’. English: “ ” (‘ ’ inside them) and ’. No straight ' or " anywhere the
    reader looks, in pages or in content."""
    faults = []
    for path in pages_of(site, lang):
        skip = VERBATIM if (lang, path) == ("fr", "article/") else None
        for text in visible_texts(site, f"{LANGS[lang]}{path}index.html", skip):
            faults += [(path, text[max(0, m.start() - 30) : m.end() + 10]) for m in re.finditer("[\"']", text)]
    assert faults == []


# --- PDF handouts -----------------------------------------------------------------------------

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
LONG_DATE = {
    "fr": re.compile(
        r"Version du (1er|[1-9]|[12]\d|3[01])\u00a0(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre) \d{4}"
    ),
    "en": re.compile(
        r"Version of ([1-9]|[12]\d|3[01]) (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}"
    ),
}


def test_english_handouts_print_whole_on_a4_as_on_letter(site):
    """The English PDFs are US Letter (216 × 279 mm): printed at actual size on A4 (210 × 297 mm)
    a sheet loses 3 mm on either side and nothing in height, and its 12 mm margins keep every
    character within the middle 210 mm; an A4 sheet on Letter would lose its last 18 mm, the
    footer."""
    import pypdfium2

    pdfs = sorted((site / "en" / "pdf").glob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        document = pypdfium2.PdfDocument(str(pdf))
        try:
            for sheet in document:
                width, height = (v / MM for v in sheet.get_size())
                assert (round(width), round(height)) == (216, 279), pdf.name
                text = sheet.get_textpage()
                boxes = [text.get_charbox(i) for i in range(text.count_chars())]
                left, right = min(b[0] for b in boxes) / MM, max(b[2] for b in boxes) / MM
                assert (width - 210) / 2 < left and right < width - (width - 210) / 2, (pdf.name, left, right)
        finally:
            document.close()


@pytest.mark.parametrize("lang", LANGS)
def test_printed_sheets_date_themselves_in_words(site, lang):
    """Every PDF the site offers and the printed part of every page: a date in words, no ISO date."""
    pdfs = sorted((site / LANGS[lang] / "pdf").glob("*.pdf"))
    assert len(pdfs) >= 2 * len(GUIDE.techniques)
    for pdf in pdfs:
        text = "".join(page_texts(pdf))
        assert not ISO_DATE.search(text), pdf.name
        assert LONG_DATE[lang].search(re.sub(r"[ \t\r\n]+", " ", text)), pdf.name
    for path in pages_of(site, lang):
        for printed in page(site, LANGS[lang] + path).select("[class*=guide-print], [data-print-date]"):
            assert not ISO_DATE.search(printed.get_text()), path


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_handouts(site, lang):
    for technique in GUIDE.techniques:
        path = site / LANGS[lang] / "pdf" / f"checklist-{technique.id}.pdf"
        reader = PdfReader(path)
        assert len(reader.pages) == 1, technique.id
        text = " ".join(page_texts(path)[0].split())
        assert technique.title(lang) in text
        for point in technique.checklist:
            for item in point.items:
                assert " ".join(item.text(lang).split()) in text, item.id
        width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
        assert (round(width), round(height)) == ({"fr": (595, 842), "en": (612, 792)}[lang])
    for technique in GUIDE.techniques:
        path = site / LANGS[lang] / "pdf" / f"plan-{technique.id}.pdf"
        reader = PdfReader(path)
        [page] = page_texts(path)
        assert len(reader.pages) == 1, technique.id
        width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
        assert (round(width), round(height)) == ({"fr": (595, 842), "en": (612, 792)}[lang])

        def words(text: str) -> str:  # lines joined, a hyphen at the end of a line joined too
            return re.sub(r"(?<=-) ", "", " ".join(text.split()))

        text = words(page)
        plan = technique.plan
        for shown in [
            technique.title(lang),
            plan.objective(lang),
            plan.passage.title(lang),
            plan.step("question").text(lang),
            plan.step("commitment").text(lang),
            plan.takeaway(lang),
            plan.short(lang),
            ATTRIBUTION[lang],
        ]:
            assert words(shown) in text, (technique.id, shown)
        assert_plan_quiz(page, technique, lang)  # the quiz runs from the sheet
        total = {"fr": f"Total\u00a0: {plan.minutes}\u00a0minutes", "en": f"Total: {plan.minutes} minutes"}[lang]
        assert total in text or total.replace("\u00a0", " ") in text
    combined = page_texts(site / LANGS[lang] / "pdf" / "checklists.pdf")
    assert len(combined) == len(GUIDE.techniques)
    for number, technique in enumerate(GUIDE.techniques):
        assert technique.title(lang) in combined[number]


def words(text: str) -> Counter:
    """The words of `text`, as counted to compare a page with its PDF: colons apart (the print
    style adds one after the plan's last heading, "To close:")."""
    return Counter(flat_words(text).replace(":", " ").split())


@pytest.mark.parametrize("lang", LANGS)
def test_a_plan_pdf_is_one_page_on_a4_and_on_letter_and_loses_nothing(site, origin, lang):
    """Each plan on its language's paper as the build wrote it, and the longest plan (the hardest to
    keep on one page) also on the other paper, made by the build's own code (pdf.plan_pdf) and
    style sheets: one page, and every word the plan shows (its quiz included) is in the text of
    that page."""
    import pypdfium2
    from guide.pdf import plan_pdf
    from guide.render import Renderer, make_environment

    styles = [parsed(site / "index.html").head.style.string, (site / "assets/guide/print.css").read_text(encoding="utf-8")]
    env = make_environment(str(ROOT / "overrides"))
    renderer = Renderer(env, GUIDE, load_strings(tuple(LANGS))[lang], lang, LANGS[lang], f"{origin}/{LANGS[lang]}")
    longest = longest_plan(site, lang)
    for technique in GUIDE.techniques:
        html = BeautifulSoup(renderer.plan(technique, f"{LANGS[lang]}pdf/plan-{technique.id}.pdf", handout=True), "html.parser")
        address = html.select_one("[data-page-url]").extract().get_text()
        for screen_only in html.select(".guide-qr, .guide-actions, .guide-trainer-plan__links"):
            screen_only.decompose()  # a QR code's name for assistive technology; buttons and links do nothing on paper
        shown = words(html.get_text(" "))
        for paper, size in (("A4", (595, 842)), ("letter", (612, 792))):
            built = site / LANGS[lang] / "pdf" / f"plan-{technique.id}.pdf"
            own = paper.lower() == renderer.t["paper_size"].lower()
            if not own and longest != f"{LANGS[lang]}trainers/{technique.id}/":
                continue
            document = pypdfium2.PdfDocument(built.read_bytes() if own else plan_pdf(renderer, technique, styles, paper, str(site)))
            try:
                assert len(document) == 1, (technique.id, paper)
                assert tuple(round(v) for v in document[0].get_size()) == size
                raw = document[0].get_textpage().get_text_range()
                text = flat_words(raw)
            finally:
                document.close()
            colon = "\u00a0:" if lang == "fr" else ":"  # each language's, held to its heading
            assert renderer.t["trainer_takeaway"] + colon in raw, (technique.id, paper)
            lost = shown - words(text)
            assert not lost, (technique.id, paper, lost)
            assert address in text.replace(" ", ""), (technique.id, paper)  # the address may break across lines


def flat(text: str) -> str:
    """Text as extracted from a PDF, every run of spaces (no-break ones too) made one space."""
    return " ".join(text.replace("\u00a0", " ").split())


@pytest.mark.parametrize("lang", LANGS)
def test_pdf_handouts_fill_their_page_with_notes_and_a_qr_code_of_the_page_online(site, origin, lang):
    strings = load_strings(tuple(LANGS))[lang]
    notes = [flat(strings[key]) for key in ("notes_people", "notes_name", "notes_business", "notes_follow_up", "notes_next_time")]
    for technique in GUIDE.techniques:
        address = f"{origin}/{LANGS[lang]}techniques/{technique.id}/"
        [sheet] = printed_sheets(site / LANGS[lang] / "pdf" / f"checklist-{technique.id}.pdf")
        assert sheet.qr_codes == [address], technique.id  # what a phone reads: the page to tick online
        text = flat(sheet.text)
        assert address in text and all(note in text for note in notes), technique.id
        # the sheet is used to its foot: its last line ends within 25 mm of the paper's edge (12 mm margin)
        assert sheet.text_bottom_mm < 25, (technique.id, sheet.text_bottom_mm)
    combined = printed_sheets(site / LANGS[lang] / "pdf" / "checklists.pdf")
    assert [p.qr_codes for p in combined] == [[f"{origin}/{LANGS[lang]}techniques/{t.id}/"] for t in GUIDE.techniques]
    assert all(p.text_bottom_mm < 25 for p in combined)
    # a trainer's plan leads back to itself online
    for technique in GUIDE.techniques:
        [sheet] = printed_sheets(site / LANGS[lang] / "pdf" / f"plan-{technique.id}.pdf")
        assert sheet.qr_codes == [f"{origin}/{LANGS[lang]}trainers/{technique.id}/"], technique.id


def test_every_page_has_a_strict_content_security_policy(site):
    from guide.csp import inline_hashes

    for file in site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        html = parsed(file)
        meta = html.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert meta, file
        policy = dict(part.strip().split(" ", 1) for part in meta["content"].split(";"))
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'"
        assert policy["worker-src"] == policy["manifest-src"] == "'self'"  # the service worker and the app's manifest, this origin's
        assert "unsafe-inline" not in meta["content"] and "unsafe-eval" not in meta["content"]
        inline = [s for s in html.find_all("script") if not s.get("src") and s.get("type") != "application/json"]
        assert len(inline_hashes(text, "script")) == len({s.string for s in inline}) > 0
        assert all(h in policy["script-src"] for h in inline_hashes(text, "script"))
        styles = inline_hashes(text, "style")
        assert len(styles) == len({s.string for s in html.find_all("style")}) == 1  # the guide's style sheet
        assert policy["style-src"] == f"'self' {styles[0]}"
        # the policy comes before any script or style
        assert text.index("Content-Security-Policy") < min(text.index("<script"), text.index("<style"))


def test_the_head_preloads_exactly_the_theme_script_its_page_runs(site):
    """The policy's <meta> keeps Chromium's preload scanner from finding Material's script at the
    end of the body, so the head asks for it: the same address the page runs, before the first
    script of the head (which waits for the style sheet); an embed page runs no such script."""
    for file in site.rglob("*.html"):
        html = parsed(file)
        preloads = html.select("head link[rel=preload]")
        theme = [s["src"] for s in html.select("script[src*='assets/javascripts/bundle.']")]
        assert [(p["as"], p["href"]) for p in preloads] == [("script", src) for src in theme], file
        if preloads:
            assert preloads[0].find_next("script") is html.head.find("script"), file


# --- the guide in the pocket: installable, read offline after one visit (hooks/guide/pocket.py) ----


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_its_web_app_manifest_and_icons(site, lang):
    prefix = LANGS[lang]
    strings = load_strings(tuple(LANGS))[lang]
    address = f"http://x/{prefix}{WEB_MANIFEST}"
    manifest = json.loads((site / prefix / WEB_MANIFEST).read_text(encoding="utf-8"))
    assert (manifest["name"], manifest["short_name"], manifest["lang"]) == (strings["app_name"], strings["app_short_name"], lang)
    assert manifest["display"] == "standalone"
    # relative, so one site installs at a domain's root or in a sub-folder: the language's home, the whole site
    assert not re.match(r"^(/|https?:)", manifest["start_url"] + manifest["scope"])
    assert (urljoin(address, manifest["start_url"]), urljoin(address, manifest["scope"])) == (f"http://x/{prefix}", "http://x/")
    # the guide's colours: Material's default indigo, as the site's style sheet sets it
    main_css = next((site / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert manifest["theme_color"] == THEME_COLOUR == "#4051b5" and f"--md-primary-fg-color:{THEME_COLOUR}" in main_css
    icons = {
        (icon["sizes"], icon["purpose"]): site / urlparse(urljoin(address, icon["src"])).path.lstrip("/") for icon in manifest["icons"]
    }
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for (sizes, _), file in icons.items():
        with Image.open(file) as image:
            assert f"{image.width}x{image.height}" == sizes and image.format == "PNG", file
    # the maskable icon: its drawing inside the safe zone (the central circle of 40 % radius), its colour all around
    with Image.open(icons[("512x512", "maskable")]) as image:
        image = image.convert("RGB")
        away = (
            ImageChops.difference(image, Image.new("RGB", image.size, image.getpixel((0, 0)))).convert("L").point(lambda v: 255 * (v > 8))
        )
        outside = Image.new("L", image.size, 255)
        ImageDraw.Draw(outside).ellipse([image.width * 0.1, image.height * 0.1, image.width * 0.9, image.height * 0.9], fill=0)
        assert away.getbbox() is not None and ImageChops.multiply(away, outside).getbbox() is None


def test_full_pages_link_their_languages_manifest_and_run_the_worker_but_embed_pages_do_not(site):
    strings = load_strings(tuple(LANGS))
    for lang, prefix in LANGS.items():
        for path in pages_of(site, lang):
            html = page(site, prefix + path)
            here = f"http://x/{prefix}{path}"
            [manifest] = html.select("head link[rel=manifest]")
            assert urljoin(here, manifest["href"]) == f"http://x/{prefix}{WEB_MANIFEST}", here
            assert html.select_one("head meta[name=theme-color]")["content"] == THEME_COLOUR
            [apple] = html.select("head link[rel=apple-touch-icon]")
            with Image.open(site / urlparse(urljoin(here, apple["href"])).path.lstrip("/")) as icon:
                assert icon.size == (180, 180)
            [script] = html.select("script[data-worker]")
            assert urljoin(here, script["src"]) == f"http://x/{POCKET_SCRIPT}" and script.has_attr("defer")
            assert urljoin(here, script["data-worker"]) == f"http://x/{WORKER}"  # at the root: its scope is the whole site
            notice = html.select_one("[data-guide-update]")
            assert notice["role"] == "status" and notice.get_text() == ""  # there, empty, from the start: announced when filled
            assert (notice["data-text"], notice["data-button"]) == (strings[lang]["update_ready"], strings[lang]["update_button"])
    others = [*site.glob("embed/**/index.html"), *site.glob("en/embed/**/index.html"), site / "404.html"]
    assert len(others) > 2 * len(SLUGS)
    for file in others:
        found = parsed(file).select(
            "link[rel=manifest], link[rel=apple-touch-icon], meta[name=theme-color], script[data-worker], [data-guide-update]"
        )
        assert found == [], file


def test_the_worker_precaches_every_full_page_and_what_it_loads_but_no_pdf_and_no_embed_page(site):
    data = read_precache(site)
    assert (data["default"], data["prefixes"]) == ("fr", LANGS)
    kept = {lang: {path for path, _ in data["shared"] + data["languages"][lang]} for lang in LANGS}
    for lang, prefix in LANGS.items():
        pages = {prefix + path for path in pages_of(site, lang)}
        assert pages <= kept[lang], sorted(pages - kept[lang])
        for path in pages:
            here = f"http://x/{path}"
            html = page(site, path)
            for tag in html.select("link[href], script[src], img[src]"):
                if tag.name == "link" and not {"stylesheet", "icon", "preload", "manifest", "apple-touch-icon"} & set(tag["rel"]):
                    continue
                target = urlparse(urljoin(here, tag.get("src") or tag["href"])).path.lstrip("/")
                assert target in kept[lang], (path, target)
        # what the pages' scripts load: Material's search (its worker, the language's index) and what guide.js fetches on first use
        config = json.loads(page(site, prefix).find(id="__config").string)
        assert urlparse(urljoin(f"http://x/{prefix}", config["search"])).path.lstrip("/") in kept[lang]
        assert {
            f"{prefix}search/search_index.json",
            f"{prefix}{WEB_MANIFEST}",
            "assets/guide/extras.js",
            "assets/guide/interactive.css",
        } <= kept[lang]
    assert {"assets/javascripts/lunr/min/lunr.fr.min.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js"} <= kept["fr"] - kept[
        "en"
    ]
    every = {path: revision for pairs in [data["shared"], *data["languages"].values()] for path, revision in pairs}
    assert not [path for path in every if path.endswith((".pdf", ".zip", ".map")) or re.search(r"(^|/)embed/", path) or path == WORKER]
    # PDFs: listed apart (kept once fetched, never precached), every one the site has
    assert {path for path, _ in data["downloads"]} == {f.relative_to(site).as_posix() for f in site.rglob("*.pdf")}
    for path, revision in [*every.items(), *data["downloads"]]:
        file = site / path / "index.html" if path == "" or path.endswith("/") else site / path
        assert revision == hashlib.sha256(file.read_bytes()).hexdigest()[:16], path


def test_hosts_that_read_a_headers_file_send_the_worker_its_own_policy_and_nothing_else(site):
    # what the worker does: fetch files of its own origin (the pocket tests serve it so)
    assert host_headers(site) == {"sw.js": {"Content-Security-Policy": "default-src 'self'"}}


# --- built without an address (no GUIDE_SITE_URL) ---------------------------------------------


def test_without_a_site_address_nothing_invents_one(site_without_address):
    site = site_without_address
    texts = {f: f.read_text(encoding="utf-8") for f in site.rglob("*") if f.suffix in {".html", ".xml", ".json"}}
    texts |= {f: f.read_text(encoding="utf-8") for f in (site / "assets/guide").iterdir()}
    for file, text in texts.items():
        assert "example.org" not in text, file
        assert set(re.findall(r"https?://[^\s\"'<>)\\]+", text)) <= KNOWN_ADDRESSES, file
    for lang, prefix in LANGS.items():
        for slug in SLUGS:
            html = page(site, f"{prefix}techniques/{slug}")
            checklist = html.select_one(f"#checklist-{slug}")
            assert not checklist.select("svg, .guide-qr"), slug  # no code rather than a wrong one
            # the printed page says where it is from once printed (checklist.js), not before
            address = checklist.select_one("[data-page-url]")
            assert address.get_text() == "" and address["data-page-href"] == "./" and address.parent.has_attr("hidden")
            # language links stay on the site wherever it is served: relative, to the page's own translation
            other = {"fr": "en", "en": "fr"}[lang]
            switch = html.select_one(f'.md-select__link[hreflang="{other}"]')["href"]
            assert (
                not switch.startswith("/")
                and urlparse(urljoin(f"http://x/{prefix}techniques/{slug}/", switch)).path == f"/{LANGS[other]}techniques/{slug}/"
            )
        for pdf in sorted((site / prefix / "pdf").glob("checklist*.pdf")):
            sheets = printed_sheets(pdf)
            assert len(sheets) == (len(SLUGS) if pdf.name == "checklists.pdf" else 1), pdf
            for sheet in sheets:
                assert sheet.qr_codes == [] and "http" not in sheet.text and "/techniques/" not in sheet.text, pdf
                assert flat(load_strings(tuple(LANGS))[lang]["notes_next_time"]) in flat(sheet.text)
                assert sheet.text_bottom_mm < 25, (pdf, sheet.text_bottom_mm)
    not_found = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert {a["href"] for a in not_found.select(".md-select__link[hreflang]")} == {"/", "/en/"}
    assert not list(site.rglob("sitemap.xml*"))  # a sitemap needs absolute addresses: none without one


def test_the_home_pages_cards_lead_to_their_technique_by_their_title(site):
    """Each of the seven cards opens its technique by its title, a target a thumb can hit (the only
    link was the word « S’entraîner », 58 × 17 px on a phone), the title as the content has it."""
    for lang, prefix in LANGS.items():
        cards = page(site, prefix).select(".grid.cards > ul > li")
        titles = [(a.get_text(), a["href"]) for a in (card.select_one("strong > a") for card in cards)]
        assert titles == [(f"{t.number}. {t.title(lang)}", f"techniques/{t.id}/") for t in GUIDE.techniques], lang


def test_an_option_is_lettered_one_way_wherever_a_room_votes_on_it(site):
    """The quiz on its page, the trainer's plan and the answer key letter each question's options
    A., B., C. in order, in one element the style and the projector read (there were three names
    for it, and the key's letters alone were not bold)."""
    slug = GUIDE.techniques[0].id
    for prefix in LANGS.values():
        for path in [f"techniques/{slug}", f"trainers/{slug}", "trainers/answer-key"]:
            html = page(site, prefix + path)
            options = html.select("[data-option], [data-letter]")
            assert len(options) >= 9, path
            for option in options:
                position = option.parent.find_all(option.name, recursive=False).index(option)
                assert option.select_one(".guide-letter").get_text() == f"{'ABCDEF'[position]}.", (prefix, path)
            assert not html.select(".guide-key-letter, .guide-trainer-plan__letter")
