"""The embedded cache's counters, shared by the worker processes of a machine.

Rate limits and republication hits count through ``add()`` and ``incr()`` of
``newsroom.cache.FileCache``. Django's file cache reads and then writes in
both, so two processes counting at once would lose counts; the lock file
makes each step atomic. These tests count from several real processes.
"""

import multiprocessing

from newsroom.cache import FileCache

PROCESSES = 4
COUNTS = 150


def count(location, key, start, counts):
    cache = FileCache(location, {})
    start.wait(timeout=30)
    for _ in range(counts):
        cache.add(key, 0, timeout=600)
        cache.incr(key)


def run_together(location, key, processes=PROCESSES, counts=COUNTS):
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    workers = [
        context.Process(target=count, args=(location, key, start, counts))
        for _ in range(processes)
    ]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0


def test_processes_counting_at_once_lose_no_count(tmp_path):
    run_together(str(tmp_path), "hits")
    assert FileCache(str(tmp_path), {}).get("hits") == PROCESSES * COUNTS


def test_the_first_add_of_a_window_wins(tmp_path):
    cache = FileCache(str(tmp_path), {})
    assert cache.add("window", 5, timeout=600) is True
    assert cache.add("window", 0, timeout=600) is False
    assert cache.incr("window") == 6
