import pytest

from lagebild.datapaths import shared_data, shared_dir


def need_shared(*parts: str):
    """Skip the test when ../shared (or the given part of shared/data) is absent."""
    path = shared_data(*parts) if parts else shared_dir()
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.fixture
def seeds_dir():
    path = shared_dir() / "seeds"
    if not path.exists():
        pytest.skip("shared seeds not available")
    return path
