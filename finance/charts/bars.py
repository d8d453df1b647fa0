"""Bars as one polygon collection per colour. `Axes.bar` makes a Rectangle artist per bar, which
costs about half a millisecond each; a 90-day chart would spend most of its time budget there."""

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection


def _add(ax: Axes, verts: np.ndarray, colours: str | Sequence[str], zorder: float) -> PolyCollection:
    collection = PolyCollection(
        list(verts),
        facecolors=colours,
        edgecolors="none",
        linewidths=0,
        antialiaseds=False,  # axis-aligned boxes: smooth edges only add colours to the PNG
        zorder=zorder,
    )
    ax.add_collection(collection, autolim=False)  # the charts set their limits themselves
    return collection


def vertical_bars(
    ax: Axes,
    x: Sequence[float],
    bottom: Sequence[float],
    top: Sequence[float],
    width: float,
    colours: str | Sequence[str],
    zorder: float = 2,
) -> PolyCollection:
    """Bars centred on `x`, from `bottom` to `top` (either may be the larger)."""
    xs = np.asarray(x, dtype=float)
    b = np.asarray(bottom, dtype=float)
    t = np.asarray(top, dtype=float)
    left, right = xs - width / 2, xs + width / 2
    verts = np.stack(
        [np.stack([left, b], 1), np.stack([left, t], 1), np.stack([right, t], 1), np.stack([right, b], 1)], 1
    )
    return _add(ax, verts, colours, zorder)


def horizontal_bars(
    ax: Axes,
    y: Sequence[float],
    left: Sequence[float],
    right: Sequence[float],
    height: float,
    colours: str | Sequence[str],
    zorder: float = 2,
) -> PolyCollection:
    """Bars centred on `y`, from `left` to `right`."""
    ys = np.asarray(y, dtype=float)
    lo = np.asarray(left, dtype=float)
    hi = np.asarray(right, dtype=float)
    below, above = ys - height / 2, ys + height / 2
    verts = np.stack(
        [np.stack([lo, below], 1), np.stack([lo, above], 1), np.stack([hi, above], 1), np.stack([hi, below], 1)], 1
    )
    return _add(ax, verts, colours, zorder)
