"""The kiosk's screens, in the order a visitor meets them; QML shows the one named by `screen`."""

from __future__ import annotations

WELCOME = "welcome"
NAME = "name"
CONTACT = "contact"
ALREADY = "already"
RETURNING = "returning"
HOST = "host"
PRONUNCIATION = "pronunciation"
DONE = "done"
CHECKOUT_NAME = "checkout_name"
CHECKOUT_CONTACT = "checkout_contact"
FEEDBACK = "feedback"
THANKS = "thanks"
CAMERA = "camera"
SCAN_REFUSED = "scan_refused"
ADMIN_PIN = "admin_pin"
ADMIN = "admin"

# These go back to Welcome after done_timeout_s, the rest after idle_timeout_s untouched.
BRIEF_SCREENS = frozenset({DONE, THANKS, ALREADY})

# Where "Back" goes from each screen that has it.
BACK = {
    NAME: WELCOME,
    CHECKOUT_NAME: WELCOME,
    CONTACT: NAME,
    RETURNING: CONTACT,
    HOST: CONTACT,
    PRONUNCIATION: HOST,
    CHECKOUT_CONTACT: CHECKOUT_NAME,
    CAMERA: WELCOME,
    SCAN_REFUSED: WELCOME,
}
