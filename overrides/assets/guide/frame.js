// An embed page's own script (its own small bundle, overrides/embed.html; no full page loads it): its
// side of H5P's resize protocol (the host side is h5p-resizer.js, or our embed.js):
// the frame says hello; on the host's hello it sends prepareResize, on resizePrepared it sends
// resize with its content's height; again whenever that height changes, and whenever the host says
// `resize` (its window changed: h5p-resizer.js and embed.js tell every frame). A frame off-screen is
// not rendered, so its ResizeObserver waits until it is scrolled into view; a message still runs and
// measures. The height is the content's, not the viewport's, so a host may shrink the frame first or
// not.
function resizeFrame(content) {
  if (window.parent === window || !content) return;
  const send = (action, data = {}) => window.parent.postMessage({ context: "h5p", action, ...data }, "*");
  const height = () => Math.ceil(content.getBoundingClientRect().bottom + window.scrollY + parseFloat(getComputedStyle(content).marginBottom || 0));
  let sent = 0;
  const prepare = () => {
    sent = height();
    send("prepareResize", { scrollHeight: sent, clientHeight: document.documentElement.clientHeight });
  };
  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || event.data?.context !== "h5p") return;
    if (event.data.action === "hello") prepare();
    else if (event.data.action === "resizePrepared") send("resize", { height: height(), scrollHeight: height() });
    else if (event.data.action === "ready") send("hello");
    else if (event.data.action === "resize") remeasure();
  });
  // The host's window changed: measure now, and once more when the frame's own size has followed (it
  // comes to a frame of another origin a moment after the host's message may).
  let again = null;
  const remeasure = () => {
    prepare();
    clearTimeout(again);
    again = setTimeout(() => height() !== sent && prepare(), 300);
  };
  new ResizeObserver(() => height() !== sent && prepare()).observe(content);
  send("hello");
}

resizeFrame(document.querySelector(".guide-embed article"));
