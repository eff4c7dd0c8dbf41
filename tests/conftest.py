"""Settings shared by the whole suite."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("ci", parent=settings.get_profile("default"), print_blob=True)
settings.load_profile("default")
# tools/mutation.sh: fewer examples, the same ones every run, so that a mutant's verdict repeats
settings.register_profile(
    "mutation",
    parent=settings.get_profile("default"),
    max_examples=20,
    derandomize=True,
    database=None,
)
