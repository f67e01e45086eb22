"""A fair's 70% above its per-event cap is not written as a figure (readers take it for the award): the line says the
cost, the rate and the cap that applies; a product under the cap is still shown (calculator/items/market_fairs.py)."""

from tests.test_calculator_items import fairs, run


def explanation(*entries):
    return run("3.5", fairs=fairs(*entries))["explanation"]


class TestCappedProductHidden:
    def test_domestic_product_above_cap_not_shown(self):
        """4万 × 70% = 2.8万 is above 2万: no 28,000 in the text, the cap is."""
        text = explanation(("domestic", 40000))
        assert "28,000" not in text and "超过每场上限2万元，按2万元计" in text

    def test_overseas_product_above_cap_not_shown(self):
        """9万 × 70% = 6.3万 is above 5万: no 63,000."""
        text = explanation(("overseas", 90000))
        assert "63,000" not in text and "按5万元计" in text

    def test_product_under_cap_is_shown(self):
        """6万 abroad × 70% = 42,000, under 5万: shown as computed."""
        assert "42,000.00元" in explanation(("overseas", 60000))
