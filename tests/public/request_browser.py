#!/usr/bin/env python3
""""Check my request" on a phone in a real browser (Debian's chromium through
chromium-driver and python3-selenium, a 390x844 phone screen): a real hq fed
by a real store through `kioskctl sync`. In Chinese and in English: the empty
form; /r/?code=CODE as the receipt's QR opens it (the code filled in, the
cursor in the digits); wrong digits said in words, three times, then the wait
counted down with the button off; a booked visit's day and time; the right
digits show the finished job's timeline (no phone number, name or address anywhere on the page); "rate this
job" with a face, reasons and a comment, sent once: HQ holds it as the
store's record and the store's feed says request_rated. Fails on a browser
error (other than the refusals it provokes), a text key left untranslated, or
a text the page shares with the kiosk worded differently. Screenshots go to
OUT/{zh,en}/ with an index.html.
Exits 77 (skipped) where the browser or its driver is missing."""
import datetime
import json
import os
import shutil
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phone_support as ps  # noqa: E402

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    pass  # ps.ready says so

PHONE, NAME, ADDRESS = "13812345678", "王小明", "浦东新区世纪大道 100 号"
SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


def visit_day(days):
    """A date `days` from the test's today (ps.pin_test_clock) in the store's zone (Shanghai)."""
    now = datetime.datetime.fromtimestamp(time.time() + ps.clock_offset_ms() / 1000, SHANGHAI)
    return (now + datetime.timedelta(days=days)).date().isoformat()


class Store:
    """Store SH-001 with HQ's URL and a device token, syncing by `kioskctl sync`."""

    def __init__(self, kioskctl, work, url, token):
        self.kioskctl, self.data = kioskctl, os.path.join(work, "store")
        self.ctl("init", "--store", "SH-001")
        self.ctl("hq", "set", "--url", url, "--token", token)
        self.ctl("sync")  # HQ's technician and products reach the store

    def ctl(self, *args):
        return json.loads(ps.run(self.kioskctl, "--data", self.data, *args))

    def request(self, technician=None, steps=()):
        """A home visit for PHONE, moved through `steps`, synced; its code."""
        code = self.ctl("request", "create", "--product", "washing-machine", "--problem", "leaking", "--name", NAME,
                        "--phone", PHONE, "--consent", "--address", ADDRESS, "--date", visit_day(2),
                        "--window", "afternoon")["code"]
        for step in steps:
            extra = {"assigned": ["--assignee", technician],
                     "scheduled": ["--date", visit_day(2), "--window", "afternoon"]}.get(step, [])
            self.ctl("request", "transition", "--code", code, "--to", step, *extra)
        self.ctl("sync")
        return code


def texts_of(assets, language):
    """The page's texts in `language`, as the page has them."""
    index = 0 if language == "zh" else 1
    return {key: pair[index] for key, pair in ps.page_texts(assets, ["rating", "request"]).items()}


class Page:
    """The request page at one language, with the checks every view gets."""

    def __init__(self, driver, url, language, out, failures):
        self.driver, self.url, self.language, self.failures = driver, url, language, failures
        self.out = os.path.join(out, language)
        os.makedirs(self.out, exist_ok=True)
        self.shots = []

    def open(self, query=""):
        self.driver.get(f"{self.url}/r/{query}")
        self.driver.execute_script(f"localStorage.setItem('kiosk-phone-language', '{self.language}')")
        self.driver.get(f"{self.url}/r/{query}")
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def visible(self, css, timeout=20):
        return WebDriverWait(self.driver, timeout).until(lambda d: d.find_element(By.CSS_SELECTOR, css).is_displayed()
                                                         and d.find_element(By.CSS_SELECTOR, css))

    def shot(self, name):
        text = self.find("body").text
        if "??" in text:
            self.failures.append(f"{self.language} {name}: a text key without its text: {text}")
        for personal in (PHONE, NAME, ADDRESS):
            if personal in self.driver.page_source:
                self.failures.append(f"{self.language} {name}: {personal} is on the page")
        for entry in self.driver.get_log("browser"):
            provoked = "/r/lookup" in entry["message"] and ("404" in entry["message"] or "429" in entry["message"])
            if entry["level"] == "SEVERE" and not provoked:
                self.failures.append(f"{self.language} {name}: browser error: {entry['message']}")
        self.driver.save_screenshot(os.path.join(self.out, f"{name}.png"))
        self.shots.append(name)
        return text

    def type_digits_and_check(self, digits):
        field = self.find("#digits")
        field.clear()
        field.send_keys(digits)
        self.find("#check").click()


