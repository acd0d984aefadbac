// What the unit tests read of the guide's own files: the self-assessment scale (hooks/guide/model.py,
// its one definition), each technique's statements and bands (docs/techniques/*.yml, as the editors
// write them: block style, read here line by line; a file this cannot read fails the test that asks).
import { readFileSync, readdirSync } from "node:fs";

const ROOT = new URL("../../", import.meta.url);
export const read = (path) => readFileSync(new URL(path, ROOT), "utf-8");

export const SCALE = (() => {
  const [, points] = read("hooks/guide/model.py").match(/^SCALE = \(([\d, ]+)\)/m) ?? [];
  if (!points) throw new Error("hooks/guide/model.py: no `SCALE = (0, 1, …)` line");
  return points.split(",").map(Number);
})();

// The items of a top-level list `key:` in a YAML file: the text of each `  - ` entry.
function items(name, text, key) {
  const block = text.match(new RegExp(`^${key}:\\n((?:(?: {2}.*)?\\n)*)`, "m"))?.[1];
  if (!block) throw new Error(`${name}: no block-style \`${key}:\` list`);
  return block.split(/^ {2}- /m).slice(1);
}

export function techniques() {
  const folder = "docs/techniques/";
  return readdirSync(new URL(folder, ROOT))
    .filter((name) => name.endsWith(".yml"))
    .map((name) => {
      const text = read(folder + name);
      const bands = items(name, text, "bands").map((item) => {
        const [, min, max] = item.match(/^min: (\d+)\n {4}max: (\d+)\n/) ?? [];
        if (min === undefined) throw new Error(`${name}: a band without \`min:\` then \`max:\``);
        return { min: Number(min), max: Number(max) };
      });
      return { id: name.slice(0, -4), statements: items(name, text, "statements").length, bands };
    });
}
