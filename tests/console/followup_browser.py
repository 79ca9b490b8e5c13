#!/usr/bin/env python3
"""Follow-up calls in a real browser (Debian's chromium through chromium-driver
and python3-selenium, as console_browser.py): a real hq fed by a real store
through `kioskctl sync` with repairs done yesterday and today and complaint
tickets taken 2, 20 and 30 hours ago. In each language the dispatcher opens
#/followups (the complaints' clocks red and amber), records a call in the
dialog (in Chinese: reached and solved, score 5; in English: reached and not
solved, which reopens the request: the store holds it reopened after its next
sync); the manager opens the report and the admin the settings. Fails on a
browser error, a text key left untranslated or a call not recorded.
Screenshots in OUT/{zh,en}/ with an index.html. Exits 77 (skipped) where the
browser or its driver is missing."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from console_browser import PASSWORD, SKIP, browser, check_page, run, serve_hq, wait_ready, write_index  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

HOUR_MS = 3_600_000
USERS = {"dispatcher": "dan", "manager": "mia", "admin": "ada"}


def at(shift_ms):
    """The environment of a program whose clock runs `shift_ms` off the test's."""
    env = dict(os.environ)
    env["KIOSK_TEST_CLOCK_OFFSET_MS"] = str(int(os.environ.get("KIOSK_TEST_CLOCK_OFFSET_MS", "0")) + shift_ms)
    return env


def ctl(args, store, *words, shift_ms=0):
    done = subprocess.run([args.kioskctl, "--data", store, *words], capture_output=True, text=True, timeout=60,
                          env=at(shift_ms))
    if done.returncode != 0:
        raise SystemExit(f"failed: kioskctl {' '.join(words)}\n{done.stdout}{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1]) if done.stdout.strip() else {}


def feed_store(args, work, url, token):
    """SH-001 with three repairs done (two yesterday, one today) and complaint
    tickets: one left to a call today, two waiting for 20 and 30 hours."""
    store = os.path.join(work, "store")
    ctl(args, store, "init", "--store", "SH-001")
    ctl(args, store, "hq", "set", "--url", url, "--token", token)
    ctl(args, store, "sync")  # the technician HQ made reaches the store
    codes = []
    for name, shift in (("王芳", -24 * HOUR_MS), ("李雷", -24 * HOUR_MS), ("张伟", 0)):
        made = ctl(args, store, "request", "create", "--product", "phone", "--problem", "no-power", "--name", name,
                   "--phone", "13812345678", "--consent", "--drop-off", shift_ms=shift)
        for to in ("assigned", "on-site", "done"):
            ctl(args, store, "request", "transition", "--code", made["code"], "--to", to,
                *(["--assignee", "周师傅"] if to == "assigned" else []), shift_ms=shift)
        codes.append(made["code"])
    ctl(args, store, "counter", "open", "--counter", "1", "--services", "A,B")
    ctl(args, store, "issue", "--service", "B")
    ctl(args, store, "call", "--counter", "1")
    ctl(args, store, "finish", "--counter", "1", "--outcome", "follow-up")
    for shift in (-30 * HOUR_MS, -20 * HOUR_MS):  # still waiting: late and at risk
        ctl(args, store, "issue", "--service", "B", shift_ms=shift)
    ctl(args, store, "sync")
    return store, codes


def log_in(driver, url, language, name):
    driver.delete_all_cookies()
    driver.get(f"{url}/console/login.html")
    driver.execute_script(f"localStorage.setItem('hq-console-language', '{language}')")
    driver.get(f"{url}/console/login.html")
    wait_ready(driver, "login")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 20).until(lambda d: "index.html" in d.current_url)
    wait_ready(driver, f"{name}'s first page")


def open_page(driver, page):
    driver.execute_script("document.body.dataset.ready = ''")
    driver.execute_script(f"location.hash = '#/{page}'")
    wait_ready(driver, page)


