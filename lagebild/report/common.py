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
    if lo is not None and hi is not None and lo != hi:
        return f"{fmt_number(lo)}–{fmt_number(hi)}"
    if q == "at_least":
        return f"≥ {fmt_number(lo)}"
    if q == "at_most":
        return f"≤ {fmt_number(hi)}"
    if q == "approx":
        return f"≈ {fmt_number(v)}"
    return fmt_number(v if v is not None else lo if lo is not None else hi)


def article_label(articles: dict, aid: str) -> str:
    a = articles.get(aid) or {}
    return a.get("outlet") or a.get("title") or aid


def chain(items: list[str]) -> str:
    return " ← ".join(items) if items else ""
