#!/usr/bin/env python3
"""The console's Help page and help report (docs/help-articles.md) in a real
browser (Debian's chromium through chromium-driver and python3-selenium)
against a real hq holding help articles (`hq kb import`) and a store's kiosk
uses of them (kb_use records sent through the sync API as its kiosk sends
them). The admin, in Chinese and then in English, finds an article with the
search box, changes its title in the page's language in the editor and saves:
the list and the phone's answer (/k/ID/json) show it; an edit with an empty
title shows HQ's message in the dialog and changes nothing; a new article is
written in the editor and articles pasted as JSON Lines are imported. A
manager and a dispatcher read the articles without an editor; the manager's
help report shows the uses' sums in total, per article and per store. Fails
on a browser error or a text key left untranslated. Screenshots in zh and en
go to OUT/{zh,en}/ with an index.html. Exits 77 (skipped) where the browser or
its driver is missing."""
import datetime
import json
import os
import shutil
import sys
import tempfile
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "public"))
import phone_support as ps  # noqa: E402

try:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
    import console_browser as cb  # noqa: E402
except ImportError:
    By = None

USERS = {"admin": "ada", "manager": "mia", "dispatcher": "dan"}
TEST_DAY = "2026-11-23"  # ps.pin_test_clock() (ps.ready): 09:00 in Shanghai
TEST_DAY_MS = int(datetime.datetime(2026, 11, 23, 1, 0, tzinfo=datetime.timezone.utc).timestamp() * 1000)
NEW_TITLES = {"zh": "空调不制冷？先自己查这三步", "en": "Air conditioner not cooling? Three checks first"}
PASTED = {"id": "wifi-password", "service": "A", "sort": 30,
          "zh": {"title": "大厅的无线网络密码是多少？", "answer": "网络名 Hall-Guest，密码印在每个服务台的桌牌上。",
                 "steps": []},
          "en": {"title": "What is the hall's Wi-Fi password?",
                 "answer": "The network is Hall-Guest; the password is on the sign at every counter.", "steps": []},
          "active": True}
# (article, answer, ticket) per kiosk use: 5 views, 3 helpful (2 without a
# ticket), 1 not helpful, 1 not answered.
USES = [("ac-not-cooling", "helpful", None), ("ac-not-cooling", "helpful", None),
        ("ac-not-cooling", "not-helpful", "C001"), ("opening-hours", "helpful", "A003"),
        ("opening-hours", None, None)]


class Console:
    """The browser logged in as one user; screenshots kept by language and name."""

    def __init__(self, url, out):
        self.url, self.out, self.shots, self.driver = url, out, [], cb.browser()

    def login(self, name, language):
        d = self.driver
        d.delete_all_cookies()
        d.get(f"{self.url}/console/login.html")
        d.execute_script(f"localStorage.setItem('hq-console-language', '{language}')")
        d.get(f"{self.url}/console/login.html")
        cb.wait_ready(d, "login")
        d.find_element(By.ID, "name").send_keys(name)
        d.find_element(By.ID, "password").send_keys(cb.PASSWORD)
        d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(d, 20).until(lambda driver: "index.html" in driver.current_url)
        cb.wait_ready(d, f"{name}'s first page")

    def open(self, page):
        self.driver.get(f"{self.url}/console/index.html#/{page}")
        cb.wait_ready(self.driver, page)

    def switch_language(self):
        self.driver.execute_script("document.body.dataset.ready = ''")
        self.driver.find_element(By.ID, "language").click()
        cb.wait_ready(self.driver, "the page in the other language")

    def language(self):
        return self.driver.execute_script("return document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'")

    def shot(self, name):
        language = self.language()
        os.makedirs(os.path.join(self.out, language), exist_ok=True)
        self.driver.save_screenshot(os.path.join(self.out, language, f"{name}.png"))
        self.shots.append((language, name))

    def main_text(self):
        return self.driver.find_element(By.CSS_SELECTOR, "main").text

    def edit_buttons(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "main tbody button")

    def dialog(self):
        return WebDriverWait(self.driver, 20).until(lambda d: d.find_element(By.CSS_SELECTOR, "dialog[open]"))

    def confirm(self, dialog, what, failures):
        """Submits `dialog`; the page's banner after it must not be an error."""
        self.driver.execute_script("document.querySelectorAll('.banner').forEach((b) => b.remove())")  # the last one's
        dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        cb.banner_after(self.driver, what, failures)

    def edit(self, article_id):
        row = self.driver.find_element(By.XPATH, f"//main//tr[td[normalize-space()='{article_id}']]")
        row.find_element(By.TAG_NAME, "button").click()
        return self.dialog()


