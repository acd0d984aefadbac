// My data: what the guide keeps on this device, exported as JSON, imported (validated) or erased.
import { load, save, erase } from "./storage.js";
import { normalise } from "./record.js";
import { t, download } from "./dom.js";
import { pageConfig } from "./config.js";

const APP = "networking-guide";

function summary(data) {
  return t("mydata_summary", {
    checklists: Object.keys(data.checklists).length,
    quizzes: Object.keys(data.quizzes).length,
    answers: Object.values(data.selfAssessment.answers).reduce((sum, answers) => sum + Object.keys(answers).length, 0),
    assessments: data.selfAssessment.history.length,
    plan: data.plan ? t("plan_yes") : t("plan_no"),
  });
}

export function mount(root) {
  const live = root.querySelector("[data-live]");
  const show = () => (root.querySelector("[data-summary]").textContent = summary(load()));
  show();
  root.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (action === "export") {
      const day = new Date().toISOString().slice(0, 10);
      download(`${APP}-${day}.json`, "application/json", JSON.stringify({ app: APP, exported: new Date().toISOString(), ...load() }, null, 2));
    } else if (action === "erase" && window.confirm(t("erase_confirm"))) {
      erase();
      show();
      live.textContent = t("erase_done");
    }
  });
  root.querySelector("[data-import]").addEventListener("change", async (event) => {
    const file = event.target.files[0];
    event.target.value = "";
    if (!file) return;
    let raw;
    try {
      raw = JSON.parse(await file.text());
    } catch {
      live.textContent = t("import_bad", { reason: "JSON" });
      return;
    }
    const [data, reason] = raw && raw.app === APP ? normalise(raw, pageConfig().scale) : [null, "app"];
    if (!data) {
      live.textContent = t("import_bad", { reason });
      return;
    }
    erase(); // the reader's explicit choice replaces whatever was kept, even by a newer guide
    save(data);
    show();
    live.textContent = `${t("import_done")} ${summary(data)}`;
  });
}
