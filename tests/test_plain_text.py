"""Text typed by the public is shown as typed, never read as markup: a visitor named like an HTML
image must not make the desk or the kiosk fetch anything from the network."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtGui import QFontMetricsF
from PySide6.QtQuick import QQuickItem
from pytestqt.qtbot import QtBot

from tests.desk_helpers import start_desk, stop_desk
from tests.qt_helpers import *  # noqa: F403 (the kiosk fixtures)
from tests.qt_helpers import KioskDriver, desk_client
from tests.scene_driver import PLAIN_TEXT, SceneDriver, text_format


class Listener:
    """A web server on loopback that answers nothing and remembers every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        heard = self.requests

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                heard.append(self.path)
                self.send_error(404)

            def log_message(self, *_args: object) -> None:
                pass  # nothing on the test's stderr

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    yield server
    server.close()


def shows_literally(item: QQuickItem, literal: str) -> bool:
    """Whether a Text item shows `literal` character for character: it holds it, reads it as
    plain text, and lays it out as wide as those characters are in its font (markup would be
    laid out as what it stands for: an image, or bold text without its tags)."""
    advance = QFontMetricsF(item.property("font")).horizontalAdvance(literal)
    return (
        item.property("text") == literal
        and text_format(item) == PLAIN_TEXT
        and abs(float(item.property("implicitWidth")) - advance) < 1.0
    )


def no_markup_anywhere(*drivers: SceneDriver) -> None:
    for driver in drivers:
        assert driver.texts_read_as_markup() == []


def check_in_at_the_kiosk(kiosk: KioskDriver, name: str, pronunciation: str) -> None:
    kiosk.start_check_in(name, then="host")
    kiosk.type("pri")
    kiosk.tap("host_0")
    kiosk.wait_screen("pronunciation")
    kiosk.tap("pronunciationField")
    kiosk.type(pronunciation)
    kiosk.tap("checkInButton")
    kiosk.wait_screen("done")


def test_a_visitor_named_like_an_image_is_shown_as_typed_and_nothing_is_fetched(
    qtbot: QtBot, kiosk: KioskDriver, local_hub, kiosk_settings, office, listener: Listener
) -> None:
    name = f'<img src="http://127.0.0.1:{listener.port}/x.png">'
    pronunciation = f'<img src="http://127.0.0.1:{listener.port}/say.png">'
    desk = start_desk(
        qtbot, desk_client(local_hub), kiosk_settings, receptionist_id=office[1]["sam"]
    )
    try:
        kiosk.window.requestActivate()  # the visitor's typing goes to the kiosk
        qtbot.waitUntil(lambda: kiosk.window.isActive(), timeout=5000)
        check_in_at_the_kiosk(kiosk, name, pronunciation)
        greeting = kiosk.item("doneGreeting")
        assert shows_literally(greeting, "Welcome, <img!")  # the first word of the name
        kiosk.screenshot("plain-text-kiosk-done")

        shown = desk.item("visitorName", timeout=10000)
        qtbot.waitUntil(lambda: shown.property("text") == name, timeout=10000)
        assert shows_literally(shown, name)
        card = desk.item("card_" + str(desk.desk.queue.rows()[0]["visitId"]))
        assert shows_literally(desk.item("pronunciation", card), f"say it: {pronunciation}")
        desk.screenshot("plain-text-desk-card")
        no_markup_anywhere(kiosk, desk)

        # An image would be fetched as soon as the text was laid out; give it time to try.
        qtbot.wait(1500)
        assert listener.requests == []
    finally:
        stop_desk(desk)


@pytest.mark.parametrize(
    ("name", "greeting"),
    [
        ("<b>Ada</b> Lovelace", "Welcome, <b>Ada</b>!"),
        ("<i>Grace</i>", "Welcome, <i>Grace</i>!"),
        ("&lt;Alan&gt; Turing", "Welcome, &lt;Alan&gt;!"),
    ],
)
def test_the_kiosk_greets_a_visitor_by_the_name_as_typed(
    kiosk: KioskDriver, name: str, greeting: str
) -> None:
    kiosk.check_in_new(name, "pri")
    assert shows_literally(kiosk.item("doneGreeting"), greeting)
    no_markup_anywhere(kiosk)
