"""The built site served as a static host serves it: on 127.0.0.1, text compressed with gzip."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import socket
import sys
import threading
import typing
from pathlib import Path

# Asked for (by a test's driver, not a page), the server answers nothing more: the network is gone.
NETWORK_OFF = "/guide-tests-network-off"
# Asked for, the connection is closed with no answer: a request that fails, not one cut short.
DROPPED = "/guide-tests-dropped"


class StaticHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site as a static host would: text compressed with gzip, quietly; nothing
    once asked for `NETWORK_OFF`, nor ever at `DROPPED` (the connection closed with no answer, as a
    dropped network)."""

    COMPRESSED = frozenset({".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"})
    CACHE_CONTROL = "no-cache"  # asked again every time, as a host that publishes often answers
    HEADERS: typing.ClassVar[dict[str, dict[str, str]]] = {}  # more headers for the files of a name, as a host can be told to send

    def end_headers(self):
        for name, value in self.HEADERS.get(Path(self.path.split("?")[0]).name, {}).items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args):
        pass

    def send_head(self):
        if self.server.network_off or self.path == DROPPED:
            self.close_connection = True
            return None
        if self.path in self.server.actions:
            self.server.actions[self.path]()
            self.send_response(204)
            self.end_headers()
            return None
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.suffix not in self.COMPRESSED or "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file():
            return super().send_head()
        if not self.path.split("?")[0].endswith("/") and Path(self.translate_path(self.path)).is_dir():
            return super().send_head()  # the redirect to the folder's URL
        stat = path.stat()
        # inode, time, size, as Apache tags a file: two versions of a page written within one tick
        # of the file system's clock, of one size, would otherwise share a tag (a 304, a stale body)
        tag = f'"{stat.st_ino:x}-{stat.st_mtime_ns:x}-{stat.st_size:x}"'
        if self.headers.get("If-None-Match") == tag:
            self.send_response(304)  # speed: the browser keeps what it has, its compiled scripts too
            self.send_header("Cache-Control", self.CACHE_CONTROL)
            self.end_headers()
            return None
        body = compressed(path, tag)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", tag)
        self.send_header("Cache-Control", self.CACHE_CONTROL)
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=512)
def compressed(path: Path, tag: str) -> bytes:
    """A file's gzip body, made once for each version of the file (its `tag`; speed: four browsers
    ask for the same scripts all along)."""
    return gzip.compress(path.read_bytes(), 6)


class StaticServer(http.server.ThreadingHTTPServer):
    network_off = False
    actions: dict[str, typing.Callable[[], None]]  # address a test's driver asks for → what the server does (set by serve)

    def take_network_away(self) -> None:
        self.network_off = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser left before the answer was sent (a page closed or left mid-load)
        super().handle_error(request, client_address)


def serve(
    directory: Path,
    port: int = 0,
    cache_control: str = StaticHandler.CACHE_CONTROL,
    headers: dict | None = None,
    actions: dict | None = None,
):
    """A static server over `directory` on 127.0.0.1 (a free port by default), in a thread; its
    text files sent with `cache_control` (a host may tell browsers to keep them for a year), the
    files named in `headers` with theirs (file name → headers), and `actions` done when their
    address is asked for (address → a function; the answer is an empty 204)."""
    handler_class = type("Handler", (StaticHandler,), {"CACHE_CONTROL": cache_control, "HEADERS": headers or {}})
    handler = functools.partial(handler_class, directory=str(directory))
    httpd = StaticServer(("127.0.0.1", port), handler)
    httpd.actions = {NETWORK_OFF: httpd.take_network_away, **(actions or {})}
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def host_headers(site: Path) -> dict[str, dict[str, str]]:
    """What a host that reads the site's `_headers` file sends (Netlify's and Cloudflare Pages'
    format: a path, then its headers indented; `#` a comment), as `serve()` takes it: file name →
    headers."""
    headers: dict[str, dict[str, str]] = {}
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not line[0].isspace():
            path = Path(line.strip()).name
            continue
        name, value = line.split(":", 1)
        headers.setdefault(path, {})[name.strip()] = value.strip()
    return headers


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
