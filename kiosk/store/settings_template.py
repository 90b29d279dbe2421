"""The settings file a new kiosk, hub or desk starts with: every setting, what it does, and
its default."""

DEFAULT_FILE = """\
# Front Desk Kiosk settings. Edit, then restart the kiosk.

[site]
# Shown on the kiosk's welcome screen.
name = "Front Desk"
# A picture of the site's logo (PNG, JPEG or SVG) for printed invitations, above the site's
# name: a full path, or a file name in this folder. "" prints the name alone.
logo = ""

[targets]
# Seconds within which a visitor should be acknowledged ("On my way") and welcomed in person.
acknowledge_seconds = 60
welcome_seconds = 180
# While a visitor stays unhandled past a target, the desks are alerted again this often.
escalation_repeat_seconds = 60

[kiosk]
# Seconds without a touch before the kiosk clears everything and returns to Welcome.
idle_timeout_seconds = 45
# Seconds the "Welcome, Maria!" screen stays up.
done_timeout_seconds = 10
# What the "Welcome" screen says when no desk is listening (nobody at a desk, no sound, or no
# answer from it for 20 seconds): the kiosk never promises that reception knows. "" says
# "Please take a seat. If nobody comes to greet you in a few minutes, please ask at the front
# desk." in the visitor's language.
no_desk_message = ""
# Speak the greeting aloud.
speech = true
# Language of the welcome screen: "en" or "es".
language = "en"
# Show matching staff names while the visitor types; false asks for the full name instead.
show_host_list = true

[badges]
# A visitor's badge printed at check-in: their name, whom they visit, the day, and a code that
# checks the visit out at any kiosk. The name of the label printer as this computer knows it
# (`lpstat -p` lists them); "" prints no badges.
printer = ""
# "62mm": a 62 mm Brother QL label, cut 100 mm long; "cr80": a credit-card sized card.
label = "62mm"

[day]
# Visitors still on site at this local time are checked out automatically; "" turns it off.
closing_time = "20:00"

[privacy]
# Days after a visitor's last visit before their name, contact and pronunciation are erased.
# Anonymous wait figures are kept.
retention_days = 90
# The line under "What is your name?" that tells visitors who sees it and for how long. ""
# says "Only reception sees your name. It is erased after 90 days." (with retention_days) in
# the visitor's language.
notice = ""

[hub]
# TCP port the hub listens on for desks and kiosks on the LAN.
port = 8765
# Address the hub listens on: "0.0.0.0" for the whole LAN, "127.0.0.1" for this computer only.
listen = "0.0.0.0"

[connection]
# For a desk console or a kiosk whose hub runs on another computer. Leave hub_url empty to find
# the hub on the LAN by itself. Pairing writes the token and the hub certificate's fingerprint
# here: a hub showing another certificate is refused. Keep this file private.
hub_url = ""
token = ""
fingerprint = ""

[dashboard]
# For a manager's dashboard (`kiosk dashboard`) on another computer than the hub's: pairing
# writes the hub's address, the token and the certificate's fingerprint here, apart from a
# desk's [connection], so one computer can be both. Keep this file private.
hub_url = ""
token = ""
fingerprint = ""

[desk]
# For a receptionist's desk console (`kiosk desk`).
# Volume of the arrival chime and of the louder alarm when a visitor waits past a target (0-100).
chime_volume_percent = 70
alarm_volume_percent = 100
# Seconds between repeats of the chime, and of the alarm, until someone answers.
chime_repeat_seconds = 20
alarm_repeat_seconds = 6
# Desktop notifications on arrival.
notifications = true
# Who sits at this desk (a staff number); the console asks and remembers. 0: not chosen yet.
receptionist_id = 0

[admin]
# Salted hash of the admin PIN; set it with `kiosk pin`, never by hand.
pin_hash = ""

[email]
# The mail server that tells a host, at their address on the staff list, that their visitor has
# checked in, and again if nobody has welcomed the visitor by the welcome target. Empty: no
# e-mail is sent, and none is kept to send later.
server = ""
# 587 with "starttls", 465 with "ssl". "none" sends the messages and the password in clear:
# only for a mail server on this computer.
port = 587
security = "starttls"
# The account to log in with, if the server asks for one. Keep this file private.
user = ""
password = ""
# The sender hosts see, with the site's name: "reception@example.com", say.
from_address = ""

[webhooks]
# Chat tools hear the same news: each address gets a JSON POST signed as Standard Webhooks
# says (webhook-id, webhook-timestamp, webhook-signature), retried for a day until it answers
# 2xx. For example urls = ["https://chat.example.com/hooks/front-desk"]. Keep this file private:
# such addresses often hold a secret.
urls = []
# The signing secret the receiver checks: "whsec_" followed by 24 to 64 random bytes in base64
# (`openssl rand -base64 32` makes them).
secret = ""
"""
