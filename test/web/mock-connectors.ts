import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Connector } from '../../web/ui/api.ts';
import { CONNECTOR_KINDS } from './mock-fixtures.ts';

/* The connector routes of test/web/mock-server.ts (list, kinds, create, update, delete). */

export interface MockIo {
  path: string;
  method: string;
  connectors: Connector[];
  send: (res: ServerResponse, status: number, body?: unknown) => void;
  problem: (res: ServerResponse, status: number, detail: string, extra?: Record<string, unknown>) => void;
  body: (req: IncomingMessage) => Promise<Record<string, unknown>>;
}

/** Answers /api/connectors and below from the in-memory list. */
export async function connectorRoutes(req: IncomingMessage, res: ServerResponse, io: MockIo): Promise<void> {
  const { path, method, connectors, send, problem, body } = io;
  if (path === '/api/connectors/kinds') {
    return send(res, 200, { items: CONNECTOR_KINDS });
  }
  if (path === '/api/connectors' && method === 'GET') {
    return send(res, 200, { items: connectors });
  }
  const mask = (kind: string, config: Record<string, unknown>) => {
    const secrets = CONNECTOR_KINDS.find((k) => k.kind === kind)?.secretFields ?? [];
    return Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secrets.includes(k) ? '********' : v]));
  };
  if (path === '/api/connectors' && method === 'POST') {
    const input = await body(req);
    const kind = CONNECTOR_KINDS.find((k) => k.kind === input.kind);
    if (!kind || typeof input.name !== 'string' || typeof input.config !== 'object' || input.config === null) {
      return problem(res, 400, 'Invalid connector.', { errors: [{ path: 'kind', message: 'Unknown kind' }] });
    }
    const id = `con-${randomUUID().slice(0, 8)}`;
    const created: Connector = {
      id,
      kind: kind.kind,
      name: input.name,
      enabled: input.enabled === true,
      config: mask(kind.kind, input.config as Record<string, unknown>),
      health: { state: input.enabled === true ? 'starting' : 'stopped', message: null, since: new Date().toISOString(), lastPostAt: null, postsTotal: 0, malformedTotal: 0 },
      webhookUrl: kind.mode === 'push' ? `http://127.0.0.1/api/connectors/${id}/webhook` : null,
    };
    connectors.push(created);
    return send(res, 201, created);
  }
  const index = connectors.findIndex((c) => path === `/api/connectors/${c.id}`);
  const existing = connectors[index];
  if (!existing) {
    return problem(res, 404, 'No such connector.');
  }
  if (method === 'DELETE') {
    connectors.splice(index, 1);
    return send(res, 204);
  }
  const patch = await body(req);
  const config = typeof patch.config === 'object' && patch.config !== null ? { ...existing.config, ...mask(existing.kind, patch.config as Record<string, unknown>) } : existing.config;
  const enabled = typeof patch.enabled === 'boolean' ? patch.enabled : existing.enabled;
  const updated: Connector = {
    ...existing,
    name: typeof patch.name === 'string' ? patch.name : existing.name,
    config,
    enabled,
    health: enabled !== existing.enabled ? { ...existing.health, state: enabled ? 'starting' : 'stopped', since: new Date().toISOString(), message: null } : existing.health,
  };
  connectors[index] = updated;
  return send(res, 200, updated);
}
