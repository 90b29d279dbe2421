"""The rule behind "Reception knows you're here": a desk with someone at it, a sound, and an
answer within twenty seconds."""

import pytest

from kiosk.core.presence import ANSWERED_WITHIN_S, desk_is_listening


@pytest.mark.parametrize(
    ("status", "answered_ago_s", "listening"),
    [
        ({"sound": True, "receptionist_id": 3}, 1, True),
        ({"sound": True, "receptionist_id": 0}, 1, True),  # someone at this desk
        ({"sound": True, "receptionist_id": None}, 1, False),  # nobody chosen
        ({"sound": False, "receptionist_id": 3}, 1, False),  # no sound output
        ({}, 1, False),  # never said
        ({"sound": True, "receptionist_id": 3}, ANSWERED_WITHIN_S, True),
        ({"sound": True, "receptionist_id": 3}, ANSWERED_WITHIN_S + 0.1, False),  # gone quiet
    ],
)
def test_a_desk_is_listening_only_when_someone_can_hear(status, answered_ago_s, listening):
    assert desk_is_listening(status, answered_ago_s) is listening
