/* The guide's host script, for a page that frames its widgets (https://…/assets/guide/embed.js):
   sizes each frame to its widget by H5P's resize protocol, as h5p-resizer.js does, so a page
   may load either: it answers the frames' hello and prepareResize, sets the height they send, and
   tells them all to measure again (`resize`) when the window changes. A classic script with no dependencies; it reads only the frames' messages. */
(function () {
  "use strict";
  if (window.networkingGuideEmbed) return; // loaded twice: once is enough
  window.networkingGuideEmbed = true;
  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) if (frames[i].contentWindow === source) return frames[i];
    return null;
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.context !== "h5p") return;
    var frame = frameOf(event.source);
    if (!frame) return;
    // a sandboxed frame's origin is "null": it can only be answered with "*"
    var respond = function (action) {
      event.source.postMessage({ context: "h5p", action: action }, event.origin === "null" ? "*" : event.origin);
    };
    if (data.action === "hello") respond("hello");
    else if (data.action === "prepareResize") respond("resizePrepared");
    else if (data.action === "resize") {
      var height = Number(data.height || data.scrollHeight);
      if (height > 0) frame.style.height = height + "px";
    }
  });
  // the window changed: every frame measures again (a frame off-screen is not rendered, and would
  // wait until it is scrolled into view), as h5p-resizer.js asks them
  window.addEventListener("resize", function () {
    var all = document.getElementsByTagName("iframe");
    for (var i = 0; i < all.length; i++) {
      if (all[i].contentWindow) all[i].contentWindow.postMessage({ context: "h5p", action: "resize" }, "*");
    }
  });
  var frames = document.getElementsByTagName("iframe"); // frames that loaded before this script
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ context: "h5p", action: "ready" }, "*");
  }
})();
