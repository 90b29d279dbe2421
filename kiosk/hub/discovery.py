"""Finding the hub on the LAN with zeroconf (mDNS), so a desk needs no typed address."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass

import ifaddr
from zeroconf import IPVersion, ServiceBrowser, ServiceInfo, ServiceListener, Zeroconf

SERVICE_TYPE = "_frontdesk-kiosk._tcp.local."


@dataclass(frozen=True)
class FoundHub:
    name: str
    url: str
    fingerprint: str  # as announced; a paired device still checks the certificate itself


class Announcement:
    """Announces a hub listening on `port` for as long as it is open, with the fingerprint of
    its certificate, so a paired device follows its own hub to a new address and ignores others.

    Registering probes the LAN for a second or two, so it happens in a background thread: the
    kiosk's screen must not freeze while it does.
    """

    def __init__(
        self,
        site_name: str,
        port: int,
        fingerprint: str,
        *,
        interfaces: list[str] | None = None,
    ) -> None:
        self._zeroconf = Zeroconf(interfaces=interfaces or ["0.0.0.0"], ip_version=IPVersion.V4Only)
        addresses = [socket.inet_aton(a) for a in (interfaces or _own_addresses())]
        label = f"{site_name} hub on {socket.gethostname()}"[:60]
        self._info = ServiceInfo(
            SERVICE_TYPE,
            f"{label}.{SERVICE_TYPE}",
            port=port,
            addresses=addresses,
            properties={"protocol": "2", "site": site_name, "fingerprint": fingerprint},
        )
        self._registering = threading.Thread(
            target=self._zeroconf.register_service,
            args=(self._info,),
            kwargs={"allow_name_change": True},
            name="zeroconf announcement",
            daemon=True,
        )
        self._registering.start()

    def close(self) -> None:
        self._registering.join()
        self._zeroconf.unregister_service(self._info)
        self._zeroconf.close()


def find_hub(
    timeout_s: float = 5.0, fingerprint: str = "", *, interfaces: list[str] | None = None
) -> FoundHub | None:
    """Wait up to `timeout_s` for a hub to answer on the LAN (the one whose certificate has this
    `fingerprint`, if one is given); None if none did."""
    found: list[FoundHub] = []
    done = threading.Event()
    zc = Zeroconf(interfaces=interfaces or ["0.0.0.0"], ip_version=IPVersion.V4Only)

    class Listener(ServiceListener):
        def add_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            info = zc.get_service_info(type_, name, timeout=2000)
            if not (info and info.parsed_addresses() and info.port):
                return
            properties = info.properties or {}
            site = (properties.get(b"site") or b"").decode(errors="replace")
            announced = (properties.get(b"fingerprint") or b"").decode(errors="replace")
            if fingerprint and announced != fingerprint:
                return  # another site's hub, or one this device is not paired with
            url = f"wss://{info.parsed_addresses()[0]}:{info.port}"
            found.append(FoundHub(site or name, url, announced))
            done.set()

        def update_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            pass

        def remove_service(self, zc: Zeroconf, type_: str, name: str) -> None:
            pass

    browser = ServiceBrowser(zc, SERVICE_TYPE, Listener())
    try:
        done.wait(timeout_s)
    finally:
        browser.cancel()
        zc.close()
    return found[0] if found else None


def _own_addresses() -> list[str]:
    """This computer's IPv4 addresses on the LAN (loopback only if there is no other)."""
    found = [
        ip.ip
        for adapter in ifaddr.get_adapters()
        for ip in adapter.ips
        if isinstance(ip.ip, str) and not ip.ip.startswith("127.")
    ]
    return found or ["127.0.0.1"]
