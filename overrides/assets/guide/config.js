// What the build tells the page's scripts (#guide-config, written by hooks/guide/build.py): the
// interface strings of the page's language and the self-assessment scale.
let config = null;

export function pageConfig() {
  if (!config) {
    try {
      config = JSON.parse(document.getElementById("guide-config").textContent);
    } catch {
      config = {};
    }
    config.strings ||= {};
    config.scale ||= [];
  }
  return config;
}
