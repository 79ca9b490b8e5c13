// The login page: name and password, the language switch, refusals in words.
import { api, ApiError } from "./api.js";
import { loadTexts, switchLanguage, t, translate } from "./i18n.js";

function show() {
  translate();
  document.getElementById("language").textContent = t("console.language");
  document.title = t("console.title");
}

async function logIn(event) {
  event.preventDefault();
  const error = document.getElementById("login-error");
  error.textContent = "";
  try {
    await api("/session", {
      method: "POST",
      body: { name: document.getElementById("name").value, password: document.getElementById("password").value },
    });
    location.href = "index.html";
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    if (e.code === "locked-out") error.textContent = t("login.locked", 15);
    else if (e.code === "wrong-password") error.textContent = t("login.wrong");
    else error.textContent = t("console.error", e.message);
  }
}

await loadTexts();
show();
if (location.hash === "#session-expired") document.getElementById("login-error").textContent = t("login.expired");
document.getElementById("language").addEventListener("click", () => {
  switchLanguage();
  show();
});
document.getElementById("login-form").addEventListener("submit", logIn);
document.body.dataset.ready = "1";
