// "Check my request" on a phone (docs/public-pages.md, "Request lookup"): the
// code (upper case, only the code's letters and digits, the dash put in) and
// the phone's last four digits (the numeric keypad); ?code= fills the code
// and puts the cursor in the digits. A refusal is said in words; after too
// many wrong tries the wait is counted down with the button off. The answer:
// what the request is for, its state in words, the visit once booked, and its
// timeline, newest first, with plain dates in the phone's own time; a
// finished job not rated yet offers "rate this job" (five faces, reasons, a
// comment). Nothing personal is ever shown: HQ sends nothing personal.
import { callHq, clockTime, currentLanguage, element, languageSwitch, loadTexts, t } from "/p/common.js";

const CODE_CHARACTERS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"; // requests/request_code.h: no 0/O, 1/I/L
const CODE_LENGTH = 7; // "R" and six, shown as R7K2-9QX
const FACE_COLOURS = ["#d64545", "#e8803a", "#e6c229", "#8bc34a", "#2fa65a"]; // the kiosk's faces
const SVG = "http://www.w3.org/2000/svg";

const $ = (id) => document.getElementById(id);
const page = {
  status: null, // the last answer of /r/lookup
  asked: null, // {code, last_four} that answered it (a rating sends them again)
  refusal: null, // {key, values, tone} under the form
  waitUntil: 0, // Date.now() until which the check is off (429)
  busy: false,
};
const rating = { score: 0, reasons: new Set(), busy: false, refusal: null, thanks: null, waitUntil: 0 };
let ticking = null;

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

// Counts a wait down every quarter second; `draw` shows it, `done` runs once it is over.
function countDown(draw) {
  clearInterval(ticking);
  draw();
  ticking = setInterval(() => {
    draw();
    if (page.waitUntil <= Date.now() && rating.waitUntil <= Date.now()) {
      clearInterval(ticking);
      ticking = null;
      draw();
    }
  }, 250);
}

function retryAfter(answer) {
  const seconds = Number(answer.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 5;
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
    Object.assign(rating, { score: 0, reasons: new Set(), busy: false, refusal: null, thanks: null });
    show("status");
    window.scrollTo(0, 0);
    return;
  }
  if (answer.status === 429) {
    page.waitUntil = Date.now() + retryAfter(answer) * 1000;
    page.refusal = null;
    countDown(drawForm);
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
  drawRating();
}

function stateTone(state) {
  if (state === "done" || state === "closed") return "good";
  if (state === "cancelled") return "ended";
  if (state === "waiting-for-parts") return "warn";
  return "open";
}

// [SECTION] Rating

function face(score) {
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "-50 -50 100 100");
  svg.setAttribute("aria-hidden", "true");
  const shape = (tag, attributes) => {
    const made = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
    svg.append(made);
  };
  shape("circle", { r: 46, fill: FACE_COLOURS[score - 1], stroke: "#1a1a1f", "stroke-width": 3 });
  shape("circle", { cx: -16, cy: -10, r: 5, fill: "#1a1a1f" });
  shape("circle", { cx: 16, cy: -10, r: 5, fill: "#1a1a1f" });
  const curve = (score - 3) / 2; // -1 frown .. +1 smile
  const y = 16 - 4.5 * curve;
  shape("path", { d: `M -19 ${y} Q 0 ${y + 25 * curve} 19 ${y}`, fill: "none", stroke: "#1a1a1f",
                  "stroke-width": 4.5, "stroke-linecap": "round" });
  return svg;
}

function buildRating() {
  const faces = $("faces");
  for (let score = 1; score <= 5; score++) {
    const button = element("button", "face");
    button.type = "button";
    button.dataset.score = score;
    button.setAttribute("role", "radio");
    button.append(face(score));
    button.addEventListener("click", () => {
      rating.score = score;
      rating.refusal = null;
      drawRating();
    });
    faces.append(button);
  }
  for (const reason of page.status?.reasons ?? []) {
    const chip = element("button", "chip");
    chip.type = "button";
    chip.dataset.reason = reason;
    chip.addEventListener("click", () => {
      if (rating.reasons.has(reason)) rating.reasons.delete(reason);
      else rating.reasons.add(reason);
      drawRating();
    });
    $("reasons").append(chip);
  }
}

function drawRating() {
  const s = page.status;
  const card = $("rating");
  card.hidden = !s.rating_open || rating.thanks !== null;
  const thanks = $("thanks");
  thanks.hidden = rating.thanks === null && !s.rated;
  thanks.textContent = rating.thanks ?? t("error.already-rated");
  if (card.hidden) return;
  if (!$("faces").children.length) buildRating();
  for (const button of $("faces").children) {
    const score = Number(button.dataset.score);
    button.setAttribute("aria-checked", String(score === rating.score));
    button.classList.toggle("faded", rating.score !== 0 && score !== rating.score);
    button.setAttribute("aria-label", t(`rate.score_${score}`));
  }
  $("score-word").textContent = rating.score ? t(`rate.score_${rating.score}`) : "";
  $("reasons-heading").textContent = t(rating.score ? "rate.reasons" : "rate.pick_score");
  for (const chip of $("reasons").children) {
    chip.textContent = t(`reason.${chip.dataset.reason}`);
    chip.setAttribute("aria-pressed", String(rating.reasons.has(chip.dataset.reason)));
  }
  const waiting = rating.waitUntil > Date.now();
  const refusal = $("rating-refusal");
  const text = waiting ? t("common.slowed_down", { seconds: Math.ceil((rating.waitUntil - Date.now()) / 1000) }) : rating.refusal;
  refusal.hidden = !text;
  refusal.textContent = text ?? "";
  const send = $("send");
  send.disabled = !rating.score || rating.busy || waiting;
  send.textContent = t(rating.busy ? "rate.sending" : "rate.submit");
}

async function sendRating() {
  if (!rating.score || rating.busy) return;
  rating.busy = true;
  rating.refusal = null;
  drawRating();
  const answer = await callHq("POST", "/r/rating", {
    ...page.asked,
    score: rating.score,
    reasons: [...rating.reasons],
    comment: $("comment").value.trim(),
  });
  rating.busy = false;
  const code = answer.body?.error?.code;
  if (answer.status === 200) {
    rating.thanks = `${t("rate.thanks")} ${t("rate.thanks_sub")}`;
    page.status.rated = true;
    page.status.rating_open = false;
    drawRating();
    $("thanks").scrollIntoView({ block: "center" });
    return;
  } else if (code === "already-rated") {
    rating.thanks = t("error.already-rated");
    page.status.rated = true;
    page.status.rating_open = false;
  } else if (answer.status === 429) {
    rating.waitUntil = Date.now() + retryAfter(answer) * 1000;
    countDown(drawRating);
  } else if (answer.status === 0) {
    rating.refusal = t("common.offline");
  } else {
    rating.refusal = errorText(code ?? "failed");
  }
  drawRating();
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
  $("faces").replaceChildren();
  $("reasons").replaceChildren();
  $("comment").value = "";
  show("form");
  $("code").focus();
}

async function start() {
  await loadTexts("request");
  languageSwitch($("language"), draw);
  $("code").addEventListener("input", onCodeInput);
  $("digits").addEventListener("input", onDigitsInput);
  $("form").addEventListener("submit", check);
  $("send").addEventListener("click", sendRating);
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
