#!/usr/bin/env python3
"""A help article on a phone (docs/help-articles.md, "The phone page") in a
real phone-sized browser (headless Chromium, 390x844, touch) against a real
hq holding articles from `hq kb import`: /k/ID shows the title, the answer
and the numbered steps in large type, in the language of ?lang= (the kiosk's
QR), else the phone's, and the switch changes it (and the address, so a reload
keeps it); nothing is wider than the phone. An unknown id and a retired
article get the kind "no longer available" page in the page's language (HQ
answers 404). /k/ID/json carries the public headers, an ETag (304 when
unchanged) and a minute's max-age. Screenshots in zh and en go to
OUT/{zh,en}/ with an index.html. Exits 77 (skipped) where Chromium or its
driver is missing."""
import json
import os
import shutil
import sys
import tempfile
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phone_support as ps  # noqa: E402

STEPS = ["确认遥控器是制冷模式（雪花图标），设定温度低于室温", "关机后打开面板，取出滤网用清水冲洗，晾干后装回",
         "室外机周围一米内不要有遮挡，开机十分钟后再感受出风"]
ARTICLES = [
    {"id": "ac-not-cooling", "service": "C", "product": "air-conditioner", "sort": 10,
     "zh": {"title": "空调不制冷怎么办？",
            "answer": "多数是设置或滤网的问题，请先按下面三步自己检查。\n仍不制冷请取号，技术支持会为您安排上门检修。",
            "steps": STEPS},
     "en": {"title": "The air conditioner does not cool",
            "answer": "Most often it is a setting or a dirty filter. Check these three things first; if it still "
                      "does not cool, take a number and technical support will book a repair visit.",
            "steps": ["Check the remote is in cooling mode (the snowflake) and set below room temperature",
                      "Switch it off, open the front panel, rinse the filters with water, let them dry and put "
                      "them back",
                      "Keep a metre around the outdoor unit clear, switch on and wait ten minutes"]},
     "active": True},
    {"id": "opening-hours", "service": "A", "sort": 10,
     "zh": {"title": "营业时间是几点？", "answer": "本服务厅每天 9:00 至 21:00 营业，节假日照常。", "steps": []},
     "en": {"title": "When are you open?", "answer": "The hall is open 9:00 to 21:00 every day, holidays too.",
            "steps": []},
     "active": True},
    {"id": "old-promotion", "service": "A", "sort": 20,
     "zh": {"title": "双十一活动", "answer": "活动已结束。", "steps": []},
     "en": {"title": "Singles' Day offer", "answer": "The offer has ended.", "steps": []},
     "active": False},
]
GONE = {"zh": "此内容已下线", "en": "This answer is no longer available"}


class Phone:
    """The browser, the page's marks on <body>, screenshots in both languages."""

    def __init__(self, out, language):
        self.driver, self.out, self.shots = ps.phone_browser(language), out, []

    def open(self, url):
        self.driver.get(url)
        ps.wait_until(f"{url} ready", lambda: self.driver.execute_script("return document.body.dataset.ready") == "1")

    def state(self):
        return self.driver.execute_script("return document.body.dataset.state || ''")

    def language(self):
        return self.driver.execute_script("return document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'")

    def text(self):
        return self.driver.find_element("tag name", "body").text

    def both_languages(self, name):
        ps.both_languages(self.driver, self.out, name)
        self.shots.append(name)

    def layout_problems(self, what):
        """Wider than the phone, or type too small to read at arm's length."""
        measured = self.driver.execute_script("""
            const size = (q) => { const e = document.querySelector(q);
                                  return e && e.offsetParent ? parseFloat(getComputedStyle(e).fontSize) : null; };
            return {width: document.documentElement.scrollWidth, title: size('#title'), answer: size('#answer'),
                    step: size('#steps li')};""")
        problems = []
        if measured["width"] > ps.PHONE[0]:
            problems.append(f"{what}: the page is {measured['width']} px wide on a {ps.PHONE[0]} px phone")
        for part, least in (("title", 26), ("answer", 19), ("step", 19)):
            if measured[part] is not None and measured[part] < least:
                problems.append(f"{what}: the {part} is {measured[part]} px, under {least} px")
        return problems


def article_page(hq, phone, failures):
    """ac-not-cooling from the kiosk's English QR, switched to Chinese on the page."""
    article = ARTICLES[0]
    phone.open(f"{hq.url}/k/{article['id']}?lang=en")
    if phone.state() != "article" or phone.language() != "en":
        failures.append(f"?lang=en: state {phone.state()!r}, language {phone.language()!r}: {phone.text()!r}")
    steps = [e.text for e in phone.driver.find_elements("css selector", "#steps li")]
    if steps != article["en"]["steps"]:
        failures.append(f"the English steps shown are {steps}")
    if article["en"]["title"] not in phone.text() or article["en"]["title"] not in phone.driver.title:
        failures.append(f"the English title is not shown: {phone.text()!r}")
    failures += phone.layout_problems("the English article")
    phone.both_languages("article")  # en, then zh: the page is left in Chinese
    phone.driver.find_element("css selector", "button.language").click()
    if not phone.driver.current_url.endswith("?lang=zh"):
        failures.append(f"the switch did not put lang=zh in the address: {phone.driver.current_url}")
    phone.driver.refresh()
    ps.wait_until("the reloaded page", lambda: phone.state() == "article")
    if phone.language() != "zh" or article["zh"]["title"] not in phone.text():
        failures.append(f"after the switch and a reload the page is not Chinese: {phone.text()!r}")
    if [e.text for e in phone.driver.find_elements("css selector", "#steps li")] != STEPS:
        failures.append("the Chinese steps are not the article's")
    failures += phone.layout_problems("the Chinese article")
    if "。\n仍不制冷" not in phone.driver.find_element("id", "answer").text:
        failures.append("the answer's line break is not kept")


