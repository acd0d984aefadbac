"""Turn the guide's markers in a page into widgets, from the model and the templates.

A page asks for a widget with an HTML comment on its own line, e.g.
``<!-- guide:checklist attitude-positive -->`` (markers.py says where one counts, and notes a page's
markers as Markdown converts it). Markers are replaced in the page's HTML once Markdown has made it
(a marker shown as code is escaped and left alone), in one pass; a page whose conversion found a
marker that would not place its widget is left as it is, and stops the build (Build.check_pages).
Every widget is out of Material's search, which indexes the page's text, not the widgets' labels
and answers: `data-search-exclude` on its root, or on its parts where the root nests an element of
its own tag (the search's parser ends an exclusion at the first closing tag of that name). A
trainer's plan is the one exception: it is the page's content.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

import jinja2
from markupsafe import Markup
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from .model import SCALE, Guide, Question, Technique
from .pages import Embed, embed_for
from .qr import qr_svg
from .routes import ARTICLE_PAGE, EMBED_DIR, HOST_SCRIPT, MARKER, Download, pdf_name, plan_page, plan_pdf_name, technique_page

TEMPLATE_DIR = "partials/guide/"
LETTERS = "ABCDEFGHIJ"  # a quiz's options, on screen and on paper, in the file's order (a question has at most 6)


class Widget(NamedTuple):
    takes_id: bool  # does its marker name a content ID
    script: str | None  # overrides/assets/guide/<script>.js brings it to life (None: nothing to run)
    render: Callable[[Renderer, str, str], str]  # (renderer, content ID, page URL) → HTML
    anchors: Callable[[Guide, str], set[str]] = lambda guide, arg: set()  # (guide, content ID) → the IDs a link may name in it


class CompiledTemplates(jinja2.BytecodeCache):
    """Speed: the theme's templates (MkDocs makes a new environment for each language build and
    each `serve` rebuild) compiled once a process, kept in memory. Jinja compiles a template again
    when its source has changed (the bucket's checksum), so nothing kept is ever stale."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


@functools.lru_cache(maxsize=4)
def make_environment(*template_dirs: str) -> jinja2.Environment:
    """Our own environment over the theme's folders, with autoescaping: content text is never HTML.

    Shared by the language builds of one process (templates compile once); `auto_reload` picks up
    a template edited during `serve`."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(list(template_dirs)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=True,
    )


@dataclass
class Renderer:
    """Renders widgets for one language build. Created anew for every build: holds no page state."""

    env: jinja2.Environment
    guide: Guide
    strings: dict[str, str]  # the language's interface strings
    lang: str
    prefix: str = ""  # the language's folder in the site ("" or "en/"): page URLs start with it
    site_url: str = ""  # the language's absolute root URL online, printed on sheets; "" when unknown
    with_pdfs: bool = True
    today: date = field(default_factory=date.today)  # the build's date, printed in words on handouts
    embeds: list[Embed] = field(default_factory=list)  # what may be embedded elsewhere (pages.py)
    directory_urls: bool = True  # the website's `techniques/remercier/`; False: the offline build's `techniques/remercier.html`
    offline: bool = False  # an offline copy or a SCORM package (packaging.py) is being built
    downloads: list[Download] = field(default_factory=list)  # what the site offers to download (packaging.py)

    @property
    def t(self) -> dict[str, str]:
        return self.strings

    def long_date(self, day: date) -> str:
        """A date in words, as a sheet prints it: « 6 décembre 2026 », "6 December 2026"."""
        months = self.t["months"].split()
        number = self.t["first_day"] if day.day == 1 else str(day.day)
        return self.t["long_date"].replace("{day}", number).replace("{month}", months[day.month - 1]).replace("{year}", str(day.year))

    def on_paper(self, question: Question) -> dict:
        """A question as a room votes on it from paper (a plan, the answer key): its options lettered
        in the file's order, as the projector letters them, the right letters and the answer's
        label (« Réponse : B — », « Réponses : A, C — »)."""
        options = list(zip(LETTERS[: len(question.options)], question.options, strict=True))
        answer = [letter for letter, option in options if option.correct]
        letters = ", ".join(answer)  # each key's .replace() written out: the build checks its placeholder (placeholders.py)
        label = (
            self.t["answer_letters"].replace("{letters}", letters)
            if len(answer) > 1
            else self.t["answer_letter"].replace("{letters}", letters)
        )
        return {
            "question": question,
            "options": options,
            "answer": answer,
            "label": label,
        }

    def _render(self, name: str, **values) -> Markup:
        """A partial from overrides/partials/guide/, as markup safe to place in another template."""
        template = self.env.get_template(TEMPLATE_DIR + name + ".html")
        return Markup(template.render(t=self.t, lang=self.lang, scale=SCALE, **values))

    def render_page(self, html: str, page_url: str) -> tuple[str, list[str]]:
        """Every marker in a page's HTML replaced by its widget; and the scripts those widgets need.
        The markers are the ones the page's conversion found valid (markers.py): a marker shown as
        code is escaped, and no longer one."""
        scripts = set()

        def widget(match: re.Match) -> str:
            kind, arg = match.group(1), match.group(2) or ""
            scripts.add(WIDGETS[kind].script)
            return WIDGETS[kind].render(self, arg, page_url)

        html = MARKER.sub(widget, html)
        return html, sorted(scripts - {None})

    def link(self, page_url: str):
        """A function giving the relative URL, from `page_url`, of a file in this language's site:
        a page by its source (`article.md`), any other file by its path (`pdf/…`)."""
        return lambda target: get_relative_url(self.prefix + self.url_of(target), page_url)

    def url_of(self, src: str, directory_urls: bool | None = None) -> str:
        """Where MkDocs puts a source file in this build (`techniques/remercier.md`: the website's
        `techniques/remercier/`, the offline copy's `techniques/remercier.html`), or in the website
        (`directory_urls=True`); a file that is no page keeps its path."""
        return File(src, None, "", self.directory_urls if directory_urls is None else directory_urls).url

    def embed_code(self, kind: str, content_id: str, page_url: str) -> dict | None:
        """What the widget's "Embed" button needs (None on an embed page itself)."""
        embed = embed_for(self.embeds, kind, content_id)
        if embed is None or page_url.startswith(self.prefix + EMBED_DIR):
            return None
        return {
            "url": self.link(page_url)(f"{embed.path}index.md"),
            "script": get_relative_url(HOST_SCRIPT, page_url),
            "title": embed.title,
            "height": embed.size[1],
        }

    def address(self, src: str) -> str:
        """The absolute address online of a page of this language's site (by its source); "" when
        the site's address is unknown (no GUIDE_SITE_URL): nothing printed may invent one."""
        return self.site_url + self.url_of(src, directory_urls=True) if self.site_url else ""

    def qr(self, address: str, label: str = "qr_label") -> Markup:
        """The QR code of an address online, named for assistive technology; none without one."""
        return qr_svg(address, self.t[label].replace("{url}", address)) if address else Markup("")

    def checklist(self, technique: Technique, page_url: str, with_pdf: bool = True, edition: bool = False) -> str:
        """A checklist; a handout (`edition`) carries the build's date, a page the date it is printed.

        Printed, it says where to tick it online: the technique page's address and its QR code when
        the site's address is known; otherwise a page fills in the address it is printed from (the
        technique page's, `page_href` from here) and a handout prints none."""
        path = technique_page(technique.id)
        address = self.address(path)
        return self._render(
            "checklist",
            technique=technique,
            embed=None if edition else self.embed_code("checklist", technique.id, page_url),  # a handout has no button
            edition=self.t["edition"].replace("{date}", self.long_date(self.today)) if edition else "",
            page_url=address,
            page_href="" if edition else self.link(page_url)(path),
            qr=self.qr(address),
            pdf_url=self.link(page_url)(pdf_name(technique.id)) if (with_pdf and self.with_pdfs) else "",
        )

    def plan(self, technique: Technique, page_url: str, handout: bool = False) -> str:
        """A trainer's plan; on a handout its links are absolute (the PDF travels) and it carries
        the build's date."""
        link = self.address if handout else self.link(page_url)
        plan = technique.plan
        pairs = plan.step("pairs")
        point = next(p for p in technique.checklist if any(i.id == pairs.item for i in p.items))
        technique_url = link(technique_page(technique.id))
        room = plan.step("quiz").room
        quiz = [  # the technique's quiz on the sheet, and why its answer is right
            dict(
                self.on_paper(question),
                room=question.id in room,
                # one right option: its own feedback; several: the question's explanation, not their "Yes: …" strung together
                reason=question.explanation(self.lang)
                if question.kind == "multiple"
                else next(option.feedback(self.lang) for option in question.options if option.correct),
            )
            for question in technique.questions
        ]
        return self._render(
            "plan",
            technique=technique,
            plan=plan,
            steps={step.kind: step for step in plan.steps},
            previous=self.guide.previous(technique),
            quiz=quiz,
            item=technique.item(pairs.item),
            choices=[technique.item(choice) for choice in plan.step("commitment").choices],
            moment=self.t["pause_" + point.id],
            article_url=link(ARTICLE_PAGE),
            quiz_url=f"{technique_url}#quiz-{technique.id}",
            checklist_url=f"{technique_url}#checklist-{technique.id}",
            checklist_pdf_url=link(pdf_name(technique.id)) if self.with_pdfs else "",
            pdf_url=link(plan_pdf_name(technique.id)) if (self.with_pdfs and not handout) else "",
            page_url=self.address(plan_page(technique.id)),
            edition=self.t["edition"].replace("{date}", self.long_date(self.today)) if handout else "",
            qr=self.qr(self.address(plan_page(technique.id)), "qr_label_plan"),
            # "… (Ivan Misner, BNI):" introduces the plan's address; without one, it ends the line
            source_line=self.t["trainer_source_line"] if self.site_url else self.t["trainer_source_line"].rstrip(" :\u00a0"),
        )

    # --- one method per widget, reached through WIDGETS -----------------------------------------

    def quiz(self, quiz_id: str, page_url: str) -> str:
        article = self.link(page_url)(ARTICLE_PAGE)
        return self._render(
            "quiz",
            quiz_id=quiz_id,
            questions=self.guide.quizzes()[quiz_id],
            letters=LETTERS,
            article_url=article,
            embed=self.embed_code("quiz", quiz_id, page_url),
        )

    def checklist_widget(self, slug: str, page_url: str) -> str:
        return self.checklist(self.guide.technique(slug), page_url)

    def self_check(self, slug: str, page_url: str) -> str:
        return self._render("self-check", technique=self.guide.technique(slug), embed=self.embed_code("self-check", slug, page_url))

    def all_checklists(self, _: str, page_url: str) -> str:
        return self._render(
            "checklists",
            pdf_url=self.link(page_url)(pdf_name()) if self.with_pdfs else "",
            checklists=[(t, self.checklist(t, page_url, with_pdf=False)) for t in self.guide.techniques],
        )

    def assessment(self, _: str, page_url: str) -> str:
        rel = self.link(page_url)
        urls = {t.id: rel(technique_page(t.id)) + f"#checklist-{t.id}" for t in self.guide.techniques}
        return self._render(
            "assessment", techniques=self.guide.techniques, technique_urls=urls, embed=self.embed_code("assessment", "", page_url)
        )

    def answer_key(self, _: str, page_url: str) -> str:
        quizzes = [(self.guide.quiz.id, self.guide.quiz.title(self.lang), self.guide.quiz.questions)]
        quizzes += [(t.id, f"{t.number}. {t.title(self.lang)}", t.questions) for t in self.guide.techniques]
        return self._render(
            "answer-key",
            quizzes=[
                {"id": quiz_id, "title": title, "questions": [self.on_paper(q) for q in questions]} for quiz_id, title, questions in quizzes
            ],
            article_url=self.link(page_url)(ARTICLE_PAGE),
        )

    def my_data(self, _: str, page_url: str) -> str:
        return self._render("my-data")

    def plan_widget(self, slug: str, page_url: str) -> str:
        return self.plan(self.guide.technique(slug), page_url)

    def downloads_widget(self, _: str, page_url: str) -> str:
        """The guide to take away (packaging.py), linked from the site's root; an offline copy
        says so instead (it holds no packages); nothing where the build makes none (`serve`)."""
        if self.offline:
            return self._render("downloads", offline=True, downloads=[])
        links = [d._replace(path=get_relative_url(d.path, page_url)) for d in self.downloads]
        return self._render("downloads", offline=False, downloads=links) if links else ""


# Every widget a page may ask for, by the name its marker gives.
WIDGETS = {
    "checklist": Widget(True, "checklist", Renderer.checklist_widget, lambda guide, slug: {f"checklist-{slug}"}),
    "quiz": Widget(True, "quiz", Renderer.quiz, lambda guide, quiz_id: {f"quiz-{quiz_id}"}),
    "self-check": Widget(True, "selfcheck", Renderer.self_check, lambda guide, slug: {f"self-check-{slug}"}),
    "checklists": Widget(False, "checklist", Renderer.all_checklists, lambda guide, _: {f"checklist-{t.id}" for t in guide.techniques}),
    "assessment": Widget(False, "assessment", Renderer.assessment, lambda guide, _: {"assessment"}),
    "answer-key": Widget(False, None, Renderer.answer_key, lambda guide, _: {f"key-{quiz_id}" for quiz_id in guide.quizzes()}),
    "my-data": Widget(False, "my-data", Renderer.my_data),
    "plan": Widget(True, None, Renderer.plan_widget, lambda guide, slug: {f"plan-{slug}"}),
    "downloads": Widget(False, None, Renderer.downloads_widget),
}