def record_call(driver, code, choices, note, failures, shot, language):
    """Records a call on `code`'s row: `choices` (radio name -> value) and a note."""
    row = next((r for r in driver.find_elements(By.CSS_SELECTOR, "tbody tr") if code in r.text), None)
    if row is None:
        failures.append(f"{language} followups: no row for {code}")
        return
    row.find_element(By.CSS_SELECTOR, "button.primary").click()
    dialog = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "dialog[open]"))
    if "13812345678" not in dialog.text:
        failures.append(f"{language} followups: the dialog does not show the phone to call: {dialog.text}")
    for name, value in choices.items():
        dialog.find_element(By.CSS_SELECTOR, f"input[name={name}][value='{value}']").find_element(By.XPATH, "..").click()
    dialog.find_element(By.CSS_SELECTOR, "textarea[name=note]").send_keys(note)
    shot(driver, "followups-dialog")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    banner = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "main .banner"))
    if "error" in banner.get_attribute("class"):
        failures.append(f"{language} followups: the call on {code} was refused: {banner.text}")
    shot(driver, "followups-recorded")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hq", required=True)
    parser.add_argument("--kioskctl", required=True)
    parser.add_argument("--assets", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if not (shutil.which("chromium") and os.path.exists("/usr/bin/chromedriver")):
        print("followup_browser: chromium or chromium-driver is not installed; skipped")
        return SKIP

    work = tempfile.mkdtemp(prefix="followup-browser-")
    db = os.path.join(work, "hq.db")
    run(args.hq, "store", "add", "--db", db, "--id", "SH-001", "--name", "上海一店")
    run(args.hq, "catalog", "import", "--db", db, os.path.join(args.assets, "catalog-default.jsonl"))
    run(args.hq, "products", "import", "--db", db, os.path.join(args.assets, "products-default.jsonl"))
    password_file = os.path.join(work, "password")
    with open(password_file, "w") as f:
        f.write(PASSWORD + "\n")
    for role, name in USERS.items():
        run(args.hq, "user", "add", "--db", db, "--name", name, "--role", role, "--password-file", password_file)
    run(args.hq, "staff", "add", "--db", db, "--store", "SH-001", "--name", "周师傅", "--pin", "2468",
        "--role", "technician")
    token = json.loads(run(args.hq, "device", "add", "--db", db, "--store", "SH-001"))["token"]
    server, url = serve_hq(args.hq, db)
    failures, shots = [], []
    driver = None
    try:
        store, codes = feed_store(args, work, url, token)
        os.environ["TZ"] = "Asia/Shanghai"  # the browser shows times as the store's staff see them
        driver = browser()
        for language, code, choices, note in (
                ("zh", codes[0], {"reached": "yes", "solved": "yes", "score": "5"}, "客户说已经修好了"),
                ("en", codes[1], {"reached": "yes", "solved": "no", "score": "2"}, "Still will not power on")):
            os.makedirs(os.path.join(args.out, language), exist_ok=True)

            def shot(driver, page):
                driver.save_screenshot(os.path.join(args.out, language, f"{page}.png"))
                shots.append((language, page))

            log_in(driver, url, language, USERS["dispatcher"])
            open_page(driver, "followups")
            text = check_page(driver, f"{language} followups", failures)
            if code not in text or "13812345678" not in text:
                failures.append(f"{language} followups: {code} or its phone is not listed: {text}")
            if not driver.find_elements(By.CSS_SELECTOR, "td.clock-late") or not driver.find_elements(
                    By.CSS_SELECTOR, "td.clock-risk"):
                failures.append(f"{language} followups: no complaint marked late and at risk: {text}")
            shot(driver, "followups")
            driver.execute_script("document.querySelector('main h3').scrollIntoView()")
            shot(driver, "followups-complaints")
            driver.execute_script("window.scrollTo(0, 0)")
            record_call(driver, code, choices, note, failures, shot, language)  # the list drawn again under a banner
            check_page(driver, f"{language} followups after the call", failures)
            open_page(driver, "followups?show=all")
            shot(driver, "followups-all")
            check_page(driver, f"{language} followups, all", failures)

            log_in(driver, url, language, USERS["manager"])
            open_page(driver, "followup-report")
            text = check_page(driver, f"{language} followup report", failures)
            if "SH-001" not in text or "周师傅" not in text:
                failures.append(f"{language} followup report: no SH-001 or technician: {text}")
            shot(driver, "followup-report")
            driver.execute_script("document.querySelectorAll('main h3')[2].scrollIntoView()")
            shot(driver, "followup-report-complaints")

            log_in(driver, url, language, USERS["admin"])
            open_page(driver, "settings")
            check_page(driver, f"{language} settings", failures)
            driver.execute_script("document.querySelectorAll('form.settings')[1].scrollIntoView()")
            shot(driver, "settings-followups")

        listed = [json.loads(line) for line in run(args.hq, "followup", "list", "--all", "--db", db).splitlines()]
        outcomes = {task["subject"]: task["outcome"] for task in listed if task["kind"] == "request"}
        if outcomes.get(codes[0]) != "solved" or outcomes.get(codes[1]) != "not-solved":
            failures.append(f"the calls are not recorded as made: {outcomes}")
        ctl(args, store, "sync")
        held = ctl(args, store, "request", "show", "--code", codes[1])
        if held["state"] != "reopened":
            failures.append(f"the store holds {codes[1]} {held['state']}, not reopened, after its sync")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    write_index(args.out, "follow-up screenshots", shots)
    for failure in failures:
        print("FAIL", failure)
    print(f"followup_browser: {len(shots)} screenshots in {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
