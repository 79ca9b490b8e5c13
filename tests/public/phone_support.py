"""What the phone-page tests share (tests/public): the test clock for every
process they start and for the browser, an hq served at a fixed port (so a
restart keeps the addresses a QR code printed), hq and kioskctl commands, a
store's HTTP calls as its device makes them, headless Chromium as a phone in
Shanghai (390x844, a touch screen, the phone's language), screenshots in both
languages, and the check that the pages word what they share with the kiosk as
the kiosk does. Debian's /usr/bin/python3 with python3-selenium and
chromium-driver; SKIP (77) where they are missing."""
import argparse
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


def command_line(*required):
    """A test's argument parser: each of `required` (--hq, ...) a required option."""
    parser = argparse.ArgumentParser()
    for option in required:
        parser.add_argument(option, required=True)
    return parser


def ready(name, tools=()):
    """Whether the test `name` can run here: False (the reason printed; the
    caller exits SKIP) without the browser or one of `tools` (commands); else
    True, with the test clock pinned."""
    lacking = [tool for tool in tools if not shutil.which(tool)]
    if webdriver is None:
        reason = "python3-selenium is not installed"
    elif not (shutil.which("chromium") and os.path.exists("/usr/bin/chromedriver")):
        reason = "chromium or chromium-driver is not installed"
    elif lacking:
        reason = f"{', '.join(lacking)} not installed"
    else:
        pin_test_clock()
        return True
    print(f"{name}: {reason}; skipped")
    return False


def pin_test_clock():
    """Every process started from here on, and the browser, runs on the test day
    (2026-11-23 01:00 UTC, 09:00 in Shanghai) as the C++ tests do
    (tests/support/test_clock.h); an offset set by a parent (ctest's
    run_on_test_day) is kept."""
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

    @classmethod
    def with_store(cls, binary, work, store_name):
        """An hq on WORK/hq.db holding the store SH-001 named `store_name`, not started."""
        hq = cls(binary, os.path.join(work, "hq.db"))
        hq.command("store", "add", "--id", "SH-001", "--name", store_name)
        return hq

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


def clock_offset_ms():
    """The test's clock: the real one moved by KIOSK_TEST_CLOCK_OFFSET_MS (0 unset)."""
    return int(os.environ.get("KIOSK_TEST_CLOCK_OFFSET_MS", "0"))


def phone_browser(language="zh-CN"):
    """Headless Chromium the size of a phone, touch enabled, its console logged:
    a phone in Shanghai on the test's clock (Date moved by the offset), so its
    dates and times are those of the store's day."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 f"--window-size={PHONE[0]},{PHONE[1]}", f"--lang={language}",
                 "--autoplay-policy=no-user-gesture-required"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": PHONE[0], "height": PHONE[1], "pixelRatio": 2.0, "touch": True}})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Emulation.setTimezoneOverride", {"timezoneId": "Asia/Shanghai"})
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": f"""
        (() => {{
          const Real = Date, offset = {clock_offset_ms()};
          globalThis.Date = class extends Real {{
            constructor(...args) {{ if (args.length) super(...args); else super(Real.now() + offset); }}
            static now() {{ return Real.now() + offset; }}
          }};
        }})();"""})
    return driver


def both_languages(driver, out, name):
    """Screenshots of the page as it stands, in Chinese and in English (the
    page's switch), to OUT/{zh,en}/NAME.png; the page is left in the language
    it was in, scrolled as it was (a tap on the switch scrolls to it)."""
    scrolled = driver.execute_script("return window.scrollY")
    for _ in range(2):
        language = driver.execute_script("return document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'")
        os.makedirs(os.path.join(out, language), exist_ok=True)
        time.sleep(0.2)  # drawn
        driver.save_screenshot(os.path.join(out, language, f"{name}.png"))
        driver.find_element("css selector", "button.language").click()
        driver.execute_script("window.scrollTo(0, arguments[0])", scrolled)


def write_index(out, title, names):
    """OUT/index.html: each screenshot NAME in zh and en side by side."""
    with open(os.path.join(out, "index.html"), "w") as index:
        index.write(f"<!doctype html><meta charset=utf-8><title>{title}</title><table>")
        for name in names:
            index.write(f"<tr><th>{name}</th>" + "".join(
                f"<td><img width={PHONE[0]} src='{language}/{name}.png'></td>" for language in ("zh", "en")) + "</tr>")
        index.write("</table>")


def page_texts(assets, names):
    """The texts a page loads (common.i18n.json and each NAME.i18n.json), {key: [zh, en]}."""
    texts = {}
    for name in ("common", *names):
        with open(os.path.join(assets, "public", f"{name}.i18n.json"), encoding="utf-8") as f:
            texts.update(json.load(f))
    return texts


def kiosk_text_differences(assets, names, prefixes, complete=()):
    """What a page (its texts: page_texts(assets, names)) words unlike the kiosk
    (assets/i18n/strings.json): a text under `prefixes` the kiosk lacks or words
    otherwise, and a kiosk text under `complete` the page lacks."""
    page = page_texts(assets, names)
    with open(os.path.join(assets, "i18n", "strings.json"), encoding="utf-8") as f:
        kiosk = json.load(f)
    what = f"the {names[-1]} page"
    differ = [f"{what}'s text {key} differs from the kiosk's" for key in page
              if key.startswith(tuple(prefixes)) and page[key] != kiosk.get(key)]
    lacks = [f"{what} lacks the kiosk's text {key}" for key in kiosk
             if key.startswith(tuple(complete)) and key not in page]
    return differ + lacks


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
