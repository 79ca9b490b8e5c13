// A help article on the customer's phone (docs/help-articles.md, "The phone
// page"): the id from the address, the article from HQ once (no polling: it
// rarely changes, and HQ lets the phone keep it a minute), shown in the
// page's language (?lang=, the switch, the phone's). An id HQ has no active
// article for gets a kind word; when HQ cannot be reached the page says so and
// asks again, less and less often.
// For tests, <body> carries data-state (article, unknown, offline) and data-ready.
import { loadTexts, t, languageSwitch, callHq, currentLanguage, element, retryAfter } from "/p/common.js";

const MAX_WAIT_MS = 60000;

const id = decodeURIComponent(location.pathname.split("/")[2] || "");
const $ = (name) => document.getElementById(name);

let article = null; // {id, zh: {title, answer, steps}, en: {...}}
let gone = false;
let offline = false;
let slowedFor = 0; // seconds HQ asked the page to wait (429), 0 otherwise
let tries = 0;

async function load() {
  const answer = await callHq("GET", `/k/${encodeURIComponent(id)}/json`, undefined, {}, "default");
  offline = false;
  slowedFor = 0;
  if (answer.status === 200 && answer.body) {
    article = answer.body;
  } else if (answer.status === 404) {
    gone = true;
  } else if (answer.status === 429) {
    slowedFor = retryAfter(answer);
    setTimeout(load, 1000 * slowedFor);
  } else {
    offline = true;
    setTimeout(load, Math.min(MAX_WAIT_MS, 3000 * 1.5 ** tries++));
  }
  render();
}

function drawArticle() {
  const text = article[currentLanguage()];
  $("article").lang = document.documentElement.lang;
  $("title").textContent = text.title;
  $("answer").textContent = text.answer;
  $("steps-title").textContent = t("article.steps");
  $("steps").replaceChildren(...text.steps.map((step) => element("li", "", step)));
  $("steps-title").hidden = $("steps").hidden = text.steps.length === 0;
  document.title = `${text.title} · ${t("article.title")}`;
}

function render() {
  document.title = t("article.title");
  $("heading").textContent = t("article.title");
  $("offline").hidden = !offline && !slowedFor;
  $("offline").textContent = slowedFor ? t("common.slowed_down", { seconds: slowedFor }) : t("common.offline");
  $("gone").hidden = !gone;
  $("gone").replaceChildren(element("p", "title", t("article.gone_title")), element("p", "", t("article.gone")));
  $("article").hidden = !article;
  if (article) drawArticle();
  $("more").hidden = !article;
  $("more").textContent = t("article.more");
  document.body.dataset.state = article ? "article" : gone ? "unknown" : offline ? "offline" : "";
  if (article || gone || offline) document.body.dataset.ready = "1";
}

await loadTexts("article");
languageSwitch(document.querySelector("button.language"), render);
render();
load();
