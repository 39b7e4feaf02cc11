// spinewise: stopwatch, hold and rest timers with beeps, tempo metronome, pulse counter, and the
// guided player (one exercise at a time, the rest timer starting by itself after a logged set),
// the sets logged offline (kept on the phone, sent when back online) and the service worker.
// Loaded as a file (the Content Security Policy allows no inline script). No dependencies.
"use strict";

(function () {
  let audio = null;

  function beep(freq, ms) {
    try {
      if (!audio) {
        const Ctx = window.AudioContext || window.webkitAudioContext;
        if (!Ctx) return;
        audio = new Ctx();
      }
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.frequency.value = freq;
      osc.type = "sine";
      gain.gain.setValueAtTime(0.25, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + ms / 1000);
      osc.connect(gain).connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + ms / 1000);
    } catch (err) {
      // No sound available: the timers still count on screen.
    }
  }

  function vibrate(ms) {
    if (navigator.vibrate) navigator.vibrate(ms);
  }

  function button(root, action) {
    return root.querySelector('[data-action="' + action + '"]');
  }

  // Stopwatch of a hold test: fills the matching input when stopped.
  function stopwatch(root) {
    const out = root.querySelector("output");
    const input = document.getElementById(root.dataset.stopwatch);
    let started = 0;
    let timer = null;
    function show(ms) { out.textContent = (ms / 1000).toFixed(1) + " s"; }
    button(root, "start").addEventListener("click", function () {
      started = performance.now();
      beep(880, 150);
      this.disabled = true;
      button(root, "stop").disabled = false;
      timer = setInterval(function () { show(performance.now() - started); }, 100);
    });
    button(root, "stop").addEventListener("click", function () {
      clearInterval(timer);
      const ms = performance.now() - started;
      show(ms);
      beep(440, 300);
      if (input) input.value = (ms / 1000).toFixed(1);
      this.disabled = true;
      button(root, "start").disabled = false;
      if (input) input.focus();
    });
    button(root, "reset").addEventListener("click", function () {
      clearInterval(timer);
      show(0);
      button(root, "start").disabled = false;
      button(root, "stop").disabled = true;
    });
  }

  // Countdown of a hold or a rest: beeps at 3, 2, 1 and a long beep at the end.
  function countdown(root) {
    const out = root.querySelector("output");
    const total = parseFloat(root.dataset.timer);
    const label = root.dataset.label || "Hold";
    let timer = null;
    function stop() { clearInterval(timer); timer = null; }
    button(root, "start").addEventListener("click", function () {
      stop();
      root.classList.add("running");
      const end = performance.now() + total * 1000;
      let lastWhole = Math.ceil(total);
      beep(660, 120);
      out.textContent = label + ": " + lastWhole + " s";
      timer = setInterval(function () {
        const left = Math.max(0, (end - performance.now()) / 1000);
        const whole = Math.ceil(left);
        if (whole !== lastWhole) {
          lastWhole = whole;
          out.textContent = whole > 0 ? label + ": " + whole + " s" : label + ": done";
          if (whole > 0 && whole <= 3) beep(880, 120);
          if (whole === 0) { beep(1320, 600); vibrate(400); stop(); root.classList.remove("running"); }
        }
      }, 50);
    });
    const stopButton = button(root, "stop");
    if (stopButton) stopButton.addEventListener("click", function () {
      stop();
      root.classList.remove("running");
      out.textContent = label + ": stopped";
    });
  }

  // Tempo metronome: one tick a second through eccentric-pause-concentric-pause, per rep.
  function metronome(root) {
    const out = root.querySelector("output");
    const parts = root.dataset.tempo.split("-");
    const reps = parseInt(root.dataset.reps, 10) || 1;
    const names = ["down", "pause", "up", "pause"];
    let timer = null;
    function stop() { clearTimeout(timer); timer = null; }
    button(root, "start").addEventListener("click", function () {
      stop();
      const steps = [];
      for (let rep = 1; rep <= reps; rep++) {
        parts.forEach(function (part, i) {
          if (part === "X") { steps.push({ rep: rep, text: names[i] + ": fast", ms: 600, freq: 990 }); return; }
          const n = parseInt(part, 10);
          for (let c = 1; c <= n; c++) steps.push({ rep: rep, text: names[i] + " " + c, ms: 1000, freq: c === 1 ? 880 : 620 });
        });
      }
      let k = 0;
      function next() {
        if (k >= steps.length) { out.textContent = "done: " + reps + " reps"; beep(1320, 500); return; }
        const s = steps[k++];
        out.textContent = "rep " + s.rep + " · " + s.text;
        beep(s.freq, 90);
        timer = setTimeout(next, s.ms);
      }
      next();
    });
    button(root, "stop").addEventListener("click", function () { stop(); out.textContent = "stopped"; });
  }

  // Pulsed tension: one pulse a second, counted aloud on screen with a beep.
  function pulses(root) {
    const out = root.querySelector("output");
    const total = parseInt(root.dataset.pulses, 10) || 10;
    let timer = null;
    function stop() { clearInterval(timer); timer = null; }
    button(root, "start").addEventListener("click", function () {
      stop();
      let n = 0;
      out.textContent = "0 / " + total + " pulses";
      timer = setInterval(function () {
        n += 1;
        out.textContent = n + " / " + total + " pulses";
        beep(n === total ? 1320 : 760, n === total ? 500 : 90);
        if (n >= total) stop();
      }, 1000);
    });
    button(root, "stop").addEventListener("click", stop);
  }

  // Keep the screen on during the guided session (where the browser allows it).
  let wakeLock = null;
  function keepAwake() {
    if (!("wakeLock" in navigator) || document.visibilityState !== "visible") return;
    navigator.wakeLock.request("screen").then(function (lock) { wakeLock = lock; }).catch(function () {});
  }

  // The guided player: one exercise at a time. Without JavaScript the page lists every exercise.
  function player(root) {
    const steps = Array.prototype.slice.call(root.querySelectorAll("[data-step]"));
    if (steps.length < 2) return;
    root.classList.add("player");
    const nav = document.createElement("nav");
    nav.className = "player-nav";
    nav.setAttribute("aria-label", "Exercises of the session");
    const prev = document.createElement("button");
    prev.type = "button";
    prev.className = "secondary";
    prev.textContent = "Previous";
    const where = document.createElement("p");
    where.className = "where";
    where.setAttribute("aria-live", "polite");
    const next = document.createElement("button");
    next.type = "button";
    nav.appendChild(prev);
    nav.appendChild(where);
    nav.appendChild(next);
    steps[0].parentNode.insertBefore(nav, steps[0]);
    const exercises = steps.length - 1;
    let at = 0;

    function counts(step) {
      const rows = step.querySelectorAll(".set-row");
      const done = step.querySelectorAll(".set-row .saved").length;
      return [done, rows.length];
    }
    function show(i, focus) {
      at = Math.max(0, Math.min(steps.length - 1, i));
      steps.forEach(function (s, k) { s.hidden = k !== at; });
      prev.disabled = at === 0;
      next.hidden = at === steps.length - 1;
      next.textContent = at === steps.length - 2 ? "Finish the session" : "Next exercise";
      if (at < exercises) {
        const c = counts(steps[at]);
        where.textContent = "Exercise " + (at + 1) + " of " + exercises + " · " + c[0] + " of " + c[1] + " sets logged";
      } else {
        where.textContent = "Finish: " + exercises + " exercises";
      }
      if (focus) {
        // Only on a move: an address with a fragment set while loading would scroll the page.
        if (history.replaceState) history.replaceState(null, "", location.pathname + location.search + "#" + steps[at].id);
        const heading = steps[at].querySelector("h2");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
        nav.scrollIntoView({ block: "start" });
      }
    }
    prev.addEventListener("click", function () { show(at - 1, true); });
    next.addEventListener("click", function () { show(at + 1, true); });

    // Start where the address points, else at the first exercise with a set still to log.
    let start = steps.findIndex(function (s) { return location.hash && "#" + s.id === location.hash; });
    if (start < 0) start = steps.findIndex(function (s) { const c = counts(s); return c[0] < c[1]; });
    show(start < 0 ? steps.length - 1 : start, false);

    // After a logged set (sent, or kept on the phone while offline): update the count, start
    // the rest timer, go to the next set.
    function logged(form) {
      const step = form.closest("[data-step]");
      if (!step) return;
      show(steps.indexOf(step), false);
      const row = form.closest(".set-row");
      let following = row ? row.nextElementSibling : null;
      while (following && following.querySelector(".saved")) following = following.nextElementSibling;
      const rest = step.querySelector(".timer.rest [data-action=start]");
      if (following) {
        if (rest) rest.click();
        const input = following.querySelector("input:not([type=hidden])");
        if (input) input.focus({ preventScroll: true });
      } else {
        next.focus();
      }
    }
    document.body.addEventListener("htmx:afterRequest", function (event) {
      const form = setForm(event);
      if (!form || !event.detail.successful || toLogin(event.detail.xhr)) return;
      logged(form);
    });
    document.body.addEventListener("set-kept", function (event) {
      const form = event.target.closest ? event.target.closest("form.set-form") : null;
      if (form) logged(form);
    });
    document.body.addEventListener("set-sent", function () { show(at, false); });
    keepAwake();
    document.addEventListener("visibilitychange", function () { if (!wakeLock || wakeLock.released) keepAwake(); });
  }


  // --- Sets logged offline -----------------------------------------------------------------
  // Each logged set gets an id made here (client_id). Without a network the set is kept in
  // localStorage (the queue) and shown as kept; the queue is sent when the browser is back
  // online and on every page load. The server stores a set sent twice with one id once, so a
  // set is never lost (it stays queued until the server took it) nor doubled (decision 0270).
  const QUEUE_KEY = "spinewise.waiting-sets";
  const KEPT_TEXT = "Saved on this phone, will be sent when you're back online";
  let loginNeeded = false;
  let refused = [];
  let flushing = false;
  let retry = null;
  // Wait before sending again after the network or the server failed on the way [ms].
  const RETRY_MS = 30000;

  function readQueue() {
    try {
      const queue = JSON.parse(localStorage.getItem(QUEUE_KEY) || "[]");
      return Array.isArray(queue) ? queue : [];
    } catch (err) {
      return [];
    }
  }
  function writeQueue(queue) {
    try {
      localStorage.setItem(QUEUE_KEY, JSON.stringify(queue));
    } catch (err) {
      // Storage full or refused: the set is not kept, say so where it was logged.
      return false;
    }
    return true;
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }
  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRF-Token"] || "";
    } catch (err) {
      return "";
    }
  }
  function setForm(event) {
    const elt = event.detail && event.detail.elt;
    return elt && elt.closest ? elt.closest("form.set-form") : null;
  }
  // An answer that ended on the log-in page: the login expired, the set was not stored.
  function toLogin(xhr) {
    return Boolean(xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === "/login");
  }
  function field(fields, name) {
    const found = fields.find(function (f) { return f[0] === name; });
    return found ? found[1] : "";
  }
  // The set's key on the server: the same set logged again replaces it.
  function keyOf(action, fields) {
    return [action, field(fields, "exercise_id"), field(fields, "set_number"), field(fields, "side")].join("|");
  }
  function fieldsOf(form) {
    const out = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token" && name !== "client_id" && typeof value === "string") out.push([name, value]);
    });
    return out;
  }
  function labelOf(form) {
    const step = form.closest("section");
    const heading = step ? step.querySelector("h2") : null;
    const name = heading ? heading.textContent.replace(/\s+/g, " ").trim() : "an exercise";
    const set = form.querySelector(".set-label");
    return (set ? set.textContent.replace(/\s+/g, " ").trim() : "a set") + " of " + name;
  }
  function clientIdOf(form) {
    let input = form.querySelector('input[name="client_id"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "client_id";
      form.appendChild(input);
    }
    return input;
  }
  function formFor(entry) {
    const forms = document.querySelectorAll("form.set-form");
    for (let i = 0; i < forms.length; i++) {
      if (keyOf(forms[i].getAttribute("action"), fieldsOf(forms[i])) === entry.key) return forms[i];
    }
    return null;
  }
  function showResult(form, text, kept) {
    const result = form.querySelector(".result");
    if (!result) return;
    const span = document.createElement("span");
    span.className = kept ? "saved kept" : "saved";
    span.setAttribute("role", "status");
    span.textContent = text;
    result.replaceChildren(span);
    const submit = form.querySelector("button[type=submit]");
    if (submit) submit.textContent = "Update";
  }

  function showStatus() {
    const box = document.querySelector("[data-queue-status]");
    if (!box) return;
    const count = readQueue().length;
    const sets = count === 1 ? "1 set" : count + " sets";
    box.replaceChildren();
    if (count && (loginNeeded || !document.body.hasAttribute("data-signed-in"))) {
      const p = document.createElement("p");
      p.append(sets + " saved on this phone are not sent yet: your log-in has ended. ");
      const link = document.createElement("a");
      link.href = "/login?next=" + encodeURIComponent(location.pathname);
      link.textContent = "Log in again";
      p.append(link, " to send them; they stay on this phone until then.");
      box.appendChild(p);
    } else if (count) {
      const p = document.createElement("p");
      p.textContent = sets + (navigator.onLine
        ? " saved on this phone, being sent now."
        : " saved on this phone, will be sent when you're back online.");
      box.appendChild(p);
    }
    if (refused.length) {
      const p = document.createElement("p");
      p.className = "refused";
      p.textContent = "Not saved (the server refused them): " + refused.join("; ") + ".";
      box.appendChild(p);
    }
    box.hidden = !count && !refused.length;
  }

  // Keep the form's set on the phone (replacing an older kept copy of the same set).
  function keep(form) {
    const fields = fieldsOf(form);
    const entry = {
      id: clientIdOf(form).value || newId(),
      action: form.getAttribute("action"),
      key: keyOf(form.getAttribute("action"), fields),
      fields: fields,
      label: labelOf(form),
    };
    const queue = readQueue().filter(function (e) { return e.key !== entry.key; });
    queue.push(entry);
    if (writeQueue(queue)) {
      showResult(form, KEPT_TEXT, true);
    } else {
      showResult(form, "Not saved: this phone has no room to keep it. Try again when online.", true);
    }
    showStatus();
    form.dispatchEvent(new CustomEvent("set-kept", { bubbles: true }));
  }
  function forget(entry) {
    writeQueue(readQueue().filter(function (e) { return e.id !== entry.id; }));
  }

  // Send one kept set: "sent", "stop" (no network or login: try later) or "refused" (never).
  function send(entry, token) {
    const body = new URLSearchParams(entry.fields);
    body.set("client_id", entry.id);
    body.set("csrf_token", token);
    return fetch(entry.action, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "manual",
      headers: { "X-CSRF-Token": token, "HX-Request": "true" },
    }).then(function (response) {
      if (response.ok) return "sent";
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        loginNeeded = true;
        return "stop";
      }
      if (response.status === 404 || response.status === 422) return "refused";
      return "stop";
    }, function () { return "stop"; });
  }

  // Send the kept sets one after another; stop at the first that cannot be sent now.
  function sendKept() {
    if (flushing || !navigator.onLine) { showStatus(); return Promise.resolve(); }
    if (!document.body.hasAttribute("data-signed-in") || !readQueue().length) { showStatus(); return Promise.resolve(); }
    const token = csrfToken();
    flushing = true;
    loginNeeded = false;
    function next() {
      const entry = readQueue()[0];
      if (!entry) return Promise.resolve();
      return send(entry, token).then(function (outcome) {
        if (outcome === "stop") return null;
        forget(entry);
        const form = formFor(entry);
        if (outcome === "sent") {
          if (form) {
            showResult(form, "Saved ✓ (sent from this phone)", false);
            form.dispatchEvent(new CustomEvent("set-sent", { bubbles: true }));
          }
        } else {
          refused.push(entry.label);
        }
        showStatus();
        return next();
      });
    }
    function done() {
      flushing = false;
      showStatus();
      // Something is left and it is not the login: the network or the server failed, try later.
      if (readQueue().length && !loginNeeded && !retry) {
        retry = setTimeout(function () { retry = null; sendKept(); }, RETRY_MS);
      }
    }
    return next().then(done, done);
  }

  // Show the kept sets on their forms (a reload while offline shows the page kept by the
  // service worker, as it was when last online).
  function showKept() {
    readQueue().forEach(function (entry) {
      const form = formFor(entry);
      if (!form) return;
      entry.fields.forEach(function (f) {
        const input = form.querySelector('input[name="' + f[0] + '"]:not([type=hidden])');
        if (input) input.value = f[1];
      });
      clientIdOf(form).value = entry.id;
      showResult(form, KEPT_TEXT, true);
    });
    showStatus();
  }

  function offlineSets() {
    // Every set logged gets a fresh id; offline, it is kept instead of posted.
    document.addEventListener("submit", function (event) {
      const form = event.target.closest ? event.target.closest("form.set-form") : null;
      if (!form) return;
      clientIdOf(form).value = newId();
      if (navigator.onLine) return;
      event.preventDefault();
      event.stopPropagation();
      keep(form);
    }, true);
    // The network failed on the way (or the server is down): keep it, with the same id, so a set
    // that did arrive is not stored twice when sent again.
    document.body.addEventListener("htmx:sendError", function (event) {
      const form = setForm(event);
      if (form) keep(form);
    });
    document.body.addEventListener("htmx:responseError", function (event) {
      const form = setForm(event);
      if (!form) return;
      const status = event.detail.xhr ? event.detail.xhr.status : 0;
      if (status === 403) loginNeeded = true;
      if (status === 403 || status === 0 || status >= 500) keep(form);
    });
    // The login ended: the answer is the log-in page. Keep the set, do not show that page here.
    document.body.addEventListener("htmx:beforeSwap", function (event) {
      const form = setForm(event);
      if (!form || !toLogin(event.detail.xhr)) return;
      event.detail.shouldSwap = false;
      loginNeeded = true;
      keep(form);
    });
    // A set sent and stored: an older kept copy of it must not be sent after it.
    document.body.addEventListener("htmx:afterRequest", function (event) {
      const form = setForm(event);
      if (!form || !event.detail.successful || toLogin(event.detail.xhr)) return;
      const key = keyOf(form.getAttribute("action"), fieldsOf(form));
      const queue = readQueue();
      if (queue.some(function (e) { return e.key === key; })) {
        writeQueue(queue.filter(function (e) { return e.key !== key; }));
        showStatus();
      }
    });
    window.addEventListener("online", sendKept);
    window.addEventListener("offline", showStatus);
    showKept();
    sendKept();
  }

  // --- Installable app: the service worker keeps the pages and files for use offline --------
  function serviceWorker() {
    document.addEventListener("submit", function (event) {
      // Logging out: forget the kept pages (they show that person's sessions).
      if (event.target.getAttribute && event.target.getAttribute("action") === "/logout" && window.caches) {
        caches.keys().then(function (names) {
          names.forEach(function (name) { if (name.indexOf("spinewise-pages-") === 0) caches.delete(name); });
        });
      }
    });
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // The page was loaded before the worker was in charge: ask it to keep this page too.
      if (registration.active && document.body.hasAttribute("data-signed-in")) {
        registration.active.postMessage({ keep: location.pathname + location.search });
      }
    }).catch(function () {
      // No service worker (a private window, an old browser): the app works online only.
    });
  }

  function init(scope) {
    scope.querySelectorAll("[data-stopwatch]").forEach(stopwatch);
    scope.querySelectorAll("[data-timer]").forEach(countdown);
    scope.querySelectorAll("[data-tempo]").forEach(metronome);
    scope.querySelectorAll("[data-pulses]").forEach(pulses);
    offlineSets();
    scope.querySelectorAll("[data-player]").forEach(player);
    scope.querySelectorAll("[data-sound-test]").forEach(function (b) {
      b.addEventListener("click", function () { beep(880, 200); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); serviceWorker(); });
})();
