"""Load benchmark of the HTTP API on loopback: filtered GET /events over a store of N synthetic events.

    python benchmarks/api_load.py [--events 100000] [--requests 4000] [--concurrency 8] [--seconds 60]

Builds the store (seeded, reproducible), starts `eventwire serve` as its own process (one worker), and drives it
from a second process with keep-alive connections. Prints requests/s and latency percentiles per query kind and
overall, and whether the acceptance bar holds (≥ 200 requests/s with p99 < 200 ms). Bounded in count and time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import multiprocessing
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from eventwire.model import Event, Evidence, Span
from eventwire.store import EVENT_COLUMNS, Store, event_row

TYPES = {
    "Battles": ["Armed clash", "Non-state actor overtakes territory", "Government regains territory"],
    "Explosions/Remote violence": ["Air/drone strike", "Shelling/artillery/missile attack", "Suicide bomb"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": ["Arrests", "Looting/property destruction"],
}
COUNTRIES = [("IQ", "Iraq", 33.3, 44.4), ("SY", "Syria", 35.0, 38.5), ("YE", "Yemen", 15.5, 47.5),
             ("ML", "Mali", 16.0, -1.5), ("NG", "Nigeria", 9.0, 8.0), ("SO", "Somalia", 5.0, 46.0),
             ("UA", "Ukraine", 49.0, 32.0), ("AF", "Afghanistan", 34.0, 66.0), ("SD", "Sudan", 15.0, 30.0),
             ("CD", "Democratic Republic of Congo", -2.0, 24.0)]
ACTORS = ["Islamic State (ISIS)", "Military Forces of {c}", "Police Forces of {c}", "Protesters ({c})",
          "Rioters ({c})", "Civilians ({c})", "Unidentified Armed Group ({c})", "Al Shabaab", "JNIM"]
START = dt.date(2021, 1, 1)
SYLLABLES = ["al", "qa", "im", "ra", "wah", "mo", "sul", "ba", "kir", "kuk", "tal", "afar", "hit", "fal", "luj",
             "ram", "adi", "sin", "jar", "deir", "zor", "ma", "rib", "gao", "kid", "tim", "buk", "tu", "dan", "ja"]


def place_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.choice([2, 3]))).capitalize()


def synthetic_events(count: int, seed: int = 7) -> list[Event]:
    rng = random.Random(seed)
    places = [(code, name, lat + rng.uniform(-3, 3), lon + rng.uniform(-3, 3), place_name(rng))
              for code, name, lat, lon in COUNTRIES for _ in range(30)]
    events = []
    for number in range(count):
        code, country, lat, lon, town = rng.choice(places)
        event_type = rng.choice(list(TYPES))
        sub = rng.choice(TYPES[event_type])
        actor1, actor2 = (rng.choice(ACTORS).format(c=country) for _ in range(2))
        notes = f"{actor1} and {actor2} near {town} in {country}."
        events.append(Event(
            event_id=f"bench{number:07d}", article_id=f"article{number // 3:06d}",
            evidence=Evidence(Span(0, len(notes)), Span(0, 5)), event_date=START + dt.timedelta(rng.randrange(1095)),
            time_precision=1, event_type=event_type, sub_event_type=sub, actor1=actor1, actor2=actor2,
            country=country, country_code=code, admin1=f"{town[:3]}ia Province", location=town, latitude=lat,
            longitude=lon, geo_precision=1, fatalities=rng.choice([0, 0, 0, 1, 2, 5]), notes=notes))
    return events


def build_store(path: Path, count: int) -> None:
    store = Store(path)
    marks = ",".join("?" * (EVENT_COLUMNS.count(",") + 1))
    with store.db.transaction():
        store.db.executemany("INSERT INTO articles (article_id, url, origin, outlet, language, title, text, stages) "
                             "VALUES (?, '', 'bench', 'bench', 'en', '', '', '[]')",
                             [(f"article{n:06d}",) for n in range(count // 3 + 1)])
        store.db.executemany(f"INSERT INTO events ({EVENT_COLUMNS}) VALUES ({marks})",
                             [event_row(e) for e in synthetic_events(count)])
    store.db.execute("ANALYZE")
    store.close()


def query_mix(rng: random.Random) -> tuple[str, dict[str, object]]:
    """One filtered query, as an analyst's map and list views send them."""
    kind = rng.choice(["dates+type", "country+dates", "bbox", "actor", "text", "status+sort"])
    start = START + dt.timedelta(rng.randrange(1000))
    window = {"start": start.isoformat(), "end": (start + dt.timedelta(rng.choice([7, 30, 90]))).isoformat()}
    code, _, lat, lon = rng.choice(COUNTRIES)
    params: dict[str, object] = {
        "dates+type": {**window, "event_type": rng.choice(list(TYPES))},
        "country+dates": {**window, "country": code},
        "bbox": {"bbox": f"{lon - 2:.2f},{lat - 2:.2f},{lon + 2:.2f},{lat + 2:.2f}", "sort": "-fatalities"},
        "actor": {"actor": rng.choice(["isis", "military forces", "protesters", "shabaab"]), **window},
        "text": {"q": place_name(rng) if rng.random() < 0.5 else rng.choice(["clash", "near", "civilians"])},
        "status+sort": {"status": "pending", "sort": rng.choice(["event_date", "-event_date", "location"])},
    }[kind]
    return kind, params


