/* lagebild: small progressive enhancement. Pages work without it; it never builds HTML from data. */
(function () {
  "use strict";

  // Highlight the character span [start, end) of the article text; false when the span does not
  // fall on segment boundaries (then the link is followed and the server marks it).
  function highlight(start, end) {
    var box = document.getElementById("article-text");
    if (!box) { return false; }
    var segs = box.querySelectorAll("[data-s]");
    var hit = [];
    var startsOk = false, endsOk = false;
    for (var i = 0; i < segs.length; i++) {
      var s = parseInt(segs[i].getAttribute("data-s"), 10);
      var e = parseInt(segs[i].getAttribute("data-e"), 10);
      if (s === start) { startsOk = true; }
      if (e === end) { endsOk = true; }
      if (s >= start && e <= end) { hit.push(segs[i]); }
    }
    if (!startsOk || !endsOk || hit.length === 0) { return false; }
    var old = box.querySelectorAll(".hl");
    for (var j = 0; j < old.length; j++) { old[j].classList.remove("hl"); old[j].removeAttribute("id"); }
    for (var k = 0; k < hit.length; k++) { hit[k].classList.add("hl"); }
    hit[0].id = "ev";
    flash(hit);
    hit[0].scrollIntoView({ block: "center", behavior: "smooth" });
    return true;
  }

  function flash(nodes) {
    for (var i = 0; i < nodes.length; i++) { nodes[i].classList.remove("flash"); void nodes[i].offsetWidth; nodes[i].classList.add("flash"); }
  }

  function parseHl(url) {
    var m = /^(\d+)-(\d+)$/.exec(url.searchParams.get("hl") || "");
    return m ? [parseInt(m[1], 10), parseInt(m[2], 10)] : null;
  }

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a[href]") : null;
    if (!a || ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey) { return; }
    var url = new URL(a.getAttribute("href"), window.location.href);
    if (url.origin !== window.location.origin || url.pathname !== window.location.pathname) { return; }
    var span = parseHl(url);
    if (span && highlight(span[0], span[1])) {
      ev.preventDefault();
      history.pushState(null, "", url.pathname + url.search + url.hash);
    }
  });

  window.addEventListener("popstate", function () {
    var span = parseHl(new URL(window.location.href));
    if (span) { highlight(span[0], span[1]); }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var first = document.getElementById("ev");
    if (first) {
      flash(document.querySelectorAll("#article-text .hl"));
      first.scrollIntoView({ block: "center" });
    }
  });
})();
