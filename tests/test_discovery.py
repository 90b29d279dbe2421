"""A desk finds the hub without an address typed: zeroconf, kept to loopback in tests."""

from kiosk.hub.discovery import Announcement, find_hub

LOOPBACK = ["127.0.0.1"]


def test_a_desk_finds_an_announced_hub() -> None:
    announcement = Announcement("Harbour Works", 18765, interfaces=LOOPBACK)
    try:
        found = find_hub(10, interfaces=LOOPBACK)
    finally:
        announcement.close()
    assert found is not None
    assert found.name == "Harbour Works"
    assert found.url == "ws://127.0.0.1:18765"


def test_with_no_hub_the_search_ends_with_nothing() -> None:
    assert find_hub(1, interfaces=LOOPBACK) is None
