"""Bounded load test of `lagebild serve` on 127.0.0.1: p50/p99 latency per page type.

Builds a synthetic database (>= 10,000 articles with small analyses, grouped into stories) by
inserting rows through the store's tables directly, starts the real server in a subprocess, then
sends a fixed number of requests from N concurrent keep-alive clients (asyncio streams) and prints one JSON line
plus a table. The load generator runs on the same machine, so the line also gives the CPU seconds
spent by the server (all its worker processes), by the load generator and by everything else on the
machine during the run, the load average, and per page type the 1-client latency and server CPU
per request (sequential requests on fresh URLs, none answered from the page cache: what one reader
waits, and what each page type costs the server).

    python bench/bench_web.py --articles 10000 --clients 100 --requests 3000 --workers 2
    python bench/bench_web.py --articles 10000 --clients 100 --requests 3000 --workers 2 --postgres

Requests are plain GETs without validators (no If-None-Match): every answer is a full 200 body.
The load generator runs on plain asyncio, not uvloop: on uvloop it used less CPU, but some of its
connections waited seconds for their turn (max 2.5 s where asyncio measured 0.3-0.6 s, p50 lower),
which measured the generator, not the server.
"""
from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

WORDS = ("Regierung Stadt Bericht Polizei Gericht Einsatz Minister Hilfe Grenze Projekt Kosten Streit Wahl Gesetz Firma "
         "Zug Brücke Schule Klinik Hafen Energie Wasser Sturm Markt Bank Verband").split()
PLACES = ["Talheim", "Obertal", "Kaltenbach", "Rotheim", "Seedorf", "Lindau-Nord", "Hirschberg", "Altmark"]
PEOPLE = ["Anna Keller", "Jonas Brecht", "Mara Lind", "Peter Hansen", "Eva Roth", "Tim Sauer"]
OUTLETS = ["Rheinpost", "Nordkurier", "Tagesblick", "Elbe-Echo", "Alpenbote", "Morgenruf", "Weserblatt", "Ostwind",
           "Stadtanzeiger", "Landeszeitung", "Abendpost", "Kurier am Main"]


def _span(text: str, sub: str, aid: str, **extra) -> dict:
    start = text.index(sub)
    return {"article_id": aid, "start": start, "end": start + len(sub), "text": sub, **extra}


def synthetic_article(n: int, story: int, rng: random.Random) -> tuple[dict, dict]:
    """(article row values, analysis dict) with a few located quotes, figures, mentions and timexes."""
    aid = f"bench-{n:05d}"
    place, person = PLACES[story % len(PLACES)], PEOPLE[(story + n) % len(PEOPLE)]
    count = 100 + (story * 37 + n * 11) % 900
    day = dt.date(2030, 1, 1) + dt.timedelta(days=story % 360)
    filler = " ".join(rng.choice(WORDS) for _ in range(60))
    title = f"{rng.choice(WORDS)} in {place}: Meldung {story}"
    text = (f"{title}\nIn {place} sind am Montag mindestens {count} Menschen betroffen. {person} sagte: „Wir handeln sofort.“ "
            f"Laut Polizei gab es etwa {count + 50} Einsätze. {filler}.")
    outlet = OUTLETS[n % len(OUTLETS)]
    art = {"id": aid, "source": f"{aid}.txt", "text": text, "title": title, "published": day.isoformat(), "published_inferred": False,
           "outlet": outlet, "url": None, "language": "de", "byline": None, "agency": ["dpa"] if n % 3 == 0 else [],
           "translated_from": None, "removed_lines": [], "content_hash": f"{n:064x}"}
    f1 = _span(text, f"mindestens {count}", aid, value=None, low=float(count), high=None, qualifier="at_least", unit=None,
               count_of="Menschen", topic="betroffene", attributed_to=[], date=None, id=f"{aid}:f1")
    f2 = _span(text, f"etwa {count + 50}", aid, value=float(count + 50), low=float(count + 50), high=float(count + 50),
               qualifier="approx", unit=None, count_of="Einsätze", topic="einsatz", attributed_to=["Polizei"], date=None, id=f"{aid}:f2")
    q1 = _span(text, "Wir handeln sofort.", aid, direct=True, speaker=person, speaker_entity=person, cue="sagte",
               attributed_to=[], stance="none", id=f"{aid}:q1")
    mentions = [_span(text, place, aid, label="LOC", norm=place), _span(text, person, aid, label="PER", norm=person)]
    timex = _span(text, "am Montag", aid, type="DATE", value=day.isoformat(), anchored=True, event=text.split("\n")[1][:80])
    analysis = {"article": art, "sentences": [[0, len(text)]], "mentions": mentions, "quotes": [q1], "figures": [f1, f2], "timexes": [timex]}
    return art, analysis


