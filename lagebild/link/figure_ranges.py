"""The values a figure makes plausible, in its base unit (the table in link/figure_groups.py), and how ranges meet."""
from __future__ import annotations

import math

from ..records import Figure

EXACT_TOL = 0.01  # exact figures: 1 % at least (press rounding, '3.000' may be 2.980)
ROUND_TOL_MAX = 0.05  # ... and up to half a unit of the last written digit, at most 5 %
APPROX_TOL = 0.10  # 'etwa', 'rund': 10 % (numbers.py gives low/high)
HEDGE_FACTOR = 2.0  # 'bis zu X', 'mehr als X', 'Tausende': the true value is within this factor
INF = math.inf
_EPS = 1e-9  # float slack when ranges touch: 27 x (1 + 0,5 / 27) is 27,500000000000004


def _rounding(v: float) -> float:
    """Relative tolerance of an exact figure: half a unit of its last non-zero digit, 1-5 %."""
    if not v:
        return EXACT_TOL
    x = abs(v)
    unit = 10.0 ** math.floor(math.log10(x))
    while unit > 1e-6 and abs(round(x / unit) * unit - x) > 1e-9 * x:
        unit /= 10
    return min(max(EXACT_TOL, unit / 2 / x), ROUND_TOL_MAX)


def interval(fig: Figure, scale: float = 1.0) -> tuple[float, float] | None:
    """The values a figure makes plausible (see the module docstring), times `scale`."""
    q = (fig.qualifier or "exact").lower()
    v, lo, hi = fig.value, fig.low, fig.high
    if v is None and lo is None and hi is None:
        return None
    if q == "at_least":
        base = v if v is not None else lo
        out = (base * (1 - EXACT_TOL), base * HEDGE_FACTOR) if v is not None else (base, INF)
    elif q == "at_most":
        base = v if v is not None else hi
        out = (base / HEDGE_FACTOR, base * (1 + EXACT_TOL)) if v is not None else (0.0, base)
    elif q == "vague":
        if lo is None or hi is None:
            return None
        out = (lo / HEDGE_FACTOR, hi)
    elif q == "exact" and v is not None:
        tol = _rounding(v)
        out = (v * (1 - tol), v * (1 + tol))
    else:
        lo = lo if lo is not None else v
        hi = hi if hi is not None else v
        if lo is None or hi is None:
            return None
        lo, hi = min(lo, hi), max(lo, hi)
        out = (lo * (1 - EXACT_TOL), hi * (1 + EXACT_TOL))
    a, b = sorted((out[0] * scale, out[1] * scale))
    return a, b


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Do two value ranges overlap? Ranges that only touch do not: '27' (26,5 .. 27,5) and '28' (27,5 .. 28,5) are
    two different counts (a number written to its last digit stands for a half-open range)."""
    return a == b or (a[0] < b[1] - _EPS * abs(b[1]) and b[0] < a[1] - _EPS * abs(a[1]))


def _consistent(ivs: list[tuple[float, float]]) -> bool:
    if not ivs or len(set(ivs)) == 1:
        return True
    hi = min(i[1] for i in ivs)
    return max(i[0] for i in ivs) < hi - _EPS * abs(hi)


def _json_num(x: float) -> float | None:
    return None if math.isinf(x) else round(x, 6)


def _value_clusters(members: list[dict]) -> list[list[dict]]:
    """Partition members into runs of mutually compatible intervals (sweep by lower bound)."""
    out: list[list[dict]] = []
    cur: list[dict] = []
    hi = INF
    for m in sorted((m for m in members if m["_iv"]), key=lambda m: (m["_iv"][0], m["_iv"][1])):
        lo_m, hi_m = m["_iv"]
        if cur and lo_m > hi:
            out.append(cur)
            cur, hi = [], INF
        cur.append(m)
        hi = min(hi, hi_m)
    if cur:
        out.append(cur)
    return out


def _representative(fig: Figure, scale: float) -> float | None:
    """The value a figure names (a range or vague amount: the geometric middle), in the base unit."""
    if fig.value is not None:
        return fig.value * scale
    if fig.low is not None and fig.high is not None:
        return math.sqrt(max(fig.low, 1e-9) * fig.high) * scale
    return None
