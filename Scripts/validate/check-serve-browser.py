#!/usr/bin/env python3
"""A real browser on `strikerange serve` (issue 13): headless Chromium driven by Selenium loads the page,
searches Ukraine, adds it as the launch area, picks ATACMS, waits for the envelope, clicks Moscow on the map
and reads the distance; the distance must equal the API's for the clicked point and be the ~453 km the
README states; the screenshot must show the envelope's colour and the legend.
Usage: check-serve-browser.py path/to/strikerange [screenshot.png]"""
import json
import os
import struct
import sys
import tempfile
import time
import urllib.parse
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Checks, Server  # noqa: E402

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.select import Select  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

binary = sys.argv[1]
screenshot = sys.argv[2] if len(sys.argv) > 2 else os.path.join(tempfile.gettempdir(), "strikerange-serve-page.png")
c = Checks("check-serve-browser")
ATACMS_RGB = (0xD7, 0x30, 0x1F)   # LayerPalette.weapon(0): the first weapon's colour


def png_pixels(data):
    """(width, height, rows of RGB tuples) of an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and color in (2, 6) and interlace == 0, (depth, color, interlace)
            channels = 3 if color == 2 else 4
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, previous = [], bytearray(stride)
    for y in range(height):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - channels] if i >= channels else 0
            b = previous[i]
            cc = previous[i - channels] if i >= channels else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - cc
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - cc)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else cc)) & 255
        rows.append([tuple(line[x * channels:x * channels + 3]) for x in range(width)])
        previous = line
    return width, height, rows


# A generous time limit: a busy machine must not turn a slow answer into a failure (the limit has its own check).
with Server(binary, "--time-limit", "600") as s:
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900",
                "--force-device-scale-factor=1"):
        options.add_argument(arg)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        wait = WebDriverWait(driver, 120)
        driver.get(s.url + "/")
        wait.until(lambda d: len(Select(d.find_element(By.ID, "weapon-select")).options) > 3)
        # Launch area by search: "Ukraine" → the country → "+ launch".
        box = driver.find_element(By.ID, "search")
        box.send_keys("Ukraine")
        driver.find_element(By.CSS_SELECTOR, "#search-form button").click()
        add = wait.until(EC.element_to_be_clickable((By.XPATH,
            "//div[@class='result'][.//span[@class='kind' and text()='country']]//button[@data-action='launch']")))
        add.click()
        # Weapon from the catalog, without spread: one envelope.
        Select(driver.find_element(By.ID, "weapon-select")).select_by_value("atacms")
        spread = driver.find_element(By.ID, "weapon-spread")
        if spread.is_selected():
            spread.click()
        driver.find_element(By.ID, "weapon-add").click()
        wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-envelopes") == "1")
        legend = driver.find_element(By.ID, "legend").text
        c.check("ATACMS" in legend and "achieved error" in legend, f"legend names the weapon and the achieved error: {legend!r}")
        sources = driver.find_element(By.ID, "weapon-list").text
        c.check("Sources:" in sources, f"the weapon's sources are shown: {sources[:200]!r}")
        # Click Moscow on the map.
        map_el = driver.find_element(By.ID, "map")
        x, y = driver.execute_script("const p = strikerange.map.latLngToContainerPoint([55.7558, 37.6173]); return [p.x, p.y];")
        w, h = map_el.size["width"], map_el.size["height"]
        c.check(0 < x < w and 0 < y < h, f"Moscow is on the map at {x},{y}")
        ActionChains(driver).move_to_element_with_offset(map_el, int(x - w / 2), int(y - h / 2)).click().perform()
        cell = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#reach-table td.distance")))
        shown_km = float(cell.text.replace("km", "").replace(",", "").strip())
        verdict = driver.find_element(By.CSS_SELECTOR, "#reach-table tr:nth-child(2) td:last-child").text
        clicked = driver.execute_script("return strikerange.state.click;")
        status, body = s.json("POST", "/api/reach", {"launch": ["country:UA"], "weapons": ["atacms"],
                                                     "targets": [f"{clicked[0]:.6f},{clicked[1]:.6f}"]})
        api_km = body["rows"][0]["distance_m"] / 1000
        c.check(abs(shown_km - api_km) <= 0.05, f"the page shows the API's distance for the clicked point: {shown_km} vs {api_km:.3f} km")
        c.check(440 < shown_km < 466, f"Moscow is about 453 km from Ukraine (README): page says {shown_km} km")
        c.check(verdict == "out of range", f"verdict for Moscow: {verdict!r}")
        # ---- outputs branch (issues 12/13): the in-range counts of the view (airfields, places, people) ----
        row = wait.until(EC.presence_of_element_located((By.CSS_SELECTOR, "#inrange-table tr:nth-child(2)")))
        cells = [td.text for td in row.find_elements(By.TAG_NAME, "td")]
        c.check(len(cells) == 4 and cells[0] == "atacms" and all(int(x.replace(",", "")) > 0 for x in cells[1:]),
                f"the in-range panel counts airfields, places and people for ATACMS: {cells}")
        state = json.loads(urllib.parse.unquote(driver.current_url.split("#view=", 1)[1]))
        c.check(state["launch"] == ["country:UA"] and state["weapons"][0]["id"] == "atacms", f"the URL holds the view: {state}")
        legend_el = driver.find_element(By.ID, "map-legend")
        c.check(legend_el.is_displayed() and "achieved error" in legend_el.text, f"the legend is on the map: {legend_el.text!r}")
        lr = legend_el.rect
        time.sleep(0.5)
        driver.save_screenshot(screenshot)
    finally:
        driver.quit()

width, height, rows = png_pixels(open(screenshot, "rb").read())
near = lambda p, q, tol: all(abs(a - b) <= tol for a, b in zip(p, q))
in_legend = lambda x, y: lr["x"] <= x < lr["x"] + lr["width"] and lr["y"] <= y < lr["y"] + lr["height"]
envelope_pixels = sum(1 for y, row in enumerate(rows) for x, p in enumerate(row) if x >= 380 and not in_legend(x, y) and near(p, ATACMS_RGB, 12))
legend_pixels = sum(1 for y, row in enumerate(rows) for x, p in enumerate(row) if in_legend(x, y) and near(p, ATACMS_RGB, 12))
c.check(envelope_pixels > 500, f"screenshot: the envelope's colour is drawn on the map ({envelope_pixels} pixels)")
c.check(legend_pixels > 10, f"screenshot: the legend swatch on the map has the envelope colour ({legend_pixels} pixels)")
print(f"screenshot: {screenshot}", file=sys.stderr)
c.finish()
