"""Rendering widgets from the model, without MkDocs: labels, IDs, escaping, links."""

from __future__ import annotations

from datetime import date

import pytest
from bs4 import BeautifulSoup
from guide.build import load_strings
from guide.content import load_guide
from guide.qr import qr_svg
from guide.render import Renderer, make_environment
from support.factories import plan, question, technique, text, write_site
from support.project import LANGUAGES, ROOT


def renderer(tmp_path, lang="fr", prefix="", site_url="https://example.org/", **changes):
    data = technique()
    for key, value in changes.items():
        data[key] = value
    guide = load_guide(write_site(tmp_path, {"alpha": data}), tmp_path, LANGUAGES)
    env = make_environment(str(ROOT / "overrides"))
    strings = load_strings(LANGUAGES)[lang]
    return Renderer(env=env, guide=guide, strings=strings, lang=lang, prefix=prefix, site_url=site_url + prefix if site_url else "")


def render(r, marker, url="techniques/alpha/"):
    html, _ = r.render_page(f"<p>before</p>\n<!-- {marker} -->\n<p>after</p>", url)
    return BeautifulSoup(html, "html.parser")


def test_checklist_items_are_labelled_checkboxes_with_content_ids(tmp_path):
    html = render(renderer(tmp_path), "guide:checklist alpha")
    section = html.select_one("#checklist-alpha[data-guide-checklist=alpha]")
    assert [f.legend.get_text() for f in section.select("fieldset")] == ["Avant l’événement", "Pendant l’événement", "Après l’événement"]
    boxes = section.select("input[type=checkbox]")
    assert [b["data-item"] for b in boxes] == [f"{p}-item{n}" for p in ("before", "during", "after") for n in ("", "-2", "-3")]
    labels = [section.find("label", attrs={"for": b["id"]}).get_text() for b in boxes]
    assert labels[:3] == ["before (fr)", "before-2 (fr)", "before-3 (fr)"] and labels[-1] == "after-3 (fr)"
    assert section.find("a", download=True)["href"] == "../../pdf/checklist-alpha.pdf"
    assert "https://example.org/techniques/alpha/" in section.select_one(".guide-print-foot").get_text()
    assert html.get_text().strip().startswith("before") and html.get_text().strip().endswith("after")


def test_english_links_stay_in_english(tmp_path):
    html = render(renderer(tmp_path, lang="en", prefix="en/"), "guide:quiz alpha", url="en/techniques/alpha/")
    assert html.select_one(".guide-explanation a")["href"] == "../../article/#pianiste"
    assert html.select_one("legend").get_text(" ", strip=True).startswith("Question 1. prompt (en) (choose one)")


def test_quiz_markup_hides_answers_and_selects_nothing(tmp_path):
    html = render(renderer(tmp_path), "guide:quiz alpha")
    single, multiple = html.select("fieldset[data-question]")
    assert [i["type"] for i in single.select("input")] == ["radio", "radio"]
    assert [i["type"] for i in multiple.select("input")] == ["checkbox", "checkbox"]
    assert not html.select("input[checked]")
    assert all(el.has_attr("hidden") for el in html.select(".guide-feedback, .guide-explanation"))
    assert [li["data-option"] for li in single.select("[data-correct]")] == ["right"]
    assert html.select_one("[role=status][aria-live=polite][data-live]")


def test_self_check_has_five_labelled_points_per_statement(tmp_path):
    html = render(renderer(tmp_path, lang="en"), "guide:self-check alpha")
    statements = html.select("fieldset[data-statement]")
    assert len(statements) == 3
    for statement in statements:
        assert [label.get_text(strip=True) for label in statement.select("label")] == ["Never", "Rarely", "Sometimes", "Often", "Always"]
        assert [i["value"] for i in statement.select("input[type=radio]")] == ["0", "1", "2", "3", "4"]
    assert [(p["data-min"], p["data-max"]) for p in html.select(".guide-bands [data-min]")] == [("0", "49"), ("50", "100")]


