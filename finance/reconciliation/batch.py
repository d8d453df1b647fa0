"""Batch runs over whole files make hundreds of thousands of small objects (rows, payments,
decisions) that live to the end of the run, in no reference cycles. Python's cyclic collector would
walk them again and again while they are made (about 40% of `kavi reconcile`'s time on 100,000
payments), and again in every full collection after."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic collector off for the block (reference counting still frees what is dropped). After
    it, what the block made and kept is frozen (never walked again; still freed when dropped), and
    the collector is back on unless it was off."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_on:
            gc.enable()
