"""Helpers shared by the Markdown and HTML reports."""
from __future__ import annotations

import re


def fmt_number(x) -> str:
    if x is None:
        return "–"
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", ".")
    # as many decimals as the number has (up to 4 below 100, 2 above): '41,9', '0,059', not '41,90', '0,06'
    s = f"{x:,.{2 if abs(x) >= 100 else 4}f}".rstrip("0").rstrip(".")
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def _as_written(fig: dict) -> bool:
    """A vague amount ('Tausende', 'mehr als Tausende'): shown as its words, not as the range it stands for."""
    return fig.get("value") is None and fig.get("qualifier") != "range" and bool(fig.get("text"))


_APPROX_RANGE = re.compile(r"(?i)\s*(?:etwa|rund|circa|ca\.|zirka|ungefähr|annähernd|about|around|roughly|approximately"
                           r"|some|environ|quelque|à\s+peu\s+près)\s")


def fmt_range(fig: dict) -> str:
    q = fig.get("qualifier")
    lo, hi, v = fig.get("low"), fig.get("high"), fig.get("value")
    if _as_written(fig):
        return " ".join(str(fig["text"]).split())  # 'Tausende', 'mehr als Tausende': as written, no invented range
    if fig.get("strict"):  # 'mehr als 50' > 50, 'knapp über 50' > 50, 'weniger als 5' < 5
        if q in ("at_least", "approx") and lo is not None and lo == (v if v is not None else lo):
            return f"> {fmt_number(lo)}"
        if q in ("at_most", "approx") and hi is not None and hi == (v if v is not None else hi):
            return f"< {fmt_number(hi)}"
    if q == "approx" and v is not None:
        return f"≈ {fmt_number(v)}"
    if lo is not None and hi is not None and lo != hi:
        # 'etwa 4.000 bis 5.000': a range its hedge makes approximate
        return ("≈ " if q == "range" and _APPROX_RANGE.match(str(fig.get("text") or "")) else "") + \
            f"{fmt_number(lo)}–{fmt_number(hi)}"
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
    return {"EUR": "€", "USD": "US$", "frac": "", "pp": "Prozentpunkte", "m2": "m²", "km2": "km²", "m3": "m³",
            "km3": "km³"}.get(u, u)


def fmt_figure(fig: dict) -> str:
    """Range and unit: '≈ 1.500', '1,60 m', '≤ 8.000.000 €'; fractions as percent."""
    if fig.get("unit") == "frac":
        # '1/3' is 33,33 %, not 33,3333 %: a share to two decimals of a percent
        f = dict(fig, **{k: (round(fig[k] * 100, 2) if fig.get(k) is not None else None) for k in ("value", "low", "high")})
        return fmt_range(f) + " %"
    unit = fmt_unit(fig)
    if _as_written(fig):
        return fmt_range(fig)  # a vague amount as written ('mehrere hundert Millionen Euro') carries its unit
    return fmt_range(fig) + (f" {unit}" if unit else "")


def group_keys(group: dict) -> str:
    """'topic=soldat · holder=place:KP · time=2023': the keys a figure group was formed by."""
    keys = group.get("keys") or {}
    return " · ".join(f"{k}={', '.join(v) if isinstance(v, list) else v}" for k, v in keys.items() if v)


def article_label(articles: dict, aid: str) -> str:
    """Short name of an article's source: its outlet, else its title (cut short), else its id;
    'agency:dpa' / 'language:fr' (lineage origins) as 'agency dpa' / 'language fr'."""
    a = articles.get(aid) or {}
    if a.get("outlet"):
        return a["outlet"]
    title = " ".join(str(a.get("title") or "").split())
    if title:
        return title if len(title) <= 48 else title[:47].rstrip() + "…"
    kind, sep, rest = str(aid).partition(":")
    return f"{kind} {rest}" if sep and kind in ("agency", "language") else aid


_DIMENSIONS = {"strecke": "Strecke", "fläche": "Fläche", "gewicht": "Gewicht", "volumen": "Volumen",
               "geschwindigkeit": "Geschwindigkeit", "leistung": "Leistung", "energie": "Energie",
               "temperatur": "Temperatur"}  # analyse.figures._DIMENSION's keys


def group_name(group: dict, figures: list[dict]) -> str:
    """A figure group's name as written: its most frequent counted noun ('Menschen', 'Soforthilfe'), not the
    stem, with what happened to them when the group was formed by it ('Menschen (evakuiert)')."""
    from collections import Counter

    nouns = Counter(" ".join(str(f.get("count_of") or "").split()) for f in figures)
    nouns.pop("", None)
    topic = str(group.get("topic") or "")
    # a bare measure is keyed by its dimension ('strecke' for '1,6 Meter'): the noun, written as one
    name = nouns.most_common(1)[0][0] if nouns else _DIMENSIONS.get(topic, topic)
    keys = group.get("keys") if isinstance(group.get("keys"), dict) else {}
    pred = keys.get("predicate")
    return name + (f" ({pred})" if isinstance(pred, str) and pred else "")


def plural(n: int, singular: str, plural_form: str | None = None) -> str:
    """'1 story', '2 stories'."""
    return f"{n} {singular if n == 1 else plural_form or singular + 's'}"


def sorted_groups(story: dict) -> list[dict]:
    """Figure groups, disagreements first, then the larger groups."""
    return sorted(story.get("figure_groups", []), key=lambda g: (not g.get("disagreement"), -len(g.get("figure_ids", []))))


def chain(items: list[str]) -> str:
    return " ← ".join(items) if items else ""
