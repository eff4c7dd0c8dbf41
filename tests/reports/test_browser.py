"""A real browser opens the example's HTML report: no console error, charts drawn, printable.

Headless Chromium is driven through the DevTools protocol over a pipe
(``--remote-debugging-pipe``: NUL-separated JSON on file descriptors 3 and 4),
with the standard library only. The screenshot and the A4 PDF are saved as test
artifacts in ``$COMPAGNONNAGE_ARTIFACTS`` (default ``build/test-artifacts``).

Skipped, with the reason, when Chromium is absent and ``CI`` is not set; in CI
a missing Chromium fails the test.
"""

from __future__ import annotations

import base64
import json
import os
import re
import select
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from compagnonnage.diagnostics import DiagnosticModule
from compagnonnage.model import CapacityScore, Programme
from compagnonnage.reports import build_report, to_html

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "chrome")
_TIMEOUT = 60.0
ARTIFACTS = Path(
    os.environ.get(
        "COMPAGNONNAGE_ARTIFACTS", Path(__file__).resolve().parents[2] / "build" / "test-artifacts"
    )
)


def _chromium() -> str:
    for name in _CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("CI is set but Chromium is not installed (Debian package: chromium)")
    pytest.skip("Chromium is not installed (apt-get install chromium); set CI=1 to require it")


class _DevTools:
    """A minimal DevTools-protocol client over Chromium's debugging pipe."""

    def __init__(self, executable: str, profile: Path) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def wire() -> None:
            os.dup2(to_chrome_r, 3)
            os.dup2(from_chrome_w, 4)

        self.process = subprocess.Popen(
            [
                executable,
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--no-first-run",
                "--no-default-browser-check",
                f"--user-data-dir={profile}",
                "--remote-debugging-pipe",
                "about:blank",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            preexec_fn=wire,
            pass_fds=(3, 4),
        )
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []

    def _messages(self, deadline: float) -> Iterator[dict[str, Any]]:
        while True:
            while b"\0" in self._buffer:
                raw, self._buffer = self._buffer.split(b"\0", 1)
                yield json.loads(raw)
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("Chromium did not answer in time")
            ready, _, _ = select.select([self._from_chrome], [], [], left)
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise ConnectionError("Chromium closed the DevTools pipe")
                self._buffer += chunk

    def call(self, method: str, session: str | None = None, **params: Any) -> dict[str, Any]:
        """Send a command and return its result; events seen meanwhile are kept in ``events``."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params}
        if session is not None:
            message["sessionId"] = session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        for reply in self._messages(time.monotonic() + _TIMEOUT):
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                result: dict[str, Any] = reply["result"]
                return result
            self.events.append(reply)
        raise AssertionError("unreachable")

    def wait_for(self, method: str) -> dict[str, Any]:
        """The first event named ``method`` (already seen, or the next to come)."""
        for event in self.events:
            if event.get("method") == method:
                return event
        for event in self._messages(time.monotonic() + _TIMEOUT):
            self.events.append(event)
            if event.get("method") == method:
                return event
        raise AssertionError("unreachable")

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError, TimeoutError, ConnectionError):
            self.process.kill()
        self.process.wait(timeout=_TIMEOUT)
        os.close(self._to_chrome)
        os.close(self._from_chrome)


_MEASURE = """JSON.stringify({
  charts: [...document.querySelectorAll('figure svg[role="img"]')].map(svg => {
    const box = svg.getBoundingClientRect();
    return {id: svg.id, width: box.width, height: box.height,
            bars: svg.querySelectorAll('rect').length,
            label: svg.getAttribute('aria-labelledby')};
  }),
  tables: document.querySelectorAll('table').length,
  scripts: document.scripts.length,
  title: document.title,
  lang: document.documentElement.lang
})"""


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_chromium_renders_the_example_report(
    lang: str, example: Programme, modules: tuple[DiagnosticModule, ...], tmp_path: Path
) -> None:
    executable = _chromium()
    scored = attrs.evolve(
        example,
        diagnostic=attrs.evolve(
            example.diagnostic,
            scores=tuple(
                CapacityScore(
                    module_id="consular-chamber", dimension_id=d.id, level=1 + i % 4, desired=4
                )
                for i, d in enumerate(modules[0].dimensions)
            ),
        ),
    )
    page = tmp_path / f"report.{lang}.html"
    page.write_text(
        to_html(build_report(scored, lang="fr" if lang == "fr" else "en", modules=modules)),
        encoding="utf-8",
    )
    browser = _DevTools(executable, tmp_path / "profile")
    try:
        target = browser.call("Target.createTarget", url="about:blank")["targetId"]
        session = browser.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            browser.call(f"{domain}.enable", session)
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            session,
            width=1024,
            height=1400,
            deviceScaleFactor=1,
            mobile=False,
        )
        browser.call("Page.navigate", session, url=page.as_uri())
        browser.wait_for("Page.loadEventFired")
        measured = json.loads(
            browser.call("Runtime.evaluate", session, expression=_MEASURE, returnByValue=True)[
                "result"
            ]["value"]
        )
        shot = browser.call(
            "Page.captureScreenshot", session, format="png", captureBeyondViewport=True
        )
        pdf = browser.call("Page.printToPDF", session, preferCSSPageSize=True, printBackground=True)
        problems = [
            e
            for e in browser.events
            if e.get("method") == "Runtime.exceptionThrown"
            or (e.get("method") == "Runtime.consoleAPICalled" and e["params"]["type"] == "error")
            or (e.get("method") == "Log.entryAdded" and e["params"]["entry"]["level"] == "error")
        ]
    finally:
        browser.close()

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    png = base64.b64decode(shot["data"])
    (ARTIFACTS / f"example-report.{lang}.png").write_bytes(png)
    document = base64.b64decode(pdf["data"])
    (ARTIFACTS / f"example-report.{lang}.pdf").write_bytes(document)

    assert problems == [], problems
    assert measured["lang"] == lang
    assert measured["scripts"] == 0
    assert measured["tables"] >= 8
    charts = {c["id"]: c for c in measured["charts"]}
    assert set(charts) == {"timeline-chart", "capacity-chart", "follow-up-chart", "ledger-chart"}
    for chart in charts.values():
        assert chart["width"] > 100, chart
        assert chart["height"] > 50, chart
        assert chart["bars"] > 0, chart
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert document.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", document)
    assert boxes, "the PDF has no page"
    for width, height in boxes:  # A4: 210 x 297 mm, 595.3 x 841.9 points
        assert (round(float(width)), round(float(height))) == (595, 842)
