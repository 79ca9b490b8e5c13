// The ticket page (docs/public-pages.md, "Ticket page"): the token from the
// address, the ticket's status from HQ every 2 s while the page is seen (30 s
// while hidden, If-None-Match: an unchanged ticket costs a 304), until the
// visit is over and rated or 12 hours have passed. The phone buzzes and
// chimes (Web Audio, after the first tap where the browser wants one) when 3
// or fewer are ahead and when the ticket is called. A store not heard from
// shows its last news with the time, never as current. After the visit: the
// rating form (rating.js), one rating per visit.
// For tests, <body> carries data-state, -ahead, -counter, -stale, -rated,
// -alerts and -ready.
import { loadTexts, t, languageSwitch, callHq, clockTime, element, retryAfter } from "/p/common.js";
import { RatingForm } from "/p/rating.js";

const VISIBLE_MS = 2000;
const HIDDEN_MS = 30000;
const GIVE_UP_MS = 12 * 3600 * 1000;
const LOOK_FOR_MS = 30 * 60 * 1000; // how long an unknown ticket is looked for
const NEAR = 3;
const ENDED = new Set(["served", "no-show", "cancelled"]);

const token = decodeURIComponent(location.pathname.split("/")[2] || "");
const openedAt = performance.now();
const $ = (id) => document.getElementById(id);

let status = null; // the last answer
let etag = "";
let offline = false;
let slowedFor = 0; // seconds HQ asked the page to wait (429), 0 otherwise
let gone = ""; // "unknown" | "expired" once HQ said so
let unknownTries = 0;
let timer = 0;
let stopped = false;
let alerted = { near: false, called: false };
const rating = new RatingForm($("rating"), $("thanks"), {
  title: "ticket.rate_title",
  already: "ticket.already_rated",
  post: (choice) => callHq("POST", `/t/${encodeURIComponent(token)}/rating`,
    { score: choice.score, reasons: choice.reasons }),
  refused: (answer) => {
    if (answer.status !== 410) return t("ticket.rate_failed");
    gone = "expired";
    stop();
    render();
    return "";
  },
  rated: () => {
    stop();
    render();
  },
});

// [SECTION] Polling

function schedule(ms) {
  clearTimeout(timer);
  if (!stopped) timer = setTimeout(poll, ms ?? (document.hidden ? HIDDEN_MS : VISIBLE_MS));
}

function finished() {
  return status && ENDED.has(status.state) && (rating.rated || !status.rating.open);
}

async function poll() {
  if (performance.now() - openedAt > GIVE_UP_MS) return stop();
  const answer = await callHq("GET", `/t/${encodeURIComponent(token)}/status`, undefined,
    etag ? { "If-None-Match": etag } : {});
  let wait;
  slowedFor = 0;
  if (answer.status === 200 && answer.body) {
    gone = "";
    const before = status;
    status = answer.body;
    etag = answer.headers.get("ETag") || "";
    offline = false;
    noticeChanges(before, status);
  } else if (answer.status === 304) {
    offline = false;
  } else if (answer.status === 404 && !status && performance.now() - openedAt < LOOK_FOR_MS) {
    // Not at HQ yet: a ticket just taken (the store sends it within seconds),
    // or a store offline. Asked again less and less often: unknown tokens count
    // as guesses.
    gone = "unknown";
    wait = Math.min(60000, 3000 * 1.5 ** unknownTries++);
  } else if (answer.status === 404 || answer.status === 410) {
    gone = answer.status === 404 ? "unknown" : "expired";
    stop();
  } else if (answer.status === 429) {
    slowedFor = retryAfter(answer);
    wait = 1000 * slowedFor;
  } else {
    offline = true;
  }
  render();
  if (finished()) stop();
  schedule(wait);
}

function stop() {
  stopped = true;
  clearTimeout(timer);
}

document.addEventListener("visibilitychange", () => {
  if (!document.hidden && !stopped) schedule(0);
});

// [SECTION] Buzz and chime

let audio = null;

function enableSound() {
  const Context = window.AudioContext || window.webkitAudioContext;
  if (!audio && Context) audio = new Context();
  if (audio && audio.state === "suspended") audio.resume().then(render, () => {});
  render();
}

function soundOn() {
  return audio !== null && audio.state === "running";
}

// Three rising tones, half a second each.
function chime() {
  if (!soundOn()) return;
  const start = audio.currentTime;
  [784, 1047, 1319].forEach((frequency, i) => {
    const tone = audio.createOscillator();
    const volume = audio.createGain();
    const at = start + i * 0.22;
    tone.type = "sine";
    tone.frequency.value = frequency;
    volume.gain.setValueAtTime(0.0001, at);
    volume.gain.exponentialRampToValueAtTime(0.5, at + 0.02);
    volume.gain.exponentialRampToValueAtTime(0.0001, at + 0.5);
    tone.connect(volume).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.55);
  });
}

function buzz(what) {
  alerted[what] = true;
  document.body.dataset.alerts = Object.keys(alerted).filter((k) => alerted[k]).join(",");
  const tapped = !navigator.userActivation || navigator.userActivation.hasBeenActive;  // else the browser refuses
  if (navigator.vibrate && tapped) navigator.vibrate(what === "called" ? [400, 150, 400, 150, 400] : [300, 150, 300]);
  chime();
}

