#!/usr/bin/env python3
"""The customer's journey from the kiosk to the phone, every part real: an hq
with a public address, a store whose customer kiosk (its store node, syncing
by itself) runs in a window under Xvfb; a finger (xdotool) takes a number and
the kiosk prints the ticket to a PNG; a real QR reader (zbarimg) reads the
printed code; headless Chromium at a phone's size opens the address it holds.
The page shows that ticket and the people ahead; a counter calls it and the
page shows the counter within 5 s; the visit ends and the page takes a rating,
which reaches HQ once; the store goes quiet and the page says since when,
never showing the old state as current. No phone number anywhere in the page.
Screenshots (zh and en) go to OUT.

With --bench-calls N it then measures, for N more tickets, the time from a
counter's call (kioskctl) to the page showing it (p50/p95), and the page's
weight and first paint.
Exits 77 (skipped) where Chromium, its driver, Xvfb, xdotool or zbarimg is missing."""
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phone_support as ps  # noqa: E402

PHONE_DIGITS = "13812345678"


class Store:
    """The store's database through kioskctl, and its customer kiosk in a window."""

    def __init__(self, args, work):
        self.args, self.dir = args, os.path.join(work, "store")
        self.png = os.path.join(work, "printed-ticket.png")
        self.widgets = os.path.join(work, "widgets.json")
        self.kiosk = self.xvfb = None

    def ctl(self, *a):
        out = ps.run(self.args.kioskctl, "--data", self.dir, *a)
        return json.loads(out) if out.strip().startswith("{") else out

    def open_kiosk(self):
        self.xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                                     stdout=subprocess.PIPE, text=True)
        env = dict(os.environ, DISPLAY=":" + self.xvfb.stdout.readline().strip())
        self.env = env
        self.kiosk = subprocess.Popen([self.args.kiosk, "--role", "customer", "--data", self.dir, "--windowed",
                                       "1280x800", "--widget-map", self.widgets, "--printer", self.png, "--listen",
                                       f"127.0.0.1:{ps.free_port()}"], env=env, stdout=subprocess.DEVNULL)

    def widget(self, name):
        try:
            with open(self.widgets) as f:
                return json.load(f).get(name)
        except (OSError, ValueError):
            return None

    def tap(self, name):
        at = ps.wait_until(f"the kiosk's widget {name}", lambda: self.widget(name), timeout_s=30)
        time.sleep(0.5)  # a person's pace: past the double-tap guard
        subprocess.run(["xdotool", "mousemove", str(at[0]), str(at[1]), "click", "1"], env=self.env, check=True)

    def close_kiosk(self):
        for process in (self.kiosk, self.xvfb):
            if process:
                process.terminate()
                process.wait(timeout=30)
        self.kiosk = self.xvfb = None


def page_state(driver):
    return driver.execute_script("return document.body.dataset.state || ''")


