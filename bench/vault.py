"""Benchmark: bulk code assignment in the key vault, SQLite and PostgreSQL.

Run by hand, not in CI:  .venv/bin/python bench/vault.py [--rows 10000000]
    [--distinct 1000000] [--backends sqlite postgresql] [--durable]

For each backend, a fresh vault and scope; then four timed `Vault.assign` calls on
a Python list of --rows identifiers ("MRN" + 9 digits, --distinct of them, in
random order, about --rows/--distinct repeats each):

    first   every identifier is new (blind indexes, codes, encryption, inserts)
    again   the same batch: every identifier known (lookups only)
    mixed   half known, half new (a second extract of the same study)
    reid    re-identify 10,000 codes (`Vault.reidentify`)

Target (issue 5): 10M rows with 1M distinct identifiers in under 60 s per backend.
PostgreSQL is a throwaway cluster (tests/vault/pgcluster.py) with fsync off unless
--durable; SQLite is a file in a temp directory (WAL, synchronous FULL). One JSON
line per measurement; the first line names the machine and its load.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.vault.pgcluster import PgCluster

from veil.vault import MasterKey, Vault


def identifiers(rows: int, distinct: int, *, offset: int = 0, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    return [f"MRN{offset + rng.randrange(distinct):09d}" for _ in range(rows)]


def measure(url: str, rows: int, distinct: int, backend: str) -> None:
    batch = identifiers(rows, distinct)
    with Vault.create(url, MasterKey.generate()) as vault:
        vault.add_scope("bench", actor="bench")
        for name, data in (("first", batch), ("again", batch),
                           ("mixed", identifiers(rows, distinct, offset=distinct // 2,
                                                 seed=1))):
            started = time.perf_counter()
            codes = vault.assign("bench", data, actor="bench")
            seconds = time.perf_counter() - started
            entry = vault.audit()[-1]
            print(json.dumps({"backend": backend, "step": name, "rows": rows,
                              "distinct": entry.counts["distinct"], "new": entry.counts["new"],
                              "seconds": round(seconds, 2),
                              "rows_per_s": round(rows / seconds)}), flush=True)
        sample = random.Random(2).sample(codes, 10_000)
        started = time.perf_counter()
        found = vault.reidentify("bench", sample, actor="bench", purpose="benchmark")
        seconds = time.perf_counter() - started
        assert all(v is not None for v in found.values())
        print(json.dumps({"backend": backend, "step": "reid", "codes": len(sample),
                          "seconds": round(seconds, 2)}), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--distinct", type=int, default=1_000_000)
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--durable", action="store_true", help="PostgreSQL with fsync on")
    args = parser.parse_args()
    print(json.dumps({"machine": platform.platform(), "cpus": os.cpu_count(),
                      "load": os.getloadavg()[0], "python": platform.python_version()}))
    if "sqlite" in args.backends:
        with tempfile.TemporaryDirectory() as tmp:
            measure(f"sqlite:///{tmp}/vault.db", args.rows, args.distinct, "sqlite")
    if "postgresql" in args.backends:
        cluster = PgCluster(durable=args.durable)
        try:
            cluster.start()
            measure(cluster.new_database(), args.rows, args.distinct,
                    "postgresql" + (" (fsync on)" if args.durable else " (fsync off)"))
        finally:
            cluster.stop()


if __name__ == "__main__":
    main()
