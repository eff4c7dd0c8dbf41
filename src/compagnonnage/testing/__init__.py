"""The testing kit: what a downstream test suite needs to test itself against compagnonnage.

* :mod:`compagnonnage.testing.strategies`: hypothesis strategies in hypothesis'
  own style (``programmes()``, ``defective_programmes(code)``, …); our types are
  also registered with ``st.from_type`` through the ``hypothesis`` entry point;
* :mod:`compagnonnage.testing.machine`: :class:`ProgrammeMachine`, a state
  machine of the lifecycle to subclass with your own rules and invariants;
* :mod:`compagnonnage.testing.conformance`: ``check_plugin(plugin)``, the
  conformance check for plugin authors, usable from any test runner;
* :mod:`compagnonnage.testing.pytest_plugin`: pytest fixtures prefixed
  ``compagnonnage_`` (off with ``-p no:compagnonnage``);
* :mod:`compagnonnage.testing.samples`: seeded sample programmes, without
  hypothesis, for fixtures and benchmarks.

The strategies, the machine and the conformance check need the ``testing``
extra (hypothesis). This package imports nothing itself: import the submodule
you need. See ``docs/testing.md``.
"""
