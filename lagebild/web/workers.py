"""`serve --workers N` on Linux: N uvicorn processes, each with its own SO_REUSEPORT listening socket.

uvicorn's own supervisor hands one shared listening socket to every worker. Whichever worker wakes
first drains the accept queue, so a burst of keep-alive connections (a newsroom opening the UI, or
the load bench's 100 clients) lands on one process while the others idle: measured, all 100 on one
of two workers. With one socket per worker in a SO_REUSEPORT group, the kernel spreads new
connections over the workers by a hash of the address pair, whatever wakes first.

The parent binds (without listening) to check the address and fix the port, starts the workers,
restarts one that dies, and on SIGINT/SIGTERM stops them all (each finishes its open requests).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading

logger = logging.getLogger("uvicorn.error")
STARTUP_FAILURE = 3  # uvicorn's exit code when the app or the socket cannot start
APP = "lagebild.web:app_from_env"


def supported() -> bool:
    """SO_REUSEPORT balances connections on Linux; elsewhere (macOS: the last socket gets them all) it does not."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def listening_socket(host: str, port: int, listen: bool = True) -> socket.socket:
    """A TCP socket in the SO_REUSEPORT group of host:port, with TCP_NODELAY (inherited by accepted
    connections: an answer written as headers + body must not wait for the client's delayed ACK)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((host, port))
        if listen:
            sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def _worker(options: dict) -> None:
    """One worker process: its own socket, then uvicorn's server loop (which handles SIGTERM/SIGINT)."""
    import uvicorn

    try:
        sock = listening_socket(options["host"], options["port"])
    except OSError as exc:
        logger.error("cannot listen on %s:%s: %s", options["host"], options["port"], exc)
        sys.exit(STARTUP_FAILURE)
    config = uvicorn.Config(APP, factory=True, **options)
    uvicorn.Server(config).run(sockets=[sock])


def run(options: dict, workers: int) -> None:
    """Run `workers` server processes until SIGINT/SIGTERM; options are uvicorn.Config keywords (host, port ...)."""
    reserve = listening_socket(options["host"], options["port"], listen=False)  # fails early on a bad or taken address
    options = {**options, "port": reserve.getsockname()[1]}
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}

    def start():
        process = context.Process(target=_worker, args=(options,), name="lagebild-web")
        process.start()
        return process

    processes = [start() for _ in range(workers)]
    logger.info("started %d worker processes on %s:%s (one SO_REUSEPORT socket each)", workers, options["host"], options["port"])
    try:
        while not stop.wait(0.5):
            for n, process in enumerate(processes):
                if process.is_alive():
                    continue
                if process.exitcode == STARTUP_FAILURE:
                    logger.error("worker %s could not start; stopping", process.pid)
                    stop.set()
                    break
                logger.warning("worker %s exited with %s; starting another", process.pid, process.exitcode)
                processes[n] = start()
    finally:
        for process in processes:
            if process.is_alive():
                os.kill(process.pid, signal.SIGTERM)
        for process in processes:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join()
        reserve.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if any(p.exitcode == STARTUP_FAILURE for p in processes):
        raise SystemExit(STARTUP_FAILURE)
