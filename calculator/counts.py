"""What is left of a clause's count limit (每年最多3个、最多20人、最多3年) once some of it is used."""

from decimal import Decimal


def remaining(limit: Decimal, used: Decimal) -> Decimal:
    """limit − used, never below 0: 3 − 2 = 1; 3 − 4 = 0."""
    return max(Decimal(0), Decimal(limit) - Decimal(used))
