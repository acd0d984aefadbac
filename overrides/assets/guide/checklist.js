// A technique's checklist: ticks kept on the device by technique ID + item ID.
import { load, update, saved, isKept } from "./storage.js";
import { t, formatDate, warnIfNotKept, printWith, told } from "./dom.js";

export function mount(root) {
  const id = root.dataset.guideChecklist;
  const boxes = [...root.querySelectorAll("input[type=checkbox][data-item]")];
  const progress = root.querySelector("[data-progress]");
  const updated = root.querySelector("[data-updated]");

  // The boxes, the progress and the date as the device keeps them (`state`), but the boxes in
  // `changed` (the reader's, on this page).
  const show = (state, changed) => {
    boxes.forEach((box) => changed?.includes(box) || (box.checked = state?.ticked.includes(box.dataset.item)));
    progress.textContent = t("progress", { done: boxes.filter((b) => b.checked).length, total: boxes.length });
    // ticks whose date was lost (left out by the gate, record.js) show no date, not "nothing ticked"
    updated.textContent = state?.updated ? t("updated", { date: formatDate(state.updated) }) : state?.ticked.length ? "" : t("not_started");
  };
  const record = (changed) => {
    // Written over what the device keeps now, not over what this page showed: another tab or page
    // may have ticked others since. Only the items on the page are written: a removed item's tick
    // goes, a new item starts unticked.
    show(load().checklists[id], changed);
    const state = { ticked: boxes.filter((b) => b.checked).map((b) => b.dataset.item), updated: new Date().toISOString() };
    update((data) => (data.checklists[id] = state));
    show(state);
    told(root, saved());
  };
  // What the device keeps now: shown at first, each time the page is shown (back from the browser's
  // back/forward cache too) and when another tab saves a tick.
  const refresh = () => show(load().checklists[id]);
  // A box the reader changed before this script ran (on a slow network) is theirs: kept over what was
  // saved, and saved. The browser restores no box on back or reload (the form's autocomplete="off").
  const early = boxes.filter((box) => box.checked !== box.defaultChecked);
  if (early.length) record(early);
  else refresh();
  warnIfNotKept(root, isKept());
  window.addEventListener("pageshow", refresh);
  window.addEventListener("storage", refresh);

  root.addEventListener("change", (event) => {
    if (boxes.includes(event.target)) record([event.target]);
  });
  root.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "reset") {
      update((data) => delete data.checklists[id]);
      told(root, saved());
      refresh();
      progress.textContent += `. ${t("reset_done")}`;
    } else if (action === "print-blank" || action === "print-ticks") {
      printWith(action === "print-blank" ? "guide-print-blank" : "", root); // on the page of all seven, this one alone
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
