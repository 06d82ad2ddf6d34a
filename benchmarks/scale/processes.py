"""The benchmark's subprocesses (`waspada worker`, `waspada crawl`): start, wait until ready, stop.

Each process writes to a log file in the run's folder, so a worker that dies while loading its
models shows up as an error with its log instead of a silent timeout. `stopped` ends every
process before the caller stops the Redis server they use: a worker that outlives its Redis dies
with "Connection closed by server" in XREADGROUP.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from workers.queue import WorkQueue

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Proc:
    """One `waspada` subprocess and the file it logs to."""

    popen: subprocess.Popen
    log: Path

    def tail(self, lines: int = 30) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def failed(self) -> str | None:
        """None while running or after a clean exit; else what went wrong, with the log's end."""
        code = self.popen.poll()
        if code in (None, 0):
            return None
        return f"{self.log.name} exited with {code}:\n{self.tail()}"


def waspada(args: list[str], env: dict[str, str], log: Path) -> Proc:
    """Run `python -m waspada.cli ARGS` from the repository root, output to `log`."""
    with log.open("w", encoding="utf-8") as out:  # the child keeps its own copy of the descriptor
        popen = subprocess.Popen([sys.executable, "-m", "waspada.cli", *args], cwd=ROOT, env=env,
                                 stdout=out, stderr=subprocess.STDOUT)
    return Proc(popen, log)


def start_workers(n: int, env: dict[str, str], logs: Path, name: str, batch: int = 25) -> list[Proc]:
    logs.mkdir(parents=True, exist_ok=True)
    return [waspada(["worker", "--consumer", f"{name}{i}", "--batch", str(batch)], env, logs / f"{name}{i}.log")
            for i in range(n)]


def wait_ready(queue: WorkQueue, procs: list[Proc], timeout: float = 300) -> float:
    """Seconds until every worker has loaded its models and registered in the consumer group."""
    began = time.monotonic()
    while len(queue.consumers()) < len(procs):
        for proc in procs:
            if proc.popen.poll() is not None:
                raise RuntimeError(f"{proc.log.name} exited with {proc.popen.returncode} before it was ready:\n"
                                   f"{proc.tail()}")
        if time.monotonic() - began > timeout:
            raise RuntimeError(f"workers not ready after {timeout:.0f} s; registered: {queue.consumers()}")
        time.sleep(0.2)
    return time.monotonic() - began


def stop(procs: list[Proc], timeout: float = 60) -> None:
    """SIGTERM (a worker finishes its batch), then SIGKILL whatever is still running after `timeout`."""
    for proc in procs:
        if proc.popen.poll() is None:
            proc.popen.terminate()
    for proc in procs:
        try:
            proc.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.popen.kill()
            proc.popen.wait()


@contextlib.contextmanager
def stopped(procs: list[Proc]) -> Iterator[list[Proc]]:
    """Stop `procs` (and any appended while inside) on the way out, also after an error or Ctrl-C."""
    try:
        yield procs
    finally:
        stop(procs)