def test_content_text_is_escaped(tmp_path):
    title = {"fr": "<script>alert(1)</script>", "en": "<img src=x onerror=alert(2)>"}
    items = {point: [{"id": f"{point}-{n}", "text": title} for n in range(3)] for point in ("before", "during", "after")}
    for lang in ("fr", "en"):
        pairs = dict(plan()["pairs"], item="during-1")
        commitment = dict(plan()["commitment"], items=["before-0", "after-2"])
        html, _ = renderer(
            tmp_path / lang, lang=lang, title=title, checklist=items, plan=dict(plan(), pairs=pairs, commitment=commitment)
        ).render_page("<!-- guide:checklist alpha -->", "techniques/alpha/")
        assert "<script>" not in html and "<img" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x onerror=alert(2)&gt;" in html


def indexed(html: str) -> str:
    """What Material's search indexes of a page's HTML: its own parser, its rule for excluded
    sections (material/plugins/search/plugin.py), the text without markup."""
    from material.plugins.search.plugin import Parser

    parser = Parser()
    parser.feed(html)
    parser.close()
    text = " ".join("".join(section.title + section.text) for section in parser.data if not section.is_excluded())
    return " ".join(BeautifulSoup(text, "html.parser").get_text().split())


def test_every_widget_is_kept_out_of_the_search_index(tmp_path):
    """Material's parser ends an excluded element at the first closing tag of the same name: each
    widget's exclusion holds to its end, whatever it nests."""
    r = renderer(tmp_path)
    for marker in ["checklist alpha", "quiz alpha", "self-check alpha", "checklists", "assessment", "answer-key", "my-data", "downloads"]:
        html, _ = r.render_page(f"<p>before</p>\n<!-- guide:{marker} -->\n<p>after</p>", "techniques/alpha/")
        assert indexed(html) == "before after", marker
        for excluded in BeautifulSoup(html, "html.parser").select("[data-search-exclude]"):
            assert not excluded.find(excluded.name), (marker, excluded.name)  # nothing would end it early


def test_each_widget_carries_the_anchors_it_declares(tmp_path):
    """MkDocs checks links to a widget against the IDs each widget declares (WIDGETS' anchors), not
    against its HTML: every ID declared is on an element of the widget as rendered."""
    from guide.render import WIDGETS

    r = renderer(tmp_path)
    declared = 0
    for kind, widget in WIDGETS.items():
        arg = "alpha" if widget.takes_id else ""
        html, _ = r.render_page(f"<!-- guide:{kind}{' ' + arg if arg else ''} -->", "techniques/alpha/")
        ids = {element["id"] for element in BeautifulSoup(html, "html.parser").select("[id]")}
        anchors = widget.anchors(r.guide, arg)
        assert anchors <= ids, (kind, anchors - ids)
        declared += len(anchors)
    assert declared >= 7
    assert WIDGETS["checklists"].anchors(r.guide, "") == {"checklist-alpha"}
    assert WIDGETS["answer-key"].anchors(r.guide, "") == {f"key-{quiz_id}" for quiz_id in r.guide.quizzes()}


def test_every_string_the_interface_uses_exists_and_none_is_dead():
    import re

    strings = load_strings(LANGUAGES)
    assert strings["fr"].keys() == strings["en"].keys()  # one table: a key has every language

    def read(pattern):
        return "".join(path.read_text(encoding="utf-8") for path in ROOT.glob(pattern))

    used = set(re.findall(r"""\bt\(\s*["']([a-z_]+)""", read("overrides/assets/guide/*.js")))  # t("key")
    used |= set(re.findall(r"\bt\.([a-z_]+)", read("overrides/**/*.html")))  # {{ t.key }}
    used |= set(re.findall(r"""(?:\.t|strings)\[\s*["']([a-z_]+)["']\s*\]""", read("hooks/**/*.py")))  # renderer.t["key"]
    built = {k for k in strings["fr"] if k.startswith(("pause_", "scale_", "verdict_", "qr_label"))}  # t["pause_" ~ id], qr(…, label) …
    assert used - strings["fr"].keys() == set()  # no key shown raw to the reader
    assert strings["fr"].keys() - used - built == set()  # no dead string


