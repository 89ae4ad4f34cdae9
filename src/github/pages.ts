import type { Octokit } from './octokit.js';

/** How far a list is read: at most `maxPages` pages, and no page asked for once `deadline` (ms since epoch) passed. */
export interface PageLimits {
  maxPages: number;
  deadline: number;
}

interface Pages<T> {
  items: T[];
  /** Why the list was not read to its end; absent when it was. */
  cut?: string;
}

interface PageResponse<T> {
  data: T[];
  headers: { link?: string | undefined };
  url: string;
}

/** A signal that aborts a request in flight when the deadline passes. */
export function deadlineSignal(deadline: number): AbortSignal {
  return AbortSignal.timeout(Math.max(1, deadline - Date.now()));
}

/**
 * A GitHub list, page after page (`Link: rel="next"`), bounded: by `maxPages`, by the deadline, and to the first
 * page's origin (a next page elsewhere would get the token). Octokit's own `paginate` has no bound, and drops the
 * request's signal after the first page, so a list whose `next` never ends would be read forever.
 */
export async function readPages<T>(
  octokit: Octokit,
  first: (signal: AbortSignal) => Promise<PageResponse<T>>,
  limits: PageLimits
): Promise<Pages<T>> {
  const items: T[] = [];
  let response = await first(deadlineSignal(limits.deadline));
  for (let page = 1; ; page++) {
    items.push(...response.data);
    const next = nextLink(response.headers.link);
    if (next === undefined) return { items };
    if (page >= limits.maxPages) return { items, cut: `it has more than ${limits.maxPages} pages` };
    if (Date.now() >= limits.deadline) return { items, cut: `the time budget ran out after ${page} pages` };
    if (!sameOrigin(next, response.url)) return { items, cut: 'its next page is on another origin' };
    response = await octokit.request<T[]>({
      method: 'GET',
      url: next,
      request: { signal: deadlineSignal(limits.deadline) }
    });
  }
}

function nextLink(header: string | undefined): string | undefined {
  return /<([^<>]+)>;\s*rel="next"/.exec(header ?? '')?.[1];
}

function sameOrigin(next: string, current: string): boolean {
  try {
    return new URL(next).origin === new URL(current).origin;
  } catch {
    return false;
  }
}
