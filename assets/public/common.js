// What the phone pages share (docs/public-pages.md): the language (the
// address's ?lang=zh|en, which a kiosk's QR code carries, else the one picked
// with the switch, kept in localStorage, else the phone's), texts from
// NAME.i18n.json files as {"key": ["中文", "English"]}, the switch itself and
// JSON calls to HQ that never throw, the wait a 429 asks for and its countdown.
let language = pickLanguage();
const texts = {};

function pickLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (asked === "zh" || asked === "en") return asked;
  const kept = localStorage.getItem("kiosk-phone-language");
  if (kept === "zh" || kept === "en") return kept;
  return (navigator.language || "zh").toLowerCase().startsWith("zh") ? "zh" : "en";
}

function markLanguage() {
  document.documentElement.lang = language === "zh" ? "zh-CN" : "en";
}

// Loads common.i18n.json and each named page's texts.
export async function loadTexts(...names) {
  markLanguage();
  for (const name of ["common", ...names]) {
    const answer = await fetch(`/p/${name}.i18n.json`, { cache: "no-cache" });
    Object.assign(texts, await answer.json());
  }
}

export function currentLanguage() {
  return language;
}

// The text of `key` with {name} replaced from `values`; the key, marked, when
// it is missing (tests look for such marks).
export function t(key, values = {}) {
  const pair = texts[key];
  let text = pair ? pair[language === "zh" ? 0 : 1] : `??${key}??`;
  for (const [name, value] of Object.entries(values)) text = text.replaceAll(`{${name}}`, String(value));
  return text;
}

// A button that switches between Chinese and English (labelled in the other
// language, so a reader of either finds it); `redraw` runs after a switch. An
// address with ?lang= gets the new language, so a reload keeps it.
export function languageSwitch(button, redraw) {
  const label = () => {
    button.textContent = language === "zh" ? "English" : "中文";
    button.lang = language === "zh" ? "en" : "zh-CN";
  };
  label();
  button.addEventListener("click", () => {
    language = language === "zh" ? "en" : "zh";
    localStorage.setItem("kiosk-phone-language", language);
    const address = new URL(location.href);
    if (address.searchParams.has("lang")) {
      address.searchParams.set("lang", language);
      history.replaceState(history.state, "", address);
    }
    markLanguage();
    label();
    redraw();
  });
}

// A JSON call to HQ: {status, body, headers}; status 0 when HQ could not be
// reached (the page says so and tries again). `cache`: the fetch's cache mode
// (an answer HQ lets the phone keep may be read with "default").
export async function callHq(method, path, body, headers = {}, cache = "no-store") {
  try {
    const answer = await fetch(path, {
      method,
      headers: body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      cache,
      credentials: "omit",
    });
    const text = await answer.text();
    let parsed = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    return { status: answer.status, body: parsed, headers: answer.headers };
  } catch {
    return { status: 0, body: null, headers: new Headers() };
  }
}

// The seconds a 429 answer asks to wait (its Retry-After; 5 when it names none).
export function retryAfter(answer) {
  const seconds = Number(answer.headers.get("Retry-After"));
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 5;
}

// Draws a wait (Date.now() until `until`) now and every quarter second until it
// is over; clears the countdown `previous` and returns this one's.
export function countDown(previous, until, draw) {
  clearInterval(previous);
  draw();
  const ticking = setInterval(() => {
    if (until <= Date.now()) clearInterval(ticking);
    draw();
  }, 250);
  return ticking;
}

// "14:05" in the phone's own time zone.
export function clockTime(epochMs) {
  const at = new Date(epochMs);
  return `${String(at.getHours()).padStart(2, "0")}:${String(at.getMinutes()).padStart(2, "0")}`;
}

// Creates an element with a class and text.
export function element(tag, className, text) {
  const made = document.createElement(tag);
  if (className) made.className = className;
  if (text !== undefined) made.textContent = text;
  return made;
}