// Buzzes when the place first comes within NEAR while the page is open, and
// when the ticket is called (not for what was so already when it opened).
function noticeChanges(before, now) {
  if (!before || now.stale) return;
  if (now.state === "called" && before.state !== "called") buzz("called");
  const near = now.state === "waiting" && now.ahead !== null && now.ahead <= NEAR;
  const wasNear = before.state === "waiting" && before.ahead !== null && before.ahead <= NEAR;
  if (near && !wasNear && !alerted.near) buzz("near");
}

document.addEventListener("pointerdown", enableSound);

// [SECTION] Drawing

function show(id, visible) {
  $(id).hidden = !visible;
}

function fill(id, ...children) {
  $(id).replaceChildren(...children);
}

function serviceName() {
  return document.documentElement.lang.startsWith("zh") ? status.service.zh : status.service.en;
}

function drawWaiting(old) {
  const box = $("state");
  const parts = [];
  if (status.ahead === null) {
    parts.push(element("p", "lead", t(old ? "ticket.waiting" : "ticket.place_coming")));
  } else if (status.ahead === 0 && !old) {
    parts.push(element("p", "next", t("ticket.next")));
  } else {
    const label = old ? t("ticket.ahead_then", { time: clockTime(status.updated_at) }) : t("ticket.ahead_label");
    const count = element("p", "ahead");
    count.append(element("span", "count", String(status.ahead)),
      element("span", "unit", t(status.ahead === 1 ? "ticket.ahead_unit_one" : "ticket.ahead_unit")));
    parts.push(element("p", "lead", label), count);
  }
  if (!old && status.ahead !== null) {
    const wait = status.wait_min === null ? t("ticket.no_estimate")
      : status.wait_min === 0 ? t("ticket.wait_now") : t("ticket.wait", { n: status.wait_min });
    parts.push(element("p", "wait", wait));
  }
  box.className = `card state waiting${old ? " old" : ""}`;
  box.replaceChildren(...parts);
}

// A text with its {counter} large: "3 号窗口", "counter 3".
function withCounter(key) {
  const [before, after = ""] = t(key).split("{counter}");
  const line = element("p", "counter");
  line.append(before, element("span", "num", String(status.counter)), after);
  return line;
}

function drawCounterState(title, counterKey, cls, old) {
  const box = $("state");
  box.className = `card state ${cls}${old ? " old" : ""}`;
  const parts = [element("p", "title", t(title))];
  if (status.counter !== null) {
    if (cls === "called") parts.push(element("p", "go", t("ticket.go_to")));
    parts.push(withCounter(counterKey));
  }
  box.replaceChildren(...parts);
}

function drawState(old) {
  const box = $("state");
  switch (status.state) {
    case "waiting":
      return drawWaiting(old);
    case "called":
      return drawCounterState("ticket.your_turn", "ticket.counter", "called", old);
    case "serving":
      return drawCounterState("ticket.serving", "ticket.at_counter", "serving", old);
    default: {
      const text = { served: "ticket.served", "no-show": "ticket.no_show", cancelled: "ticket.cancelled" }[status.state];
      box.className = `card state ended ${status.state}`;
      box.replaceChildren(element("p", "title", t(text || "ticket.cancelled")));
    }
  }
}

// The form's buttons stay the same elements across polls (rating.js).
function drawRating() {
  const served = status.state === "served";
  rating.show({ open: served && status.rating.open, given: served && status.rating.given, reasons: status.reasons });
}

function drawGone() {
  for (const id of ["ticket", "state", "stale", "offline", "sound", "hint"]) show(id, false);
  rating.hide();
  show("gone", true);
  fill("gone", element("p", "title", t(`ticket.${gone}_title`)), element("p", "", t(`ticket.${gone}`)));
  $("updated").textContent = "";
  $("store").textContent = t("ticket.title");
}

function markBody() {
  const data = document.body.dataset;
  data.state = gone || (status ? status.state : "");
  data.ahead = status && status.ahead !== null ? String(status.ahead) : "";
  data.counter = status && status.counter !== null ? String(status.counter) : "";
  data.stale = status && status.stale ? "1" : "0";
  data.ready = "1";
}

function render() {
  document.title = t("ticket.title");
  show("offline", offline || slowedFor > 0);
  $("offline").textContent = slowedFor ? t("common.slowed_down", { seconds: slowedFor }) : t("common.offline");
  if (gone) {
    drawGone();
    return markBody();
  }
  if (!status) return;
  show("gone", false);
  const old = status.stale || offline;
  document.title = `${status.ticket} · ${t("ticket.title")}`;
  $("store").textContent = status.store;
  show("ticket", true);
  $("ticket").className = `card ticket${ENDED.has(status.state) ? " ended" : ""}`;
  $("service").textContent = serviceName();
  $("your-number").textContent = t("ticket.your_number");
  $("number").textContent = status.ticket;
  show("state", true);
  drawState(old);
  show("stale", status.stale);
  $("stale").textContent = t("ticket.stale", { time: clockTime(status.store_heard_at || status.updated_at) });
  drawRating();
  const live = !ENDED.has(status.state);
  show("sound", live && !soundOn());
  $("sound").textContent = t("ticket.sound_off");
  show("hint", status.state === "waiting");
  $("hint").textContent = t("ticket.keep_open");
  $("updated").textContent = t("ticket.updated", { time: clockTime(status.updated_at) });
  markBody();
}

// [SECTION] Start

$("sound").addEventListener("click", enableSound);
await loadTexts("rating", "ticket");
languageSwitch(document.querySelector("button.language"), render);
render();
poll();