def test_the_themes_templates_compile_once_a_process_and_again_when_edited(tmp_path):
    """What MkDocs' environments share through CompiledTemplates (hooks/events.py: one a process,
    for a new environment each language build and each `serve` rebuild)."""
    import jinja2
    from guide.render import CompiledTemplates

    (tmp_path / "page.html").write_text("{% for x in items %}{{ x }}{% endfor %}", encoding="utf-8")
    shared, compiled = CompiledTemplates(), []

    def build() -> str:
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(tmp_path)), bytecode_cache=shared)
        compile_ = env.compile
        env.compile = lambda *args, **kwargs: compiled.append(args[1]) or compile_(*args, **kwargs)
        return env.get_template("page.html").render(items=[1, 2])

    assert [build(), build()] == ["12", "12"] and compiled == ["page.html"]  # the second environment compiles nothing
    (tmp_path / "page.html").write_text("{% for x in items %}[{{ x }}]{% endfor %}", encoding="utf-8")  # a save during `serve`
    assert build() == "[1][2]" and compiled == ["page.html", "page.html"]
    assert make_environment(str(tmp_path)) is make_environment(str(tmp_path))  # our own: one a process, for every language


def test_the_bundle_runs_modules_in_order_with_their_imports():
    import subprocess

    from guide.assets import _bundle_order, bundle

    sources = {
        "main": 'import { twice as double, base } from "./maths.js";\nimport { say } from "./say.js";\nsay(double(base));',
        "maths": 'import { say } from "./say.js";\nexport const base = 21;\nexport function twice(x) { return 2 * x; }\nsay("maths");',
        "say": "export function say(x) { console.log(String(x)); }\nconst mount = 1;",  # private names stay private
        "other": "export const mount = 2;",
    }
    order = _bundle_order(sources, "main")
    assert order == ["say", "maths", "main"]  # a module not imported is not bundled
    result = subprocess.run(["node", "-e", bundle(sources, order)], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["maths", "42"]


def test_the_bundler_refuses_module_syntax_it_does_not_read():
    import pytest
    from guide.assets import _bundle_order
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"^overrides/assets/guide/main.js: line 2: write imports as"):
        _bundle_order({"main": "const a = 1;\nimport * as b from './b.js';"}, "main")
    with pytest.raises(PluginError, match=r"^overrides/assets/guide/a.js: imports form a cycle: a → b → a$"):
        _bundle_order({"a": 'import { x } from "./b.js";', "b": 'import { y } from "./a.js";'}, "a")


def test_printed_checklist_carries_notes_and_a_qr_code_of_its_page_online(tmp_path):
    html = render(renderer(tmp_path, lang="en", prefix="en/"), "guide:checklist alpha", url="en/techniques/alpha/")
    section = html.select_one("#checklist-alpha")
    notes = section.select_one(".guide-print-notes")
    assert "People I met" in notes.get_text() and "One thing to do next time:" in notes.get_text()
    assert len(notes.select(".guide-print-notes__people .guide-print-notes__row")) >= 4
    foot = section.select_one(".guide-print-foot")
    code = foot.select_one(".guide-qr svg")
    # an image with a name for assistive technology, and the address it encodes printed beside it
    assert (
        code["role"] == "img"
        and code["aria-label"] == code.title.get_text() == "QR code of this checklist online: https://example.org/en/techniques/alpha/"
    )
    assert code.has_attr("viewbox") and not code.has_attr("width")  # sized by the style sheet
    assert foot.select_one("[data-page-url]").get_text() == "https://example.org/en/techniques/alpha/"


