// A file the reader downloads, made here: My data's backup (mydata.js), the plan's calendar file
// (extras.js). Comes with extras.js only (later.js): no page needs it before a click.
import { el } from "./dom.js";

export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
