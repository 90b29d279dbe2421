"""The hub's side of TLS, from its own key and certificate (kiosk.hub.certificate); the hub's
server (kiosk.hub.server) offers it on every connection."""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtNetwork import QSsl, QSslCertificate, QSslConfiguration, QSslKey, QSslSocket

from kiosk.hub.certificate import HubIdentity


def tls_configuration(identity: HubIdentity) -> QSslConfiguration:
    """The hub's side of TLS: its own key and certificate, TLS 1.2 at least."""
    configuration = QSslConfiguration.defaultConfiguration()
    configuration.setLocalCertificate(
        QSslCertificate(QByteArray(identity.certificate_pem), QSsl.EncodingFormat.Pem)
    )
    configuration.setPrivateKey(
        QSslKey(QByteArray(identity.key_pem), QSsl.KeyAlgorithm.Ec, QSsl.EncodingFormat.Pem)
    )
    configuration.setPeerVerifyMode(QSslSocket.PeerVerifyMode.VerifyNone)
    # The hub checks no client certificate: without the system's authorities loaded, each
    # handshake costs about half as much.
    configuration.setCaCertificates([])
    configuration.setProtocol(QSsl.SslProtocol.TlsV1_2OrLater)
    return configuration
