"""Company identifiers of the Gulf states that python-stdnum does not cover.

Each number has the functions of a python-stdnum module: ``compact()`` gives
the minimal form, ``validate()`` returns the compact number or raises a
:class:`stdnum.exceptions.ValidationError` subclass, and ``is_valid()``
returns a boolean. Arabic-Indic digits (as typed on an Arabic keyboard) are
read as their ASCII equivalents.

This module is plain Python: it imports nothing from Odoo.
"""

import re

from stdnum.exceptions import InvalidFormat, InvalidLength, ValidationError
from stdnum.util import clean, isdigits

# U+0660..U+0669 (Arabic-Indic) and U+06F0..U+06F9 (Extended Arabic-Indic,
# used in Persian and Urdu) to 0..9.
_ARABIC_DIGITS = str.maketrans(
    "\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669"
    "\u06f0\u06f1\u06f2\u06f3\u06f4\u06f5\u06f6\u06f7\u06f8\u06f9",
    "01234567890123456789",
)

_AE_TRADE_LICENSE_RE = re.compile(r"^[A-Z0-9]+$")
AE_TRADE_LICENSE_MIN_LENGTH = 4
AE_TRADE_LICENSE_MAX_LENGTH = 20


def to_ascii_digits(number):
    """Return ``number`` with its Arabic-Indic digits replaced by ASCII digits."""
    return number.translate(_ARABIC_DIGITS)


def sa_cr_compact(number):
    """Convert a Saudi commercial registration number to its minimal form.

    Spaces and hyphens are removed and Arabic-Indic digits become ASCII.
    """
    return clean(to_ascii_digits(number), " -").strip()


def sa_cr_validate(number):
    """Check a Saudi commercial registration (CR) number and return it compact.

    A CR number has exactly 10 digits.

    :raises InvalidFormat: the number contains something other than digits
    :raises InvalidLength: the number does not have 10 digits
    """
    # NOTE: the leading digits, which identify the issuing office, are not
    # checked because this module has no authoritative list of the codes.
    number = sa_cr_compact(number)
    if not isdigits(number):
        raise InvalidFormat()
    if len(number) != 10:
        raise InvalidLength()
    return number


def sa_cr_is_valid(number):
    """Return whether the number is a valid Saudi commercial registration."""
    try:
        return bool(sa_cr_validate(number))
    except ValidationError:
        return False


def ae_trade_license_compact(number):
    """Convert a UAE trade licence number to its minimal form.

    Spaces, hyphens, slashes and dots are removed, letters are upper-cased and
    Arabic-Indic digits become ASCII, so "cn-1234567" becomes "CN1234567".
    """
    return clean(to_ascii_digits(number), " -/.").strip().upper()


def ae_trade_license_validate(number):
    """Check a UAE trade licence number and return it compact.

    Each emirate and free zone numbers its licences its own way, some with
    digits only and some with a prefix such as "CN-". No check-digit rule is
    implemented for any of them, so only the shape is checked: 4 to 20
    Latin letters and digits, with at least one digit.

    :raises InvalidFormat: the number contains other characters or no digit
    :raises InvalidLength: the number is shorter than 4 or longer than 20
    """
    number = ae_trade_license_compact(number)
    if not _AE_TRADE_LICENSE_RE.match(number):
        raise InvalidFormat()
    if not any(char.isdigit() for char in number):
        raise InvalidFormat()
    if not AE_TRADE_LICENSE_MIN_LENGTH <= len(number) <= AE_TRADE_LICENSE_MAX_LENGTH:
        raise InvalidLength()
    return number


def ae_trade_license_is_valid(number):
    """Return whether the number has the shape of a UAE trade licence number."""
    try:
        return bool(ae_trade_license_validate(number))
    except ValidationError:
        return False


def ae_trn_compact(number):
    """Convert a UAE tax registration number (TRN) to its minimal form.

    Spaces and hyphens and a leading "AE" are removed, and Arabic-Indic
    digits become ASCII.
    """
    number = clean(to_ascii_digits(number), " -").strip().upper()
    if number.startswith("AE"):
        number = number[2:]
    return number


def ae_trn_validate(number):
    """Check a UAE tax registration number (TRN) and return it compact.

    A TRN issued by the UAE Federal Tax Authority has 15 digits and starts
    with 100.

    :raises InvalidFormat: the number has other characters or another prefix
    :raises InvalidLength: the number does not have 15 digits
    """
    # NOTE: only the length and the 100 prefix are checked; no check-digit
    # rule for TRNs is implemented.
    number = ae_trn_compact(number)
    if not isdigits(number):
        raise InvalidFormat()
    if len(number) != 15:
        raise InvalidLength()
    if not number.startswith("100"):
        raise InvalidFormat()
    return number


def ae_trn_is_valid(number):
    """Return whether the number is a valid UAE tax registration number."""
    try:
        return bool(ae_trn_validate(number))
    except ValidationError:
        return False


COMPANY_REGISTRY_VALIDATORS = {
    "SA": sa_cr_validate,
    "AE": ae_trade_license_validate,
}
"""Validator of the ``company_registry`` number, by ISO country code."""
