"""The suite's fixtures and hooks; what they rest on, each speed trick with its reason, is in
tests/support/."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from support.browser import TEST_CHROMIUM_FLAGS, PageWatch, SharedContext, headless_shell_path
from support.builds import SHARED_SITE, MkDocsWorker, SharedSite, built, copy_project, shared_site, site_tests_last_slow_first
from support.project import LANGUAGES
from support.server import free_port, serve

# --- the run: builds shared by the workers, the order of the tests -------------------------------


def pytest_configure(config):
    parallel = getattr(config.option, "dist", "no") != "no" and not config.option.collectonly
    if parallel and not hasattr(config, "workerinput"):
        config.stash[SHARED_SITE] = SharedSite()


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    if SHARED_SITE in node.config.stash:
        node.workerinput["guide_site"] = node.config.stash[SHARED_SITE].workerinput()


def pytest_collection_modifyitems(items):
    site_tests_last_slow_first(items)


def pytest_sessionfinish(session):
    shared = session.config.stash.get(SHARED_SITE, None)
    if shared is not None:
        shared.cancel()  # the tests are over: a build still running (a run of a few tests) is not waited for
    MkDocsWorker.stop()


def pytest_unconfigure(config):
    if SHARED_SITE in config.stash:
        config.stash[SHARED_SITE].stop()


# --- the built sites and their server ------------------------------------------------------------


@pytest.fixture(scope="session")
def origin(pytestconfig) -> str:
    """Where the test site is served; it is built for that address, as a published site is."""
    shared = shared_site(pytestconfig)
    return shared["origin"] if shared else f"http://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def site_build(tmp_path_factory, origin, pytestconfig) -> tuple[Path, dict]:
    """The published site: where it is, and how its build went (`build_with_own_temporary_folder`)."""
    return built("site", pytestconfig, tmp_path_factory, origin)


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    return site_build[0]


@pytest.fixture(scope="session")
def site_without_address(tmp_path_factory, origin, pytestconfig) -> Path:
    """The site built as it is when nobody says where it is published (no GUIDE_SITE_URL)."""
    return built("site-without-address", pytestconfig, tmp_path_factory, origin)[0]


@pytest.fixture(scope="session")
def packages(site, tmp_path_factory) -> dict[str, Path]:
    """The guide to take away, as the site offers it in downloads/ (hooks/guide/packaging.py), each
    zip unzipped once: "offline" is the folder the offline copy's zip holds, "scorm-<lang>" each
    language's SCORM package."""
    from guide.routes import NAME, OFFLINE_ZIP, scorm_zip

    root = tmp_path_factory.mktemp("packages")
    zips = {"offline": OFFLINE_ZIP, **{f"scorm-{lang}": scorm_zip(lang) for lang in LANGUAGES}}
    for name, path in zips.items():
        with zipfile.ZipFile(site / path) as archive:
            archive.extractall(root / name)
    return {name: root / name / NAME if name == "offline" else root / name for name in zips}


@pytest.fixture(scope="session")
def server(site, origin, pytestconfig):
    if shared_site(pytestconfig):
        yield origin  # served by the process that runs the workers
        return
    httpd = serve(site, int(origin.rsplit(":", 1)[1]))
    yield origin
    httpd.shutdown()


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the project, to break and build."""
    return copy_project(tmp_path)


# --- the browser ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=headless_shell_path(), args=TEST_CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def shared_context(browser, origin, tmp_path_factory) -> SharedContext:
    """Speed: made at the published site's address without waiting for that site (a test that opens
    it asks for `server`), so the tests that serve a site of their own start while it builds."""
    return SharedContext(browser, origin, tmp_path_factory.mktemp("shared-context"))


@pytest.fixture
def context(shared_context):
    """The browser context a test opens its pages in: the worker's one, empty (SharedContext)."""
    yield shared_context.context
    shared_context.empty()


@pytest.fixture
def watch(context, server) -> PageWatch:
    """A page of the served site, watched: the test ends with `assert_clean(watch)`."""
    return PageWatch(context.new_page(), server)
