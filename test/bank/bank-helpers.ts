import { readFileSync } from 'node:fs';
import type { TestApp } from '../support/test-app.js';

export const fixture = (name: string): Buffer => readFileSync(new URL(`../fixtures/bank/${name}`, import.meta.url));

export interface ImportProblem {
  position: number;
  unit: string;
  label?: string;
  reason: string;
}

export interface ImportJob {
  id: string;
  state: 'running' | 'done' | 'failed';
  total: number;
  processed: number;
  imported: number;
  skipped: number;
  duplicates: (ImportProblem & { questionId?: number; firstPosition?: number })[];
  errors: ImportProblem[];
}

export interface TopicNode {
  id: number;
  name: string;
  parentId: number | null;
  path: string[];
  questionCount: number;
  children: TopicNode[];
}

/** POSTs a file to /api/bank/imports as multipart/form-data. */
export async function upload(
  t: TestApp,
  token: string,
  fileName: string,
  content: Buffer | string,
  fields: Record<string, string | number> = {},
): Promise<{
  status: number;
  body: ImportJob & { code?: string; message?: string; details?: { problems: ImportProblem[] } };
}> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, String(v));
  form.append('file', new Blob([typeof content === 'string' ? Buffer.from(content, 'utf8') : content]), fileName);
  const res = await fetch(`${t.url}/api/bank/imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as never };
}

/** Polls the import job until it is no longer running; returns every report seen on the way. */
export async function waitForJob(t: TestApp, token: string, id: string, timeoutMs = 120_000): Promise<ImportJob[]> {
  const seen: ImportJob[] = [];
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await t.api<ImportJob>('GET', `/api/bank/imports/${id}`, undefined, token);
    if (res.status !== 200) throw new Error(`GET import ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    seen.push(res.body);
    if (res.body.state !== 'running') return seen;
    if (Date.now() > until) throw new Error(`import ${id} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Imports a file and waits for the job to finish. */
export async function importFile(
  t: TestApp,
  token: string,
  fileName: string,
  content: Buffer | string,
  fields: Record<string, string | number> = {},
): Promise<ImportJob> {
  const res = await upload(t, token, fileName, content, fields);
  if (res.status !== 202) throw new Error(`import ${fileName}: ${res.status} ${JSON.stringify(res.body)}`);
  const seen = await waitForJob(t, token, res.body.id);
  return seen[seen.length - 1];
}

/** GETs a download as raw bytes. */
export async function download(
  t: TestApp,
  token: string,
  path: string,
): Promise<{ status: number; type: string; body: Buffer }> {
  const res = await fetch(t.url + path, { headers: { authorization: `Bearer ${token}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: Buffer.from(await res.arrayBuffer()),
  };
}

export function findTopic(nodes: TopicNode[], path: string[]): TopicNode | undefined {
  const [head, ...rest] = path;
  const node = nodes.find((n) => n.name === head);
  return node && rest.length ? findTopic(node.children, rest) : node;
}
