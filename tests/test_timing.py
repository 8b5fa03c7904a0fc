"""The shared deadline: budgets, sub-budgets that never pass it, and the exception."""

from __future__ import annotations

import pytest

from geoprover.timing import Deadline, OutOfTime


def test_a_sub_budget_never_passes_the_deadline():
    d = Deadline.after(10.0)
    assert d.within(3.0).at <= d.at and d.within(100.0).at == d.at
    assert 9.0 < d.left() <= 10.0 and d.limit == pytest.approx(10.0)


def test_an_expired_deadline_raises():
    d = Deadline.after(0.0)
    assert d.expired()
    with pytest.raises(OutOfTime):
        d.check()
    assert not Deadline.never().expired(ahead=1e9)