def build_db(path: Path | str, n_articles: int, story_size: int) -> None:
    from sqlalchemy import insert

    from lagebild.store import ArticleRow, Store, StoryArticleRow, StoryCardRow, StoryEntityRow, StoryOutletRow, StoryRow
    from lagebild.store.summary import story_cards

    store = Store(str(path))
    rng = random.Random(7)
    articles, stories, links, outlet_rows, entity_rows, cards = [], [], [], [], [], []
    n_stories = -(-n_articles // story_size)
    for s in range(n_stories):
        members = [synthetic_article(n, s, rng) for n in range(s * story_size, min((s + 1) * story_size, n_articles))]
        ids = [a["id"] for a, _ in members]
        for art, analysis in members:
            articles.append({"id": art["id"], "content_hash": art["content_hash"], "source": art["source"], "title": art["title"],
                             "published": art["published"], "outlet": art["outlet"], "language": "de", "analysis": analysis})
        figs = [f for _, an in members for f in an["figures"]]
        ents = {}
        for _, an in members:
            for m in an["mentions"]:
                e = ents.setdefault(m["norm"], {"name": m["norm"], "type": m["label"], "aliases": [m["text"]], "article_ids": [], "mentions": []})
                e["mentions"].append({k: m[k] for k in ("article_id", "start", "end", "text")})
                e["article_ids"].append(m["article_id"])
        data = {
            "id": f"story-{s:05d}", "title": members[0][0]["title"], "article_ids": ids, "entities": list(ents.values()),
            "quotes": [q for _, an in members for q in an["quotes"]], "figures": figs,
            "figure_groups": [{"topic": t, "figure_ids": [f["id"] for f in figs if f["topic"] == t], "disagreement": t == "betroffene"}
                              for t in ("betroffene", "einsatz")],
            "timeline": [{"date": t["value"], "text": t["text"], "event": t["event"], "article_id": t["article_id"],
                          "start": t["start"], "end": t["end"]} for _, an in members for t in an["timexes"]],
            "lineage": [{"source": ids[0], "target": i, "kind": "agency", "score": 0.7, "spans": []} for i in ids[1:2]],
            "stance": [], "membership": [{"article_id": i, "score": 0.9, "evidence": ["synthetic"]} for i in ids],
        }
        dates = sorted(a["published"] for a, _ in members)
        stories.append({"id": data["id"], "title": data["title"], "n_articles": len(ids), "first_published": dates[0],
                        "last_published": dates[-1], "outlets": "|".join(sorted({a["outlet"] for a, _ in members})),
                        "entities": "|".join(ents), "data": data})
        links.extend({"story_id": data["id"], "article_id": i} for i in ids)
        cards.append({"story_id": data["id"], "articles": story_cards(ids, {a["id"]: a for a, _ in members})})  # as ingest writes them
        outlet_rows.extend({"story_id": data["id"], "outlet": o, "outlet_key": o.casefold()} for o in sorted({a["outlet"] for a, _ in members}))
        entity_rows.extend({"story_id": data["id"], "entity": e, "entity_key": e.casefold()} for e in ents)
    with store.session.begin() as sess:
        sess.execute(insert(ArticleRow), articles)
        sess.execute(insert(StoryRow), stories)
        sess.execute(insert(StoryArticleRow), links)
        sess.execute(insert(StoryOutletRow), outlet_rows)
        sess.execute(insert(StoryEntityRow), entity_rows)
        sess.execute(insert(StoryCardRow), cards)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: Path | str, port: int, log, workers: int) -> subprocess.Popen:
    """`lagebild serve` (the same function), without access log, in a subprocess."""
    code = ("from lagebild.web import serve; "
            f"serve({str(db)!r}, port={port}, workers={workers}, log_level='warning', access_log=False)")
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                time.sleep(1.0 if workers > 1 else 0)  # let every worker come up
                return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}; see {log.name}")
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("server did not start")