def upload_uses(url, token):
    """The store's kiosk uses (USES) of the test day, as its kiosk uploads them."""
    records = []
    for n, (article, answer, ticket) in enumerate(USES, start=1):
        records.append({"seq": n, "kind": "kb_use", "id": str(uuid.uuid4()), "revision": 1, "store": "SH-001",
                        "data": {"article": article, "opened_at": TEST_DAY_MS + n * 60_000, "business_day": TEST_DAY,
                                 "language": "zh", "source": "browse", "answer": answer, "ticket": ticket}})
    cb.upload_as_store(url, token, records, "kb_use")


def phone_title(url, article_id, language="zh"):
    status, answer, _ = ps.call_hq(f"{url}/k/{article_id}/json")
    return answer[language]["title"] if status == 200 else f"HTTP {status}"


def set_field(dialog, name, value):
    control = dialog.find_element(By.CSS_SELECTOR, f"[name='{name}']")
    control.clear()
    if value:
        control.send_keys(value)


def admin_edits(console, url, failures):
    """Search, a good edit, a refused one and an import, in the page's language."""
    language, d = console.language(), console.driver
    console.open("help")
    text = cb.check_page(d, f"{language} help (admin)", failures)
    general = "一般问题" if language == "zh" else "General"
    if general not in text or "ac-not-cooling" not in text:
        failures.append(f"{language} help: no General category or ac-not-cooling: {text}")
    console.shot("help-admin")
    search = d.find_element(By.CSS_SELECTOR, "main input.search")
    search.send_keys("空调 不制冷" if language == "zh" else "ac-not-cooling")
    rows = d.find_elements(By.CSS_SELECTOR, "main tbody tr")
    if len(rows) != 1 or "ac-not-cooling" not in rows[0].text:
        failures.append(f"{language} help: the search shows {[r.text for r in rows]}, not ac-not-cooling alone")
    console.shot("help-search")
    d.execute_script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input'))", search)

    dialog = console.edit("ac-not-cooling")
    title, field = NEW_TITLES[language], f"{language}.title"  # the title the list shows
    set_field(dialog, field, title)
    console.shot("help-editor")
    console.confirm(dialog, f"{language}: saving ac-not-cooling", failures)
    if title not in console.main_text():
        failures.append(f"{language} help: the list does not show the new title {title}")
    if phone_title(url, "ac-not-cooling", language) != title:
        failures.append(f"{language}: the phone's answer holds {phone_title(url, 'ac-not-cooling', language)}")
    console.shot("help-saved")

    dialog = console.edit("ac-not-cooling")
    set_field(dialog, field, "")
    dialog.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    error = WebDriverWait(d, 20).until(lambda driver: dialog.find_element(By.CSS_SELECTOR, "p.error").text)
    if field not in error:
        failures.append(f"{language}: the empty title's refusal does not give HQ's message: {error!r}")
    if "invalid" not in dialog.find_element(By.CSS_SELECTOR, f"[name='{field}']").get_attribute("class"):
        failures.append(f"{language}: the refused edit does not mark {field}")
    console.shot("help-refused")
    failures += [f"{language} help: browser error: {e['message']}" for e in d.get_log("browser")
                 if e["level"] == "SEVERE" and "400" not in e["message"]]  # the refusal's 400 is expected
    dialog.find_element(By.XPATH, ".//div[@class='buttons']/button[@type='button']").click()  # cancel
    if phone_title(url, "ac-not-cooling", language) != title:
        failures.append(f"{language}: the refused edit changed the article: {phone_title(url, 'ac-not-cooling', language)}")

    new_id = f"queue-number-lost-{language}"
    d.find_element(By.XPATH, "//main//button[contains(@class, 'primary')]").click()  # new article
    dialog = console.dialog()
    for name, value in (("id", new_id), ("zh.title", "号票丢了怎么办？"), ("zh.answer", "请到服务台说明。"),
                        ("zh.steps", "到服务台\n报上手机号"), ("en.title", "I lost my ticket"),
                        ("en.answer", "Please tell the front desk."), ("en.steps", "Go to the front desk\nGive your phone number")):
        set_field(dialog, name, value)
    console.shot("help-new")
    console.confirm(dialog, f"{language}: adding {new_id}", failures)
    status, added, _ = ps.call_hq(f"{url}/k/{new_id}/json")
    if new_id not in console.main_text() or status != 200 or added["zh"]["steps"] != ["到服务台", "报上手机号"]:
        failures.append(f"{language}: the new article is not listed or not served as written: {status} {added}")

    import_text = "导入文章" if language == "zh" else "Import articles"
    d.find_element(By.XPATH, f"//main//button[normalize-space()='{import_text}']").click()
    dialog = console.dialog()
    pasted = dict(PASTED, sort=PASTED["sort"] + (language == "en"))  # a change in each language
    set_field(dialog, "lines", json.dumps(pasted, ensure_ascii=False))
    console.shot("help-import")
    console.confirm(dialog, f"{language}: importing {PASTED['id']}", failures)
    if "wifi-password" not in console.main_text() or phone_title(url, "wifi-password") != PASTED["zh"]["title"]:
        failures.append(f"{language}: the imported article is not listed or not served")