def walk_through(page, texts, other, codes, hq, failures):
    """The views in one language (`texts`; `other`: the other language's)."""
    wrong_code, booked_code, done_code = codes
    lang = page.language
    page.open()
    page.visible("#form")
    if page.driver.execute_script("return document.activeElement.id") != "code":
        failures.append(f"{lang}: the empty form does not start in the code box")
    if page.find("#digits").get_attribute("inputmode") != "numeric":
        failures.append(f"{lang}: the digits box does not ask for the numeric keypad")
    page.shot("form")

    # The receipt's QR: the code filled in, the cursor in the digits.
    page.open(f"?code={wrong_code.replace('-', '').lower()}")
    if page.find("#code").get_attribute("value") != wrong_code:
        failures.append(f"{lang}: ?code= filled in {page.find('#code').get_attribute('value')!r}, not {wrong_code}")
    if page.driver.execute_script("return document.activeElement.id") != "digits":
        failures.append(f"{lang}: ?code= does not put the cursor in the digits")
    for attempt in range(3):  # the kiosk's three free failures per code
        page.type_digits_and_check(f"{attempt}{attempt}00")
        refusal = page.visible("#refusal")
        WebDriverWait(page.driver, 20).until(lambda d: not d.find_element(By.ID, "check").get_attribute("disabled"))
        if refusal.text != texts["error.lookup-no-match"]:
            failures.append(f"{lang}: wrong digits said {refusal.text!r}")
        if attempt == 0:
            page.shot("wrong-digits")
    page.type_digits_and_check("5678")  # the right digits, but the code is blocked now
    WebDriverWait(page.driver, 20).until(lambda d: d.find_element(By.ID, "check").get_attribute("disabled"))
    first = page.visible("#refusal").text
    wanted = texts["common.slowed_down"].split("{seconds}")[0]
    if not first.startswith(wanted):
        failures.append(f"{lang}: the slow-down said {first!r}")
    page.shot("slowed-down")
    try:  # the wait is counted down
        WebDriverWait(page.driver, 10).until(lambda d: d.find_element(By.ID, "refusal").text != first)
    except Exception:
        failures.append(f"{lang}: the wait is not counted down: still {first!r}")

    # A booked visit: its day and time of day, in words.
    page.open(f"?code={booked_code}")
    page.type_digits_and_check("5678")
    visit = page.visible("#visit")
    if texts["window.afternoon"] not in visit.text or page.find("#state").text != texts["state.scheduled"]:
        failures.append(f"{lang}: a booked visit shows {page.find('#state').text!r}, {visit.text!r}")
    page.shot("visit")

    # The finished job: its timeline, newest first.
    page.open(f"?code={done_code}")
    page.type_digits_and_check("5678")
    page.visible("#status")
    steps = [li.find_element(By.CSS_SELECTOR, ".step").text for li in
             page.driver.find_elements(By.CSS_SELECTOR, "#timeline li")]
    wanted_steps = [texts[f"state.{s}"] for s in ("done", "on-site", "on-the-way", "scheduled", "assigned", "received")]
    if steps != wanted_steps:
        failures.append(f"{lang}: the timeline shows {steps}, not {wanted_steps}")
    if page.find("#state").text != texts["state.done"]:
        failures.append(f"{lang}: the state says {page.find('#state').text!r}")
    when = page.find("#timeline li .when").text
    if not when.startswith(texts["date.today"]):
        failures.append(f"{lang}: today's step is dated {when!r}")
    page.shot("timeline")

    # Rate this job: a face, two reasons, a comment.
    page.driver.execute_script("document.getElementById('rating').scrollIntoView()")
    page.find("#faces button[data-score='4']").click()
    for reason in ("friendly", "solved"):
        page.find(f"#reasons button[data-reason='{reason}']").click()
    page.find("#comment").send_keys("师傅很专业" if lang == "zh" else "Quick and tidy")
    page.driver.execute_script("document.getElementById('rating').scrollIntoView()")
    page.shot("rating")
    if page.find("#score-word").text != texts["rate.score_4"]:
        failures.append(f"{lang}: the chosen face is named {page.find('#score-word').text!r}")
    page.find("#send").click()
    thanks = page.visible("#thanks")
    if texts["rate.thanks"] not in thanks.text:
        failures.append(f"{lang}: after sending, the page says {thanks.text!r}")
    if page.find("#rating").is_displayed():
        failures.append(f"{lang}: the rating is still offered after it was sent")
    page.shot("thanks")

    ratings = [json.loads(line) for line in ps.run(hq.binary, "export", "--db", hq.db, "--store", "SH-001", "--kind",
                                                 "request-ratings").splitlines()]
    mine = [r for r in ratings if r.get("data", {}).get("request_code") == done_code]
    if len(mine) != 1 or mine[0]["data"]["score"] != 4 or mine[0]["data"]["rated_by"] != "customer-phone" \
            or sorted(mine[0]["data"]["reasons"]) != ["friendly", "solved"] or mine[0]["device"] != "phone":
        failures.append(f"{lang}: HQ holds {mine} for {done_code}")

    # Again from the start: rated, nothing more offered.
    page.open(f"?code={done_code}")
    page.type_digits_and_check("5678")
    page.visible("#status")
    if page.find("#rating").is_displayed() or texts["error.already-rated"] not in page.visible("#thanks").text:
        failures.append(f"{lang}: a rated job is offered for rating again")
    # The switch: the other language at once, the same answer.
    page.find("#language").click()
    if page.find("#state").text != other["state.done"] or page.find("h1").text != other["request.title"]:
        failures.append(f"{lang}: the language switch shows {page.find('h1').text!r}, {page.find('#state').text!r}")
    page.find("#language").click()


