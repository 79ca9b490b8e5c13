#!/usr/bin/env python3
"""Benchmark of the customer kiosk under Xvfb, side by side with a peer: Debian's
Chromium in kiosk mode showing an equivalent static Welcome page. Prints figures;
never fails on time. Run from the repo root after a build:

    python3 tests/bench/bench_kiosk.py [--build build] [--runs 5] [--no-peer]

Figures: cold start to first complete frame (kiosk: its widget map appears, which
it writes right after the first frame with the queue; peer: the page's title turns
"painted" after load + two animation frames), memory after --seconds (10 s; PSS summed over
every process of the program), CPU over those seconds idle (% of one core), the kiosk's
UI-thread CPU per frame on Welcome (p50/p99, --frame-stats), and tap to ticket
shown (xdotool click on "get my number" until the ticket screen's widgets appear).
Installs Debian's chromium for the peer (only here, never in CI)."""
import argparse, json, os, shutil, signal, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def start_xvfb(width, height):
    read_fd, write_fd = os.pipe()
    proc = subprocess.Popen(["Xvfb", "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24", "-nolisten", "tcp"],
                            pass_fds=(write_fd,), stderr=subprocess.DEVNULL)
    os.close(write_fd)
    display = os.read(read_fd, 16).decode().strip()
    os.close(read_fd)
    return proc, ":" + display


def tree_pids(root_pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
                children.setdefault(int(fields[1]), []).append(int(entry))
            except OSError:
                pass
    pids, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, []))
    return pids


def pss_mb(root_pid):
    total_kb = 0
    for pid in tree_pids(root_pid):
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total_kb += int(line.split()[1])
        except OSError:
            pass
    return total_kb / 1024


def cpu_seconds(root_pid):
    ticks = 0
    for pid in tree_pids(root_pid):
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])
        except OSError:
            pass
    return ticks / os.sysconf("SC_CLK_TCK")


def wait_for(predicate, timeout=30.0, poll=0.002):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(poll)
    return False


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


class Kiosk:
    def __init__(self, build, data, env, work):
        self.build, self.data, self.env, self.work = build, data, env, work
        self.map_path = os.path.join(work, "widgets.json")

    def start(self, extra=()):
        if os.path.exists(self.map_path):
            os.remove(self.map_path)
        started = time.monotonic()
        proc = subprocess.Popen([os.path.join(self.build, "kiosk/kiosk"), "--role", "customer", "--data", self.data,
                                 "--windowed", "1280x800", "--widget-map", self.map_path, *extra],
                                env=self.env, stderr=subprocess.PIPE, text=True)
        if not wait_for(lambda: os.path.exists(self.map_path)):
            sys.exit("kiosk drew no frame: " + (proc.stderr.read() if proc.poll() is not None else "still running"))
        return proc, time.monotonic() - started

    def widgets(self):
        try:
            with open(self.map_path) as f:
                return json.load(f)
        except (OSError, ValueError):
            return {}

    def click(self, widget_id):
        x, y = self.widgets()[widget_id]
        subprocess.run(["xdotool", "mousemove", str(x), str(y), "click", "1"], env=self.env, check=True)


