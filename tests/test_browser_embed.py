"""Widgets framed by a page on another origin: sized by H5P's resize protocol (a host written here
from the protocol, as sites running H5P serve it) and by the guide's own embed.js; working in a
sandboxed frame with no storage; the "Embed" dialog by keyboard."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import PageWatch, assert_clean
from support.project import GUIDE
from support.server import serve

# The host side of H5P's resize protocol (h5p-resizer.js), written from its description: answer
# hello, shrink the frame and answer resizePrepared on prepareResize, set the height on resize; when
# the window resizes, tell every frame `resize`.
H5P_HOST = """
window.addEventListener("resize", () => {
  for (const frame of document.getElementsByTagName("iframe")) frame.contentWindow.postMessage({ context: "h5p", action: "resize" }, "*");
});
window.addEventListener("message", (event) => {
  const data = event.data;
  if (!data || data.context !== "h5p") return;
  const frame = [...document.getElementsByTagName("iframe")].find((f) => f.contentWindow === event.source);
  if (!frame) return;
  const respond = (action) => event.source.postMessage({ context: "h5p", action }, event.origin);
  if (data.action === "hello") respond("hello");
  else if (data.action === "prepareResize") { frame.style.height = "1px"; respond("resizePrepared"); }
  else if (data.action === "resize") frame.style.height = data.scrollHeight + "px";
});
"""
TECHNIQUE = GUIDE.techniques[6]  # remercier


def host_page(guide: str, frames: list[str], script: str, sandbox: bool = False) -> str:
    attributes = ' sandbox="allow-scripts"' if sandbox else ""
    iframes = "\n".join(
        f'<iframe src="{guide}/{path}" title="widget {n}" width="100%" height="150"{attributes}></iframe>' for n, path in enumerate(frames)
    )
    return f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Chapter training</title><link rel="icon" href="data:,"></head><body><main><h1>Training</h1>\n{iframes}\n{script}</main></body></html>'


@pytest.fixture
def host(tmp_path):
    """A second static server: another origin than the guide's."""
    httpd = serve(tmp_path)
    yield tmp_path, f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()


@pytest.fixture
def framed(context, server, host):
    """A page on the host's origin, watched for errors in it and in its frames."""
    page = context.new_page()
    watch = PageWatch(page, server)
    return watch, host  # the test ends with `assert_clean(watch, also=origin)`: the host's own requests aside


def content_height(frame) -> float:
    return frame.evaluate(
        "() => { const a = document.querySelector('.guide-embed article');"
        " return a.getBoundingClientRect().bottom + scrollY + parseFloat(getComputedStyle(a).marginBottom); }"
    )


def expect_sized(page, index: int) -> None:
    """The frame's height follows its content, within a few pixels."""
    element = page.locator("iframe").nth(index)
    frame = element.element_handle().content_frame()
    frame.wait_for_selector("[data-guide-widget][data-mounted]")
    page.wait_for_function(
        "([i, h]) => Math.abs(document.getElementsByTagName('iframe')[i].clientHeight - h) <= 4",  # inside its border
        arg=[index, content_height(frame)],
    )
    height = element.evaluate("frame => frame.clientHeight")
    assert abs(height - content_height(frame)) <= 4 and height > 150


