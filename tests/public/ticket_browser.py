#!/usr/bin/env python3
"""The ticket page in a real phone-sized browser (headless Chromium, 390x844,
touch), against a real hq fed through the sync API as a store's device feeds
it (uploads and live queue posts over HTTP): the page shows the ticket number
and the people ahead, buzzes when 3 or fewer are ahead, shows "counter 3"
within 5 s of the call reaching HQ, takes one rating after the visit (HQ
holds it once; a second is refused), says since when the store is quiet
without showing the old place as current, and is kind to unknown and expired
tokens. The page's texts shared with the kiosk (faces, reasons) must be the
kiosk's. No phone digits in any page or answer; no browser error on the way.
Screenshots of every state in zh and en go to OUT/{zh,en}/ with an index.html.
Exits 77 (skipped) where Chromium or its driver is missing."""
import json
import os
import shutil
import sys
import tempfile
import time
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import phone_support as ps  # noqa: E402

PHONE_DIGITS = "13812345678"
TEST_DAY = "2026-11-23"  # ps.pin_test_clock() (ps.ready): 09:00 in Shanghai


class Store:
    """A store's device talking to HQ: ticket records and live queue posts."""

    def __init__(self, hq, token):
        self.hq, self.token, self.incarnation, self.seq = hq, token, str(uuid.uuid4()), 0

    def upload(self, kind, record_id, data):
        self.seq += 1
        record = {"seq": self.seq, "kind": kind, "id": record_id, "revision": self.seq, "store": "SH-001", "data": data}
        body = {"incarnation": self.incarnation, "batch": f"{self.incarnation}:{self.seq}", "records": [record]}
        status, answer, _ = ps.call_hq(f"{self.hq.url}/sync/v1/upload", "POST", body, self.token)
        if status != 200 or answer["applied"] != 1:
            raise SystemExit(f"HQ did not apply the {kind}: {status} {answer}")

    def ticket(self, ticket, state, counter=None):
        data = {"ticket": ticket["label"], "business_day": ticket.get("day", TEST_DAY), "service": "A",
                "state": state, "issued_at": 1795400000000, "counter": counter, "token": ticket["token"],
                "language": "zh"}
        self.upload("ticket", ticket["id"], data)

    def queue(self, places):
        """places: [(ticket, ahead, wait_min, phone or None)] in queue order."""
        tickets = []
        for ticket, ahead, wait_min, phone in places:
            entry = {"id": ticket["id"], "ahead": ahead, "wait_min": wait_min}
            if phone:
                entry["phone"] = phone
            tickets.append(entry)
        body = {"business_day": TEST_DAY, "at": int(time.time() * 1000), "tickets": tickets}
        status, answer, _ = ps.call_hq(f"{self.hq.url}/sync/v1/queue", "POST", body, self.token)
        if status != 200:
            raise SystemExit(f"the queue post failed: {status} {answer}")


def new_ticket(label, day=TEST_DAY):
    alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
    token = "".join(alphabet[b % len(alphabet)] for b in os.urandom(20))
    return {"id": str(uuid.uuid4()), "token": token, "label": label, "day": day}


class Phone:
    """The browser, the page's marks on <body>, screenshots in both languages."""

    def __init__(self, out):
        self.driver, self.out, self.shots = ps.phone_browser("zh-CN"), out, []

    def mark(self, name):
        return self.driver.execute_script(f"return document.body.dataset.{name} || ''")

    def wait_mark(self, name, value, timeout_s=20):
        ps.wait_until(f"data-{name} = {value}", lambda: self.mark(name) == value, timeout_s)

    def text(self):
        return self.driver.find_element("tag name", "body").text

    def both_languages(self, name):
        ps.both_languages(self.driver, self.out, name)
        self.shots.append(name)


def journey(hq, store, phone, failures):
    """Waiting, near, called, served and rated: one ticket's visit."""
    ahead = [new_ticket("A010"), new_ticket("A011")]
    mine = new_ticket("A012")
    for ticket in ahead + [mine]:
        store.ticket(ticket, "waiting")
    store.queue([(ahead[0], 0, 2, None), (ahead[1], 1, 4, None), (mine, 5, 12, PHONE_DIGITS)])
    d = phone.driver
    d.get(f"{hq.url}/t/{mine['token']}")
    phone.wait_mark("state", "waiting")
    phone.wait_mark("ahead", "5")
    if "A012" not in phone.text():
        failures.append(f"the page does not show A012: {phone.text()!r}")
    d.find_element("css selector", "#sound").click()  # a tap: the chime may play
    phone.both_languages("waiting")

    store.queue([(ahead[1], 0, 2, None), (mine, 2, 5, PHONE_DIGITS)])
    phone.wait_mark("ahead", "2")
    if "near" not in phone.mark("alerts"):
        failures.append(f"no buzz when 2 were ahead (alerts: {phone.mark('alerts')!r})")
    phone.both_languages("near")

    store.queue([(mine, 0, 1, PHONE_DIGITS)])
    phone.wait_mark("ahead", "0")
    phone.both_languages("next")
    store.ticket(mine, "called", 3)
    called = time.monotonic()
    phone.wait_mark("state", "called", timeout_s=10)
    seen_s = time.monotonic() - called
    print(f"ticket_browser: the call reached the page {seen_s:.2f} s after HQ had it")
    if seen_s > 5:
        failures.append(f"the call took {seen_s:.1f} s to show (at most 5 s)")
    if phone.mark("counter") != "3" or "3 号窗口" not in phone.text():
        failures.append(f"the called page does not say counter 3: {phone.text()!r}")
    if "called" not in phone.mark("alerts"):
        failures.append("no buzz when called")
    phone.both_languages("called")

    store.ticket(mine, "serving", 3)
    phone.wait_mark("state", "serving")
    phone.both_languages("serving")
    store.ticket(mine, "done", 3)
    phone.wait_mark("state", "served")
    phone.both_languages("served")
    d.find_element("css selector", "button.send-rating").click()  # no face yet: asked for one
    ps.wait_until("the ask for a face",
                  lambda: [e for e in d.find_elements("css selector", ".rating .notice") if e.is_displayed()])
    d.execute_script("document.getElementById('rating').scrollIntoView()")  # the whole form in the shots
    phone.both_languages("rating-ask")
    d.find_element("css selector", "[data-score='4']").click()
    d.find_element("css selector", "[data-reason='fast']").click()
    d.find_element("css selector", "[data-reason='friendly']").click()
    d.execute_script("document.getElementById('rating').scrollIntoView()")
    phone.both_languages("rating-chosen")
    d.find_element("css selector", "button.send-rating").click()
    phone.wait_mark("rated", "1")
    phone.both_languages("rated")

    ratings = [json.loads(line) for line in ps.run(hq.binary, "export", "--db", hq.db, "--store", "SH-001",
                                                   "--kind", "ratings").splitlines() if line.strip()]
    if [(r["data"]["ticket_id"], r["data"]["score"], r["data"]["reasons"]) for r in ratings] != \
            [(mine["id"], 4, ["fast", "friendly"])]:
        failures.append(f"HQ holds {ratings}, not the one rating 4 (fast, friendly) of the visit")
    status, answer, _ = ps.call_hq(f"{hq.url}/t/{mine['token']}/rating", "POST", {"score": 5})
    if status != 409 or answer["error"]["code"] != "already-rated":
        failures.append(f"a second rating answered {status} {answer}, not 409 already-rated")
    return mine


