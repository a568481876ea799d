#!/usr/bin/env python3
"""Convert a list of paths on a Dask cluster: each partition goes through one `vanban convert --stdin`.

    python3 examples/dask_convert.py tcp://SCHEDULER:8786 paths.txt records.jsonl [partitions]

Every worker needs vanban (VANBAN_CMD, a JSON list, when it is not `vanban` on PATH) and the files
at the same paths. Each partition runs `vanban convert --stdin -q --jobs 1`: Dask already runs one
task per worker thread, so one vanban thread per task keeps the cores busy without oversubscribing
them. Writes one line per input (a record or an error record), and on stderr a JSON line saying
which worker converted how many paths.
"""
import json
import os
import subprocess
import sys

import dask.bag as db
from distributed import Client, get_worker


def convert_partition(paths, vanban):
    paths = list(paths)
    if not paths:
        return []
    run = subprocess.run(
        vanban + ["convert", "--stdin", "-q", "--jobs", "1"],
        input="".join(p + "\n" for p in paths),
        capture_output=True,
        text=True,
        check=True,
    )
    worker = get_worker().address
    return [(worker, line) for line in run.stdout.splitlines() if line.strip()]


def main():
    scheduler, paths_file, out_file = sys.argv[1:4]
    partitions = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    vanban = json.loads(os.environ.get("VANBAN_CMD", '["vanban"]'))
    with open(paths_file, encoding="utf-8") as f:
        paths = [line.rstrip("\n") for line in f if line.strip()]
    with Client(scheduler) as client:
        client.wait_for_workers(int(os.environ.get("DASK_MIN_WORKERS", "1")))
        bag = db.from_sequence(paths, npartitions=min(partitions, max(1, len(paths))))
        results = bag.map_partitions(convert_partition, vanban).compute()
    per_worker = {}
    with open(out_file, "w", encoding="utf-8") as out:
        for worker, line in results:
            out.write(line + "\n")
            per_worker[worker] = per_worker.get(worker, 0) + 1
    print(json.dumps({"paths": len(paths), "lines": len(results), "workers": per_worker}), file=sys.stderr)


if __name__ == "__main__":
    main()
