"""The dashboard driven as a manager would, against a hub on a real database with six weeks of
visits: every page at 1280 by 800 and 1920 by 1080 (screenshots of each), the days, follow-ups, the
roll call and an export."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtQml import qmlEngine
from pytestqt.qtbot import QtBot

from kiosk.hub.local import LocalHub
from kiosk.store.database import open_database
from kiosk.store.devices import DeviceRole
from tests.dashboard_helpers import (  # prepares Qt on import
    LARGE,
    SETTINGS,
    SMALL,
    DashboardDriver,
    qt_ends_before_the_display,  # noqa: F401 (a fixture: see its docstring)
    start_dashboard,
    stop_dashboard,
)
from tests.dashboard_office import ON_SITE_NOW, make_history
from tests.qt_helpers import accessible_name
from tests.scene_driver import PLAIN_TEXT, is_button, text_format

MIN_TARGET = 48
PAGES = ("figures", "follow_ups", "on_site", "export")


@pytest.fixture
def office(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    path = tmp_path / "kiosk.db"
    return path, make_history(path)


@pytest.fixture
def local_hub(office: tuple[Path, dict[str, int]]) -> Iterator[LocalHub]:
    hub = LocalHub(office[0], SETTINGS)
    yield hub
    hub.stop()


@pytest.fixture
def size() -> tuple[int, int]:
    return SMALL


@pytest.fixture
def manager(
    qtbot: QtBot, local_hub: LocalHub, tmp_path: Path, size: tuple[int, int]
) -> Iterator[DashboardDriver]:
    folder = tmp_path / "documents"
    folder.mkdir()
    driver = start_dashboard(qtbot, local_hub.client(DeviceRole.MANAGER), folder, size=size)
    driver.wait_figures()
    yield driver
    stop_dashboard(driver)


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def theme_pairs(driver: DashboardDriver, name: str) -> list[tuple[QColor, QColor]]:
    theme = driver.dashboard.frame.engine.singletonInstance("Dashboard", "Theme")
    return [(QColor(a), QColor(b)) for a, b in theme.property(name).toVariant()]


def problems(driver: DashboardDriver) -> list[str]:
    """What a manager could not use or read on the page shown: small targets, controls without
    a name, text in a colour the theme does not check, text read as markup or cut off."""
    found = []
    text_colours = {fg.name() for fg, _ in theme_pairs(driver, "contrastPairs")}
    for item in driver.visible_items():
        label = item.objectName() or item.metaObject().className()
        kind = item.metaObject().className()
        if is_button(item) or item.inherits("QQuickTextInput"):
            if item.isEnabled() and (item.width() < MIN_TARGET or item.height() < MIN_TARGET):
                found.append(f"{label} is {item.width():.0f} by {item.height():.0f} px")
            if is_button(item) and not accessible_name(item):
                found.append(f"{label} has no Accessible.name")
        if item.inherits("QQuickText") and not kind.startswith("QQuickPlaceholderText"):
            colour = QColor(item.property("color")).name()
            if colour not in text_colours:
                found.append(f"{label} is written in {colour}, not a theme text colour")
    return found + markup(driver) + driver.cut_off()


def markup(driver: DashboardDriver) -> list[str]:
    """Our texts (not the charts' own axis labels, which Qt Graphs makes) that would read
    their text as markup rather than as plain text."""
    return [
        f"{item.objectName() or 'text'}: {item.property('text')!r}"
        for item in driver.items()
        if item.inherits("QQuickText")
        and qmlEngine(item) is not None
        and not item.metaObject().className().startswith("QQuickPlaceholderText")
        and text_format(item) != PLAIN_TEXT
    ]


def test_the_theme_colours_contrast_enough(manager: DashboardDriver) -> None:
    for fg, bg in theme_pairs(manager, "contrastPairs"):
        assert contrast(fg, bg) >= 4.5, (fg.name(), bg.name())
    for fg, bg in theme_pairs(manager, "largeContrastPairs"):
        assert contrast(fg, bg) >= 3, (fg.name(), bg.name())


@pytest.mark.parametrize("size", [SMALL, LARGE], ids=["1280x800", "1920x1080"])
def test_every_page(manager: DashboardDriver, size: tuple[int, int]) -> None:
    tag = f"dashboard-{size[0]}x{size[1]}"
    tiles = {t["key"]: t for t in manager.view_model.figures.tiles.rows()}
    assert manager.text_of("tileValue", manager.item("tile_visits")) == tiles["visits"]["value"]
    assert manager.item("receptionist_Sam Jones")
    assert "Sam welcomed" in manager.text_of("welcomedLine", manager.item("receptionist_Sam Jones"))
    manager.screenshot(f"{tag}-1-figures")
    assert problems(manager) == []
    manager.scroll_figures_to("waitsByHourChart")
    manager.screenshot(f"{tag}-2-charts")
    manager.scroll_figures_to("receptionist_Sam Jones")
    manager.screenshot(f"{tag}-3-receptionists")
    assert problems(manager) == []
    for number, page in enumerate(PAGES[1:], start=4):
        manager.open_page(page)
        manager.screenshot(f"{tag}-{number}-{page}")
        assert problems(manager) == [], page


def test_choosing_days(manager: DashboardDriver) -> None:
    manager.click("range_today")
    manager.wait_figures()
    assert manager.view_model.figures.property("visits") == len(ON_SITE_NOW)
    manager.click("range_custom")
    manager.type_into("firstDay", "2026-02-30")
    manager.click("showDays")
    assert manager.text_of("rangeError") == (
        "“2026-02-30” is not a day the dashboard can read: type the first day as "
        "year-month-day, like 2026-11-02."
    )
    manager.screenshot("dashboard-1280x800-range-refused")
    last = manager.view_model.range.days.last
    manager.type_into("firstDay", "2020-01-06")
    manager.type_into("lastDay", "2020-01-10")
    manager.click("showDays")
    manager.wait_figures(visits=0)
    assert manager.find("rangeError") is None
    assert manager.text_of("nobodyCame").startswith("Nobody checked in during these days")
    assert manager.text_of("tileValue", manager.item("tile_wait_median_s")) == "—"
    assert last != manager.view_model.range.days.last


def test_following_up_a_long_wait(manager: DashboardDriver, office) -> None:
    manager.open_page("follow_ups")
    rows = manager.view_model.follow_ups.rows.rows()
    assert rows and all("Waited" in r["wait"] or "Left" in r["wait"] for r in rows)
    first = rows[0]["visitId"]
    row = manager.item(f"followUp_{first}")
    manager.type_into("followUpNote", "x" * 201)
    manager.click("markFollowedUp", row)
    assert manager.text_of("noteError", row) == "Keep the note to 200 characters; this one has 201."
    manager.type_into("followUpNote", "Called to apologise; coffee next time")
    manager.click("markFollowedUp", row)
    manager.qtbot.waitUntil(lambda: manager.find("followedUpLine", row) is not None)
    assert manager.text_of("followedUpLine", row).endswith(
        ": Called to apologise; coffee next time"
    )
    manager.screenshot("dashboard-1280x800-followed-up")
    db = open_database(office[0])
    try:
        note = db.execute("SELECT note FROM follow_up_notes WHERE visit_id = ?", [first]).fetchone()
    finally:
        db.close()
    assert note == ("Called to apologise; coffee next time",)


def test_a_roll_call(
    manager: DashboardDriver, local_hub: LocalHub, office, tmp_path: Path, qtbot: QtBot
) -> None:
    manager.open_page("on_site")
    db = open_database(office[0])
    try:
        open_now = [name for (name,) in db.execute(
            "SELECT p.name FROM visits v JOIN visitors p ON p.id = v.visitor_id "
            "WHERE v.state IN ('waiting', 'acknowledged', 'welcomed') ORDER BY v.checked_in_at"
        )]  # fmt: skip
    finally:
        db.close()
    assert open_now == list(ON_SITE_NOW)
    assert [r["name"] for r in manager.view_model.on_site.rows.rows()] == open_now
    assert manager.text_of("headcount") == "4 people on site"
    desk = local_hub.client(DeviceRole.DESK)  # another desk, hearing the same roll call
    qtbot.waitUntil(lambda: desk.connected, timeout=5000)
    heard: list[dict] = []
    desk.noticeReceived.connect(heard.append)
    desk.eventReceived.connect(heard.append)
    manager.click("startRollCall")
    qtbot.waitUntil(lambda: manager.view_model.on_site.property("rollCall"), timeout=5000)
    qtbot.waitUntil(lambda: any(m.get("notice") == "roll_call" for m in heard), timeout=5000)
    first = manager.view_model.on_site.rows.row(0)["visitId"]
    manager.click("markAccounted", manager.item(f"onSite_{first}"))
    manager.item("accountedMark", manager.item(f"onSite_{first}"))
    qtbot.waitUntil(lambda: any(m.get("event") == "accounted_for" for m in heard), timeout=5000)
    assert manager.text_of("rollCallText").endswith(": 1 of 4 accounted for.")
    manager.screenshot("dashboard-1280x800-roll-call")
    manager.click("savePdf")
    qtbot.waitUntil(lambda: manager.view_model.property("message") != "", timeout=5000)
    pdfs = list((tmp_path / "documents").glob("On site *.pdf"))
    assert len(pdfs) == 1 and manager.view_model.property("message") == (
        f"The list is saved as {pdfs[0]}."
    )
    manager.screenshot("dashboard-1280x800-list-saved")
    manager.click("dismissMessage")
    manager.click("endRollCall")
    assert manager.text_of("confirmEnd" and "confirmEndYes") == "End it"
    manager.click("confirmEndYes")
    qtbot.waitUntil(lambda: not manager.view_model.on_site.property("rollCall"), timeout=5000)
    desk.close()


def test_an_export_of_the_days_shown(manager: DashboardDriver, office, tmp_path: Path) -> None:
    manager.open_page("export")
    manager.click("format_csv")
    manager.click("startExport")
    manager.qtbot.waitUntil(
        lambda: manager.text_of("exportStatus").startswith("Exported"), timeout=10000
    )
    out = Path(manager.view_model.export.property("fileName"))
    assert out.parent == tmp_path / "documents"
    with out.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.DictReader(file))
    assert len(rows) == manager.view_model.figures.property("visits")
    assert manager.text_of("exportStatus") == f"Exported {len(rows)} visits to {out}."
    manager.screenshot("dashboard-1280x800-exported")
