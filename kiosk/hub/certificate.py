"""The hub's TLS identity: its own EC P-256 key and self-signed certificate, in the data folder.

Devices do not trust it through any authority: each pins its fingerprint (SHA-256 of the
certificate) at pairing, so the certificate lives as long as the site does, and a new one
(`kiosk certificate --renew`) means every device pairs again.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass
from pathlib import Path

KEY_FILE = "hub-key.pem"
CERTIFICATE_FILE = "hub-certificate.pem"
VALID_DAYS = 20 * 366


class CertificateError(RuntimeError):
    """The hub's key or certificate can't be read or written; the message says what to do."""


@dataclass(frozen=True)
class HubIdentity:
    key_pem: bytes
    certificate_pem: bytes
    fingerprint: str  # SHA-256 of the certificate (DER), lower-case hex


def fingerprint_of(certificate_der: bytes) -> str:
    import hashlib  # here: the kiosk screen loads this module before its first frame

    return hashlib.sha256(certificate_der).hexdigest()


def shown_fingerprint(fingerprint: str) -> str:
    """The fingerprint as a person compares it: pairs of hex digits, upper case."""
    return ":".join(fingerprint[i : i + 2] for i in range(0, len(fingerprint), 2)).upper()


def load_identity(folder: Path) -> HubIdentity:
    """The hub's key and certificate, made the first time they are needed."""
    key_path, certificate_path = folder / KEY_FILE, folder / CERTIFICATE_FILE
    if not key_path.exists() and not certificate_path.exists():
        return renew_identity(folder)
    try:
        key_pem, certificate_pem = key_path.read_bytes(), certificate_path.read_bytes()
    except OSError as error:
        raise CertificateError(
            f"The hub can't read its key and certificate in {folder} ({error.strerror}). "
            "Restore both files from the backup, or make new ones with "
            "`kiosk certificate --renew` (every device then pairs again)."
        ) from error
    return HubIdentity(key_pem, certificate_pem, _fingerprint_of_pem(certificate_pem, folder))


def renew_identity(folder: Path) -> HubIdentity:
    """Make and keep a new key and certificate, readable by their owner only."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Front Desk Kiosk hub")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=VALID_DAYS))
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    certificate_pem = certificate.public_bytes(serialization.Encoding.PEM)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _write_private(folder / KEY_FILE, key_pem)
        _write_private(folder / CERTIFICATE_FILE, certificate_pem)
    except OSError as error:
        raise CertificateError(
            f"The hub can't keep its key and certificate in {folder} ({error.strerror}). "
            "Make that folder writable for this user."
        ) from error
    der = certificate.public_bytes(serialization.Encoding.DER)
    return HubIdentity(key_pem, certificate_pem, fingerprint_of(der))


def _fingerprint_of_pem(certificate_pem: bytes, folder: Path) -> str:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    try:
        certificate = x509.load_pem_x509_certificate(certificate_pem)
    except ValueError as error:
        raise CertificateError(
            f"The hub's certificate in {folder} is damaged. Restore it from the backup, or make "
            "a new one with `kiosk certificate --renew` (every device then pairs again)."
        ) from error
    return fingerprint_of(certificate.public_bytes(serialization.Encoding.DER))


def _write_private(path: Path, data: bytes) -> None:
    """Write `path` whole or not at all, never readable by anyone but its owner."""
    temporary = path.with_name(path.name + ".new")
    temporary.unlink(missing_ok=True)
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
