#!/usr/bin/env python3
"""The HQ console in a real browser (Debian's chromium through chromium-driver
and python3-selenium): a real hq fed by a real store through `kioskctl sync`,
one user of each role logs in, opens each page of the role in Chinese and in
English, waits for its data and charts (body[data-ready="1"]), and fails on a
browser error, a text key left untranslated, or a report without the store's
tickets (the counters report: the staff who served visits at counters 2 and 3,
and counter 1's calls with nobody logged in). The dispatcher dispatches one of the
store's requests on the board in each language, and the store must hold the
technician and the visit after its next `kioskctl sync`; the admin adds a staff member in each language, whom the
store must list after its next sync, and opens a device's token dialog. Eight weeks
of the store's past tickets, uploaded as its kiosk would, give the staffing forecast
hours short of counters to mark. Screenshots of every page go to OUT/{zh,en}/ with an
index.html.
Exits 77 (skipped) where the browser or its driver is missing."""
import argparse
import datetime
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import urllib.request
import uuid

SKIP = 77
PASSWORD = "correct horse battery"
USERS = {"manager": "mia", "admin": "ada", "dispatcher": "dan"}
PAGES = {"manager": ["live", "alerts", "services", "satisfaction", "arrivals", "trend", "counters", "requests", "outcomes", "followup-report", "forecast"], "admin": ["stores", "staff", "catalog", "users", "settings", "audit"], "dispatcher": ["live", "dispatch", "followups"]}

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    print("console_browser: python3-selenium is not installed; skipped")
    sys.exit(SKIP)


def run(*args, stdin=None):
    done = subprocess.run(args, input=stdin, capture_output=True, text=True, timeout=60)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{done.stdout}{done.stderr}")
    return done.stdout


def serve_hq(hq, db):
    server = subprocess.Popen([hq, "--db", db, "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True)
    listening = json.loads(server.stdout.readline())["listening"]
    return server, f"http://{listening}"


def feed_store(args, work, hq_url, token):
    """A store with a morning's visits, two home-visit requests to dispatch and
    two drop-off repairs done (one fixed the first time), synced to HQ."""
    store = os.path.join(work, "store")
    ctl = lambda *a: run(args.kioskctl, "--data", store, *a)
    ctl("init", "--store", "SH-001")
    ctl("counter", "open", "--counter", "1", "--services", "A,B,C")
    ctl("hq", "set", "--url", hq_url, "--token", token)
    for service in "AABACBAA":
        ctl("issue", "--service", service)
    for _ in range(5):
        ctl("call", "--counter", "1")
        ctl("start", "--counter", "1")
        ctl("finish", "--counter", "1", "--outcome", "resolved")
    ctl("call", "--counter", "1")
    ctl("no-show", "--counter", "1")
    codes = []
    for urgency in ("urgent", "normal"):
        made = ctl("request", "create", "--product", "phone", "--problem", "no-power", "--name", "王芳",
                   "--phone", "13812345678", "--consent", "--address", "浦东新区世纪大道 100 号 8 楼",
                   "--date", visit_day(2), "--window", "afternoon", "--urgency", urgency)
        codes.append(json.loads(made)["code"])
    ctl("sync")  # the technician HQ made reaches the store
    for steps in (["assigned", "on-site", "done"],
                  ["assigned", "on-site", "waiting-for-parts", "on-the-way", "on-site", "done", "reopened"]):
        made = ctl("request", "create", "--product", "phone", "--problem", "no-power", "--name", "李雷",
                   "--phone", "13912345678", "--consent", "--drop-off")
        for to in steps:
            ctl("request", "transition", "--code", json.loads(made)["code"], "--to", to,
                *(["--assignee", "周师傅"] if to == "assigned" else []))
    ctl("sync")
    return store, codes


def visit_day(days):
    """A date `days` from today (the store's zone is Shanghai)."""
    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    return (datetime.datetime.now(shanghai) + datetime.timedelta(days=days)).date().isoformat()


def dispatch_on_board(driver, args, store, code, technician, failures, shot):
    """Dispatches `code` on the board to the technician (the visit the customer
    asked for), then syncs the store and checks it holds both."""
    row = next((r for r in driver.find_elements(By.CSS_SELECTOR, "tbody tr") if code in r.text), None)
    if row is None:
        failures.append(f"dispatch: request {code} is not on the board")
        return
    row.find_element(By.CSS_SELECTOR, "button.primary").click()
    dialog = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "dialog[open]"))
    WebDriverWait(driver, 20).until(lambda d: len(dialog.find_elements(By.CSS_SELECTOR, "select[name=technician] option")) > 1)
    shot(driver, "dispatch-dialog")
    Select(dialog.find_element(By.CSS_SELECTOR, "select[name=technician]")).select_by_value(technician)
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    banner = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, ".banner"))
    if "error" in banner.get_attribute("class"):
        failures.append(f"dispatch of {code} refused: {banner.text}")
    shot(driver, "dispatch-done")
    run(args.kioskctl, "--data", store, "sync")
    held = json.loads(run(args.kioskctl, "--data", store, "request", "show", "--code", code))
    wanted = {"state": "scheduled", "assignee": technician, "scheduled_date": visit_day(2), "scheduled_window": "afternoon"}
    got = {key: held[key] for key in wanted}
    if got != wanted:
        failures.append(f"dispatch: the store holds {got} for {code}, not {wanted}")


