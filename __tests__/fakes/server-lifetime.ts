import type { Server } from 'node:http';

/**
 * What the fake servers share about their lifetime: sleeps (latency, faults) that `close` cancels, so a test ends
 * without waiting for them, and the `closed` flag after which no reply is written.
 */
export interface ServerLifetime {
  sleep(ms: number): Promise<void>;
  readonly closed: boolean;
  close(server: Server): Promise<void>;
}

export function serverLifetime(): ServerLifetime {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;
  return {
    sleep: (ms) =>
      new Promise((resolve) => {
        const timer = setTimeout(() => {
          timers.delete(timer);
          resolve();
        }, ms);
        timers.add(timer);
      }),
    get closed() {
      return closed;
    },
    async close(server) {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const done = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await done;
    }
  };
}
