// "Check my request" on a phone (docs/public-pages.md, "Request lookup"): the
// code (upper case, only the code's letters and digits, the dash put in) and
// the phone's last four digits (the numeric keypad); ?code= fills the code
// and puts the cursor in the digits. A refusal is said in words; after too
// many wrong tries the wait is counted down with the button off. The answer:
// what the request is for, its state in words, the visit once booked, and its
// timeline, newest first, with plain dates in the phone's own time; a
// finished job not rated yet offers "rate this job" (rating.js: the faces,
// reasons and a comment). Nothing personal is ever shown: HQ sends nothing
// personal.
import {
  callHq, clockTime, countDown, currentLanguage, element, languageSwitch, loadTexts, retryAfter, t,
} from "/p/common.js";
import { RatingForm } from "/p/rating.js";

const CODE_CHARACTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // requests/request_code.h: no 0/O, 1/I/L
const CODE_LENGTH = 7; // "R" and six, shown as R7K2-9QX

const $ = (id) => document.getElementById(id);
const page = {
  status: null, // the last answer of /r/lookup
  asked: null, // {code, last_four} that answered it (a rating sends them again)
  refusal: null, // {key, values, tone} under the form
  waitUntil: 0, // Date.now() until which the check is off (429)
  busy: false,
};
const rating = new RatingForm($("rating"), $("thanks"), {
  title: "request.rate_title",
  already: "error.already-rated",
  comment: true,
  post: (choice) => callHq("POST", "/r/rating", { ...page.asked, ...choice }),
  refused: (answer) => errorText(answer.body?.error?.code ?? "failed"),
  rated: () => $("thanks").scrollIntoView({ block: "center" }),
});
let ticking = null; // the check's countdown (429)

// [SECTION] Typing

// What was typed as a code: upper case, the code's characters only, "-" after the fourth.
function codeText(typed) {
  const kept = [...typed.toUpperCase()].filter((c) => CODE_CHARACTERS.includes(c)).join("").slice(0, CODE_LENGTH);
  return kept.length > 4 ? `${kept.slice(0, 4)}-${kept.slice(4)}` : kept;
}

function digitsText(typed) {
  return typed.replace(/[^0-9]/g, "").slice(0, 4);
}

function onCodeInput() {
  const input = $("code");
  input.value = codeText(input.value);
  if (input.value.length === CODE_LENGTH + 1 && $("digits").value.length < 4) $("digits").focus();
  clearRefusal();
}

function onDigitsInput() {
  $("digits").value = digitsText($("digits").value);
  clearRefusal();
}

function clearRefusal() {
  if (page.refusal && page.waitUntil <= Date.now()) {
    page.refusal = null;
    drawForm();
  }
}

// [SECTION] Words

// "Today", "Yesterday" or the date with its weekday (and year when not this year).
function dayText(date) {
  const now = new Date();
  const start = (d) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((start(date) - start(now)) / 86_400_000);
  if (days === 0) return t("date.today");
  if (days === -1) return t("date.yesterday");
  if (days === 1) return t("date.tomorrow");
  const options = { weekday: "short", month: "long", day: "numeric" };
  if (date.getFullYear() !== now.getFullYear()) options.year = "numeric";
  return new Intl.DateTimeFormat(currentLanguage() === "zh" ? "zh-CN" : "en-GB", options).format(date);
}

function momentText(epochMs) {
  return `${dayText(new Date(epochMs))} ${clockTime(epochMs)}`;
}

// "2026-12-07" and "morning": the visit's day and time of day.
function visitText(date, window) {
  const [year, month, day] = date.split("-").map(Number);
  const when = year && month && day ? dayText(new Date(year, month - 1, day)) : date;
  return window ? `${when} ${t(`window.${window}`)}` : when;
}

function errorText(code, values = {}) {
  const key = `error.${code}`;
  return t(key, values).startsWith("??") ? t("common.failed") : t(key, values);
}

// [SECTION] The form