def peer_start(env, work, page):
    profile = tempfile.mkdtemp(dir=work)
    started = time.monotonic()
    proc = subprocess.Popen(["chromium", "--kiosk", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--disable-background-networking", "--disable-component-update", "--disable-sync",
                             "--disable-quic", f"--user-data-dir={profile}", "--window-size=1280,800", "file://" + page],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    found = wait_for(lambda: subprocess.run(["xdotool", "search", "--name", "^painted"], env=env,
                                            stdout=subprocess.DEVNULL).returncode == 0, timeout=60, poll=0.01)
    if not found:
        sys.exit("the Chromium peer never painted")
    return proc, time.monotonic() - started


def idle_figures(pid, seconds):
    time.sleep(seconds)  # settle: memory "after 10 s"
    memory = pss_mb(pid)
    cpu0 = cpu_seconds(pid)
    time.sleep(seconds)
    return memory, 100.0 * (cpu_seconds(pid) - cpu0) / seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", default=os.path.join(ROOT, "build"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--no-peer", action="store_true")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="bench-kiosk-")
    data = os.path.join(work, "store")
    ctl = [os.path.join(args.build, "kiosk/kioskctl"), "--data", data]
    subprocess.run(ctl + ["init", "--store", "BENCH-001"], check=True, stdout=subprocess.DEVNULL)
    subprocess.run(ctl + ["counter", "open", "--counter", "1", "--services", "A,B,C,D,E,F,G,H"], check=True,
                   stdout=subprocess.DEVNULL)
    xvfb, display = start_xvfb(1280, 800)
    env = dict(os.environ, DISPLAY=display)
    kiosk = Kiosk(args.build, data, env, work)
    results = {}
    try:
        starts = []
        for _ in range(args.runs):
            proc, seconds = kiosk.start()
            starts.append(seconds)
            stop(proc)
        results["kiosk start"] = statistics.median(starts)

        proc, _ = kiosk.start(["--frame-stats"])
        results["kiosk pss"], results["kiosk idle cpu"] = idle_figures(proc.pid, args.seconds)
        for i in range(200):  # frames on Welcome: the pointer moving over it
            subprocess.run(["xdotool", "mousemove", str(100 + i * 5), str(300 + (i % 50))], env=env, check=True)
        taps = []
        for _ in range(args.runs * 2):
            kiosk.click("welcome.take")
            wait_for(lambda: "service.A" in kiosk.widgets())
            time.sleep(0.45)  # past the double-tap guard
            kiosk.click("service.A")
            time.sleep(0.2)
            tapped = time.monotonic()
            kiosk.click("take.confirm")
            wait_for(lambda: "ticket.done" in kiosk.widgets())
            taps.append(time.monotonic() - tapped)
            time.sleep(0.45)
            kiosk.click("ticket.done")
            wait_for(lambda: "welcome.take" in kiosk.widgets())
            time.sleep(0.45)
        results["tap to ticket"] = statistics.median(taps)
        proc.send_signal(signal.SIGTERM)
        stats = json.loads(proc.communicate(timeout=10)[1].strip().splitlines()[-1])
        results["frames"] = stats

        if not args.no_peer:
            if shutil.which("chromium") is None:
                print("installing Debian's chromium for the peer...", file=sys.stderr)
                subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], check=True, stdout=subprocess.DEVNULL)
            page = os.path.join(ROOT, "tests/bench/peer/welcome.html")
            peer_starts = []
            for _ in range(args.runs):
                proc, seconds = peer_start(env, work, page)
                peer_starts.append(seconds)
                stop(proc)
            results["peer start"] = statistics.median(peer_starts)
            proc, _ = peer_start(env, work, page)
            results["peer pss"], results["peer idle cpu"] = idle_figures(proc.pid, args.seconds)
            stop(proc)
    finally:
        xvfb.terminate()
        shutil.rmtree(work, ignore_errors=True)

    print(f"{'figure':44} {'kiosk':>12} {'chromium':>12} {'ratio':>8}")
    def row(name, kiosk_value, peer_value, unit, fmt="{:.3f}"):
        k = fmt.format(kiosk_value) + unit
        p = (fmt.format(peer_value) + unit) if peer_value is not None else "-"
        r = f"{peer_value / kiosk_value:.1f}x" if peer_value and kiosk_value else "-"
        print(f"{name:44} {k:>12} {p:>12} {r:>8}")
    row("cold start to first frame (median)", results["kiosk start"], results.get("peer start"), " s")
    row(f"memory after {args.seconds:g} s (PSS, all processes)", results["kiosk pss"], results.get("peer pss"), " MB", "{:.1f}")
    row(f"CPU over {args.seconds:g} s idle (% of a core)", results["kiosk idle cpu"], results.get("peer idle cpu"), " %", "{:.2f}")
    print(f"{'UI-thread CPU per frame on Welcome p50/p99':44} {results['frames']['frame_cpu_ms_p50']:.2f} / "
          f"{results['frames']['frame_cpu_ms_p99']:.2f} ms over {results['frames']['frames']} frames")
    print(f"{'tap to ticket shown (median)':44} {results['tap to ticket'] * 1000:.1f} ms")
    print("aims: first frame < 0.35 s, < 60 MB, < 0.5 % idle; >= 4x faster start and < 1/5 the memory of the peer")


if __name__ == "__main__":
    main()