def reader(console, name, role, failures):
    """A manager or dispatcher reads the articles: no editor, no import."""
    console.login(name, "zh")
    console.open("help")
    text = cb.check_page(console.driver, f"help ({role})", failures)
    if "ac-not-cooling" not in text or console.edit_buttons():
        failures.append(f"{role}: the help page lists no articles, or offers to edit them: {text}")
    console.shot(f"help-{role}")


def report(console, url, failures):
    """The manager's help report of the test day: the uses' sums."""
    console.open("help-report")
    for language in ("zh", "en"):
        text = cb.check_page(console.driver, f"{language} help report", failures)
        headline = console.driver.find_element(By.CSS_SELECTOR, "main .headline").text
        expected = ("查看 5 次，有帮助 3，没帮助 1，未取号即解决 2" if language == "zh"
                    else "5 views, 3 helpful, 1 not helpful, 2 answered without a ticket")
        if expected not in headline:
            failures.append(f"{language} help report: the headline is {headline!r}, not {expected!r}...")
        if "SH-001" not in text or NEW_TITLES[language] not in text:
            failures.append(f"{language} help report: no store SH-001 or article: {text}")
        if len(console.driver.find_elements(By.CSS_SELECTOR, "main .table-box")) != 2:
            failures.append(f"{language} help report: not one table per article and one per store")
        console.shot("help-report")
        if language == "zh":
            console.switch_language()


def main():
    args = ps.command_line("--hq", "--assets", "--out").parse_args()
    if not ps.ready("help_browser"):
        return ps.SKIP
    if By is None:
        print("help_browser: python3-selenium is not installed; skipped")
        return ps.SKIP
    work = tempfile.mkdtemp(prefix="help-browser-")
    hq = ps.Hq.with_store(args.hq, work, "上海一店")
    hq.command("catalog", "import", os.path.join(args.assets, "catalog-default.jsonl"))
    hq.command("products", "import", os.path.join(args.assets, "products-default.jsonl"))
    hq.command("kb", "import", os.path.join(args.assets, "kb-default.jsonl"))
    password_file = os.path.join(work, "password")
    with open(password_file, "w") as f:
        f.write(cb.PASSWORD + "\n")
    for role, name in USERS.items():
        hq.command("user", "add", "--name", name, "--role", role, "--password-file", password_file)
    token = hq.command("device", "add", "--store", "SH-001")["token"]
    hq.start()
    failures, console = [], None
    try:
        upload_uses(hq.url, token)
        console = Console(hq.url, args.out)
        console.login(USERS["admin"], "zh")
        admin_edits(console, hq.url, failures)
        console.switch_language()
        admin_edits(console, hq.url, failures)
        reader(console, USERS["dispatcher"], "dispatcher", failures)
        reader(console, USERS["manager"], "manager", failures)
        report(console, hq.url, failures)
    finally:
        if console:
            console.driver.quit()
            cb.write_index(args.out, "help page", console.shots)
        hq.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"help_browser: screenshots in {args.out}")
    return ps.fail_if(failures, "help_browser")


if __name__ == "__main__":
    sys.exit(main())