def _client(port: int, jobs: list[tuple[str, str]], results: list[tuple[str, float, int]], deadline: float) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for kind, path in jobs:
        if time.monotonic() > deadline:
            break
        began = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - began
        if response.status == 200:
            json.loads(body)
        results.append((kind, elapsed, response.status))


def drive(port: int, requests: int, concurrency: int, seconds: float, queue: multiprocessing.Queue) -> None:
    """The load generator, in its own process: `concurrency` keep-alive connections."""
    rng = random.Random(11)
    jobs = []
    for _ in range(requests):
        kind, params = query_mix(rng)
        jobs.append((kind, "/events?" + urllib.parse.urlencode(params)))
    results: list[tuple[str, float, int]] = []
    deadline = time.monotonic() + seconds
    threads = [threading.Thread(target=_client, args=(port, jobs[i::concurrency], results, deadline))
               for i in range(concurrency)]
    began, cpu = time.perf_counter(), time.process_time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    queue.put((time.perf_counter() - began, time.process_time() - cpu, results))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU seconds of a process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(port: int, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"api_load: the server exited with {server.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    sys.exit("api_load: the server did not start within 60 s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=4000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60.0, help="stop the load after this long")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "load.sqlite"
        began = time.perf_counter()
        build_store(path, args.events)
        print(f"store: {args.events} events built in {time.perf_counter() - began:.1f} s")
        port = _free_port()
        command = [sys.executable, "-c", "import sys; from eventwire.cli import main; sys.exit(main())",
                   "serve", "--db", str(path), "--port", str(port), "--no-example"]
        server = subprocess.Popen(command, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"})
        try:
            _wait_until_up(port, server)
            queue: multiprocessing.Queue = multiprocessing.Queue()
            worker = multiprocessing.Process(target=drive, args=(port, 200, 4, 30, queue))
            worker.start()  # warm-up, not counted
            queue.get()
            worker.join()
            worker = multiprocessing.Process(target=drive,
                                             args=(port, args.requests, args.concurrency, args.seconds, queue))
            server_cpu = _cpu_seconds(server.pid)
            worker.start()
            wall, client_cpu, results = queue.get()
            worker.join()
            server_cpu = _cpu_seconds(server.pid) - server_cpu
        finally:
            server.terminate()
            server.wait(timeout=10)
    report(args, wall, results)
    print(f"cpu: server {server_cpu / wall:.0%} of a core, load generator {client_cpu / wall:.0%} "
          f"({os.cpu_count()} cores here)")
    ok = len(results) / wall >= 200 and percentile([r[1] for r in results], 0.99) < 0.2
    return 0 if ok and all(status == 200 for _, _, status in results) else 1


def report(args: argparse.Namespace, wall: float, results: list[tuple[str, float, int]]) -> None:
    errors = sum(status != 200 for _, _, status in results)
    print(f"load: {len(results)} requests, {args.concurrency} connections, {wall:.1f} s, {errors} non-200")
    print(f"{'query':<15}{'n':>6}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}")
    kinds = sorted({kind for kind, _, _ in results})
    for kind in [*kinds, "all"]:
        times = [t for k, t, _ in results if kind in (k, "all")]
        print(f"{kind:<15}{len(times):>6}{statistics.median(times) * 1000:>9.1f}"
              f"{percentile(times, 0.9) * 1000:>9.1f}{percentile(times, 0.99) * 1000:>9.1f}")
    rate = len(results) / wall
    p99 = percentile([t for _, t, _ in results], 0.99) * 1000
    verdict = "meets" if rate >= 200 and p99 < 200 else "misses"
    print(f"throughput: {rate:.0f} requests/s, p99 {p99:.0f} ms — {verdict} the bar (≥ 200 req/s, p99 < 200 ms)")


if __name__ == "__main__":
    sys.exit(main())