@pytest.mark.parametrize("script", ["h5p", "embed.js"])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_a_host_on_another_origin_sizes_a_checklist_and_a_quiz(framed, server, script, lang):
    watch, (folder, origin) = framed
    tag = f"<script>{H5P_HOST}</script>" if script == "h5p" else f'<script src="{server}/assets/guide/embed.js" async></script>'
    paths = [f"{lang}embed/{TECHNIQUE.id}/checklist/", f"{lang}embed/{TECHNIQUE.id}/quiz/"]
    (folder / "index.html").write_text(host_page(server, paths, tag), encoding="utf-8")
    page = watch.page
    page.set_viewport_size({"width": 900, "height": 700})
    page.goto(f"{origin}/")
    expect_sized(page, 0)
    expect_sized(page, 1)
    before = page.locator("iframe").nth(1).evaluate("frame => frame.clientHeight")
    # answering shows feedback: the quiz's frame grows with it
    quiz = page.frame_locator("iframe").nth(1)
    for question in TECHNIQUE.questions:
        quiz.locator(f"#q-{TECHNIQUE.id}-{question.id}-{question.options[0].id}").check()
    quiz.get_by_role("button", name="Vérifier" if not lang else "Check").click()
    expect(quiz.locator("[data-live]")).not_to_be_empty()
    page.wait_for_function("h => document.getElementsByTagName('iframe')[1].clientHeight > h + 20", arg=before)
    expect_sized(page, 1)
    # a narrower window wraps the text: the frames follow
    wide = page.locator("iframe").nth(0).evaluate("frame => frame.clientHeight")
    page.set_viewport_size({"width": 420, "height": 700})
    page.wait_for_function("h => document.getElementsByTagName('iframe')[0].clientHeight > h", arg=wide)
    expect_sized(page, 0)
    assert_clean(watch, also=origin)


@pytest.mark.parametrize("script", ["h5p", "embed.js"])
def test_a_frame_off_screen_follows_a_narrower_window(framed, server, script):
    """Chromium does not render a frame of another origin that is off-screen: its ResizeObserver
    waits until it is scrolled into view. The host's `resize` message makes it measure at once."""
    watch, (folder, origin) = framed
    tag = f"<script>{H5P_HOST}</script>" if script == "h5p" else f'<script src="{server}/assets/guide/embed.js" async></script>'
    paths = [f"embed/{TECHNIQUE.id}/checklist/", f"en/embed/{TECHNIQUE.id}/quiz/", f"embed/{GUIDE.techniques[0].id}/checklist/"]
    html = host_page(server, paths, tag).replace('title="widget 2"', 'title="widget 2" id="far"')
    html = html.replace('<iframe src="' + f"{server}/{paths[2]}", f'<div style="height:4000px"></div><iframe src="{server}/{paths[2]}"')
    (folder / "index.html").write_text(html, encoding="utf-8")
    page = watch.page
    page.set_viewport_size({"width": 1000, "height": 700})
    page.goto(f"{origin}/")
    frames = [page.locator("iframe").nth(i).element_handle().content_frame() for i in range(3)]
    for frame in frames:
        frame.wait_for_selector("[data-guide-widget][data-mounted]")

    def mismatches() -> list[tuple[int, float, float]]:
        heights = page.evaluate("[...document.getElementsByTagName('iframe')].map(f => f.clientHeight)")
        wanted = [content_height(frame) for frame in frames]
        return [(i, h, w) for i, (h, w) in enumerate(zip(heights, wanted, strict=True)) if abs(h - w) > 4]

    page.wait_for_function("() => [...document.getElementsByTagName('iframe')].every(f => f.clientHeight > 150)")
    page.evaluate("scrollTo(0, 0)")
    assert page.evaluate("document.getElementById('far').getBoundingClientRect().top") > 2 * 700  # well off-screen
    wide = page.evaluate("document.getElementById('far').clientHeight")
    page.set_viewport_size({"width": 400, "height": 700})
    deadline = page.evaluate("performance.now()") + 2000
    while (wrong := mismatches()) and page.evaluate("performance.now()") < deadline:
        page.wait_for_timeout(50)
    assert wrong == [], f"(frame, its height, its content's) after 2 s: {wrong}"
    assert page.evaluate("document.getElementById('far').clientHeight") > wide  # the text wrapped: it grew
    assert page.evaluate("document.getElementById('far').getBoundingClientRect().top") > 700  # and stayed off-screen