function drawForm() {
  const waiting = page.waitUntil > Date.now();
  const check = $("check");
  check.disabled = waiting || page.busy;
  check.textContent = t(page.busy ? "request.checking" : "request.check");
  const refusal = $("refusal");
  const shown = waiting
    ? { text: t("common.slowed_down", { seconds: Math.ceil((page.waitUntil - Date.now()) / 1000) }), tone: "warn" }
    : page.refusal;
  refusal.hidden = !shown;
  if (shown) {
    refusal.textContent = shown.text;
    refusal.className = `notice ${shown.tone}`;
  }
}

function refuse(text, tone = "bad") {
  page.refusal = { text, tone };
  drawForm();
}

async function check(event) {
  event.preventDefault();
  if (page.busy || page.waitUntil > Date.now()) return;
  const asked = { code: $("code").value, last_four: $("digits").value };
  if (asked.code.replace("-", "").length !== CODE_LENGTH || !asked.code.startsWith("R")) {
    refuse(errorText("code-format"));
    $("code").focus();
    return;
  }
  if (asked.last_four.length !== 4) {
    refuse(errorText("last-four-format"));
    $("digits").focus();
    return;
  }
  page.busy = true;
  page.refusal = null;
  drawForm();
  const answer = await callHq("POST", "/r/lookup", asked);
  page.busy = false;
  if (answer.status === 200 && answer.body) {
    page.status = answer.body;
    page.asked = asked;
    rating.reset();
    show("status");
    window.scrollTo(0, 0);
    return;
  }
  if (answer.status === 429) {
    page.waitUntil = Date.now() + retryAfter(answer) * 1000;
    page.refusal = null;
    ticking = countDown(ticking, page.waitUntil, drawForm);
    return;
  }
  if (answer.status === 0) refuse(t("common.offline"), "warn");
  else refuse(errorText(answer.body?.error?.code ?? "failed"));
}

// [SECTION] The status

function drawStatus() {
  const s = page.status;
  if (!s) return;
  const zh = currentLanguage() === "zh";
  const name = (named) => (zh ? named.zh : named.en) || named.code;
  $("what").textContent = `${s.code} · ${t(`request.kind.${s.kind}`)} · ${name(s.product)} · ${name(s.problem)}`;
  const state = $("state");
  state.textContent = t(`state.${s.state}`);
  state.className = `state ${stateTone(s.state)}`;
  const visit = $("visit");
  visit.hidden = !s.scheduled_date || ["done", "closed", "cancelled"].includes(s.state);
  if (!visit.hidden) visit.textContent = t("request.visit", { when: visitText(s.scheduled_date, s.scheduled_window) });
  const timeline = $("timeline");
  timeline.replaceChildren();
  [...s.timeline].reverse().forEach((step, i) => {
    const item = element("li", i === 0 ? "latest" : "");
    item.append(element("span", "step", t(`state.${step.state}`)), element("time", "when", momentText(step.at)));
    item.querySelector("time").dateTime = new Date(step.at).toISOString();
    timeline.append(item);
  });
  rating.show({ open: s.rating_open, given: s.rated, reasons: s.reasons });
}

function stateTone(state) {
  if (state === "done" || state === "closed") return "good";
  if (state === "cancelled") return "ended";
  if (state === "waiting-for-parts") return "warn";
  return "open";
}

// [SECTION] The page

function show(view) {
  $("form").hidden = view !== "form";
  $("status").hidden = view !== "status";
  document.body.dataset.view = view;
  draw();
}

function draw() {
  document.title = t("request.title");
  for (const node of document.querySelectorAll("[data-text]")) node.textContent = t(node.dataset.text);
  $("code").placeholder = t("request.code_hint");
  drawForm();
  if (!$("status").hidden) drawStatus();
}

function another() {
  page.status = null;
  $("digits").value = "";
  rating.reset();
  show("form");
  $("code").focus();
}

async function start() {
  await loadTexts("rating", "request");
  languageSwitch($("language"), draw);
  $("code").addEventListener("input", onCodeInput);
  $("digits").addEventListener("input", onDigitsInput);
  $("form").addEventListener("submit", check);
  $("another").addEventListener("click", another);
  const given = new URLSearchParams(location.search).get("code");
  show("form");
  if (given) {
    $("code").value = codeText(given);
    $("digits").focus();
  } else {
    $("code").focus();
  }
  document.body.dataset.ready = "1";
}

start();
