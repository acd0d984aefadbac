// An embed page's side of H5P's resize protocol (the host side is h5p-resizer.js, or our embed.js):
// the frame says hello; on the host's hello it sends prepareResize, on resizePrepared it sends
// resize with its content's height; again whenever that height changes. The height is the
// content's, not the viewport's, so a host may shrink the frame first or not.
export function resizeFrame(content) {
  if (window.parent === window) return;
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
  });
  new ResizeObserver(() => height() !== sent && prepare()).observe(content);
  send("hello");
}
