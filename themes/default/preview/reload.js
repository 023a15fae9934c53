// Rapportverk preview. The files in themes/default/preview/ are used only by `rapportverk
// serve` and never written into a built site: the server serves this script and
// preview.css under /__rapportverk/ and adds them, with the panel of messages.mustache, to
// the pages it serves (empty.mustache: the page before the content could be built once).
// This script reloads the page when the server has rebuilt the site, and lets the author
// close the panel with the check's messages (its button, or Escape).
(function () {
  "use strict";
  var script = document.currentScript;
  var generation = script ? script.getAttribute("data-generation") : null;

  var panel = document.getElementById("rv-preview-messages");
  if (panel) {
    var close = function () {
      var hadFocus = panel.contains(document.activeElement);
      panel.hidden = true;
      document.body.style.paddingBottom = "";
      if (hadFocus) {
        var main = document.getElementById("main") || document.body;
        if (!main.hasAttribute("tabindex")) {
          main.setAttribute("tabindex", "-1");
        }
        main.focus();
      }
    };
    // Room below the page, so the panel never hides its end.
    document.body.style.paddingBottom = panel.offsetHeight + "px";
    var button = panel.querySelector("[data-rv-preview-close]");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", close);
    }
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        close();
      }
    });
  }

  if (!window.EventSource) {
    return;
  }
  var source = new EventSource("/__rapportverk/events");
  var reloadIfNewer = function (event) {
    if (generation !== null && event.data !== generation) {
      source.close();
      window.location.reload();
    }
  };
  // "hello" on (re)connecting catches a rebuild that finished while the page was loading.
  source.addEventListener("hello", reloadIfNewer);
  source.addEventListener("reload", reloadIfNewer);
})();
