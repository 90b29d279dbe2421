"""A desk finds the hub without an address typed: zeroconf, kept to loopback in tests."""

from kiosk.hub.discovery import Announcement, find_hub

LOOPBACK = ["127.0.0.1"]


OURS, THEIRS = "ab" * 32, "cd" * 32


def test_a_desk_finds_an_announced_hub() -> None:
    announcement = Announcement("Harbour Works", 18765, OURS, interfaces=LOOPBACK)
    try:
        found = find_hub(10, OURS, interfaces=LOOPBACK)
    finally:
        announcement.close()
    assert found is not None
    assert found.name == "Harbour Works"
    assert found.url == "wss://127.0.0.1:18765"
    assert found.fingerprint == OURS


def test_a_paired_desk_follows_only_its_own_hub() -> None:
    other = Announcement("Next door", 18766, THEIRS, interfaces=LOOPBACK)
    try:
        assert find_hub(3, OURS, interfaces=LOOPBACK) is None  # another hub is not ours
        ours = Announcement("Harbour Works", 18767, OURS, interfaces=LOOPBACK)
        try:
            found = find_hub(10, OURS, interfaces=LOOPBACK)
        finally:
            ours.close()
    finally:
        other.close()
    assert found is not None and found.url == "wss://127.0.0.1:18767"


def test_with_no_hub_the_search_ends_with_nothing() -> None:
    # (Looking for a hub of our own: other hubs on this machine's loopback must not count.)
    assert find_hub(1, "ef" * 32, interfaces=LOOPBACK) is None
