// A technique's checklist: ticks kept on the device by technique ID + item ID.
import { load, update } from "./storage.js";
import { t, formatDate, warnIfNotKept, printWith, told } from "./dom.js";

export function mount(root) {
  const id = root.dataset.guideChecklist;
  const boxes = [...root.querySelectorAll("input[type=checkbox][data-item]")];
  const progress = root.querySelector("[data-progress]");
  const updated = root.querySelector("[data-updated]");

  const show = (state) => {
    progress.textContent = t("progress", { done: boxes.filter((b) => b.checked).length, total: boxes.length });
    // ticks whose date was lost (left out by the gate, record.js) show no date, not "nothing ticked"
    updated.textContent = state?.updated ? t("updated", { date: formatDate(state.updated) }) : state?.ticked.length ? "" : t("not_started");
  };
  const record = () => {
    // Only the items on the page are written: a removed item's tick goes, a new item starts unticked.
    const state = { ticked: boxes.filter((b) => b.checked).map((b) => b.dataset.item), updated: new Date().toISOString() };
    update((data) => (data.checklists[id] = state));
    show(state);
    told(root);
  };
  const saved = load().checklists[id];
  const ticked = new Set(saved ? saved.ticked : []);
  // A box the reader changed before this script ran (on a slow network) is theirs: kept over what was
  // saved, and saved. The browser restores no box on back or reload (the form's autocomplete="off").
  const early = boxes.filter((box) => box.checked !== box.defaultChecked);
  early.forEach((box) => (box.checked ? ticked.add(box.dataset.item) : ticked.delete(box.dataset.item)));
  boxes.forEach((box) => (box.checked = ticked.has(box.dataset.item)));
  if (early.length) record();
  else show(saved);
  warnIfNotKept(root);

  root.addEventListener("change", (event) => {
    if (boxes.includes(event.target)) record();
  });
  root.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "reset") {
      boxes.forEach((box) => (box.checked = false));
      update((data) => delete data.checklists[id]);
      told(root);
      show(null);
      progress.textContent += ` ${t("reset_done")}`;
    } else if (action === "print-blank" || action === "print-ticks") {
      printWith(action === "print-blank" ? "guide-print-blank" : "");
    }
  });
  // However the page is printed (buttons or the browser's menu), the sheet says when it was printed
  // and where to tick it online: the address the build printed with its QR code, or, when the build
  // knew no address, the technique page's address as seen from here (not a file on this computer).
  window.addEventListener("beforeprint", () => {
    root.querySelector("[data-print-date]").textContent = ` · ${t("printed_on", { date: formatDate(new Date().toISOString()) })}`;
    const address = root.querySelector("[data-page-url]");
    if (address && !address.textContent && location.protocol !== "file:") {
      address.textContent = new URL(address.dataset.pageHref, location.href).href;
      address.parentElement.hidden = false;
    }
  });
}