def no_steps(hq, phone, failures):
    """An article without steps: no empty steps heading."""
    phone.open(f"{hq.url}/k/opening-hours?lang=zh")
    if phone.driver.find_element("id", "steps-title").is_displayed():
        failures.append("an article without steps shows the steps heading")
    phone.both_languages("no-steps")


def phone_language(hq, out, failures):
    """No ?lang: the phone's language (an English phone), nothing kept from before."""
    english = Phone(out, "en-US")
    try:
        english.open(f"{hq.url}/k/ac-not-cooling")
        if english.language() != "en" or ARTICLES[0]["en"]["title"] not in english.text():
            failures.append(f"an English phone without ?lang= does not get English: {english.text()!r}")
        failures += [f"browser error: {e}" for e in ps.browser_errors(english.driver)]
    finally:
        english.driver.quit()


def gone(hq, phone, failures):
    """An unknown id and a retired article: the kind page in the page's language."""
    for name, article_id, language in (("unknown", "no-such-article", "zh"), ("retired", "old-promotion", "en")):
        phone.open(f"{hq.url}/k/{article_id}?lang={language}")
        if phone.state() != "unknown" or GONE[language] not in phone.text():
            failures.append(f"the {name} article's page is not the kind one in {language}: {phone.text()!r}")
        status, answer, _ = ps.call_hq(f"{hq.url}/k/{article_id}/json")
        if status != 404 or (answer or {}).get("error", {}).get("code") != "unknown-article":
            failures.append(f"the {name} article's JSON answered {status} {answer}, not 404 unknown-article")
        phone.both_languages(name)


def headers(hq, failures):
    """The public headers, the ETag and the minute's max-age of the JSON."""
    status, answer, got = ps.call_hq(f"{hq.url}/k/ac-not-cooling/json")
    if status != 200 or answer != {"id": "ac-not-cooling", "zh": ARTICLES[0]["zh"], "en": ARTICLES[0]["en"]}:
        failures.append(f"/k/ac-not-cooling/json answered {status} {answer}")
    for name, value in (("Content-Security-Policy", "default-src 'none'"), ("X-Frame-Options", "DENY"),
                        ("Referrer-Policy", "no-referrer"), ("Cache-Control", "max-age=60")):
        if value not in (got.get(name) or ""):
            failures.append(f"the article's JSON has {name}: {got.get(name)!r}")
    status, _, _ = ps.call_hq(f"{hq.url}/k/ac-not-cooling/json", headers={"If-None-Match": got.get("ETag") or "-"})
    if status != 304:
        failures.append(f"an unchanged article answered {status} to its ETag, not 304")
    with urllib.request.urlopen(f"{hq.url}/k/ac-not-cooling", timeout=15) as page:
        if "script-src 'self'" not in (page.headers.get("Content-Security-Policy") or ""):
            failures.append(f"the article page lacks the public CSP: {page.headers.get('Content-Security-Policy')!r}")


def main():
    args = ps.command_line("--hq", "--assets", "--out").parse_args()
    if not ps.ready("article_browser"):
        return ps.SKIP
    work = tempfile.mkdtemp(prefix="article-browser-")
    hq = ps.Hq.with_store(args.hq, work, "徐汇服务大厅")
    articles = os.path.join(work, "articles.jsonl")
    with open(articles, "w", encoding="utf-8") as f:
        f.write("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES))
    hq.command("kb", "import", articles)
    hq.start()
    failures, phone = [], None
    try:
        headers(hq, failures)
        phone = Phone(args.out, "zh-CN")
        article_page(hq, phone, failures)
        no_steps(hq, phone, failures)
        failures += [f"browser error: {e}" for e in ps.browser_errors(phone.driver)]
        gone(hq, phone, failures)
        # The 404s the kind pages read are the only errors allowed.
        failures += [f"browser error: {e}" for e in ps.browser_errors(phone.driver) if "404" not in e]
        phone_language(hq, args.out, failures)
        if "??" in phone.text():
            failures.append("a text key without its text")
    finally:
        if phone:
            ps.write_index(args.out, "help article page", phone.shots)
            phone.driver.quit()
        hq.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"article_browser: screenshots in {args.out}")
    return ps.fail_if(failures, "article_browser")


if __name__ == "__main__":
    sys.exit(main())