def test_without_a_site_address_a_checklist_invents_none(tmp_path):
    r = renderer(tmp_path, site_url="")
    section = render(r, "guide:checklist alpha").select_one("#checklist-alpha")
    assert not section.select("svg") and "http" not in str(section)
    # the page's copy fills the address it is printed from (checklist.js); hidden until then
    address = section.select_one("[data-page-url]")
    assert address.get_text() == "" and address["data-page-href"] == "./" and address.parent.has_attr("hidden")
    handout = BeautifulSoup(r.checklist(r.guide.technique("alpha"), "pdf/x.pdf", with_pdf=False, edition=True), "html.parser")
    assert not handout.select("svg, [data-page-url]") and "http" not in str(handout)  # a handout prints no address


def test_qr_svg_needs_an_address_and_escapes_its_name():
    with pytest.raises(ValueError):
        qr_svg("")
    code = BeautifulSoup(qr_svg("https://example.org/?a=1&b=2", 'the "list" <here>'), "html.parser").svg
    assert code["aria-label"] == code.title.get_text() == 'the "list" <here>'


def test_a_served_preview_prints_no_address(monkeypatch):
    """`mkdocs serve` puts its own local address in site_url: a sheet printed from the preview
    gets no QR code of it (the page fills in the address it is printed from)."""
    import events
    from mkdocs.config import load_config

    monkeypatch.setenv("GUIDE_SITE_URL", "https://example.org/guide/")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    assert config.site_url == "https://example.org/guide/"
    for command, expected in (("build", "https://example.org/guide/"), ("serve", "")):
        events.on_startup(command=command, dirty=False)
        if command == "serve":
            config.site_url = "http://127.0.0.1:8000/guide/"  # what `mkdocs serve` does before any event
        events.on_config(config)
        assert events.SESSION.builds.of("fr").renderer.site_url == expected
    events.on_startup(command="build", dirty=False)


def test_a_plan_shows_its_steps_minutes_passage_and_links(tmp_path):
    html = render(renderer(tmp_path), "guide:plan alpha", url="trainers/alpha/")
    root = html.select_one("#plan-alpha[data-guide-plan=alpha]")
    assert not root.has_attr("data-search-exclude")  # a plan is the page's content: search finds it
    assert root.select_one(".guide-own__label").get_text().startswith("Plan proposé par ce guide")
    assert root.select_one(".guide-trainer-plan__objective").get_text() == "objective (fr)"
    steps = root.select("ol.guide-trainer-plan__steps > li")
    # week 1: the question opens, the passage answers it, … and a takeaway (untimed) closes
    assert [(li["data-step"], li.get("data-minutes")) for li in steps] == [
        ("question", "1"),
        ("read", "1"),
        ("pairs", "3"),
        ("quiz", "2"),
        ("commitment", "1"),
        ("takeaway", None),
    ]
    assert [li.h3.select_one(".guide-trainer-plan__minutes").get_text() for li in steps[:-1]] == [
        "(1\u00a0min)",
        "(1\u00a0min)",
        "(3\u00a0min)",
        "(2\u00a0min)",
        "(1\u00a0min)",
    ]
    assert root["data-minutes"] == "8" and root.select_one(".guide-trainer-plan__total").get_text() == "Total\u00a0: 8\u00a0minutes"
    assert root.select_one(".guide-trainer-plan__short").get_text() == "Pour 5\u00a0minutes\u00a0: short (fr)"
    assert steps[-1].select_one(".guide-trainer-plan__takeaway").get_text() == "takeaway (fr)"
    quote = root.select_one("blockquote")
    assert quote.p.get_text() == "Alpha, d’abord. Le texte d’alpha, avec un lien."
    assert quote.select_one(".guide-trainer-plan__attribution").get_text() == "— Dr Ivan Misner, Techniques de networking EFFICACES"
    assert quote.select_one("cite a")["href"] == "../../article/#alpha"
    assert "question (fr)" in steps[0].get_text() and "pairs (fr)" in steps[2].get_text()
    item = steps[2].select_one(".guide-trainer-plan__item")
    assert item["data-item"] == "during-item-2" and item.get_text() == "during-2 (fr)"
    assert "(pendant l’événement)" in steps[2].get_text()
    assert "Arrêtez les binômes à l’heure" in steps[2].get_text()
    assert steps[3].find("a")["href"] == "../../techniques/alpha/#quiz-alpha"
    assert steps[4].find("a")["href"] == "../../techniques/alpha/#checklist-alpha"
    choices = steps[4].select(".guide-trainer-plan__choices > li")
    assert [(li["data-item"], li.get_text()) for li in choices] == [("before-item", "before (fr)"), ("after-item-2", "after-2 (fr)")]
    assert root.find("a", download=True)["href"] == "../../pdf/plan-alpha.pdf"
    assert root.select_one(".guide-print-foot [data-page-url]").get_text() == "https://example.org/trainers/alpha/"
    assert not root.select("[data-step=last_week]")  # week 1 has no last week