def quiet_store(hq, store, phone, failures):
    """The store stops syncing: the page says since when and shows the place as it was."""
    ticket = new_ticket("A020")
    store.ticket(ticket, "waiting")
    store.queue([(ticket, 4, 10, PHONE_DIGITS)])
    phone.driver.get(f"{hq.url}/t/{ticket['token']}")
    phone.wait_mark("ahead", "4")
    hq.stop()
    hq.start(clock_shift_ms=150_000)  # HQ's clock 2.5 min on; the store silent since
    phone.wait_mark("stale", "1", timeout_s=40)
    ps.wait_until("the page back online", lambda: not phone.driver.find_element("id", "offline").is_displayed())
    text = phone.text()
    if "门店自" not in text or "没有新消息" not in text:
        failures.append(f"the quiet store's page does not say since when: {text!r}")
    if "您前面还有" in text or "预计" in text:
        failures.append(f"the quiet store's page shows the place as current: {text!r}")
    phone.both_languages("stale")


def gone_tokens(hq, store, phone, failures):
    """An unknown token and one whose day is over: kind words, no error dump."""
    for kind, token in (("unknown", new_ticket("X")["token"]), ("expired", None)):
        if token is None:
            old = new_ticket("A001", day="2026-11-21")
            store.ticket(old, "waiting")
            token = old["token"]
        phone.driver.get(f"{hq.url}/t/{token}")
        phone.wait_mark("state", kind)
        text = phone.text()
        if "error" in text.lower() or "{" in text:
            failures.append(f"the {kind} token's page shows an error dump: {text!r}")
        phone.both_languages(kind)


def main():
    args = ps.command_line("--hq", "--assets", "--out").parse_args()
    if not ps.ready("ticket_browser"):
        return ps.SKIP
    work = tempfile.mkdtemp(prefix="ticket-browser-")
    hq = ps.Hq.with_store(args.hq, work, "徐汇服务大厅")
    hq.command("catalog", "import", os.path.join(args.assets, "catalog-default.jsonl"))
    store = Store(hq, hq.command("device", "add", "--store", "SH-001")["token"])
    hq.start()
    # The faces' and reasons' texts are the kiosk's.
    failures = ps.kiosk_text_differences(args.assets, ["rating", "ticket"], ("rate.", "reason."),
                                         complete=("rate.score_", "reason."))
    phone = None
    try:
        phone = Phone(args.out)
        mine = journey(hq, store, phone, failures)
        failures += [f"browser error: {e}" for e in ps.browser_errors(phone.driver)]
        pages = [phone.driver.page_source]
        answers = [json.dumps(ps.call_hq(f"{hq.url}/t/{mine['token']}/status")[1], ensure_ascii=False)]
        quiet_store(hq, store, phone, failures)
        pages.append(phone.driver.page_source)
        # HQ was away for its restart: the page's failed polls are the only errors allowed.
        failures += [f"browser error: {e}" for e in ps.browser_errors(phone.driver) if "ERR_CONNECTION_REFUSED" not in e]
        gone_tokens(hq, store, phone, failures)
        # Whole, masked, or its last four (not looked for in the answers, whose times are long numbers).
        for what, text, marks in [("a page", p, (PHONE_DIGITS, "****", PHONE_DIGITS[-4:])) for p in pages] + \
                [("a status answer", a, (PHONE_DIGITS, "****")) for a in answers]:
            if any(mark in text for mark in marks):
                failures.append(f"{what} holds the customer's phone digits")
            if "??" in text:
                failures.append(f"{what} has a text key without its text")
    finally:
        if phone:
            ps.write_index(args.out, "ticket page", phone.shots)
            phone.driver.quit()
        hq.stop()
        shutil.rmtree(work, ignore_errors=True)
    print(f"ticket_browser: screenshots in {args.out}")
    return ps.fail_if(failures, "ticket_browser")


if __name__ == "__main__":
    sys.exit(main())
