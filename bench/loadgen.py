"""The load generator: a separate process that drives one GraphQL endpoint.

    python bench/loadgen.py PLAN.json  ->  prints one JSON line of results

The plan names the endpoint, its headers, the number of concurrent clients, how
long to run, the account ids to spread requests over and the weighted mix of
requests. Each client sends its next request as soon as the last one is answered
(closed loop), so throughput is what the server sustains at that concurrency.
Any response with `errors`, or a status other than 200, counts as an error. The
clients are aiohttp's (its HTTP parsing is in C): on 2 cores shared with the servers,
the load generator's own CPU is taken from them (bench/notes.md).
"""

from __future__ import annotations

import asyncio
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import aiohttp
import orjson


def percentile(samples: list[float], q: float) -> float:
    """Nearest-rank percentile of already sorted samples (q in 0..100)."""
    if not samples:
        return float("nan")
    rank = max(1, round(q / 100 * len(samples)))
    return samples[min(rank, len(samples)) - 1]


def stats(samples: list[float]) -> dict[str, float]:
    """p50, p95, mean and count of a benchmark row's samples (ms)."""
    s = sorted(samples)
    return {"p50": statistics.median(s), "p95": percentile(s, 95), "mean": statistics.fmean(s),
            "n": len(s)}  # fmt: skip


def fill(variables: dict[str, Any], account: str) -> dict[str, Any]:
    """`$account` in a string variable becomes this request's account id."""
    return {
        k: v.replace("$account", account) if isinstance(v, str) else v for k, v in variables.items()
    }


async def run(plan: dict[str, Any]) -> dict[str, Any]:
    mix = plan["mix"]
    names = [m["name"] for m in mix]
    weights = [m["weight"] for m in mix]
    ids = plan["accountIds"]
    deadline = 0.0
    lat: dict[str, list[float]] = {n: [] for n in names}
    errors: dict[str, int] = dict.fromkeys(names, 0)
    first_error: list[str] = []

    async def post(http: aiohttp.ClientSession, body: bytes) -> tuple[int, bytes]:
        async with http.post(plan["url"], data=body, headers=plan["headers"]) as r:
            return r.status, await r.read()

    async def client(n: int, http: aiohttp.ClientSession) -> None:
        rng = random.Random(n)
        i = n
        while time.perf_counter() < deadline:
            m = mix[names.index(rng.choices(names, weights)[0])]
            i += 1
            variables = fill(m.get("variables", {}), ids[i % len(ids)])
            body = orjson.dumps({"query": m["query"], "variables": variables})
            start = time.perf_counter()
            status, content = await post(http, body)
            took = (time.perf_counter() - start) * 1000
            ok = status == 200 and b'"errors"' not in content[:20000]
            if ok:
                lat[m["name"]].append(took)
            else:
                errors[m["name"]] += 1
                if not first_error:
                    first_error.append(
                        f"{m['name']}: {status} {content[:300].decode(errors='replace')}"
                    )

    # One keep-alive connection per client, as before.
    connector = aiohttp.TCPConnector(limit=plan["concurrency"])
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        # Warm-up: one request of each kind, not counted.
        for m in mix:
            variables = fill(m.get("variables", {}), ids[0])
            await post(http, orjson.dumps({"query": m["query"], "variables": variables}))
        start = time.perf_counter()
        deadline = start + plan["seconds"]
        await asyncio.gather(*(client(n, http) for n in range(plan["concurrency"])))
        elapsed = time.perf_counter() - start
    every = sorted(x for v in lat.values() for x in v)
    return {
        "concurrency": plan["concurrency"],
        "seconds": elapsed,
        "requests": len(every),
        "errors": sum(errors.values()),
        "firstError": first_error[0] if first_error else None,
        "throughput": len(every) / elapsed,
        "p50": percentile(every, 50),
        "p95": percentile(every, 95),
        "p99": percentile(every, 99),
        "byName": {
            n: {
                "requests": len(v),
                "errors": errors[n],
                "p50": percentile(sorted(v), 50),
                "p99": percentile(sorted(v), 99),
            }
            for n, v in lat.items()
        },
    }


def main() -> None:
    plan = orjson.loads(Path(sys.argv[1]).read_bytes())
    try:
        import uvloop

        result = uvloop.run(run(plan))
    except ImportError:
        result = asyncio.run(run(plan))
    sys.stdout.buffer.write(orjson.dumps(result) + b"\n")


if __name__ == "__main__":
    main()