def test_a_plan_carries_its_quiz_lettered_in_the_files_order_with_the_answers(tmp_path):
    wrong_first = dict(
        question("q-one", scenario=True),
        options=[
            {"id": "wrong", "text": {"fr": "faux", "en": "wrong"}, "correct": False, "feedback": {"fr": "non", "en": "no"}},
            {"id": "right", "text": {"fr": "juste", "en": "right"}, "correct": True, "feedback": {"fr": "oui, car", "en": "yes, as"}},
            {"id": "other", "text": {"fr": "autre", "en": "other"}, "correct": False, "feedback": {"fr": "non", "en": "no"}},
        ],
    )
    two_right = dict(
        question("q-two", "multiple"),
        options=[
            {"id": "a", "text": text("a"), "correct": True, "feedback": text("yes a")},
            {"id": "b", "text": text("b"), "correct": False, "feedback": text("no b")},
            {"id": "c", "text": text("c"), "correct": True, "feedback": text("yes c")},
        ],
    )
    html = render(
        renderer(tmp_path, lang="en", prefix="en/", questions=[wrong_first, two_right]), "guide:plan alpha", url="en/trainers/alpha/"
    )
    quiz = html.select("[data-step=quiz] ol.guide-trainer-plan__quiz > li")
    assert [(q["data-question"], q["data-room"]) for q in quiz] == [("q-one", "true"), ("q-two", "false")]
    first, second = quiz
    assert first.select_one(".guide-trainer-plan__when").get_text() == "[in the room]"
    assert second.select_one(".guide-trainer-plan__when").get_text() == "[for afterwards]"
    assert [li.get_text(" ", strip=True) for li in first.select(".guide-trainer-plan__options > li")] == [
        "A. wrong",
        "B. right",
        "C. other",
    ]
    assert first.select_one(".guide-trainer-plan__answer").get_text(" ", strip=True) == "Answer: B — yes, as"
    # several right options: the question's explanation, not their "Yes: …" feedbacks strung together
    assert second.select_one(".guide-trainer-plan__answer").get_text(" ", strip=True) == "Answers: A, C — because (en)"
    assert second.select_one(".guide-trainer-plan__answer strong").get_text() == "Answers: A, C —"  # set apart in bold, not by colour
    assert "show of hands (A, B, C…)" in html.select_one("[data-step=quiz]").get_text()  # a question may have a D
    # a room votes on a multiple-choice question option by option; a single-choice one needs no such word
    assert (
        second.select_one(".guide-vote-each").get_text()
        == "More than one correct answer: take a vote on each option (“Who thinks A is right?”)."
    )
    assert first.select_one(".guide-vote-each") is None


