"""Start, stop and probe local Elasticsearch JVMs started from Maven Central jars.

Why a runner and not a tarball: the only registries reachable from the machines Waspada is
built on are package registries, and Maven Central serves Elasticsearch 7.10.2 as jars. The
node keeps its data under `WASPADA_HOME/elasticsearch/` and records pid and port in
`node.json` there, so `waspada es stop|status` work from another process.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

POM = Path(__file__).with_name("pom.xml")
RUNNER_CLASS = "org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner"
MAX_PORT = 9299  # the runner never moves a node's HTTP port past this

# Popen objects of the nodes this process started: kept so they are reaped, not garbage-collected alive
_CHILDREN: dict[int, subprocess.Popen] = {}


class NodeError(RuntimeError):
    """A local node could not be prepared or started; the message says what to do."""


@dataclass
class NodeInfo:
    """What `waspada es status|stop` need to find a running node again."""

    pid: int
    port: int
    home: str
    transport_port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def _java_major() -> int | None:
    java = shutil.which("java")
    if not java:
        return None
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    if not match:
        return None
    major = int(match.group(1))
    return int(match.group(2)) if major == 1 and match.group(2) else major


def ensure_toolchain(install: bool = True) -> None:
    """Make sure Java 17+ and Maven exist; install them with apt-get when we may (root on Debian)."""
    missing = []
    major = _java_major()
    if major is None or major < 17:
        missing.append("openjdk-17-jre-headless")
    if not shutil.which("mvn"):
        missing.append("maven")
    if not missing:
        return
    command = "apt-get update && apt-get install -y " + " ".join(missing)
    if install and os.geteuid() == 0 and shutil.which("apt-get"):
        subprocess.run(["apt-get", "update", "-qq"], check=False)
        done = subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=False)
        if done.returncode == 0 and (_java_major() or 0) >= 17 and shutil.which("mvn"):
            return
    raise NodeError(
        f"E010: a local Elasticsearch node needs Java 17+ and Maven ({', '.join(missing)} missing). "
        f"Install them with: sudo {command} — or set ES_URL to an existing cluster."
    )


def ensure_jars(jar_dir: Path) -> Path:
    """Download the runner's jars once into `jar_dir` (a project-local cache)."""
    jar_dir = jar_dir.resolve()
    marker = jar_dir / ".complete"
    if marker.exists() and any(jar_dir.glob("elasticsearch-7.10.2*.jar")):
        return jar_dir
    ensure_toolchain()
    jar_dir.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mvn", "-B", "-q", "-f", str(POM), "dependency:copy-dependencies", f"-DoutputDirectory={jar_dir}"],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise NodeError(f"E011: Maven could not fetch the Elasticsearch jars:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    marker.write_text("ok\n")
    return jar_dir


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def http_ready(url: str, timeout: float = 2.0) -> bool:
    """True when the node answers cluster health yellow or green."""
    try:
        with urllib.request.urlopen(f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _write_config(node_home: Path, cluster: list[int] | None, transport_port: int | None) -> None:
    config = node_home / "node_1" / "config"
    config.mkdir(parents=True, exist_ok=True)
    lines = [
        "network.host: 127.0.0.1",
        "cluster.routing.allocation.disk.threshold_enabled: false",
    ]
    if cluster:
        seeds = ", ".join(f'"127.0.0.1:{p}"' for p in cluster)
        lines += [
            f"transport.port: {transport_port}",
            f"discovery.seed_hosts: [{seeds}]",
            f"cluster.initial_master_nodes: [{seeds}]",
        ]
    else:
        lines.append("discovery.type: single-node")
    (config / "elasticsearch.yml").write_text("\n".join(lines) + "\n")


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # a zombie child still answers kill(0); treat it as gone
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except OSError:
        return True


def _read_port_from_log(log: Path) -> int | None:
    """The HTTP port the node really bound (the runner moves up when base+1 is taken)."""
    try:
        text = log.read_text(errors="replace")
    except OSError:
        return None
    found = re.findall(r"HttpServerTransport\] publish_address \{[^}]*:(\d+)\}", text)
    return int(found[-1]) if found else None


def start_node(
    home: Path,
    jar_dir: Path,
    *,
    base_port: int = 9250,
    heap: str = "1g",
    cluster_name: str = "waspada",
    cluster_transport_ports: list[int] | None = None,
    transport_port: int | None = None,
    timeout: float = 120.0,
) -> NodeInfo:
    """Start one node in the background, wait for yellow health and record it in `home/node.json`."""
    existing = read_node(home)
    if existing and _pid_alive(existing.pid) and http_ready(existing.url):
        return existing
    if base_port > MAX_PORT - 9:
        raise NodeError(f"E012: base port {base_port} is too high; pick one ≤ {MAX_PORT - 9}")
    jar_dir = ensure_jars(jar_dir)
    home = home.resolve()
    home.mkdir(parents=True, exist_ok=True)
    _write_config(home, cluster_transport_ports, transport_port)
    log = home / "node.log"
    # the runner binds base+1 and moves up when taken; predict the port, confirm from the log
    expected = next((p for p in range(base_port + 1, MAX_PORT + 1) if _port_free(p)), None)
    if expected is None:
        raise NodeError(f"E013: no free HTTP port between {base_port + 1} and {MAX_PORT}")
    cmd = [
        "java", f"-Xms{min(heap, '512m', key=_heap_mb)}", f"-Xmx{heap}",
        "-Des.distribution.flavor=default", "-Des.distribution.type=tar",
        "-cp", f"{jar_dir}/*", RUNNER_CLASS,
        "-basePath", str(home), "-numOfNode", "1", "-clusterName", cluster_name,
        "-baseHttpPort", str(base_port),
    ]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
    _CHILDREN[proc.pid] = proc
    info = NodeInfo(pid=proc.pid, port=expected, home=str(home), transport_port=transport_port)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise NodeError(f"E014: the Elasticsearch JVM exited with {proc.returncode}; see {log}")
        info.port = _read_port_from_log(log) or expected
        if http_ready(info.url) or (cluster_transport_ports and _http_up(info.url)):
            _record(home, info)
            return info
        time.sleep(0.5)
    proc.kill()
    raise NodeError(f"E015: Elasticsearch did not become ready in {timeout:.0f}s; see {log}")


def _http_up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _heap_mb(value: str) -> int:
    number, unit = int(value[:-1]), value[-1].lower()
    return number * 1024 if unit == "g" else number


def _record(home: Path, info: NodeInfo) -> None:
    (home / "node.json").write_text(json.dumps(asdict(info)))


def read_node(home: Path) -> NodeInfo | None:
    """The node recorded in `home`, if any (it may have died since)."""
    try:
        return NodeInfo(**json.loads((home / "node.json").read_text()))
    except (OSError, ValueError, TypeError):
        return None


def stop_node(home: Path, timeout: float = 30.0) -> bool:
    """SIGTERM the recorded node and wait for it; SIGKILL after `timeout`. True if one was running."""
    info = read_node(home)
    if not info or not _pid_alive(info.pid):
        (home / "node.json").unlink(missing_ok=True)
        return False
    os.kill(info.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(info.pid):
        _reap(info.pid)
        time.sleep(0.2)
    if _pid_alive(info.pid):
        os.kill(info.pid, signal.SIGKILL)
        deadline = time.monotonic() + 10  # a large heap takes a moment to go even after SIGKILL
        while time.monotonic() < deadline and _pid_alive(info.pid):
            time.sleep(0.1)
    _reap(info.pid)  # a zombie no longer counts as alive: collect it now
    (home / "node.json").unlink(missing_ok=True)
    return True


def kill_node(home: Path) -> None:
    """SIGKILL the recorded node at once (fault tests)."""
    info = read_node(home)
    if info and _pid_alive(info.pid):
        os.kill(info.pid, signal.SIGKILL)
        while _pid_alive(info.pid):
            _reap(info.pid)
            time.sleep(0.1)
        _reap(info.pid)


def _reap(pid: int) -> None:
    child = _CHILDREN.get(pid)
    if child is not None:
        if child.poll() is not None:
            _CHILDREN.pop(pid, None)
        return
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def resident_memory_mb(pid: int) -> float | None:
    """Resident set size of a process, for `waspada es status` and the notes."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def start_cluster(base_home: Path, jar_dir: Path, nodes: int = 3, *, heap: str = "512m",
                  cluster_name: str = "waspada", base_port: int = 9260, timeout: float = 180.0) -> list[NodeInfo]:
    """Start `nodes` JVMs forming one cluster (distinct homes and transport ports), wait for green."""
    transports = [9311 + 10 * i for i in range(nodes)]
    infos = []
    for i, tport in enumerate(transports):
        infos.append(start_node(base_home / f"node{i + 1}", jar_dir, base_port=base_port + 2 * i, heap=heap,
                                cluster_name=cluster_name, cluster_transport_ports=transports,
                                transport_port=tport, timeout=timeout))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if http_ready(infos[0].url):
            return infos
        time.sleep(0.5)
    raise NodeError(f"E016: the {nodes}-node cluster did not form in {timeout:.0f}s; see {base_home}/node*/node.log")
