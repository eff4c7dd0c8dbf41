"""Writing a decimal: the shortcut for short plain decimals agrees with the pattern reading uses."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from compagnonnage.documents._leaves import _Bad, _unstructure_decimal
from compagnonnage.documents._types import _DECIMAL

_DIGITS = st.one_of(
    st.text("0123456789", min_size=1, max_size=8),
    st.integers(36, 44).flatmap(lambda n: st.text("0123456789", min_size=n, max_size=n)),
)
_DECIMALS = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    # Around the pattern's limits: 40 digits before and after the point, 3 in the exponent.
    st.builds(lambda i: Decimal(i), _DIGITS),
    st.builds(lambda i, f: Decimal(f"-{i}.{f}"), _DIGITS, _DIGITS),
    st.builds(
        lambda digits, exponent, sign: Decimal((sign, digits, exponent)),
        st.lists(st.integers(0, 9), min_size=1, max_size=48).map(tuple),
        st.integers(-1200, 1200),
        st.integers(0, 1),
    ),
)


@given(_DECIMALS)
def test_a_decimal_is_written_exactly_when_reading_accepts_it(value: Decimal) -> None:
    text = str(value)
    accepted = value.is_finite() and _DECIMAL.fullmatch(text) is not None
    try:
        written = _unstructure_decimal(value)
    except _Bad:
        assert not accepted
    else:
        assert accepted
        assert written == text


def test_forty_digits_are_written() -> None:
    assert _unstructure_decimal(Decimal("9" * 40)) == "9" * 40
    assert _unstructure_decimal(Decimal("-0." + "1" * 40)) == "-0." + "1" * 40


@pytest.mark.parametrize("text", ["9" * 41, "0." + "1" * 41, "1E+1000", "NaN", "-Infinity"])
def test_what_reading_refuses_is_not_written(text: str) -> None:
    with pytest.raises(_Bad):
        _unstructure_decimal(Decimal(text))