def test_from_week_2_a_plan_takes_up_last_weeks_commitment_by_its_title(tmp_path):
    first = technique()
    first["title"] = {"fr": "Soyez positif", "en": "Be positive"}
    docs = write_site(tmp_path, {"alpha": first, "beta": technique("beta", 2)})
    guide = load_guide(docs, tmp_path, LANGUAGES)
    env = make_environment(str(ROOT / "overrides"))
    for lang, expected in (
        ("fr", "Semaine dernière\u00a0: «\u00a0Soyez positif\u00a0». À main levée\u00a0: qui a tenu son engagement\u00a0?"),
        ("en", "Last week: “Be positive”. Show of hands: who kept their commitment?"),
    ):
        r = Renderer(env=env, guide=guide, strings=load_strings(LANGUAGES)[lang], lang=lang)
        html = BeautifulSoup(r.plan(guide.technique("beta"), "trainers/beta/"), "html.parser")
        steps = html.select("ol.guide-trainer-plan__steps > li")
        assert [li["data-step"] for li in steps] == ["last_week", "question", "read", "pairs", "quiz", "commitment", "takeaway"]
        assert steps[0]["data-minutes"] == "1" and steps[0].p["data-previous"] == "alpha"
        assert steps[0].p.get_text().startswith(expected)
        assert html.select_one(".guide-trainer-plan")["data-minutes"] == "9"


def test_a_plan_in_english_says_the_passage_is_our_translation(tmp_path):
    html = render(renderer(tmp_path, lang="en", prefix="en/"), "guide:plan alpha", url="en/trainers/alpha/")
    quote = html.select_one("blockquote")
    assert quote.p.get_text() == "Alpha, first. Alpha’s text, with a link."
    attribution = quote.select_one(".guide-trainer-plan__attribution")
    assert attribution.get_text() == "— Dr Ivan Misner, Effective networking techniques (our translation from the French)"
    assert attribution.find("a")["href"] == "../../article/#alpha"  # the English article
    assert html.select_one("[data-step=quiz] a")["href"] == "../../techniques/alpha/#quiz-alpha"


def test_a_plan_needs_no_script_and_its_handout_links_are_absolute(tmp_path):
    r = renderer(tmp_path)
    assert r.render_page("<!-- guide:plan alpha -->", "trainers/alpha/")[1] == []
    handout = BeautifulSoup(r.plan(r.guide.technique("alpha"), "pdf/plan-alpha.pdf", handout=True), "html.parser")
    links = [a["href"] for a in handout.select("a")]
    assert links and all(href.startswith("https://example.org/") for href in links), links
    assert not handout.find("a", download=True)  # the PDF does not offer itself
    assert "Version du " in handout.select_one(".guide-print-foot").get_text()


@pytest.mark.parametrize(
    ("lang", "day", "printed"),
    [
        ("fr", (2026, 12, 6), "Version du 6\u00a0décembre 2026"),
        ("fr", (2027, 1, 1), "Version du 1er\u00a0janvier 2027"),
        ("en", (2026, 12, 6), "Version of 6 December 2026"),
        ("en", (2027, 8, 1), "Version of 1 August 2027"),
    ],
)
def test_a_handout_dates_itself_in_words(tmp_path, lang, day, printed):
    r = renderer(tmp_path, lang=lang)
    r.today = date(*day)
    for sheet in (
        r.checklist(r.guide.technique("alpha"), "techniques/alpha/", with_pdf=False, edition=True),
        r.plan(r.guide.technique("alpha"), "pdf/plan-alpha.pdf", handout=True),
    ):
        foot = BeautifulSoup(sheet, "html.parser").select_one(".guide-print-foot").get_text()
        assert printed in foot and "-" not in foot.split("·")[-1]


def test_a_plan_without_the_sites_address_ends_its_source_line_without_a_colon(tmp_path):
    for lang, expected in (("fr", "(Ivan Misner, BNI)"), ("en", "(Ivan Misner, BNI)")):
        r = renderer(tmp_path / lang, lang=lang, site_url="")
        foot = BeautifulSoup(r.plan(r.guide.technique("alpha"), "trainers/alpha/"), "html.parser").select_one(".guide-print-foot")
        assert foot.get_text().strip().endswith(expected) and not foot.select_one("[data-page-url]").get_text()
