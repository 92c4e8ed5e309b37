import type { Role } from '../auth/roles.js';
import { api } from './api.js';

/** Shapes of libs/org's DTOs (AgencyTreeNodeDto, UserDto, UserPageDto, ImportProblemDto …) as the UI reads them. */
export interface Agency {
  id: number;
  code: string;
  name: string;
  levelId: number;
  levelCode: string;
  depth: number;
  parentId: number | null;
  active: boolean;
  staffCount: number | null;
}
export interface AgencyTreeNode extends Agency {
  children: AgencyTreeNode[];
}
export interface User {
  id: number;
  username: string;
  fullName: string;
  role: Role;
  agencyId: number | null;
  email: string | null;
  active: boolean;
  createdAt: string;
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
export interface ImportProblem {
  line: number;
  field?: string;
  reason: string;
}
export interface ImportResult {
  rows: number;
  created: number;
  dryRun: boolean;
}
export interface NewUser {
  username: string;
  fullName: string;
  password: string;
  role: Role;
  agencyId: number | null;
}

/** Every call the org screens make, in one place, so a route that moves changes here only. */
export const orgApi = {
  agencyTree: (includeInactive: boolean, signal?: AbortSignal) =>
    api.get<AgencyTreeNode[]>('/api/agencies/tree', { query: { includeInactive }, signal }),
  users: (q: { page: number; pageSize: number; q?: string }, signal?: AbortSignal) =>
    api.get<Page<User>>('/api/users', { query: q, signal }),
  createUser: (u: NewUser) => api.post<User>('/api/users', u),
  resetPassword: (id: number, newPassword: string, reason: string) =>
    api.post<void>(`/api/users/${id}/reset-password`, { newPassword, reason }),
  /** The .xlsx template with Vietnamese headers. */
  usersTemplateUrl: '/api/org/import/templates/users',
  importUsers: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<ImportResult>('/api/org/import/users', form, { timeoutMs: 120_000 });
  },
};

/** Row problems of a refused import (IMPORT_INVALID), from the error's `details.problems`. */
export function importProblems(details: unknown): ImportProblem[] {
  const d = details as { problems?: unknown } | undefined;
  const list: unknown[] = Array.isArray(d?.problems) ? d.problems : [];
  return list.filter(
    (p): p is ImportProblem => typeof p === 'object' && p !== null && typeof (p as ImportProblem).line === 'number',
  );
}

export function countNodes(nodes: readonly AgencyTreeNode[]): number {
  return nodes.reduce((n, a) => n + 1 + countNodes(a.children), 0);
}

/** The tree as a flat list in display order, each with its depth below the roots (for indented pickers). */
export function flattenTree(nodes: readonly AgencyTreeNode[], level = 0): { agency: Agency; level: number }[] {
  return nodes.flatMap((a) => [{ agency: a, level }, ...flattenTree(a.children, level + 1)]);
}
