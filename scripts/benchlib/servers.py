"""gunicorn under production settings, and the subprocesses around it."""

import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


class BenchError(Exception):
    """A step of the benchmark failed; the message says which and why."""


def production_env(database_url, redis_url="", **extra):
    """The environment of a production server: debug off, a throwaway secret
    key, and none of the caller's Django or Newsroom settings."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "NEWSROOM_"))
        and key not in {"DATABASE_URL", "REDIS_URL"}
    }
    env.update(
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        PYTHONUNBUFFERED="1",
    )
    if redis_url:
        env["REDIS_URL"] = redis_url
    env.update(extra)
    return env


def run(command, env, timeout=3600):
    """Run ``command`` in the project directory; raise with its output if it fails."""
    result = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )
    if result.returncode != 0:
        raise BenchError(
            f"{' '.join(command)} failed:\n{result.stdout[-2000:]}{result.stderr[-4000:]}"
        )
    return result


def inside(env, *args, timeout=3600):
    """Run a step of ``benchlib.inside`` under the benchmark's settings."""
    return run([sys.executable, "-m", "scripts.benchlib.inside", *args], env, timeout)


def free_port(ports):
    """The first port of ``ports`` (a range) that nothing listens on."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise BenchError(f"No free port in {ports.start}-{ports.stop - 1}.")


class Gunicorn:
    """gunicorn serving the project on a free local port, for a `with` block.

    Every server gets a fresh cache directory and content-version file, so
    that no run starts with pages or a version left by another one. Its
    ``env`` is the one to use for anything that must share its cache (the
    process saving briefs during the spike).
    """

    def __init__(self, env, options, progress):
        self.options = options
        self.progress = progress
        self.port = None
        self.log = tempfile.TemporaryFile()
        self.cache_dir = tempfile.mkdtemp(prefix="newsroom-bench-cache-")
        self.env = dict(
            env,
            NEWSROOM_CACHE_DIR=self.cache_dir,
            NEWSROOM_CACHE_STATE_FILE=str(Path(self.cache_dir) / "version"),
        )
        self.process = None

    def __enter__(self):
        if self.options.redis_url:
            # A shared Redis may hold pages of another database or run.
            inside(self.env, "clear-caches")
        self.port = free_port(self.options.ports)
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "newsroom.wsgi",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.options.workers),
            "--worker-class",
            "gthread",
            "--threads",
            str(self.options.worker_threads),
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(
            command, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise BenchError(f"gunicorn stopped:\n{self.output()}")
            if self.status("/en/") == 200:
                self.progress(f"  gunicorn ready on 127.0.0.1:{self.port}")
                return self
            time.sleep(0.2)
        self.stop()
        raise BenchError(f"gunicorn did not answer within 60 s:\n{self.output()}")

    def __exit__(self, *exc_info):
        self.stop()
        self.log.close()
        shutil.rmtree(self.cache_dir, ignore_errors=True)

    def stop(self):
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def status(self, path):
        try:
            with urllib.request.urlopen(self.url(path), timeout=30) as response:
                response.read()
                return response.status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-4000:]

    def worker_memory(self):
        """Resident memory of each worker process, in MB."""
        sizes = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                status = (entry / "status").read_text()
            except OSError:
                continue
            fields = dict(
                line.split(":", 1) for line in status.splitlines() if ":" in line
            )
            if fields.get("PPid", "").strip() == str(self.process.pid):
                sizes.append(int(fields["VmRSS"].split()[0]) / 1024)
        return sorted(sizes)


class Saver:
    """A process that saves one brief every ``interval`` seconds through the
    ORM, with the settings of the server it runs next to, for a `with` block.

    Entering waits for the first save, so that the measurement that follows
    sees edits from its first second.
    """

    def __init__(self, env, paths_file, interval):
        self.env = env
        self.command = [
            sys.executable,
            "-m",
            "scripts.benchlib.inside",
            "save-briefs",
            str(paths_file),
            str(interval),
        ]
        self.log = Path(paths_file).with_suffix(".saves")
        self.process = None

    def __enter__(self):
        with self.log.open("wb") as log:
            self.process = subprocess.Popen(
                self.command, cwd=ROOT, env=self.env, stdout=log, stderr=log
            )
        deadline = time.monotonic() + 60
        while not self.saves():
            if time.monotonic() > deadline:
                self.stop()
                raise BenchError(f"No brief saved within 60 s:\n{self.output()}")
            time.sleep(0.1)
        return self

    def __exit__(self, *exc_info):
        self.stop()

    def stop(self):
        if self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def output(self):
        return self.log.read_text(errors="replace")

    def saves(self):
        """How many briefs were saved so far; raises if the process failed."""
        output = self.output()
        if self.process.poll() is not None:
            raise BenchError(f"Saving briefs failed:\n{output[-4000:]}")
        return sum(1 for line in output.splitlines() if line.startswith("saved "))
