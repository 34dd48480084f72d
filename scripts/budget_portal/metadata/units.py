"""Money units as printed, and the exact conversion to 万元 that makes documents comparable."""

from __future__ import annotations

from decimal import Decimal

WAN_YUAN = "万元"
# How many 万元 one printed unit is: exact powers of ten, so a conversion never rounds.
IN_WAN_YUAN = {"元": -4, "千元": -1, "万元": 0, "亿元": 4}


def to_wan_yuan(amount: Decimal | None, unit: str) -> Decimal | None:
    """An amount in 万元, exactly: 21601733.00 元 → 2160.1733, 135200 元 → 13.52; an amount
    printed in 万元 stays as printed (6228.00)."""
    if amount is None or IN_WAN_YUAN[unit] == 0:
        return amount
    return _plain(amount.scaleb(IN_WAN_YUAN[unit]))


def _plain(value: Decimal) -> Decimal:
    """Trailing zeros of the fraction dropped, never in exponent notation: 2160.173300 →
    2160.1733, 0E-6 → 0, 13.5200 → 13.52."""
    if value == 0:
        return Decimal(0)
    normal = value.normalize()
    return normal.quantize(Decimal(1)) if normal.as_tuple().exponent > 0 else normal
