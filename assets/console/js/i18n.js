// The console's texts in Chinese (first) and English: assets/console/i18n.json,
// the language kept in localStorage, t(key, ...values) and data-i18n attributes.
let texts = {};
let language = localStorage.getItem("hq-console-language") === "en" ? "en" : "zh";

export async function loadTexts() {
  const answer = await fetch("i18n.json", { credentials: "same-origin" });
  texts = await answer.json();
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
}

export function currentLanguage() {
  return language;
}

export function switchLanguage() {
  language = language === "zh" ? "en" : "zh";
  localStorage.setItem("hq-console-language", language);
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
}

// The text of `key` with each {} replaced by the next value; the key itself,
// marked, when it is missing (tests look for such marks).
export function t(key, ...values) {
  const pair = texts[key];
  let text = pair ? pair[language === "zh" ? 0 : 1] : `??${key}??`;
  for (const value of values) text = text.replace("{}", value);
  return text;
}

// The text of `key` when there is one, else `fallback` (codes from the server
// the console may not know yet).
export function known(key, fallback) {
  return texts[key] ? t(key) : fallback;
}

// Fills every element with data-i18n="key" under `root`.
export function translate(root = document) {
  for (const element of root.querySelectorAll("[data-i18n]")) element.textContent = t(element.dataset.i18n);
}
