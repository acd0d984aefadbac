// Mounts the guide's widgets on every page Material shows. A page names the widgets it holds and
// imports their modules (overrides/main.html); importing a module mounts nothing, this does: once
// per widget root, found by its data-guide-widget, then marked data-mounted (the buttons that need
// JavaScript are shown only then).
export function mountWidgets(widgets) {
  const mountPage = () =>
    document.querySelectorAll("[data-guide-widget]").forEach((root) => {
      const mount = widgets[root.dataset.guideWidget];
      if (!mount || root.dataset.mounted) return;
      mount(root);
      root.querySelectorAll("[data-js-only]").forEach((element) => (element.hidden = false));
      root.dataset.mounted = "true";
    });
  if (window.document$) window.document$.subscribe(mountPage);
  else mountPage();
}