def test_links_in_a_frame_open_in_the_top_window(framed, server):
    watch, (folder, origin) = framed
    (folder / "index.html").write_text(host_page(server, [f"embed/{TECHNIQUE.id}/checklist/"], ""), encoding="utf-8")
    page = watch.page
    page.goto(f"{origin}/")
    frame = page.frame_locator("iframe").first
    frame.locator(".guide-embed__source a").click()
    page.wait_for_url(f"{server}/techniques/{TECHNIQUE.id}/#checklist-{TECHNIQUE.id}")
    assert page.locator(f"#checklist-{TECHNIQUE.id}").is_visible()
    assert_clean(watch, also=origin)


def test_a_sandboxed_frame_without_storage_works_for_the_visit_and_says_so(framed, server):
    watch, (folder, origin) = framed
    paths = [f"en/embed/{TECHNIQUE.id}/checklist/", f"en/embed/{TECHNIQUE.id}/quiz/"]
    tag = f'<script src="{server}/assets/guide/embed.js" async></script>'
    (folder / "index.html").write_text(host_page(server, paths, tag, sandbox=True), encoding="utf-8")
    page = watch.page
    page.goto(f"{origin}/")
    checklist = page.frame_locator("iframe").nth(0)
    expect(checklist.locator(".guide-storage-off")).to_have_text(
        "This browser saves nothing for this site: your answers will be lost when you leave the page."
    )
    checklist.locator("[data-guide-checklist] input[type=checkbox]").first.check()
    expect(checklist.locator("[data-progress]")).to_contain_text("1 / ")
    quiz = page.frame_locator("iframe").nth(1)
    for question in TECHNIQUE.questions:
        option = next(o for o in question.options if o.correct)
        quiz.locator(f"#q-{TECHNIQUE.id}-{question.id}-{option.id}").check()
    quiz.get_by_role("button", name="Check").click()
    expect(quiz.locator("[data-live]")).to_contain_text(f"Score: {len(TECHNIQUE.questions)} / {len(TECHNIQUE.questions)}")
    expect_sized(page, 1)  # the resize protocol works from an opaque origin too
    assert_clean(watch, also=origin)


@pytest.mark.parametrize("lang, label, copied", [("", "Intégrer", "Code copié."), ("en/", "Embed", "Code copied.")])
def test_the_embed_dialog_by_keyboard(context, watch, server, lang, label, copied):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = watch.page
    page.goto(f"/{lang}techniques/{TECHNIQUE.id}/")
    button = page.locator(f"#quiz-{TECHNIQUE.id} [data-action=embed]")
    expect(button).to_have_text(label)
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.locator("dialog[open]")
    expect(dialog).to_be_visible()
    code = dialog.locator("textarea")
    expect(code).to_be_focused()
    text = code.input_value()
    assert f'<iframe src="{server}/{lang}embed/{TECHNIQUE.id}/quiz/" title="' in text
    assert f'<script src="{server}/assets/guide/embed.js" async></script>' in text
    assert dialog.get_by_role("link").get_attribute("href") == f"{server}/{lang}embed/{TECHNIQUE.id}/quiz/"
    assert axe_violations(page) == []
    # set as the page's own text and buttons are (it lives in <body>, outside the page's typeset)
    for control in dialog.locator("button, a, p").all():
        name, size, height = control.evaluate(
            "e => [e.localName, parseFloat(getComputedStyle(e).fontSize), e.getBoundingClientRect().height]"
        )
        assert size >= 14, (name, size)
        assert name != "button" or height >= 24, (name, height)  # a target a finger can hit
    page.keyboard.press("Tab")  # the preview link, then the copy button
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(dialog.get_by_role("status")).to_have_text(copied)
    assert page.evaluate("navigator.clipboard.readText()") == text
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    expect(button).to_be_focused()
    assert_clean(watch)


@pytest.mark.parametrize(
    "path", [f"embed/{TECHNIQUE.id}/checklist/", "en/embed/quiz/", "embed/assessment/", f"en/embed/{TECHNIQUE.id}/self-check/"]
)
def test_embed_pages_are_accessible_alone(watch, path):
    watch.page.goto(f"/{path}")
    watch.page.wait_for_selector("[data-guide-widget][data-mounted]")
    assert axe_violations(watch.page) == []
    assert_clean(watch)
