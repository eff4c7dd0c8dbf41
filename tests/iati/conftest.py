import pytest

pytest.importorskip("lxml", reason="the iati extra (lxml) is not installed")
