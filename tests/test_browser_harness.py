"""The browser checks the other tests rely on, held to what they promise: the shared browser context
hands each test nothing of the one before (conftest.SharedContext), its pages' search worker does
nothing unless a test asks for Material's own, the axe check finds what it should, however
often it runs in a document, and a failed request is reported."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect
from support.axe import axe_violations
from support.browser import QUIET_HTML, assert_clean, open_page, real_search, store, stored_text
from support.server import DROPPED, serve


def test_a_test_gets_nothing_of_the_one_before(shared_context, context, server, tmp_path):
    (tmp_path / "blank.html").write_text(QUIET_HTML, encoding="utf-8")
    other = serve(tmp_path)
    places = [
        f"{server}/assets/images/favicon.png",
        f"http://127.0.0.1:{other.server_port}/blank.html",
        (tmp_path / "blank.html").as_uri(),
    ]
    try:
        page = context.new_page()
        for url in places:
            page.goto(url)
            store(page, '{"left": "by an earlier test"}')
        context.grant_permissions(["clipboard-read"], origin=server)
        context.add_cookies([{"name": "left", "value": "by an earlier test", "url": server}])
        context.route("**/favicon.png", lambda route: route.fulfill(body="routed by an earlier test"))
        shared_context.empty()  # what the `context` fixture does after each test

        assert page.is_closed() and context.pages == [shared_context.keeper]
        assert context.cookies() == []
        page = context.new_page()
        for url in places:
            page.goto(url)
            assert (url, stored_text(page)) == (url, None)
        response = page.goto(places[0])
        assert response.headers["content-type"] == "image/png"  # the file itself: no route left
        assert page.evaluate("navigator.permissions.query({name: 'clipboard-read'}).then(p => p.state)") == "prompt"
    finally:
        other.shutdown()


def test_axe_finds_a_missing_label_and_poor_contrast_every_time_it_looks(watch):
    page = watch.page
    open_page(page, "/techniques/remercier/")
    assert axe_violations(page) == []
    page.evaluate(
        """() => {
        const main = document.querySelector(".md-content__inner");
        main.insertAdjacentHTML("beforeend", '<input type="text"><p id="pale">pale</p>');
        Object.assign(document.getElementById("pale").style, {color: "#bbb", background: "#fff"});
    }"""
    )
    found = {violation.split(":")[0] for violation in axe_violations(page)}  # axe is already in this document
    assert {"label", "color-contrast"} <= found
    assert_clean(watch)


def test_search_is_quiet_unless_a_test_asks_for_materials_own(watch, server):
    """What QUIET_SEARCH saves is real: the worker Material starts on a page of the guide is the
    quiet one (its script is never fetched), search at rest as a reader sees it and finding
    nothing; `real_search` gives the page Material's, which finds the word."""
    page = watch.page
    fetched = []
    page.on("request", lambda request: "/workers/search." in request.url and fetched.append(request.url))
    open_page(page, "/techniques/remercier/")
    assert page.evaluate("Worker.quiet") is True
    translations = json.loads(page.locator("#__config").text_content())["translations"]
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(translations["search.result.placeholder"])
    page.locator(".md-search__input").click()
    page.keyboard.type("merci")
    expect(meta).to_have_text(translations["search.result.none"])
    real_search(page.context, server)
    open_page(page)
    assert page.evaluate("Worker.quiet === undefined")
    page.locator(".md-search__input").click()
    page.keyboard.type("merci")
    page.locator(".md-search-result__link").first.wait_for()
    assert len(fetched) == 1  # the worker's script, once: for Material's own worker only
    assert_clean(watch)


def test_a_request_the_server_drops_is_reported(watch, server):
    """PageWatch leaves out only what leaving a page cuts short: a request the server drops is a fault."""
    open_page(watch.page, "/")
    assert watch.page.evaluate("url => fetch(url).then(() => 'answered', () => 'failed')", DROPPED) == "failed"
    with pytest.raises(AssertionError, match=re.escape(f"failed: {server}{DROPPED} ")):
        assert_clean(watch)
