/**
 * The online calls run concurrently: with 200 ms on every HTTP answer and every DNS answer, the whole online part
 * costs about three round trips (the instance, domains, Frontend API and Platform domain at once; then DNS and the
 * Platform status and config; the Frontend API's own look-up before it), not the dozen and more it makes. Measured
 * against the same project offline, through the shipped CLI. The margins are generous (a loaded CI runner).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { healthyProduction } from '../fakes/clerk-server.js';
import {
  instanceVariables,
  onlineProject,
  onlineStatuses,
  startOnlineWorld,
  type OnlineWorld
} from '../helpers/online-world.js';
import { runDistCli } from '../helpers/run-dist-cli.js';

const LATENCY_MS = 200;

describe('with 200 ms of latency on HTTP and DNS', () => {
  let world: OnlineWorld;
  let project: { dir: string; remove(): Promise<void> };

  beforeAll(async () => {
    world = await startOnlineWorld(healthyProduction(), { latencyMs: LATENCY_MS, dnsLatencyMs: LATENCY_MS });
    project = await onlineProject(instanceVariables(world));
  });
  afterAll(async () => {
    await project?.remove();
    await world?.close();
  });

  /** The fastest of `n` runs (the least disturbed by the machine), in milliseconds, and its exit code. */
  async function fastest(args: string[], n: number): Promise<{ ms: number; stdout: string; code: number | null }> {
    let best: { ms: number; stdout: string; code: number | null } | undefined;
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const run = await runDistCli(project.dir, ['--format', 'json', ...args, '.'], { env: world.env });
      const ms = performance.now() - started;
      if (!best || ms < best.ms) best = { ms, stdout: run.stdout, code: run.code };
    }
    if (!best) throw new Error('no run');
    return best;
  }

  it('the online part costs about three round trips, not one per call', async () => {
    const offline = await fastest(['--offline'], 2);
    const online = await fastest(world.flags, 2);
    expect(online.code).toBe(0);
    expect(Object.values(onlineStatuses(JSON.parse(online.stdout))).every((s) => s === 'pass')).toBe(true);

    // The calls made, one after the other, would cost this much (each answer waits LATENCY_MS).
    const calls = world.clerk.requests.length / 2 + world.dns.queries.length / 2;
    expect(calls * LATENCY_MS).toBeGreaterThanOrEqual(2400);

    const extra = online.ms - offline.ms;
    // At least two round trips: the latency applies (the domains, then their DNS records).
    expect(extra).toBeGreaterThanOrEqual(2 * LATENCY_MS);
    // Three round trips and a generous margin for TLS, process start-up and a loaded machine.
    expect(extra).toBeLessThan(3 * LATENCY_MS + 900);
  }, 60_000);
});
