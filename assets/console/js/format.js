// Numbers as the console shows them: minutes, shares, counts, times.
import { currentLanguage, t } from "./i18n.js";

const locale = () => (currentLanguage() === "zh" ? "zh-CN" : "en-GB");

// A duration in seconds: under a minute in seconds, else in minutes.
export function minutes(seconds) {
  if (seconds === null || seconds === undefined) return "–";
  const number = (value) => new Intl.NumberFormat(locale(), { maximumFractionDigits: 1 }).format(value);
  return seconds < 60 ? t("unit.s", Math.round(seconds)) : t("unit.min", number(seconds / 60));
}

export function share(value) {
  if (value === null || value === undefined) return "–";
  return new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 1 }).format(value);
}

export function count(value) {
  return new Intl.NumberFormat(locale()).format(value ?? 0);
}

export function moment(epochMs) {
  if (epochMs === null || epochMs === undefined) return "–";
  return new Intl.DateTimeFormat(locale(), { dateStyle: "medium", timeStyle: "short" }).format(new Date(epochMs));
}
