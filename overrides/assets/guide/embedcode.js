// A widget's "Embed" button: a dialog with the code to paste in another site (the frame, with a
// title, and the host script that sizes it), a copy button and a preview link. Addresses are
// taken from where the guide is read, so the code is right wherever the guide is published.
import { t, el } from "./dom.js";

const attribute = (text) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function embedCode({ embedUrl, embedScript, embedTitle, embedHeight }) {
  const src = new URL(embedUrl, location.href).href;
  const script = new URL(embedScript, location.href).href;
  return `<iframe src="${attribute(src)}" title="${attribute(embedTitle)}" width="100%" height="${embedHeight}" style="border:0" loading="lazy"></iframe>\n` +
    `<script src="${attribute(script)}" async></script>`;
}

export function showEmbedCode(button) {
  const code = embedCode(button.dataset);
  const live = el("p", { className: "guide-live", role: "status" });
  live.setAttribute("aria-live", "polite");
  const area = el("textarea", { id: "guide-embed-code", readOnly: true, rows: 5, value: code });
  const copy = el("button", { type: "button", className: "md-button md-button--primary" }, t("embed_copy"));
  const close = el("button", { type: "button", className: "md-button" }, t("close"));
  const preview = el("a", { href: new URL(button.dataset.embedUrl, location.href).href, target: "_blank", rel: "noopener" }, t("embed_preview"));
  const title = el("h2", { id: "guide-embed-title" }, t("embed_title"));
  const dialog = el("dialog", { className: "guide-embed-dialog md-typeset" }, // in body, outside the page's typeset: Material's type and buttons
    title, el("p", {}, button.dataset.embedTitle), el("p", {}, t("embed_intro")),
    el("label", { htmlFor: area.id }, t("embed_code")), area,
    el("p", {}, preview), el("div", { className: "guide-actions" }, copy, close), live);
  dialog.setAttribute("aria-labelledby", title.id);
  copy.addEventListener("click", async () => {
    area.select();
    try {
      await navigator.clipboard.writeText(code);
      live.textContent = t("embed_copied");
    } catch {
      live.textContent = document.execCommand?.("copy") ? t("embed_copied") : t("embed_copy_failed");
    }
  });
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => {
    dialog.remove();
    button.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  area.focus();
  area.select();
}
