/**
 * The probe's client, in a process of its own like any visitor of the site: a GET due every
 * `everyMs`, one at a time, its latency counted from when it was due (a slow answer delays the
 * next send rather than piling requests up; due times missed meanwhile are skipped). Driven over
 * IPC: {start: {url, headers, everyMs}} → {ready} (after one GET not counted); {stop} → {samples, failed}.
 */
type Start = { url: string; headers: Record<string, string>; everyMs: number };

let running = false;
let samples: Array<{ at: number; latency: number }> = [];
let failed = 0;
let unanswered: number | null = null;
let loop: Promise<void> = Promise.resolve();
let start = 0;

const run = async ({ url, headers, everyMs }: Start) => {
  for (let k = 0; running; k++) {
    const due = start + k * everyMs;
    unanswered = due;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (!running) break;
    try {
      const res = await fetch(url, { headers });
      await res.arrayBuffer();
      if (res.status !== 200) failed++;
      samples.push({ at: due - start, latency: performance.now() - due });
    } catch {
      failed++;
    }
    unanswered = null;
    k = Math.max(k, Math.ceil((performance.now() - start) / everyMs) - 1);
  }
};

process.on('message', async (msg: any) => {
  if (msg.start) {
    // Not counted: a process's first fetch loads its HTTP client and opens the connection
    // (100–180 ms here), which is this client's start, not the server's answer.
    await fetch(msg.start.url, { headers: msg.start.headers }).then(
      (r) => r.arrayBuffer(),
      () => undefined
    );
    samples = [];
    failed = 0;
    running = true;
    start = performance.now();
    loop = run(msg.start);
    process.send!({ ready: true });
  } else if (msg.stop) {
    const stopAt = performance.now();
    const overdue = unanswered;
    running = false;
    await loop;
    // The GET due and not answered by the end still counts, with its wait so far.
    if (overdue !== null && stopAt > overdue && !samples.some((s) => s.at === overdue - start))
      samples.push({ at: overdue - start, latency: stopAt - overdue });
    process.send!({ samples, failed });
  } else if (msg.exit) {
    process.exit(0);
  }
});