def main():
    args = ps.command_line("--hq", "--kioskctl", "--assets", "--out").parse_args()
    if not ps.ready("request_browser"):
        return ps.SKIP
    work = tempfile.mkdtemp(prefix="request-browser-")
    hq = ps.Hq.with_store(args.hq, work, "上海一店")
    hq.command("products", "import", os.path.join(args.assets, "products-default.jsonl"))
    technician = hq.command("staff", "add", "--store", "SH-001", "--name", "周师傅", "--pin", "2468",
                            "--role", "technician")["staff"]
    token = hq.command("device", "add", "--store", "SH-001")["token"]
    hq.start()
    # The phone names states, windows, kinds, faces and reasons as the kiosk does: the same texts.
    failures = ps.kiosk_text_differences(args.assets, ["rating", "request"],
                                         ("state.", "window.", "request.kind.", "rate.", "reason."),
                                         complete=("state.", "window.", "rate.score_", "reason."))
    driver, pages = None, []
    try:
        store = Store(args.kioskctl, work, hq.url, token)
        driver = ps.phone_browser("zh-CN")
        for language in ("zh", "en"):
            codes = (store.request(), store.request(technician, ("assigned", "scheduled")),
                     store.request(technician, ("assigned", "scheduled", "on-the-way", "on-site", "done")))
            page = Page(driver, hq.url, language, args.out, failures)
            other = "en" if language == "zh" else "zh"
            walk_through(page, texts_of(args.assets, language), texts_of(args.assets, other), codes, hq, failures)
            pages.append(page)
        _, feed, _ = ps.call_hq(f"{hq.url}/sync/v1/changes?after=0&limit=1000", token=token)
        told = [c for c in feed["changes"] if c["kind"] == "request_rated"]
        if len(told) != 2:
            failures.append(f"the store's feed has {len(told)} request_rated changes, not 2")
    finally:
        if driver:
            driver.quit()
        hq.stop()
        shutil.rmtree(work, ignore_errors=True)

    ps.write_index(args.out, "request page screenshots", pages[0].shots if pages else [])
    print(f"request_browser: {sum(len(p.shots) for p in pages)} views looked at, screenshots in {args.out}")
    return ps.fail_if(failures, "request_browser")


if __name__ == "__main__":
    sys.exit(main())