def fill_dialog(driver, values):
    """The open dialog with `values` typed into its fields by name; submitted."""
    dialog = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "dialog[open]"))
    for name, value in values.items():
        control = dialog.find_element(By.CSS_SELECTOR, f"[name={name}]")
        if control.tag_name == "select":
            Select(control).select_by_value(value)
        else:
            control.clear()
            control.send_keys(value)
    return dialog


def banner_after(driver, what, failures):
    banner = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, ".banner"))
    if "error" in banner.get_attribute("class"):
        failures.append(f"{what} refused: {banner.text}")


def admin_adds_staff(driver, args, store, name, failures, shot):
    """Adds `name` to SH-001 on the staff page, then syncs the store and checks it lists them."""
    driver.execute_script("document.body.dataset.ready = ''")
    Select(driver.find_element(By.CSS_SELECTOR, "main select[name=store]")).select_by_value("SH-001")
    wait_ready(driver, "SH-001's staff")
    driver.find_element(By.XPATH, "//main//button[contains(@class, 'primary')]").click()
    dialog = fill_dialog(driver, {"name": name, "role": "counter", "pin": "13579"})
    shot(driver, "staff-dialog")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    banner_after(driver, f"adding staff {name}", failures)
    shot(driver, "staff-added")
    run(args.kioskctl, "--data", store, "sync")
    listed = [person["name"] for person in json.loads(run(args.kioskctl, "--data", store, "staff", "list"))["staff"]]
    if name not in listed:
        failures.append(f"staff: the store lists {listed}, not {name}, after its sync")


def admin_adds_device(driver, failures, shot, technician):
    """Adds a device to SH-001 on the stores page, then a tablet for `technician`
    (a staff id): each token is shown once, with the command for that device."""
    for owner, label, command, name in (("", "大厅取号机", "hq set", "device"),
                                        (technician, "周师傅的平板", "tablet set", "tablet")):
        driver.execute_script("document.querySelectorAll('.banner').forEach((b) => b.remove())")  # the last one's
        driver.find_element(By.XPATH, "//tr[contains(., 'SH-001')]//button").click()
        dialog = fill_dialog(driver, {"owner": owner, "label": label})
        if owner:
            shot(driver, "stores-tablet-dialog")
        dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        token = WebDriverWait(driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "dialog[open] pre.token"))
        if "--token" not in token.text or command not in token.text:
            failures.append(f"stores: the new {name}'s dialog does not show `{command}` with a token: {token.text}")
        shot(driver, f"stores-{name}-token")
        driver.find_element(By.CSS_SELECTOR, "dialog[open] button[type=submit]").click()
        banner_after(driver, f"adding a {name}", failures)
    try:
        WebDriverWait(driver, 20).until(lambda d: "周师傅" in d.find_element(By.CSS_SELECTOR, "main").text)
    except Exception:
        failures.append("stores: the devices list does not name the technician of the new tablet")
    driver.execute_script("window.scrollTo(0, document.body.scrollHeight)")  # the new tablet, at the list's end
    shot(driver, "stores-devices")


