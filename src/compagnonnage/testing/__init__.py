"""The testing kit: what a downstream test suite needs to test itself against compagnonnage.

* :mod:`compagnonnage.testing.strategies`: hypothesis strategies (needs the
  ``testing`` extra);
* :mod:`compagnonnage.testing.samples`: seeded sample programmes, without
  hypothesis, for fixtures and benchmarks.

This package imports nothing heavy itself: import the submodule you need.
"""
