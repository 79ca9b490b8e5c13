// The console's shell: who is logged in, the pages of their role in the
// navigation, the language switch, logout, and hash routing (#/services...).
import { api, setCsrf } from "./api.js";
import { loadTexts, switchLanguage, t, translate } from "./i18n.js";
import { servicesPage } from "./pages/services.js";
import { usersPage } from "./pages/users.js";
import { auditPage } from "./pages/audit.js";
import { dispatchPage } from "./pages/dispatch.js";
import { livePage } from "./pages/live.js";
import { satisfactionPage } from "./pages/satisfaction.js";
import { arrivalsPage } from "./pages/arrivals.js";
import { trendPage } from "./pages/trend.js";
import { alertsPage } from "./pages/alerts.js";
import { requestsPage } from "./pages/requests.js";
import { outcomesPage } from "./pages/outcomes.js";
import { storesPage } from "./pages/stores.js";
import { staffPage } from "./pages/staff.js";
import { catalogPage } from "./pages/catalog.js";
import { settingsPage } from "./pages/settings.js";
import { forecastPage } from "./pages/forecast.js";
import { countersPage } from "./pages/counters.js";
import { helpPage } from "./pages/help.js";
import { helpReportPage } from "./pages/help_report.js";

// Each page: its navigation text, the roles that see it, and how it draws.
const pages = {
  live: { title: "nav.live", roles: ["manager", "dispatcher"], show: livePage },
  alerts: { title: "nav.alerts", roles: ["manager"], show: alertsPage },
  services: { title: "nav.services", roles: ["manager"], show: servicesPage },
  satisfaction: { title: "nav.satisfaction", roles: ["manager"], show: satisfactionPage },
  arrivals: { title: "nav.arrivals", roles: ["manager"], show: arrivalsPage },
  trend: { title: "nav.trend", roles: ["manager"], show: trendPage },
  counters: { title: "nav.counters", roles: ["manager"], show: countersPage },
  requests: { title: "nav.requests", roles: ["manager"], show: requestsPage },
  outcomes: { title: "nav.outcomes", roles: ["manager"], show: outcomesPage },
  forecast: { title: "nav.forecast", roles: ["manager"], show: forecastPage },
  dispatch: { title: "nav.dispatch", roles: ["dispatcher"], show: dispatchPage },
  stores: { title: "nav.stores", roles: ["admin"], show: storesPage },
  staff: { title: "nav.staff", roles: ["admin"], show: staffPage },
  catalog: { title: "nav.catalog", roles: ["admin"], show: catalogPage },
  users: { title: "nav.users", roles: ["admin"], show: usersPage },
  settings: { title: "nav.settings", roles: ["admin"], show: settingsPage },
  audit: { title: "nav.audit", roles: ["admin"], show: auditPage },
  help: { title: "nav.help", roles: ["manager", "dispatcher", "admin"], show: helpPage },
  "help-report": { title: "nav.help_report", roles: ["manager"], show: helpReportPage },
};

let context = null;  // {user, today, stores}

function pagesOf(role) {
  return Object.keys(pages).filter((name) => pages[name].roles.includes(role));
}

function drawNavigation(current) {
  const nav = document.getElementById("nav");
  nav.replaceChildren();
  for (const name of pagesOf(context.user.role)) {
    const link = document.createElement("a");
    link.href = `#/${name}`;
    link.textContent = t(pages[name].title);
    if (name === current) link.setAttribute("aria-current", "page");
    nav.append(link);
  }
  document.getElementById("who").textContent = `${context.user.name} · ${t(`role.${context.user.role}`)}`;
  document.getElementById("language").textContent = t("console.language");
  document.title = t("console.title");
  translate(document.querySelector("header"));
}

async function route() {
  const [path, query] = location.hash.replace(/^#\/?/, "").split("?");
  const allowed = pagesOf(context.user.role);
  const name = allowed.includes(path) ? path : allowed[0];
  drawNavigation(name);
  const main = document.getElementById("page");
  document.body.dataset.ready = "";
  main.replaceChildren();
  try {
    await pages[name].show(main, context, new URLSearchParams(query || ""));
  } catch (e) {
    const error = document.createElement("p");
    error.className = "error";
    error.textContent = t("console.error", e.message);
    main.append(error);
  }
  document.body.dataset.readyAt = String(performance.now());  // the page-load benchmark reads it
  document.body.dataset.ready = "1";
}

await loadTexts();
let session;
try {
  session = await api("/session");
} catch (e) {
  if (e.status !== 401) throw e;
  location.replace(`login.html#${e.code}`);  // not logged in, or the session ended
  await new Promise(() => {});  // this page goes no further
}
setCsrf(session.csrf);
context = await api("/me");
document.getElementById("language").addEventListener("click", () => {
  switchLanguage();
  route();
});
document.getElementById("logout").addEventListener("click", async () => {
  await api("/session", { method: "DELETE" });
  location.href = "login.html";
});
window.addEventListener("hashchange", route);
route();
