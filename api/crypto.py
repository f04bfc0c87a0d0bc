"""Encryption of personal fields at rest, and the masked forms that may appear in logs.

One secret from settings (``CALLNOTES_SECURITY__ENCRYPTION_KEY``) is stretched with HKDF into
two keys: a Fernet key (AES-128-CBC + HMAC-SHA256, authenticated) for values, and an HMAC key
for blind indexes (a customer is found by phone number without decrypting every row).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from callnotes.config import SecuritySettings
from callnotes.errors import ConfigurationError

DEFAULT_KEY = SecuritySettings.model_fields["encryption_key"].default.get_secret_value()
_MIN_KEY_CHARS = 16


def check_security(settings: SecuritySettings) -> None:
    """Refuse to run in production mode with the published default key (or a short one)."""
    key = settings.encryption_key.get_secret_value()
    if settings.mode == "production" and key == DEFAULT_KEY:
        raise ConfigurationError(
            "refusing to start in production mode with the default encryption key: set "
            "CALLNOTES_SECURITY__ENCRYPTION_KEY (e.g. to the output of `openssl rand -base64 32`)"
        )
    if len(key) < _MIN_KEY_CHARS:
        raise ConfigurationError(
            f"CALLNOTES_SECURITY__ENCRYPTION_KEY must be at least {_MIN_KEY_CHARS} characters"
        )


def _derive(secret: str, purpose: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"callnotes", info=purpose).derive(
        secret.encode("utf-8")
    )


class Vault:
    def __init__(self, secret: str) -> None:
        self._fernet = Fernet(base64.urlsafe_b64encode(_derive(secret, b"fields")))
        self._index_key = _derive(secret, b"blind-index")

    def encrypt(self, value: str | None) -> str | None:
        if value is None:
            return None
        return self._fernet.encrypt(value.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str | None) -> str | None:
        if token is None:
            return None
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise ConfigurationError(
                "stored data cannot be decrypted: CALLNOTES_SECURITY__ENCRYPTION_KEY is not the "
                "key this database was written with"
            ) from None

    def encrypt_json(self, value: object) -> str:
        return self.encrypt(json.dumps(value, ensure_ascii=False, default=str))  # type: ignore[return-value]

    def decrypt_json(self, token: str | None) -> object:
        text = self.decrypt(token)
        return None if text is None else json.loads(text)

    def blind_index(self, value: str) -> str:
        return hmac.new(self._index_key, value.encode("utf-8"), hashlib.sha256).hexdigest()


@lru_cache(maxsize=4)
def vault_for(secret: str) -> Vault:
    return Vault(secret)


def get_vault(settings: SecuritySettings) -> Vault:
    return vault_for(settings.encryption_key.get_secret_value())


# --- masked forms -----------------------------------------------------------------------------

_DIGITS = re.compile(r"\D")
_PHONE_IN_TEXT = re.compile(r"(?<!\d)(01[016789]|0\d{1,2})[-. ]?(\d{3,4})[-. ]?(\d{4})(?!\d)")
_EMAIL_IN_TEXT = re.compile(r"([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*(@[A-Za-z0-9.-]+)")


def normalize_phone(phone: str | None) -> str | None:
    if phone is None:
        return None
    digits = _DIGITS.sub("", phone)
    return digits or None


def mask_phone(phone: str | None) -> str | None:
    digits = normalize_phone(phone)
    if digits is None:
        return None
    return "*" * max(len(digits) - 4, 0) + digits[-4:]


def mask_name(name: str | None) -> str | None:
    if not name:
        return name
    return name[0] + "*" * (len(name) - 1)


def mask_email(email: str | None) -> str | None:
    if not email or "@" not in email:
        return email and "***"
    local, domain = email.split("@", 1)
    return f"{local[:1]}***@{domain}"


def mask_address(address: str | None) -> str | None:
    if not address:
        return address
    # The first two words (시/도, 구) locate a customer without identifying them.
    words = address.split()
    return " ".join(words[:2] + ["***"]) if len(words) > 2 else "***"


def mask_contact_text(text: str) -> str:
    """Phone numbers and e-mail addresses in free text, masked (on top of the pipeline's PIPA
    masking, which keeps phone numbers because an agent needs them)."""
    text = _PHONE_IN_TEXT.sub(lambda m: f"{m.group(1)}-****-{m.group(3)}", text)
    return _EMAIL_IN_TEXT.sub(lambda m: f"{m.group(1)}***{m.group(2)}", text)


def for_log(text: str | None) -> str:
    """The only form in which user-supplied text may reach a log line."""
    if not text:
        return ""
    from pipeline.pii import mask_text

    return mask_contact_text(mask_text(text).text)
