"""Exact feasible-region maths for bounding offset and rate together.

Model: the server clock, measured against the local monotonic clock, is
``φ(t) = y + ρ·(t − t_ref)`` for unknown ``y`` (the offset at a reference time) and
``ρ`` (the rate, in seconds per second). A probe sent at ``a`` and answered at ``b``
with the floored reading ``N`` says the server read its clock at some ``τ ∈ [a, b]``
with ``N ≤ τ + φ(τ) < N + 1``. Because ``τ + φ(τ)`` increases with ``τ`` for any
plausible rate, that is *exactly* equivalent to two half-planes in ``(y, ρ)``::

    y + ρ·(b − t_ref) ≥ N − b          (a "lower" constraint, slope c = b − t_ref)
    y + ρ·(a − t_ref) ≤ N + 1 − a      (an "upper" constraint, slope c = a − t_ref)

Evaluating the lower bound at ``b`` and the upper one at ``a`` is what accounts for not
knowing ``τ``; no extra widening by ``rate · rtt`` is needed. Together with the box
``|ρ| ≤ ρ_max`` the constraints cut out a convex polygon, and the extremes of any linear
function over it (``φ`` at some time, or ``ρ``) are attained at its vertices. This
module computes that polygon with the standard library only.

Why hulls first: with hundreds of probes almost all constraints are redundant. For a
fixed ``ρ`` the binding lower constraint maximises ``lo − ρ·c``; over points ``(c, lo)``
that maximum always sits on their upper convex hull, and only hull vertices whose
"optimal ρ" range meets the box can ever bind. The same holds for upper constraints with
the lower hull. Reducing to those few lines before clipping keeps a full recomputation
linear in the number of probes instead of probes × polygon size.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

__all__ = [
    "Line",
    "Vertex",
    "box",
    "clip",
    "extent",
    "feasible_region",
    "relevant_lower",
    "relevant_upper",
    "shift_reference",
    "slack",
]

Vertex = tuple[float, float]
"""A point ``(y, ρ)``."""

Line = tuple[float, float]
"""A constraint ``(c, bound)`` meaning ``y + ρ·c ≥ bound`` (lower) or ``≤ bound`` (upper)."""


def clip(polygon: Sequence[Vertex], slope: float, bound: float, sign: int) -> list[Vertex]:
    """Clip a convex polygon to ``sign·(y + slope·ρ − bound) ≤ 0``.

    ``sign = +1`` keeps an upper constraint ``y + slope·ρ ≤ bound``; ``sign = −1`` keeps a
    lower one. Returns a new vertex list (possibly empty); degenerate polygons (a point
    or a segment) are handled, which matters when bounds meet exactly.
    """
    values = [sign * (y + slope * rho - bound) for y, rho in polygon]
    if all(v <= 0.0 for v in values):
        return list(polygon)
    out: list[Vertex] = []
    prev = polygon[-1]
    prev_value = values[-1]
    for cur, cur_value in zip(polygon, values, strict=True):
        if cur_value <= 0.0:
            if prev_value > 0.0:
                out.append(_crossing(prev, cur, prev_value, cur_value))
            out.append(cur)
        elif prev_value <= 0.0:
            out.append(_crossing(prev, cur, prev_value, cur_value))
        prev, prev_value = cur, cur_value
    return out


def _crossing(p: Vertex, q: Vertex, p_value: float, q_value: float) -> Vertex:
    """The point on segment p–q where the (linear) constraint value is zero."""
    t = p_value / (p_value - q_value)
    return (p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1]))


def box(y_low: float, y_high: float, rho_max: float) -> list[Vertex]:
    """The starting rectangle, counter-clockwise."""
    return [(y_low, -rho_max), (y_high, -rho_max), (y_high, rho_max), (y_low, rho_max)]


def extent(polygon: Iterable[Vertex], d: float) -> tuple[float, float]:
    """Min and max of ``y + ρ·d`` (``φ`` at ``t_ref + d``) over the polygon."""
    values = [y + rho * d for y, rho in polygon]
    return min(values), max(values)


def slack(polygon: Iterable[Vertex], slope: float, bound: float, sign: int) -> float:
    """Smallest margin by which the polygon satisfies ``sign·(y + slope·ρ − bound) ≤ 0``.

    A constraint with positive slack everywhere touches no vertex, so dropping it cannot
    change the polygon: that lets old probes leave the window without a recomputation.
    """
    return min(-sign * (y + slope * rho - bound) for y, rho in polygon)


def shift_reference(polygon: Iterable[Vertex], delta: float) -> list[Vertex]:
    """Re-express vertices for ``t_ref' = t_ref + delta`` (an exact shear: y' = y + ρ·delta)."""
    return [(y + rho * delta, rho) for y, rho in polygon]


def _slope(p: Line, q: Line) -> float:
    dc = q[0] - p[0]
    if dc <= 0.0:
        return math.inf if q[1] >= p[1] else -math.inf
    return (q[1] - p[1]) / dc


def relevant_lower(lines: Sequence[Line], rho_max: float) -> list[Line]:
    """The lower constraints that can bind somewhere in ``|ρ| ≤ rho_max``.

    ``lines`` must be sorted by ``c``. A vertex ``k`` of the upper hull of the points
    ``(c, lo)`` binds exactly for ``ρ`` between the slopes of its right and left edges.
    """
    return _select(_hull(lines, upper=True), rho_max, decreasing=True)


def relevant_upper(lines: Sequence[Line], rho_max: float) -> list[Line]:
    """The upper constraints that can bind somewhere in ``|ρ| ≤ rho_max`` (lower hull)."""
    return _select(_hull(lines, upper=False), rho_max, decreasing=False)


def _hull(points: Sequence[Line], *, upper: bool) -> list[Line]:
    """Andrew's monotone chain over points sorted by their first coordinate.

    The cross product is written out inline: this loop is the hot path of a full
    recomputation with hundreds of probes.
    """
    sign = 1.0 if upper else -1.0
    hull: list[Line] = []
    for point in points:
        x, y = point
        while len(hull) >= 2:
            (ox, oy), (px, py) = hull[-2], hull[-1]
            if sign * ((px - ox) * (y - oy) - (py - oy) * (x - ox)) < 0.0:
                break
            hull.pop()
        hull.append(point)
    return hull


def _select(hull: list[Line], rho_max: float, *, decreasing: bool) -> list[Line]:
    """Keep hull vertices whose optimal-ρ range meets ``[−rho_max, rho_max]``."""
    if len(hull) <= 2:
        return hull
    slopes = [_slope(hull[i], hull[i + 1]) for i in range(len(hull) - 1)]
    kept: list[Line] = []
    for k, vertex in enumerate(hull):
        left = slopes[k - 1] if k > 0 else (math.inf if decreasing else -math.inf)
        right = slopes[k] if k < len(slopes) else (-math.inf if decreasing else math.inf)
        low, high = (right, left) if decreasing else (left, right)
        if low <= rho_max and high >= -rho_max:
            kept.append(vertex)
    return kept


def feasible_region(lower: Sequence[Line], upper: Sequence[Line], rho_max: float) -> list[Vertex]:
    """The polygon of ``(y, ρ)`` satisfying every constraint and ``|ρ| ≤ rho_max``.

    Both sequences must be sorted by ``c`` and non-empty. Returns ``[]`` when the
    constraints contradict each other.
    """
    low_lines = relevant_lower(lower, rho_max)
    high_lines = relevant_upper(upper, rho_max)
    # Any one constraint of each kind bounds y over the ρ box; start from that rectangle.
    c_low, bound_low = low_lines[0]
    c_high, bound_high = high_lines[0]
    y_low = bound_low - rho_max * abs(c_low) - 1.0
    y_high = bound_high + rho_max * abs(c_high) + 1.0
    if y_low > y_high:
        return []
    polygon = box(y_low, y_high, rho_max)
    for c, bound in low_lines:
        polygon = clip(polygon, c, bound, -1)
        if not polygon:
            return []
    for c, bound in high_lines:
        polygon = clip(polygon, c, bound, +1)
        if not polygon:
            return []
    return polygon
