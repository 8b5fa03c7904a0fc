import pytest

from geoprover.language import parse_problem


@pytest.fixture
def parse():
    return parse_problem
