import { SHOWN_EVENTS } from "./mall-card.js";

/**
 * The page's only script, inline (no external file, no CDN: the page must work air-gapped and under a CSP
 * that allows nothing else). Every second it redraws the countdowns from the `data-at` epoch ms; every 5 s it
 * fetches ./status and updates states, banners, times, events and diagnoses in place. Text goes in through
 * textContent only, never innerHTML, so messages from the outside world cannot become markup.
 *
 * The browser's clock is not trusted: the skew against the server's `now` (the body's data-server-now, then
 * each /status answer) is added to Date.now(), so a laptop whose clock is off still counts down correctly.
 * Formatting mirrors page-text.ts; labels come from the body's data-labels (the page's language).
 */
export const STATUS_PAGE_SCRIPT = `(function () {
  "use strict";
  var body = document.body;
  var L = JSON.parse(body.dataset.labels);
  var skew = Number(body.dataset.serverNow) - Date.now();
  var now = function () { return Date.now() + skew; };
  var fill = function (tpl, values) {
    return tpl.replace(/\\{(\\w+)\\}/g, function (whole, k) { return k in values ? String(values[k]) : whole; });
  };
  var pad = function (n) { return String(n).padStart(2, "0"); };
  var clock = function (ms) {
    var s = Math.floor(Math.abs(ms) / 1000), d = Math.floor(s / 86400);
    var hms = Math.floor((s % 86400) / 3600) + ":" + pad(Math.floor((s % 3600) / 60)) + ":" + pad(s % 60);
    return d ? fill(L.days, { n: d }) + " " + hms : hms;
  };
  var kst = function (at) {
    return fill(L.kst, { at: new Date(at + 9 * 3600000).toISOString().slice(0, 19).replace("T", " ") });
  };
  var at = function (el) { return el.hasAttribute("data-at") ? Number(el.dataset.at) : null; };

  function tick() {
    var t = now();
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var a = at(el), left = a === null ? 0 : a - t;
      el.textContent = a === null ? L.unknown : left >= 0 ? clock(left) : fill(L.expired, { duration: clock(left) });
      el.classList.toggle("expired", a !== null && left < 0);
    });
    document.querySelectorAll("[data-relative]").forEach(function (el) {
      var a = at(el);
      el.textContent = a === null ? L.unknown : fill(a - t >= 0 ? L.in : L.ago, { duration: clock(a - t) });
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function update(card, m) {
    var needs = m.needsReauth;
    card.dataset.state = m.state;
    card.querySelector(".state").textContent = L.states[m.state];
    card.querySelectorAll("[data-field]").forEach(function (e) {
      var v = m[e.dataset.field];
      if (v === null) e.removeAttribute("data-at"); else e.dataset.at = String(v);
    });
    card.querySelectorAll("[data-kst]").forEach(function (e) {
      var v = m[e.dataset.kst];
      e.textContent = v === null ? "" : kst(v);
    });
    var replica = card.querySelector(".replica");
    if (replica && m.cluster) {
      replica.textContent = m.cluster.holder ? fill(L.replica.working, { replica: m.cluster.holder })
        : m.cluster.handledBy ? fill(L.replica.last, { replica: m.cluster.handledBy }) : L.replica.none;
    }
    var banner = card.querySelector(".banner");
    banner.hidden = !needs;
    var text = m.state === "no-token" ? L.banners.noToken
      : m.state === "app-deleted" ? L.banners.appDeleted
      : m.state === "app-expired" ? L.banners.appExpired : L.banners.reauth;
    banner.querySelector(".banner-text").textContent = m.reauthCommand ? text : text + " " + L.banners.noCommand;
    banner.querySelector("pre").hidden = !m.reauthCommand;
    banner.querySelector(".reauth-command").textContent = m.reauthCommand || "";
    var failures = card.querySelector(".failures");
    failures.hidden = !m.lastError || m.consecutiveFailures === 0;
    failures.textContent = m.lastError
      ? fill(L.failures, { n: m.consecutiveFailures, code: m.lastError.code, message: m.lastError.message })
      : "";
    var events = m.events.slice(0, ${SHOWN_EVENTS}).map(function (e) {
      var li = el("li");
      li.append(el("span", "muted", kst(e.at)), " ", el("strong", "", L.events[e.kind] || e.kind), " ", el("span", "", e.message));
      return li;
    });
    card.querySelector(".events").replaceChildren.apply(card.querySelector(".events"),
      events.length ? events : [el("li", "muted", L.eventsNone)]);
    var d = m.lastDiagnosis, box = card.querySelector(".diagnosis");
    if (!d) { box.replaceChildren(el("p", "muted", L.diagnosisNone)); return; }
    var head = el("p");
    head.append(el("span", "verdict v-" + d.status, L.verdicts[d.status]), " ", el("span", "muted", kst(d.at)));
    var parts = [head];
    if (d.rootCause) {
      parts.push(el("p", "cause", d.rootCause.title));
      if (d.rootCause.command) { var pre = el("pre"); pre.append(el("code", "", d.rootCause.command)); parts.push(pre); }
    }
    box.replaceChildren.apply(box, parts);
  }

  /** Updates the replicas table in place; false when a replica came or went (the server redraws the page). */
  function cluster(c) {
    var rows = Array.prototype.slice.call(document.querySelectorAll("[data-replica]"));
    var ids = (c ? c.replicas : []).map(function (r) { return r.id; }).join("\\n");
    if (ids !== rows.map(function (r) { return r.dataset.replica; }).join("\\n")) return false;
    if (!c) return true;
    c.replicas.forEach(function (r, i) {
      rows[i].querySelector("[data-field=lastSeenAt]").dataset.at = String(r.lastSeenAt);
      rows[i].querySelector("[data-field=mallsHeld]").textContent = String(r.mallsHeld);
    });
    var summary = document.querySelector(".cluster-summary");
    var n = c.counts;
    summary.textContent = fill(L.clusterSummary, { replicas: c.replicas.length, malls: n.malls, owned: n.owned,
      inFlight: n.inFlight, dueSoon: n.dueSoon, needsPerson: n.needsPerson });
    return true;
  }

  function poll() {
    fetch("status", { headers: { accept: "application/json" }, cache: "no-store" })
      .then(function (res) { if (!res.ok) throw new Error(String(res.status)); return res.json(); })
      .then(function (s) {
        skew = s.now - Date.now();
        var cards = Array.prototype.slice.call(document.querySelectorAll("[data-mall]"));
        var ids = s.malls.map(function (m) { return m.mallId; }).join("\\n");
        // A mall added or removed changes the layout: let the server draw it.
        if (ids !== cards.map(function (c) { return c.dataset.mall; }).join("\\n")) return location.reload();
        if (!cluster(s.cluster)) return location.reload();
        s.malls.forEach(function (m, i) { update(cards[i], m); });
        var needPerson = s.malls.filter(function (m) { return m.needsReauth; }).length;
        document.querySelector(".summary").textContent = fill(L.summary, { malls: s.malls.length, needPerson: needPerson });
        document.querySelector(".stale").hidden = true;
        document.querySelector(".updated").textContent = fill(L.updated, { at: kst(s.now) });
        tick();
      })
      .catch(function () { document.querySelector(".stale").hidden = false; });
  }

  tick();
  setInterval(tick, 1000);
  setInterval(poll, 5000);
})();`;
