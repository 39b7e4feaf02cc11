// spinewise: stopwatch, hold and rest timers with beeps, tempo metronome, pulse counter, and the
// guided player (one exercise at a time, the rest timer starting by itself after a logged set).
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

    // After a logged set: update the count, start the rest timer, go to the next set.
    document.body.addEventListener("htmx:afterRequest", function (event) {
      const form = event.detail && event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest("form.set-form") : null;
      if (!form || !event.detail.successful) return;
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
    });
    keepAwake();
    document.addEventListener("visibilitychange", function () { if (!wakeLock || wakeLock.released) keepAwake(); });
  }

  function init(scope) {
    scope.querySelectorAll("[data-stopwatch]").forEach(stopwatch);
    scope.querySelectorAll("[data-timer]").forEach(countdown);
    scope.querySelectorAll("[data-tempo]").forEach(metronome);
    scope.querySelectorAll("[data-pulses]").forEach(pulses);
    scope.querySelectorAll("[data-player]").forEach(player);
    scope.querySelectorAll("[data-sound-test]").forEach(function (b) {
      b.addEventListener("click", function () { beep(880, 200); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () { init(document); });
})();
