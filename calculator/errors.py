"""The one error the calculator raises: bad input, named by field, explained in Chinese."""


class CalculatorError(ValueError):
    """Bad input. `field` names the offending field ("fairs[1].cost_cny") or is None."""

    def __init__(self, message: str, field=None):
        super().__init__(message)
        self.message = message
        self.field = field

    def to_dict(self) -> dict:
        """The contract's error object: {"error": <中文说明>, "field": <field or null>}."""
        return {"error": self.message, "field": self.field}
