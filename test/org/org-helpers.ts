import type { TestApp } from '../support/test-app.js';

/** Uploads a file as multipart/form-data in the field "file", the way the web UI and curl -F do. */
export async function upload<T = unknown>(
  t: TestApp,
  path: string,
  file: { name: string; content: Buffer | string; type?: string },
  token?: string,
): Promise<{ status: number; body: T }> {
  const form = new FormData();
  const bytes = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
  form.append('file', new Blob([new Uint8Array(bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const res = await fetch(t.url + path, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: body as T };
}

export interface Problem {
  line: number;
  field?: string;
  reason: string;
}

export interface ErrorReply {
  code: string;
  message: string;
  details?: { problems?: Problem[]; fields?: { field: string; messages: string[] }[] };
}

export interface AgencyReply {
  id: number;
  code: string;
  name: string;
  levelCode: string;
  parentId: number | null;
  active: boolean;
  staffCount: number | null;
}

export interface TreeReply extends AgencyReply {
  children: TreeReply[];
}

export interface PageReply<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface UserReply {
  id: number;
  username: string;
  fullName: string;
  role: string;
  agencyId: number | null;
  email: string | null;
  active: boolean;
}