def main():
    parser = ps.command_line("--hq", "--kiosk", "--kioskctl", "--assets", "--out")
    parser.add_argument("--bench-calls", type=int, default=0)
    args = parser.parse_args()
    if not ps.ready("phone_journey", tools=("zbarimg", "Xvfb", "xdotool")):
        return ps.SKIP
    os.makedirs(args.out, exist_ok=True)
    work = tempfile.mkdtemp(prefix="phone-journey-")
    hq = ps.Hq.with_store(args.hq, work, "徐汇服务大厅")
    hq.command("catalog", "import", os.path.join(args.assets, "catalog-default.jsonl"))
    token = hq.command("device", "add", "--store", "SH-001")["token"]
    hq.command("public", "set", "--url", hq.url)
    hq.start()
    store = Store(args, work)
    failures, driver = [], None
    try:
        store.ctl("init", "--store", "SH-001")
        store.ctl("counter", "open", "--counter", "3", "--services", "A,B,C")
        store.ctl("hq", "set", "--url", hq.url, "--token", token)
        store.ctl("sync")  # the public address reaches the store
        for _ in range(2):
            store.ctl("issue", "--service", "A")  # two customers ahead
        store.open_kiosk()
        store.tap("welcome.take")
        store.tap("service.A")
        store.tap("take.confirm")
        ps.wait_until("the ticket screen", lambda: store.widget("ticket.done"), timeout_s=30)
        ps.wait_until("the printed ticket", lambda: os.path.exists(store.png) and os.path.getsize(store.png) > 1000)
        time.sleep(0.5)  # the PNG written whole
        shutil.copy(store.png, os.path.join(args.out, "printed-ticket.png"))
        url = subprocess.run(["zbarimg", "--raw", "-q", store.png], capture_output=True, text=True).stdout.strip()
        if not url.startswith(hq.url + "/t/"):
            raise SystemExit(f"the printed QR code holds {url!r}, not a page under {hq.url}/t/")

        driver = ps.phone_browser("zh-CN")
        driver.get(url)
        ps.wait_until("the page in the waiting state", lambda: page_state(driver) == "waiting")
        text = driver.find_element("tag name", "body").text
        if "A003" not in text:
            failures.append(f"the page does not show the ticket A003: {text!r}")
        ahead = driver.execute_script("return document.body.dataset.ahead || ''")
        if ahead != "2":
            failures.append(f"the page says {ahead!r} people ahead, not 2")
        ps.both_languages(driver, args.out, "waiting")

        for _ in range(2):  # A001 and A002 served; A003 next
            store.ctl("call", "--counter", "3")
            store.ctl("finish", "--counter", "3", "--outcome", "resolved")
        called = time.monotonic()
        store.ctl("call", "--counter", "3")
        ps.wait_until("the page showing the call", lambda: page_state(driver) == "called", timeout_s=15)
        seen_s = time.monotonic() - called
        print(f"the counter's call reached the phone page in {seen_s:.2f} s")
        if seen_s > 5:
            failures.append(f"the call took {seen_s:.1f} s to reach the page (at most 5 s)")
        if "3" not in driver.execute_script("return document.body.dataset.counter || ''"):
            failures.append("the called page does not name counter 3")
        ps.both_languages(driver, args.out, "called")

        store.ctl("start", "--counter", "3")
        store.ctl("finish", "--counter", "3", "--outcome", "resolved")
        ps.wait_until("the page after the visit", lambda: page_state(driver) == "served", timeout_s=15)
        ps.both_languages(driver, args.out, "served")
        driver.find_element("css selector", "[data-score='5']").click()
        driver.find_element("css selector", "button.send-rating").click()
        ps.wait_until("the thanks for the rating",
                      lambda: driver.execute_script("return document.body.dataset.rated") == "1")
        ps.both_languages(driver, args.out, "rated")
        ratings = [r for r in hq_ratings(hq) if r.get("data", {}).get("score") == 5]
        if len(ratings) != 1:
            failures.append(f"HQ holds {len(ratings)} ratings of 5 for the visit, not 1")

        store.close_kiosk()  # the store goes quiet
        hq.stop()
        hq.start(clock_shift_ms=150_000)  # HQ's clock 2.5 min on: the store is not heard from
        driver.refresh()  # a rated visit's page polls no more; the customer opens it again
        ps.wait_until("the page saying the store is quiet",
                      lambda: driver.execute_script("return document.body.dataset.stale") == "1", timeout_s=40)
        ps.both_languages(driver, args.out, "store-quiet")

        source = driver.page_source
        status = ps.call_hq(url + "/status")
        for what, text in (("the page", source), ("its status", json.dumps(status[1], ensure_ascii=False))):
            if PHONE_DIGITS[-4:] in text:
                failures.append(f"{what} holds phone digits")
        failures += [f"browser error: {e}" for e in ps.browser_errors(driver) if "ERR_CONNECTION_REFUSED" not in e]
        if args.bench_calls:
            hq.stop()
            hq.start()
            bench(args, store, driver, hq)
    finally:
        if driver:
            driver.quit()
        store.close_kiosk()
        hq.stop()
    return ps.fail_if(failures, "phone_journey")


def hq_ratings(hq):
    out = ps.run(hq.binary, "export", "--db", hq.db, "--store", "SH-001", "--kind", "ratings")
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def bench(args, store, driver, hq):
    """Counter call -> page updated, with the store online (its own sync worker)."""
    store.open_kiosk()
    samples = []
    for _ in range(args.bench_calls):
        ticket = store.ctl("issue", "--service", "A")
        driver.get(f"{hq.url}/t/{ticket['token']}")
        ps.wait_until("the page in the waiting state", lambda: page_state(driver) == "waiting", timeout_s=30)
        time.sleep(random.uniform(0, 2))  # a call comes at any moment of the page's 2 s poll
        start = time.monotonic()
        store.ctl("call", "--counter", "3")
        ps.wait_until("the page showing the call", lambda: page_state(driver) == "called", timeout_s=30)
        samples.append(time.monotonic() - start)
        store.ctl("finish", "--counter", "3", "--outcome", "resolved")
    samples.sort()
    p95 = samples[min(len(samples) - 1, int(0.95 * len(samples)))]
    print(f"call at the counter -> phone page updated: p50 {statistics.median(samples):.2f} s, p95 {p95:.2f} s "
          f"({len(samples)} calls, store online)")
    driver.get(f"{hq.url}/t/{ticket['token']}")
    ps.wait_until("the page drawn", lambda: page_state(driver) != "")
    weight = driver.execute_script(
        "const n = performance.getEntriesByType('navigation')[0];"
        "return [n.encodedBodySize, ...performance.getEntriesByType('resource').map(r => r.encodedBodySize)]")
    paint = driver.execute_script(
        "const p = performance.getEntriesByName('first-contentful-paint')[0]; return p ? p.startTime : -1")
    print(f"page weight: {sum(weight)} bytes in {len(weight)} files (as sent, before any poll); "
          f"first contentful paint {paint:.0f} ms (headless Chromium, loopback)")


if __name__ == "__main__":
    sys.exit(main())
