"""ISO 4217 minor-unit exponents, for balances that arrive only as integer minor units.

Only the currencies whose exponent is not 2 are listed; everything else has cents.
Source: the ISO 4217 list of currency codes (minor unit column). Only the exponent lives
here: this module must not format, round or convert amounts (that is the models' and the
window's business).
"""

from __future__ import annotations

_NO_DECIMALS = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF"
_THREE_DECIMALS = "BHD IQD JOD KWD LYD OMR TND"
_FOUR_DECIMALS = "CLF UYW"  # units of account

_EXPONENTS = {
    **dict.fromkeys(_NO_DECIMALS.split(), 0),
    **dict.fromkeys(_THREE_DECIMALS.split(), 3),
    **dict.fromkeys(_FOUR_DECIMALS.split(), 4),
}


def minor_unit_exponent(currency: str) -> int:
    """How many decimals a currency's minor unit has (2 unless ISO 4217 says otherwise)."""
    return _EXPONENTS.get(currency.upper(), 2)
