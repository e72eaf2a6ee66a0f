"""Helpers shared by the Markdown and HTML reports."""
from __future__ import annotations


def fmt_number(x) -> str:
    if x is None:
        return "–"
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    return f"{x:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")


def fmt_range(fig: dict) -> str:
    q = fig.get("qualifier")
    lo, hi, v = fig.get("low"), fig.get("high"), fig.get("value")
    if q == "approx" and v is not None:
        return f"≈ {fmt_number(v)}"
    if lo is not None and hi is not None and lo != hi:
        return f"{fmt_number(lo)}–{fmt_number(hi)}"
    if q == "at_least":
        return f"≥ {fmt_number(lo)}"
    if q == "at_most":
        return f"≤ {fmt_number(hi)}"
    if q == "approx":
        return f"≈ {fmt_number(v)}"
    return fmt_number(v if v is not None else lo if lo is not None else hi)


def fmt_unit(fig: dict) -> str:
    """A figure's unit as shown after its value ('m', '€', '%'); '' for plain counts."""
    u = fig.get("unit") or ""
    return {"EUR": "€", "USD": "US$", "frac": "", "pp": "Prozentpunkte"}.get(u, u)


def fmt_figure(fig: dict) -> str:
    """Range and unit: '≈ 1.500', '1,60 m', '≤ 8.000.000 €'; fractions as percent."""
    if fig.get("unit") == "frac":
        f = dict(fig, **{k: (fig[k] * 100 if fig.get(k) is not None else None) for k in ("value", "low", "high")})
        return fmt_range(f) + " %"
    unit = fmt_unit(fig)
    return fmt_range(fig) + (f" {unit}" if unit else "")


def group_keys(group: dict) -> str:
    """'topic=soldat · holder=place:KP · time=2023': the keys a figure group was formed by."""
    keys = group.get("keys") or {}
    return " · ".join(f"{k}={', '.join(v) if isinstance(v, list) else v}" for k, v in keys.items() if v)


def article_label(articles: dict, aid: str) -> str:
    """Short name of an article's source: its outlet, else its id (titles are too long for cells)."""
    a = articles.get(aid) or {}
    return a.get("outlet") or aid


def sorted_groups(story: dict) -> list[dict]:
    """Figure groups, disagreements first, then the larger groups."""
    return sorted(story.get("figure_groups", []), key=lambda g: (not g.get("disagreement"), -len(g.get("figure_ids", []))))


def chain(items: list[str]) -> str:
    return " ← ".join(items) if items else ""