def request_plan(n_requests: int, n_articles: int, story_size: int, rng: random.Random) -> list[tuple[str, str]]:
    n_stories = -(-n_articles // story_size)
    kinds = [
        ("list", lambda: "/"),
        ("list_search", lambda: f"/?q={rng.choice(PLACES)}&page={rng.randint(1, 5)}"),
        ("list_filter", lambda: f"/?outlet={rng.choice(OUTLETS).replace(' ', '+')}&from=2030-03-01"),
        ("story", lambda: f"/stories/story-{rng.randrange(n_stories):05d}"),
        ("article", lambda: f"/articles/bench-{rng.randrange(n_articles):05d}?hl=0-10"),
        ("api_story", lambda: f"/api/stories/story-{rng.randrange(n_stories):05d}"),
        ("api_list", lambda: "/api/stories?limit=50"),
        ("figures_csv", lambda: f"/api/stories/story-{rng.randrange(n_stories):05d}/figures.csv"),
    ]
    return [(name, make()) for name, make in (kinds[i % len(kinds)] for i in range(n_requests))]


class Connection:
    """One keep-alive HTTP/1.1 connection on asyncio streams: a lean client, so that the load
    generator (on the same cores as the server) costs little CPU. Reads Content-Length and
    chunked bodies; returns (status, body)."""

    def __init__(self, host: str, port: int):
        self.host, self.port = host, port
        self.reader = self.writer = None

    async def get(self, path: str, timeout: float) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: */*\r\n\r\n".encode())
        return await asyncio.wait_for(self._read(), timeout)

    async def _read(self) -> tuple[int, bytes]:
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
        if "content-length" in headers:
            body = await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
                parts.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            body = b"".join(p[:-2] for p in parts)
        else:
            body = b""
        if headers.get("connection", "").lower() == "close":
            self.close()
        return status, body

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


async def run_load(base: str, plan: list[tuple[str, str]], clients: int) -> tuple[dict, float, int]:
    from urllib.parse import urlsplit

    url = urlsplit(base)
    latencies: dict[str, list[float]] = defaultdict(list)
    errors = 0
    failures: dict[str, int] = defaultdict(int)
    queue = list(reversed(plan))

    async def worker(conn: Connection):
        nonlocal errors
        while queue:
            kind, path = queue.pop()
            t0 = time.perf_counter()
            try:
                status, _ = await conn.get(path, timeout=120)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
                failures[type(exc).__name__] += 1  # counted, not fatal: the report says how many
                errors += 1
                conn.close()
                continue
            latencies[kind].append(time.perf_counter() - t0)
            if status != 200:
                failures[f"http {status}"] += 1
                errors += 1

    conns = [Connection(url.hostname, url.port) for _ in range(clients)]
    t0 = time.perf_counter()
    await asyncio.gather(*(worker(c) for c in conns))
    wall = time.perf_counter() - t0
    for c in conns:
        c.close()
    if failures:
        print(f"failures: {dict(failures)}", file=sys.stderr)
    return latencies, wall, errors


def _proc_cpu(pid: int) -> float:
    """CPU seconds (user + system) of one process, 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_pids(pid: int) -> list[int]:
    """A process and all its live descendants (the server and its workers)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        for task in Path(f"/proc/{p}/task").glob("*/children") if Path(f"/proc/{p}/task").exists() else []:
            try:
                todo.extend(int(c) for c in task.read_text().split())
            except OSError:
                pass
    return out


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process and all its live descendants."""
    return sum(_proc_cpu(p) for p in tree_pids(pid))


def tree_cpu_fine(pid: int) -> float:
    """Like `tree_cpu`, in nanoseconds resolution (the threads' schedstat, not clock ticks of 10 ms):
    for a few sequential requests. Falls back to `tree_cpu` where schedstat is missing."""
    total = 0.0
    for p in tree_pids(pid):
        try:
            total += sum(int(t.read_text().split()[0]) for t in Path(f"/proc/{p}/task").glob("*/schedstat")) / 1e9
        except (OSError, ValueError, IndexError):
            return tree_cpu(pid)
    return total


def machine_cpu() -> tuple[float, float]:
    """(busy CPU seconds, total CPU seconds) of the whole machine so far, from /proc/stat."""
    try:
        values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except OSError:
        return 0.0, 0.0
    tick = os.sysconf("SC_CLK_TCK")
    idle = values[3] + (values[4] if len(values) > 4 else 0)
    return (sum(values[:8]) - idle) / tick, sum(values[:8]) / tick


def one_client(base: str, plan: list[tuple[str, str]], per_kind: int, cpu_of) -> tuple[dict, dict]:
    """Sequential requests (one client, keep-alive) on fresh URLs (a `bench=N` parameter the app ignores,
    so every answer is rendered, none comes from the page cache): per page type, the p50 latency and
    the server CPU ms per request (`cpu_of()`: CPU seconds of the server and database processes)."""
    import httpx

    by_kind: dict[str, list[str]] = defaultdict(list)
    for kind, path in plan:
        if len(by_kind[kind]) < per_kind:
            by_kind[kind].append(path + ("&" if "?" in path else "?") + f"bench={len(by_kind[kind])}")
    latency, cpu = {}, {}
    with httpx.Client(base_url=base, timeout=60) as client:
        for kind, paths in sorted(by_kind.items()):
            seen = []
            cpu0 = cpu_of()
            for path in paths:
                t0 = time.perf_counter()
                client.get(path)
                seen.append(time.perf_counter() - t0)
            cpu[kind] = round(1000 * (cpu_of() - cpu0) / len(paths), 2)
            latency[kind] = round(statistics.median(seen) * 1000, 1)
    return latency, cpu


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--story-size", type=int, default=5)
    ap.add_argument("--clients", type=int, default=100)
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--workers", type=int, default=2, help="server processes (lagebild serve --workers)")
    ap.add_argument("--warmup", type=int, default=500, help="requests sent before the measured ones (other story/article ids)")
    ap.add_argument("--single", type=int, default=20, help="1-client requests per page type (0: skip)")
    ap.add_argument("--db", type=Path, default=None, help="reuse/keep this SQLite file (built when missing)")
    ap.add_argument("--postgres", action="store_true",
                    help="serve from a throw-away PostgreSQL server (initdb in a temp dir, as the tests do)")
    args = ap.parse_args()
    with contextlib.ExitStack() as stack:
        tmp = stack.enter_context(tempfile.TemporaryDirectory(prefix="lagebild-bench-"))
        database_pid = None
        if args.postgres:
            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            from pg import postgres_server

            pg = stack.enter_context(postgres_server())
            db: Path | str = pg.new_database()
            database_pid = _postmaster(pg.port)
        else:
            db = args.db or Path(tmp) / "bench.db"
        run(args, db, Path(tmp), database_pid)


def _postmaster(port: int) -> int | None:
    """The PostgreSQL server process listening on this port (its CPU counts as the server's)."""
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            args = cmdline.read_bytes().split(b"\0")
        except OSError:
            continue
        if args and args[0].endswith(b"postgres") and b"-p" in args and str(port).encode() in args:
            return int(cmdline.parent.name)
    return None


def db_megabytes(db: Path | str) -> float:
    if isinstance(db, Path):
        return round(os.path.getsize(db) / 1e6, 1)
    from sqlalchemy import create_engine, text

    engine = create_engine(db)
    with engine.connect() as conn:
        size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar()
    engine.dispose()
    return round(size / 1e6, 1)


def run(args, db: Path | str, tmp: Path, database_pid: int | None) -> None:
    t0 = time.perf_counter()
    if not (isinstance(db, Path) and db.exists()):
        build_db(db, args.articles, args.story_size)
    build_s = time.perf_counter() - t0
    port = free_port()
    log = open(tmp / "server.log", "w+")
    server = start_server(db, port, log, args.workers)
    base = f"http://127.0.0.1:{port}"
    try:
        plan = request_plan(args.requests, args.articles, args.story_size, random.Random(11))
        warm = request_plan(args.warmup or args.clients, args.articles, args.story_size, random.Random(13))
        asyncio.run(run_load(base, warm, args.clients))  # warm-up (every worker thread and connection): other ids than the measured plan
        database_cpu0 = tree_cpu(database_pid) if database_pid else 0.0
        server_cpu0, client_cpu0, (busy0, all0) = tree_cpu(server.pid), time.process_time(), machine_cpu()
        latencies, wall, errors = asyncio.run(run_load(base, plan, args.clients))
        server_cpu, client_cpu = tree_cpu(server.pid) - server_cpu0, time.process_time() - client_cpu0
        database_cpu = (tree_cpu(database_pid) - database_cpu0) if database_pid else 0.0
        busy, capacity = machine_cpu()
        busy, capacity = busy - busy0, capacity - all0
        # different requests than the load run (fresh story/article ids), so they are not answered from its cache
        single_plan = request_plan(args.single * 8, args.articles, args.story_size, random.Random(12))
        def cpu_of() -> float:
            return tree_cpu_fine(server.pid) + (tree_cpu_fine(database_pid) if database_pid else 0.0)

        single, single_cpu = one_client(base, single_plan, args.single, cpu_of) if args.single else ({}, {})
        n_processes = len(tree_pids(server.pid))
    except Exception:
        log.seek(0)
        print(log.read()[-3000:], file=sys.stderr)
        raise
    finally:
        server.terminate()
        server.wait(10)
    per_kind = {k: {"n": len(v), "p50_ms": round(statistics.median(v) * 1000, 1), "p99_ms": round(pct(v, 99) * 1000, 1),
                    "max_ms": round(max(v) * 1000, 1)} for k, v in sorted(latencies.items())}
    cpu = {"server_s": round(server_cpu, 2), "database_server_s": round(database_cpu, 2), "load_generator_s": round(client_cpu, 2),
           "others_s": round(max(0.0, busy - server_cpu - database_cpu - client_cpu), 2), "idle_s": round(max(0.0, capacity - busy), 2),
           "server_ms_per_request": round(1000 * (server_cpu + database_cpu) / len(plan), 2)}
    result = {"bench": "web", "database": "postgresql" if isinstance(db, str) else "sqlite", "articles": args.articles, "stories": -(-args.articles // args.story_size), "clients": args.clients,
              "workers": args.workers, "server_processes": n_processes, "warmup_requests": len(warm), "requests": len(plan), "errors": errors, "wall_s": round(wall, 2),
              "req_per_s": round(len(plan) / wall, 1), "p99_ms_worst_page": max(v["p99_ms"] for v in per_kind.values()),
              "cpu": cpu, "load_avg_1m": round(os.getloadavg()[0], 2), "one_client_p50_ms": single,
              "one_client_server_cpu_ms": single_cpu,
              "db_build_s": round(build_s, 1), "db_mb": db_megabytes(db), "cpus": os.cpu_count(), "pages": per_kind}
    print(json.dumps(result))
    print(f"\n{'page':<13}{'n':>6}{'p50 ms':>9}{'p99 ms':>9}{'max ms':>9}{'1-client ms':>13}{'CPU ms/req':>12}", file=sys.stderr)
    for k, v in per_kind.items():
        print(f"{k:<13}{v['n']:>6}{v['p50_ms']:>9}{v['p99_ms']:>9}{v['max_ms']:>9}{single.get(k, ''):>13}{single_cpu.get(k, ''):>12}",
              file=sys.stderr)
    print(f"CPU during the run ({wall:.1f} s x {os.cpu_count()} cores): server {cpu['server_s']} s, PostgreSQL "
          f"{cpu['database_server_s']} s, load generator "
          f"{cpu['load_generator_s']} s, others {cpu['others_s']} s, idle {cpu['idle_s']} s", file=sys.stderr)


if __name__ == "__main__":
    main()
