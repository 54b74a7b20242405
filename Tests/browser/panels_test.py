#!/usr/bin/env python3
"""Real-browser test of the TVCAS panels (issue 12): headless Debian chromium driven by Selenium.

Each scenario is one function taking a `Run` (the driver, the URLs, the passwords, the folders)
and registered with `@scenario`; scenarios run in the order they are defined. Add one by writing
another function (e.g. a CSV import or a generator toggle) — nothing else needs to change.

usage: panels_test.py --base-url http://127.0.0.1:PORT --admin-password P --oper-password P
                      --screenshots DIR --downloads DIR [--csv-good FILE --csv-bad FILE]
                      [--ecmg-id N] [--only NAME ...] [--list]

Prints `ok <scenario>` per scenario and, for the Swift test that drives it, `result <key> <value>`
lines. Exits 0 when every scenario passed, 1 when one failed (the failure and a screenshot
`FAILED-<scenario>.png` are left behind), 2 when chromium, chromium-driver or selenium is missing.
"""

import argparse
import os
import re
import sys
import time
import traceback

# Seconds any page, click or download may take: generous, the test may share a loaded machine.
WAIT = 60

CHROMIUM_CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
DRIVER_CANDIDATES = ["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]

try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    print("missing: the PyPI package selenium (pip install --break-system-packages selenium)", file=sys.stderr)
    sys.exit(2)


class ScenarioFailure(Exception):
    """A check in a scenario did not hold."""


SCENARIOS = []


def scenario(function):
    """Registers a scenario; they run in the order they are defined."""
    SCENARIOS.append(function)
    return function


class Run:
    """What every scenario gets: the browser, where the panels are, and where files go."""

    def __init__(self, driver, args):
        self.driver = driver
        self.base_url = args.base_url.rstrip("/")
        self.passwords = {"admin": args.admin_password, "oper": args.oper_password}
        self.screenshots = args.screenshots
        self.downloads = args.downloads
        self.results = {}
        self.csv_good = args.csv_good and os.path.abspath(args.csv_good)
        self.csv_bad = args.csv_bad and os.path.abspath(args.csv_bad)
        self.ecmg_id = args.ecmg_id

    def panel(self, role):
        """The panel's base path: /cas/ for the admin, / for the operator."""
        return "/cas/" if role == "admin" else "/"

    def open(self, role, query):
        """Opens `<panel>?<query>` and waits for the page to be loaded."""
        self.driver.get(self.base_url + self.panel(role) + "?" + query)
        self.wait_loaded()

    def wait_loaded(self):
        # Errors while a page is being replaced (a node or a context gone) just mean: not yet.
        WebDriverWait(self.driver, WAIT, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def find_all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def submit(self, button):
        """Clicks a submit button or a link and waits for the next page.

        The old page is marked with a script variable and the wait is for a document without it:
        chromium may answer a staleness check on the old page's element with an inspector error
        ("Node with given id does not belong to the document") while the next page loads."""
        self.driver.execute_script("window.tvcasOldPage = true")
        button.click()
        WebDriverWait(self.driver, WAIT, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return window.tvcasOldPage === undefined"))
        self.wait_loaded()

    def screenshot(self, name):
        """Saves the whole page as `<screenshots>/<name>.png`."""
        width = self.driver.execute_script("return Math.max(document.body.scrollWidth, 1024)")
        height = self.driver.execute_script("return Math.max(document.body.scrollHeight, 600)")
        self.driver.set_window_size(min(width, 2400), min(height + 120, 4000))
        path = os.path.join(self.screenshots, name + ".png")
        if not self.driver.save_screenshot(path):
            raise ScenarioFailure("could not save the screenshot " + path)

    def expect(self, condition, message):
        if not condition:
            raise ScenarioFailure(message + " (at " + self.driver.current_url + ")")

    def page_text(self):
        return self.find("body").text

    def result(self, key, value):
        """A value the Swift test checks against the database."""
        self.results[key] = value
        print("result", key, value, flush=True)

    def login(self, role):
        """Logs in with the login form: an unauthenticated page must lead to it first."""
        self.open(role, "op=smartcards")
        self.expect("op=login" in self.driver.current_url, role + ": the list did not redirect to the login form")
        self.screenshot(role + "-login")
        self.find("input[name=user]").send_keys(role)
        self.find("input[name=password]").send_keys(self.passwords[role])
        self.submit(self.find("form.login button[type=submit]"))
        self.expect("op=smartcards" in self.driver.current_url, role + ": the login did not lead to the list")
        self.expect(self.find_all("form.logout"), role + ": no logout button after logging in")

    def search(self, role, text):
        """Types `text` into the navbar's search box and sends it."""
        box = self.find("form.search input[name=s]")
        box.clear()
        box.send_keys(text)
        self.submit(self.find("form.search button[type=submit]"))

    def list_serials(self):
        return [cell.text for cell in self.find_all("table.cards tbody td.serial")]


# --- scenarios -------------------------------------------------------------------------------------


@scenario
def admin_login(run):
    """The admin logs in with the form and sees the admin columns."""
    run.login("admin")
    headers = [th.text for th in run.find_all("table.cards thead th")]
    run.expect("type" in headers and "edit" in headers, "admin list lacks the type/edit columns: %s" % headers)
    run.expect(len(run.list_serials()) > 0, "the admin list is empty")
    run.screenshot("admin-smartcards")


@scenario
def admin_search(run):
    """A word-prefix and a serial-prefix search from the navbar; matches are highlighted."""
    run.open("admin", "op=smartcards")
    run.search("admin", "Vasy")
    serials = run.list_serials()
    run.expect(serials == ["210-000-000-3"], "searching 'Vasy' gave %s" % serials)
    run.expect(run.find_all("span.ins"), "the match is not highlighted")
    run.screenshot("admin-search-word")
    run.search("admin", "210-000-000-4")
    serials = run.list_serials()
    run.expect(serials == ["210-000-000-4"], "searching '210-000-000-4' gave %s" % serials)
    run.screenshot("admin-search-serial")
    run.search("admin", "<script>alert(1)</script>'\\")
    run.expect("No cards found." in run.page_text(), "a hostile search term did not answer 'No cards found.'")
    run.expect(run.find("form.search input[name=s]").get_attribute("value") == "<script>alert(1)</script>'\\",
               "the search box does not show the term back literally")


@scenario
def admin_edit_packages(run):
    """The admin ticks packages 0 and 5 on card 2100000001 and saves: access criteria 00000021."""
    run.open("admin", "op=card&serial_no=2100000001")
    run.expect("Edit smartcard #210-000-000-1" in run.page_text(), "not the edit page of 210-000-000-1")
    run.screenshot("admin-card-edit")
    for box in run.find_all("input[name='pkg[]']"):
        if box.is_selected():
            box.click()
    for bit in ("0", "5"):
        run.find("input[name='pkg[]'][value='%s']" % bit).click()
    run.submit(run.find("form.card button[type=submit]"))
    run.expect("Smartcard 210-000-000-1 saved." in run.page_text(), "no 'saved' message after editing the packages")
    rows = [row.text for row in run.find_all("table.cards tbody tr") if "210-000-000-1" in row.text]
    run.expect(rows and "00000021" in rows[0], "the list does not show 00000021 for 210-000-000-1: %s" % rows)
    run.screenshot("admin-card-saved")
    run.result("edited_serial", "2100000001")
    run.result("edited_access_criteria", "00000021")


@scenario
def admin_download_bin(run):
    """The admin downloads the .bin of card 2100000003 with the list's link."""
    run.open("admin", "op=smartcards")
    target = os.path.join(run.downloads, "210-000-000-3.bin")
    if os.path.exists(target):
        os.remove(target)
    link = run.find("a[href*='fm=2100000003']")
    link.click()
    deadline = time.time() + WAIT
    while time.time() < deadline:
        if os.path.exists(target) and not os.path.exists(target + ".crdownload") and os.path.getsize(target) > 0:
            break
        time.sleep(0.1)
    run.expect(os.path.exists(target), "no 210-000-000-3.bin arrived in " + run.downloads)
    size = os.path.getsize(target)
    run.expect(size == 90, "the .bin has %d bytes, not 90" % size)
    run.result("bin_path", target)


@scenario
def admin_sort(run):
    """The admin sorts the list by finish, newest first, with the column header (two clicks)."""
    run.open("admin", "op=smartcards")
    run.submit(run.driver.find_element(By.LINK_TEXT, "finish"))
    run.expect("sort=finish" in run.driver.current_url, "the finish header did not sort by finish")
    run.submit(run.driver.find_element(By.LINK_TEXT, "finish"))
    run.expect("sort=-finish" in run.driver.current_url, "a second click did not sort by finish descending")
    serials = run.list_serials()
    run.expect(serials and serials[0] == "210-000-000-4", "newest finish first should be 210-000-000-4, not %s" % serials[:1])
    run.screenshot("admin-sorted")


@scenario
def admin_other_pages(run):
    """The add form, the package names and the remove confirmation render."""
    run.open("admin", "op=add")
    run.expect("Add new smartcard" in run.page_text(), "the add form did not render")
    run.screenshot("admin-card-add")
    run.open("admin", "op=packages")
    run.expect(len(run.find_all("input[name^='name[']")) == 32, "the packages page has not 32 name fields")
    run.screenshot("admin-packages")
    run.open("admin", "op=remove&serial_no=2100000002")
    run.expect("Really remove smartcard 210-000-000-2" in run.page_text(), "the remove confirmation did not render")
    run.screenshot("admin-card-remove")


@scenario
def oper_login(run):
    """The operator logs in with the form: the operator's columns, no .bin links."""
    run.login("oper")
    headers = [th.text for th in run.find_all("table.cards thead th")]
    run.expect("type" not in headers and "edit" not in headers, "the operator sees admin columns: %s" % headers)
    run.expect(not run.find_all("a[href*='fm=']"), "the operator list has .bin links")
    run.screenshot("oper-smartcards")


@scenario
def oper_search_and_edit(run):
    """The operator searches a Cyrillic word prefix and edits that card's packages."""
    run.open("oper", "op=smartcards")
    run.search("oper", "Мари")
    serials = run.list_serials()
    run.expect(serials == ["210-000-000-4"], "searching 'Мари' gave %s" % serials)
    run.screenshot("oper-search")
    run.open("oper", "op=card&serial_no=2100000004")
    run.expect(not run.find_all("input[name=key]"), "the operator's edit form shows the key")
    run.screenshot("oper-card-edit")
    for box in run.find_all("input[name='pkg[]']"):
        if box.get_attribute("value") in ("0", "1", "2", "3") and box.is_selected():
            box.click()
    run.submit(run.find("form.card button[type=submit]"))
    run.expect("Smartcard 210-000-000-4 saved." in run.page_text(), "no 'saved' message after the operator's edit")
    run.result("oper_serial", "2100000004")
    run.result("oper_access_criteria", "FFFFFFF0")


@scenario
def oper_logout(run):
    """The operator logs out; the list then asks for the login again."""
    run.open("oper", "op=smartcards")
    run.submit(run.find("form.logout button[type=submit]"))
    run.expect("op=login" in run.driver.current_url, "logging out did not lead to the login form")
    run.open("oper", "op=smartcards")
    run.expect("op=login" in run.driver.current_url, "the list still opens after logging out")


@scenario
def admin_csv_import(run):
    """The admin imports a CSV file (one new card, one updated) and then a file with a bad line."""
    if not (run.csv_good and run.csv_bad):
        raise ScenarioFailure("this scenario needs --csv-good and --csv-bad")
    run.open("admin", "op=smartcards")
    run.submit(run.find("a[href*='csv=import']"))
    run.expect("Import CSV" in run.page_text(), "the list's import link did not lead to the import form")
    run.screenshot("admin-csv-import-form")
    run.find("input[type=file][name=loadfile]").send_keys(run.csv_good)
    run.submit(run.find("form[enctype='multipart/form-data'] button[type=submit]"))
    text = run.page_text()
    run.expect("File upload success!" in text, "no 'File upload success!' after the good file: " + text[:400])
    summary = run.find("p.csv-summary").text
    run.expect("Add new: 1" in summary and "Update items: 1" in summary, "the summary is not add 1, update 1: " + summary)
    run.screenshot("admin-csv-import-done")
    run.find("input[type=file][name=loadfile]").send_keys(run.csv_bad)
    run.submit(run.find("form[enctype='multipart/form-data'] button[type=submit]"))
    text = run.page_text()
    run.expect("Nothing was changed" in text, "the bad file was not refused: " + text[:400])
    problems = [item.text for item in run.find_all("ul.csv-problems li")]
    run.expect(len(problems) == 1 and problems[0].startswith("Line 3."), "the bad line is not listed as line 3: %s" % problems)
    run.screenshot("admin-csv-import-refused")
    run.result("csv_problem", problems[0])


def ecmg_row(run, ident):
    """The row of ECMG `ident` in the ECMG list."""
    rows = run.driver.find_elements(By.XPATH, "//table[@class='generators']/tbody/tr[td[2][normalize-space()='%s']]" % ident)
    run.expect(len(rows) == 1, "the ECMG list has %d rows for ECMG_%s" % (len(rows), ident))
    return rows[0]


def ecmg_switch(run, ident, on):
    """Clicks the row's switch and checks the page's message."""
    run.open("admin", "op=ecmg")
    row = ecmg_row(run, ident)
    label = "Switch on" if on else "Switch off"
    buttons = [b for b in row.find_elements(By.CSS_SELECTOR, "form button[type=submit]") if b.text == label]
    run.expect(len(buttons) == 1, "ECMG_%s has no '%s' button" % (ident, label))
    run.submit(buttons[0])
    word = "on" if on else "off"
    run.expect("ECMG_%s switched %s" % (ident, word) in run.page_text(), "no 'switched %s' message for ECMG_%s" % (word, ident))


def ecmg_wait_status(run, ident, css):
    """Reloads the ECMG list until the row's status is `span.<css>` and returns its text."""
    deadline = time.time() + 2 * WAIT
    while True:
        run.open("admin", "op=ecmg")
        spans = ecmg_row(run, ident).find_elements(By.CSS_SELECTOR, "td span." + css)
        if spans:
            return spans[0].text
        if time.time() > deadline:
            raise ScenarioFailure("ECMG_%s's status did not become %s: %s" % (ident, css, ecmg_row(run, ident).text))
        time.sleep(1)


@scenario
def admin_ecmg_on(run):
    """The admin switches an ECMG on; the list then shows it running, with the supervisor's pid."""
    if not run.ecmg_id:
        raise ScenarioFailure("this scenario needs --ecmg-id")
    ecmg_switch(run, run.ecmg_id, True)
    run.screenshot("admin-ecmg-switched-on")
    status = ecmg_wait_status(run, run.ecmg_id, "running")
    match = re.search(r"\(pid (\d+)\)", status)
    run.expect(match is not None, "the running status shows no pid: " + status)
    run.screenshot("admin-ecmg-running")
    run.result("ecmg_pid", match.group(1))


@scenario
def admin_ecmg_off(run):
    """The admin switches the ECMG off; the list then shows it stopped."""
    if not run.ecmg_id:
        raise ScenarioFailure("this scenario needs --ecmg-id")
    ecmg_switch(run, run.ecmg_id, False)
    status = ecmg_wait_status(run, run.ecmg_id, "stopped")
    run.expect(status == "stopped", "the status after switching off is not 'stopped': " + status)
    run.screenshot("admin-ecmg-stopped")


# --- driver ----------------------------------------------------------------------------------------


def first_existing(paths, env):
    if os.environ.get(env):
        return os.environ[env]
    for path in paths:
        if os.path.exists(path):
            return path
    return None


def make_driver(downloads):
    chromium = first_existing(CHROMIUM_CANDIDATES, "CHROMIUM")
    driver_path = first_existing(DRIVER_CANDIDATES, "CHROMEDRIVER")
    if chromium is None or driver_path is None:
        print("missing: chromium and chromium-driver (apt-get install chromium chromium-driver)", file=sys.stderr)
        sys.exit(2)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=1280,900", "--lang=en-US", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.add_experimental_option("prefs", {
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
        "safebrowsing.enabled": False,
    })
    # An explicit driver path: Selenium Manager must not try to download one.
    driver = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": downloads})
    driver.set_page_load_timeout(WAIT)
    return driver


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url")
    parser.add_argument("--admin-password")
    parser.add_argument("--oper-password")
    parser.add_argument("--screenshots", default="var/screenshots")
    parser.add_argument("--downloads", default="var/downloads")
    parser.add_argument("--csv-good", help="admin_csv_import: a CSV file with one new and one updated card")
    parser.add_argument("--csv-bad", help="admin_csv_import: a CSV file whose line 3 is bad")
    parser.add_argument("--ecmg-id", help="admin_ecmg_on/off: the ECMG to switch (a supervisor must be running)")
    parser.add_argument("--only", nargs="*", default=None, help="scenario names to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the scenarios and exit")
    args = parser.parse_args()
    if args.list:
        for function in SCENARIOS:
            print(function.__name__ + ":", (function.__doc__ or "").strip())
        return 0
    if not (args.base_url and args.admin_password and args.oper_password):
        parser.error("--base-url, --admin-password and --oper-password are required")
    args.screenshots = os.path.abspath(args.screenshots)
    args.downloads = os.path.abspath(args.downloads)
    os.makedirs(args.screenshots, exist_ok=True)
    os.makedirs(args.downloads, exist_ok=True)
    chosen = [f for f in SCENARIOS if args.only is None or f.__name__ in args.only]
    unknown = set(args.only or []) - {f.__name__ for f in SCENARIOS}
    if unknown:
        parser.error("unknown scenarios: " + ", ".join(sorted(unknown)))
    driver = make_driver(args.downloads)
    run = Run(driver, args)
    failed = False
    try:
        for function in chosen:
            try:
                function(run)
                print("ok", function.__name__, flush=True)
            except Exception as error:  # one scenario's failure is reported, the rest stop
                failed = True
                print("FAILED", function.__name__ + ":", error, flush=True)
                traceback.print_exc()
                try:
                    run.screenshot("FAILED-" + function.__name__)
                except Exception:
                    pass
                break
    finally:
        driver.quit()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
