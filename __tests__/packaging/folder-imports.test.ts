/**
 * The shape of src/: data flows one way (sources → variables → checks → hits → findings → reporters), so no two
 * top-level folders of src/ import each other, directly or round a longer loop. Imports are read with TypeScript's
 * own pre-processor (static, dynamic and type-only imports alike). The files at the top of src/ (the shells) count
 * as one folder.
 */
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * Edges left out of the check, each by its exact files. site/site-client.ts takes the loopback rule from
 * engine/options.ts until the network module owns that rule.
 */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? (parts[0] as string) : '(shells)';
}

/** Folder → the folders it imports, with the file edges behind each. */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolve(dirname(file), fileName.replace(/\.js$/, '.ts'));
      const to = folderOf(target);
      const edge = `${relative(SRC, file).split(sep).join('/')} -> ${relative(SRC, target).split(sep).join('/')}`;
      if (to === from) continue;
      const edges = graph.get(from) as Map<string, string[]>;
      edges.set(to, [...(edges.get(to) ?? []), edge]);
    }
  }
  return graph;
}

/** The folders from which `start` can be reached again: the loop it is part of, if any. */
function loopThrough(graph: Map<string, Map<string, string[]>>, start: string): string[] {
  const path: string[] = [];
  const seen = new Set<string>();
  const visit = (folder: string): boolean => {
    for (const next of graph.get(folder)?.keys() ?? []) {
      if (next === start) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (visit(next)) return true;
      path.pop();
    }
    return false;
  };
  return visit(start) ? [start, ...path, start] : [];
}

describe('src/ folder imports', () => {
  const graph = folderGraph();

  it('reads the folders and their imports', () => {
    expect([...graph.keys()]).toEqual(expect.arrayContaining(['engine', 'rules', 'online', 'site', 'reporters']));
    expect(graph.get('engine')?.has('rules')).toBe(true);
  });

  it.each([...graph.keys()])('%s is part of no import loop', (folder) => {
    const loop = loopThrough(graph, folder);
    const edges = loop.slice(1).map((to, i) => graph.get(loop[i] as string)?.get(to));
    expect({ loop, edges }).toEqual({ loop: [], edges: [] });
  });
});
