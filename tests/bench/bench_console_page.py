#!/usr/bin/env python3
"""Console page load (prints figures, never fails on time): a real hq on a
database of figures (bench_console's, a year of many stores), a manager logged
in through headless chromium, each page loaded 10 times, from navigation start
to body[data-ready="1"] (data fetched, tables and charts drawn; the page notes
the moment in data-ready-at): p50 and max. The report pages cover a year (the
counters report, one store's 92 days; the forecast, one store's 8 weeks).

  /usr/bin/python3 tests/bench/bench_console_page.py --hq build/hq/hq \\
      --db /tmp/bench-console/hq.db [--loads 10]

bench_console made the database with a manager "manager" (password
"bench password 1")."""
import argparse
import datetime
import json
import statistics
import subprocess
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PAGES = ["live", "alerts", "services", "satisfaction", "arrivals", "trend", "requests", "outcomes", "counters",
         "forecast"]


def page_queries(today):
    """Each page's hash query: a year for the reports, store S1's 92 days for the
    counters, S1's last 8 weeks for the forecast, nothing for the pages of now."""
    yesterday = today - datetime.timedelta(days=1)
    year = f"?from={today - datetime.timedelta(days=365)}&to={yesterday}"
    quarter = f"?from={today - datetime.timedelta(days=92)}&to={yesterday}&store=S1"
    return {"live": "", "alerts": "", "requests": "", "counters": quarter, "forecast": "?store=S1",
            **{page: year for page in ("services", "satisfaction", "arrivals", "trend", "outcomes")}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hq", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--loads", type=int, default=10)
    args = parser.parse_args()
    server = subprocess.Popen([args.hq, "--db", args.db, "--listen", "127.0.0.1:0"], stdout=subprocess.PIPE, text=True)
    url = "http://" + json.loads(server.stdout.readline())["listening"]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--window-size=1366,900", "--disable-gpu"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(f"{url}/console/login.html")
        WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")
        driver.find_element(By.ID, "name").send_keys("manager")
        driver.find_element(By.ID, "password").send_keys("bench password 1")
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        WebDriverWait(driver, 30).until(lambda d: "index.html" in d.current_url)
        print(f"console page load on {args.db}, {args.loads} loads each (navigation start to data and charts drawn):")
        today = datetime.date.today()
        queries = page_queries(today)
        for page in PAGES:
            times = []
            for load in range(args.loads + 1):  # the first warms hq's made sums and the browser's cache
                driver.get(f"{url}/console/index.html?load={load}#/{page}{queries[page]}")  # a new document each time
                try:
                    WebDriverWait(driver, 60).until(lambda d: d.execute_script("return document.body.dataset.ready") == "1")
                except Exception:
                    raise SystemExit(f"{page}: never ready: {driver.current_url}\n{driver.find_element(By.TAG_NAME, 'body').text}\n"
                                     f"{driver.get_log('browser')}")
                times.append(float(driver.execute_script("return document.body.dataset.readyAt")))
            times = times[1:]
            print(f"  {page:<14} p50 {statistics.median(times):7.1f} ms  max {max(times):7.1f} ms")
    finally:
        driver.quit()
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
