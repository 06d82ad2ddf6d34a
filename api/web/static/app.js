/* Waspada web UI: the only script. Keeps the "new alerts" badge current (every 15 s). */
(function () {
  "use strict";
  var badge = document.getElementById("new-count");
  if (!badge) { return; }
  var url = badge.getAttribute("data-count-url");
  function refresh() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        badge.textContent = data["new"] > 0 ? String(data["new"]) : "";
        badge.setAttribute("title", data["new"] + " peringatan baru");
      })
      .catch(function () { /* offline or signed out: try again at the next tick */ });
  }
  refresh();
  window.setInterval(refresh, 15000);
})();
