"""What the phone-page tests share (tests/public): the test clock for every
process they start, an hq served at a fixed port (so a restart keeps the
addresses a QR code printed), hq and kioskctl commands, a store's HTTP calls
as its device makes them, and headless Chromium as a phone (390x844, a touch
screen, the phone's language). Debian's /usr/bin/python3 with python3-selenium
and chromium-driver; SKIP (77) where they are missing."""
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

SKIP = 77
PHONE = (390, 844)

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    webdriver = None


def browser_missing(name):
    """A reason to skip, or None."""
    if webdriver is None:
        return f"{name}: python3-selenium is not installed; skipped"
    if not (shutil.which("chromium") and os.path.exists("/usr/bin/chromedriver")):
        return f"{name}: chromium or chromium-driver is not installed; skipped"
    return None


def pin_test_clock():
    """Every process started from here on runs on the test day (2026-11-23
    01:00 UTC, 09:00 in Shanghai) as the C++ tests do (tests/support/test_clock.h);
    an offset set by a parent is kept. The browser keeps the real clock: the
    pages compare times only with HQ's hq_time."""
    if os.environ.get("KIOSK_TEST_CLOCK_OFFSET_MS"):
        return
    test_day = datetime.datetime(2026, 11, 23, 1, 0, tzinfo=datetime.timezone.utc)
    os.environ["KIOSK_TEST_CLOCK_OFFSET_MS"] = str(int((test_day.timestamp() - time.time()) * 1000))


def run(*args, stdin=None, env=None):
    done = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=60, env=env)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stdout}{done.stderr}")
    return done.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Hq:
    """`hq --db DB --listen 127.0.0.1:PORT`, the port fixed for its life."""

    def __init__(self, binary, db):
        self.binary, self.db, self.port, self.server = binary, db, free_port(), None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def command(self, *args):
        out = run(self.binary, *args, "--db", self.db)
        return json.loads(out) if out.strip().startswith("{") else out

    def start(self, clock_shift_ms=0):
        env = dict(os.environ)
        env["KIOSK_TEST_CLOCK_OFFSET_MS"] = str(int(env.get("KIOSK_TEST_CLOCK_OFFSET_MS", "0")) + clock_shift_ms)
        self.server = subprocess.Popen([self.binary, "--db", self.db, "--listen", f"127.0.0.1:{self.port}"],
                                       stdout=subprocess.PIPE, text=True, env=env)
        json.loads(self.server.stdout.readline())  # {"listening": ...}: it serves

    def stop(self):
        if self.server:
            self.server.terminate()
            self.server.wait(timeout=30)
            self.server = None


def call_hq(url, method="GET", body=None, token=None, headers=None):
    """(status, parsed JSON or None, headers); status 0 without an answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers or {}))
    if body is not None:
        request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    try:
        with urllib.request.urlopen(request, timeout=15) as answer:
            raw = answer.read()
            return answer.status, (json.loads(raw) if raw else None), answer.headers
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            parsed = json.loads(raw)
        except ValueError:
            parsed = None
        return e.code, parsed, e.headers
    except OSError:
        return 0, None, {}


def phone_browser(language="zh-CN"):
    """Headless Chromium the size of a phone, touch enabled."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", f"--window-size={PHONE[0]},{PHONE[1]}",
                 f"--lang={language}", "--autoplay-policy=no-user-gesture-required"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 2.0, "touch": True}})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def browser_errors(driver):
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def wait_until(what, condition, timeout_s=20, step_s=0.05):
    """condition()'s first truthy value, polled; SystemExit naming `what` after timeout_s."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step_s)
    raise SystemExit(f"timed out after {timeout_s} s waiting for {what}")


def fail_if(failures, name):
    if failures:
        print(f"{name}: FAILED", file=sys.stderr)
        for failure in failures:
            print(f"  - {failure}", file=sys.stderr)
        return 1
    print(f"{name}: passed")
    return 0