def upload_as_store(url, token, records, what):
    """`records` sent through the sync API as a store's device sends them (one
    incarnation, batches of 200); HQ must apply every one."""
    incarnation = str(uuid.uuid4())
    for start in range(0, len(records), 200):
        batch = records[start:start + 200]
        body = json.dumps({"incarnation": incarnation, "batch": f"{incarnation}:{start}", "records": batch}).encode()
        request = urllib.request.Request(f"{url}/sync/v1/upload", data=body, method="POST",
                                         headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            if json.load(answer)["applied"] != len(batch):
                raise SystemExit(f"HQ did not apply every {what}")


def rate_visits(hq, db, url, token):
    """Ratings of the served visits, sent as the store's kiosk sends them (the sync API)."""
    lines = run(hq, "export", "--db", db, "--store", "SH-001", "--kind", "tickets").splitlines()
    served = [json.loads(line) for line in lines if json.loads(line)["data"]["state"] == "done"]
    scores = [(5, ["fast", "friendly"]), (4, ["professional"]), (2, ["too-slow"]), (5, ["solved"])]
    records = []
    for seq, (ticket, (score, reasons)) in enumerate(zip(served, scores), start=1):
        records.append({"seq": seq, "kind": "rating", "id": str(uuid.uuid4()), "revision": 1, "store": "SH-001",
                        "data": {"ticket_id": ticket["id"], "score": score, "reasons": reasons, "counter": 1,
                                 "created_at": ticket["data"]["finished_at"]}})
    upload_as_store(url, token, records, "rating")


def upload_past_weeks(hq, db, url, token):
    """Eight weeks of SH-001's served tickets before today (its business day
    on the test's clock, from the tickets it synced), 9:00 to 18:00, sent as
    its kiosk sends them: A (counters 1 and 2) is busiest at 10 and 15
    o'clock, more than two counters can serve; B has counter 3."""
    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    synced = run(hq, "export", "--db", db, "--store", "SH-001", "--kind", "tickets").splitlines()
    today = datetime.date.fromisoformat(json.loads(synced[0])["data"]["business_day"])
    draw = random.Random(16)
    records = []
    for back in range(56, 0, -1):
        day = today - datetime.timedelta(days=back)
        midnight = datetime.datetime(day.year, day.month, day.day, tzinfo=shanghai).timestamp() * 1000
        for service, counters, service_min, per_hour in (("A", (1, 2), 5, (6, 24, 12, 8, 8, 10, 24, 10, 6)),
                                                         ("B", (3,), 8, (2, 4, 3, 2, 2, 3, 4, 3, 2))):
            number = 0
            for hour, arrivals in zip(range(9, 18), per_hour):
                for _ in range(draw.randint(arrivals // 2, arrivals)):
                    number += 1
                    issued = int(midnight + (hour * 60 + draw.uniform(0, 59)) * 60_000)
                    called = issued + int(draw.uniform(0, 20) * 60_000)
                    started = called + 30_000
                    finished = started + int(draw.uniform(0.5, 1.5) * service_min * 60_000)
                    records.append({"seq": len(records) + 1, "kind": "ticket", "id": str(uuid.uuid4()), "revision": 1,
                                    "store": "SH-001",
                                    "data": {"ticket": f"{service}{number:03d}", "business_day": day.isoformat(),
                                             "service": service, "state": "done", "counter": draw.choice(counters),
                                             "issued_at": issued, "called_at": called, "started_at": started,
                                             "finished_at": finished, "transferred_from": None,
                                             "estimated_wait_min": None}})
    upload_as_store(url, token, records, "past ticket")


def staffed_visits(hq, db, url, token):
    """Visits served at counters 2 and 3 by two staff members HQ knows, some rated,
    sent as the store's node sends them (the sync API; kioskctl calls as nobody)."""
    staff = [json.loads(run(hq, "staff", "add", "--db", db, "--store", "SH-001", "--name", name, "--pin", "1357",
                            "--role", "counter"))["staff"] for name in ("王丽", "李强")]
    # On the store's day and clock (the test's processes may run on a test day), from its first ticket.
    first = json.loads(run(hq, "export", "--db", db, "--store", "SH-001", "--kind", "tickets").splitlines()[0])["data"]
    day, now = first["business_day"], first["issued_at"] + 3_600_000
    records = []
    for n in range(12):
        ticket, counter = str(uuid.uuid4()), 2 + n % 2
        issued = now - (60 - n * 4) * 60_000
        called = issued + 300_000
        state = "no-show" if n == 5 else "done"
        data = {"ticket": f"C{101 + n}", "business_day": day, "service": "C", "state": state,
                "issued_at": issued, "called_at": called, "started_at": None if state == "no-show" else called + 30_000,
                "finished_at": called + 30_000 + (3 + n % 4) * 60_000, "counter": counter, "staff_id": staff[n % 2]}
        records.append({"seq": len(records) + 1, "kind": "ticket", "id": ticket, "revision": 1, "store": "SH-001",
                        "data": data})
        if state == "done" and n % 3 != 2:
            records.append({"seq": len(records) + 1, "kind": "rating", "id": str(uuid.uuid4()), "revision": 1,
                            "store": "SH-001", "data": {"ticket_id": ticket, "score": [5, 4, 3, 5, 2][n % 5],
                                                        "reasons": [], "counter": counter,
                                                        "created_at": data["finished_at"]}})
    upload_as_store(url, token, records, "staffed visit")


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--window-size=1366,900", "--disable-gpu", "--lang=zh-CN"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def wait_ready(driver, what):
    try:
        WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")
    except Exception:
        raise SystemExit(f"{what}: the page never said it was ready\n{driver.find_element(By.TAG_NAME, 'body').text}")


def check_page(driver, what, failures):
    text = driver.find_element(By.TAG_NAME, "body").text
    if "??" in text:
        failures.append(f"{what}: a text key without its text: {text}")
    for entry in driver.get_log("browser"):
        if entry["level"] == "SEVERE":
            failures.append(f"{what}: browser error: {entry['message']}")
    return text


def check_kiosk_terms(assets):
    """The console names reasons and scores as the kiosk does: the same texts."""
    with open(os.path.join(assets, "console", "i18n.json"), encoding="utf-8") as f:
        console = json.load(f)
    with open(os.path.join(assets, "i18n", "strings.json"), encoding="utf-8") as f:
        kiosk = json.load(f)
    prefixes = ("reason.", "rate.score_", "state.", "window.", "request.urgency.")
    shared = [key for key in kiosk if key.startswith(prefixes) and not key.startswith("request.urgency_")]
    return [f"console text {key} differs from the kiosk's" for key in shared if console.get(key) != kiosk[key]]


def write_index(out, title, shots):
    """OUT/index.html: each page's zh and en screenshots side by side, in the
    order taken; `shots` are (language, page) pairs."""
    with open(os.path.join(out, "index.html"), "w") as index:
        index.write(f"<!doctype html><meta charset=utf-8><title>{title}</title><table>")
        for page in dict.fromkeys(page for _, page in shots):
            index.write(f"<tr><th>{page}</th>")
            for language in ("zh", "en"):
                index.write(f"<td><img width=640 src='{language}/{page}.png'></td>")
            index.write("</tr>")
        index.write("</table>")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hq", required=True)
    parser.add_argument("--kioskctl", required=True)
    parser.add_argument("--assets", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    if not (shutil.which("chromium") and os.path.exists("/usr/bin/chromedriver")):
        print("console_browser: chromium or chromium-driver is not installed; skipped")
        return SKIP

    work = tempfile.mkdtemp(prefix="console-browser-")
    db = os.path.join(work, "hq.db")
    run(args.hq, "store", "add", "--db", db, "--id", "SH-001", "--name", "上海一店")
    run(args.hq, "store", "add", "--db", db, "--id", "HZ-001", "--name", "杭州一店")  # no device: a store-down alert
    run(args.hq, "catalog", "import", "--db", db, os.path.join(args.assets, "catalog-default.jsonl"))
    run(args.hq, "products", "import", "--db", db, os.path.join(args.assets, "products-default.jsonl"))
    password_file = os.path.join(work, "password")
    with open(password_file, "w") as f:
        f.write(PASSWORD + "\n")
    for role, name in USERS.items():
        run(args.hq, "user", "add", "--db", db, "--name", name, "--role", role, "--password-file", password_file)
    technician = json.loads(run(args.hq, "staff", "add", "--db", db, "--store", "SH-001", "--name", "周师傅",
                                "--pin", "2468", "--role", "technician"))["staff"]
    token = json.loads(run(args.hq, "device", "add", "--db", db, "--store", "SH-001"))["token"]
    server, url = serve_hq(args.hq, db)
    failures, shots = check_kiosk_terms(args.assets), []
    driver = None
    try:
        store, codes = feed_store(args, work, url, token)
        rate_visits(args.hq, db, url, token)
        upload_past_weeks(args.hq, db, url, token)
        staffed_visits(args.hq, db, url, token)
        driver = browser()
        driver.get(f"{url}/console/index.html")  # no session yet: the login page, saying nothing went wrong
        WebDriverWait(driver, 20).until(lambda d: "login.html" in d.current_url)
        driver.get_log("browser")  # the 401 that sent it there is expected
        for language in ("zh", "en"):
            os.makedirs(os.path.join(args.out, language), exist_ok=True)
            for role, name in USERS.items():
                driver.delete_all_cookies()
                driver.get(f"{url}/console/login.html")
                driver.execute_script(f"localStorage.setItem('hq-console-language', '{language}')")
                driver.get(f"{url}/console/login.html")
                wait_ready(driver, "login")
                if role == "manager":
                    check_page(driver, f"{language} login", failures)
                    driver.save_screenshot(os.path.join(args.out, language, "login.png"))
                    shots.append((language, "login"))
                driver.find_element(By.ID, "name").send_keys(name)
                driver.find_element(By.ID, "password").send_keys(PASSWORD)
                driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
                WebDriverWait(driver, 20).until(lambda d: "index.html" in d.current_url)
                wait_ready(driver, f"{name}'s first page")
                def shot(driver, page):
                    driver.save_screenshot(os.path.join(args.out, language, f"{page}.png"))
                    shots.append((language, page))

                for page in PAGES[role]:
                    if (language, page) in shots:
                        continue  # a page two roles share is looked at once
                    driver.execute_script("document.body.dataset.ready = ''")
                    driver.execute_script(f"location.hash = '#/{page}'")
                    wait_ready(driver, page)
                    if page == "counters":  # it opens on the first store (HZ-001, no visits): choose SH-001
                        Select(driver.find_element(By.CSS_SELECTOR, "form.range select[name=store]")).select_by_value("SH-001")
                        driver.execute_script("document.body.dataset.ready = ''")
                        driver.find_element(By.CSS_SELECTOR, "form.range button[type=submit]").click()
                        wait_ready(driver, page)
                    text = check_page(driver, f"{language} {page}", failures)
                    if page == "alerts" and "HZ-001" not in text:
                        failures.append(f"{language} alerts: no alert for HZ-001, which has no device: {text}")
                    if page in ("live", "requests", "outcomes") and "SH-001" not in text:
                        failures.append(f"{language} {page}: no store SH-001: {text}")
                    if page == "dispatch" and ("手机" if language == "zh" else "Mobile phones") not in text:
                        failures.append(f"{language} dispatch: the board does not name the product: {text}")
                    if page == "forecast":  # HZ-001 first, which has no tickets; then SH-001 as a manager picks it
                        if not driver.find_elements(By.CSS_SELECTOR, "p.empty"):
                            failures.append(f"{language} forecast: HZ-001 has no tickets, and the page does not say so")
                        driver.execute_script("document.body.dataset.ready = ''")
                        Select(driver.find_element(By.CSS_SELECTOR, ".range select")).select_by_value("SH-001")
                        wait_ready(driver, "forecast of SH-001")
                        text = check_page(driver, f"{language} forecast of SH-001", failures)
                        expected = "咨询" if language == "zh" else "Consultation"
                        if expected not in text or not driver.find_elements(By.CSS_SELECTOR, "table.forecast tbody td"):
                            failures.append(f"{language} forecast: no grid of {expected}: {text}")
                        if not driver.find_elements(By.CSS_SELECTOR, "table.forecast td.short .mark"):
                            failures.append(f"{language} forecast: no hour marked short of counters: {text}")
                    if page == "counters":
                        nobody = "未登录叫号" if language == "zh" else "Nobody logged in"
                        for expected in ("王丽", "李强", nobody):
                            if expected not in text:
                                failures.append(f"{language} counters: no {expected} in the report: {text}")
                        if not driver.find_elements(By.CSS_SELECTOR, ".chart canvas"):
                            failures.append(f"{language} counters: no chart")
                    if page == "services":
                        expected = "咨询" if language == "zh" else "Consultation"
                        if expected not in text:
                            failures.append(f"{language} services: no {expected} in the report: {text}")
                        if not driver.find_elements(By.CSS_SELECTOR, ".chart canvas"):
                            failures.append(f"{language} services: no chart")
                    shot(driver, page)
                    if page == "forecast":  # the Sunday row and the table under the grid
                        driver.execute_script("document.querySelector('main h3').scrollIntoView()")
                        shot(driver, "forecast-table")


                    if page == "counters" and driver.find_elements(By.CSS_SELECTOR, ".chart"):
                        driver.execute_script("document.querySelector('.chart').scrollIntoView()")
                        shot(driver, "counters-chart")
                    if page == "dispatch":
                        dispatch_on_board(driver, args, store, codes.pop(0), technician, failures, shot)
                    if page == "staff":
                        admin_adds_staff(driver, args, store, "王芳" if language == "zh" else "Wang Fang", failures, shot)
                    if page == "stores":
                        admin_adds_device(driver, failures, shot, technician)
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)

    write_index(args.out, "console screenshots", shots)
    for failure in failures:
        print("FAIL", failure)
    print(f"console_browser: {len(shots)} pages looked at, screenshots in {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
