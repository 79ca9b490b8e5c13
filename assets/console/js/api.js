// Calls to /api/console/v1/: same-origin JSON, the CSRF token on every change,
// a login page when the session is gone, errors in words.
let csrf = "";

export function setCsrf(token) {
  csrf = token;
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  if (method !== "GET") {
    headers["Content-Type"] = "application/json";
    headers["X-CSRF-Token"] = csrf;
  }
  const answer = await fetch(`/api/console/v1${path}`, {
    method,
    headers,
    credentials: "same-origin",
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = await answer.json().catch(() => ({}));
  if (answer.ok) return data;
  const error = data.error || {};
  if (answer.status === 401 && path !== "/session") {
    location.href = `login.html#${error.code || "not-logged-in"}`;
  }
  throw new ApiError(answer.status, error.code || "http", error.message || `HTTP ${answer.status}`);
}
