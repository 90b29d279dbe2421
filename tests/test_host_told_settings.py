"""The mail server and the chat webhooks in the settings file: documented, off by default, and a
value that can't work refused with a sentence that names the file and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.store.settings import MailServer, SettingsError, Webhooks, load_settings

SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def test_nothing_is_sent_until_a_site_says_where(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    settings = load_settings(path)
    assert settings.mail == MailServer() and settings.mail.server == ""
    assert settings.webhooks == Webhooks()
    text = path.read_text()
    assert "[email]" in text and "# The mail server that tells a host" in text
    assert "[webhooks]" in text and "Standard Webhooks" in text


def test_a_mail_server_and_webhooks_are_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    load_settings(path)
    path.write_text(
        path.read_text()
        .replace('server = ""', 'server = "smtp.example.com"')
        .replace('security = "starttls"', 'security = "ssl"')
        .replace("port = 587", "port = 465")
        .replace('user = ""', 'user = "kiosk"')
        .replace('password = ""', 'password = "s3cret"')
        .replace('from_address = ""', 'from_address = "reception@example.com"')
        .replace("urls = []", 'urls = ["https://chat.example.com/hooks/abc"]')
        .replace('secret = ""', f'secret = "{SECRET}"')
    )
    settings = load_settings(path)
    assert settings.mail == MailServer(
        "smtp.example.com", 465, "ssl", "kiosk", "s3cret", "reception@example.com"
    )
    assert settings.webhooks == Webhooks(("https://chat.example.com/hooks/abc",), SECRET)


SERVER = {'server = ""': 'server = "smtp.example.com"'}
SENDER = {'from_address = ""': 'from_address = "reception@example.com"'}
HOOK = {"urls = []": 'urls = ["https://chat.example.com/hooks"]'}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (SERVER, "from_address is needed"),
        ({**SERVER, 'from_address = ""': 'from_address = "desk"'}, "not an e-mail address"),
        ({**SENDER, 'server = ""': 'server = "smtp example"'}, "a name or address, no spaces"),
        ({**SERVER, **SENDER, 'security = "starttls"': 'security = "tls"'}, '"ssl" or "none"'),
        ({**SERVER, **SENDER, "port = 587": "port = 0"}, "between 1 and 65535"),
        ({"port = 587": 'port = "587"'}, "should be a whole number"),
        ({"urls = []": 'urls = "https://chat.example.com"'}, "should be a list in square brackets"),
        ({"urls = []": 'urls = ["ftp://chat.example.com"]'}, "start with https://"),
        ({"urls = []": "urls = [42]"}, "start with https://"),
        ({"urls = []": 'urls = ["https://chat.example.com/a b"]'}, "start with https://"),
        (HOOK, "24 to 64 random bytes"),
        ({**HOOK, 'secret = ""': 'secret = "whsec_c2hvcnQ="'}, "24 to 64 random bytes"),
    ],
)
def test_settings_that_cant_work_are_refused_in_a_sentence(
    tmp_path: Path, changes: dict[str, str], message: str
) -> None:
    path = tmp_path / "settings.toml"
    load_settings(path)
    text = path.read_text()
    for before, after in changes.items():
        assert before in text
        text = text.replace(before, after)
    path.write_text(text)
    with pytest.raises(SettingsError, match=message) as refused:
        load_settings(path)
    assert str(path) in str(refused.value)
