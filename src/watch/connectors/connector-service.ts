import { z } from 'zod';
import type { Clock } from '#core/clock.ts';
import { invalid, notFound } from '#core/errors.ts';
import { newId } from '#core/ids.ts';
import type { AuditLog } from '#platform/audit/audit-log.ts';
import type { EventBus } from '#platform/bus/bus.ts';
import type { Database } from '#platform/db/database.ts';
import '../events.ts';
import type { ConnectorKind, FieldTexts } from './connector.ts';
import { findConnectorRow, healthOf, listConnectorRows, type ConnectorHealthRecord, type ConnectorRecord } from './connector-store.ts';

/** Shown instead of a stored secret; sending it back keeps the secret unchanged. */
export const SECRET_PLACEHOLDER = '********';

export interface ConnectorView extends Omit<ConnectorRecord, 'organisationId'> {
  health: ConnectorHealthRecord;
}

export interface ConnectorKindView {
  kind: string;
  label: { nl: string; en: string };
  mode: 'pull' | 'push';
  configSchema: unknown;
  secretFields: readonly string[];
  fields: FieldTexts;
}

/**
 * The organisation's source connectors (SPEC W1): configured through the API and the dashboard,
 * validated by their kind's schema, secrets never returned. Each change is audited and announced
 * with `connector.changed` so that the ingest processes restart the connector.
 */
export class ConnectorService {
  private readonly kinds: Map<string, ConnectorKind>;

  constructor(private readonly options: { database: Database; bus: EventBus; audit: AuditLog; clock: Clock; kinds: readonly ConnectorKind[] }) {
    this.kinds = new Map(options.kinds.map((k) => [k.kind, k]));
  }

  kind(kind: string): ConnectorKind | undefined {
    return this.kinds.get(kind);
  }

  listKinds(): ConnectorKindView[] {
    return [...this.kinds.values()].map((k) => ({
      kind: k.kind,
      label: k.label,
      mode: k.mode,
      configSchema: z.toJSONSchema(k.configSchema, { unrepresentable: 'any', io: 'input' }),
      secretFields: k.secretFields,
      fields: k.fields,
    }));
  }

  async list(organisationId: string): Promise<ConnectorView[]> {
    const records = await listConnectorRows(this.options.database.db, organisationId);
    const health = await healthOf(this.options.database.db, records.map((r) => r.id));
    return records.map((r) => this.present(r, health.get(r.id)));
  }

  async get(organisationId: string, id: string): Promise<ConnectorView> {
    const record = await this.find(organisationId, id);
    const health = await healthOf(this.options.database.db, [id]);
    return this.present(record, health.get(id));
  }

  /** The full record with secrets, for the runner and the webhook route only. */
  async find(organisationId: string, id: string): Promise<ConnectorRecord> {
    const record = await findConnectorRow(this.options.database.db, id);
    if (!record || record.organisationId !== organisationId) throw notFound('CONNECTOR_NOT_FOUND', 'No such connector in this organisation.');
    return record;
  }

  async create(organisationId: string, input: { kind: string; name: string; config: unknown; enabled: boolean }, actor: string): Promise<ConnectorView> {
    const kind = this.kinds.get(input.kind);
    if (!kind) throw invalid('UNKNOWN_CONNECTOR_KIND', `Unknown connector kind "${input.kind}"; known: ${[...this.kinds.keys()].join(', ')}.`);
    const config = this.validate(kind, input.config);
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw invalid('INVALID_NAME', 'A connector name has 1 to 200 characters.');
    const now = this.options.clock.now().toISOString();
    const record: ConnectorRecord = { id: newId(), organisationId, kind: kind.kind, name, config, enabled: input.enabled, createdAt: now, updatedAt: now };
    await this.options.database.transaction(async (tx) => {
      await tx.db
        .insertInto('connectors')
        .values({ id: record.id, organisation_id: organisationId, kind: record.kind, name, config: JSON.stringify(config), enabled: input.enabled ? 1 : 0, created_at: now, updated_at: now })
        .execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'connector.create', subjectType: 'connector', subjectId: record.id, data: { kind: record.kind, name } });
      await this.options.bus.publish(tx, 'connector.changed', { connectorId: record.id }, { organisationId });
    });
    return this.present(record, undefined);
  }

  async update(organisationId: string, id: string, patch: { name?: string; config?: unknown; enabled?: boolean }, actor: string): Promise<ConnectorView> {
    const current = await this.find(organisationId, id);
    const kind = this.kinds.get(current.kind);
    if (!kind) throw invalid('UNKNOWN_CONNECTOR_KIND', `The kind "${current.kind}" is no longer available.`);
    let config = current.config;
    if (patch.config !== undefined) {
      const given = { ...(patch.config as Record<string, unknown>) };
      for (const field of kind.secretFields) {
        if (given[field] === undefined || given[field] === SECRET_PLACEHOLDER) given[field] = current.config[field];
      }
      config = this.validate(kind, given);
    }
    const name = patch.name === undefined ? current.name : patch.name.trim();
    if (name.length === 0 || name.length > 200) throw invalid('INVALID_NAME', 'A connector name has 1 to 200 characters.');
    const enabled = patch.enabled ?? current.enabled;
    const now = this.options.clock.now().toISOString();
    await this.options.database.transaction(async (tx) => {
      await tx.db.updateTable('connectors').set({ name, config: JSON.stringify(config), enabled: enabled ? 1 : 0, updated_at: now }).where('id', '=', id).execute();
      await this.options.audit.append(tx, {
        organisationId,
        actor,
        action: 'connector.update',
        subjectType: 'connector',
        subjectId: id,
        data: { fields: Object.keys(patch), enabled },
      });
      await this.options.bus.publish(tx, 'connector.changed', { connectorId: id }, { organisationId });
    });
    return this.get(organisationId, id);
  }

  async remove(organisationId: string, id: string, actor: string): Promise<void> {
    await this.find(organisationId, id);
    await this.options.database.transaction(async (tx) => {
      await tx.db.deleteFrom('connector_health').where('connector_id', '=', id).execute();
      await tx.db.deleteFrom('connectors').where('id', '=', id).execute();
      await this.options.audit.append(tx, { organisationId, actor, action: 'connector.delete', subjectType: 'connector', subjectId: id });
      await this.options.bus.publish(tx, 'connector.changed', { connectorId: id }, { organisationId });
    });
  }

  private validate(kind: ConnectorKind, config: unknown): Record<string, unknown> {
    const parsed = kind.configSchema.safeParse(config);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(config)', message: i.message }));
      throw invalid('INVALID_CONNECTOR_CONFIG', `config.${errors[0]!.path}: ${errors[0]!.message}`, { errors });
    }
    return parsed.data as Record<string, unknown>;
  }

  private present(record: ConnectorRecord, health: ConnectorHealthRecord | undefined): ConnectorView {
    const secrets = new Set(this.kinds.get(record.kind)?.secretFields ?? []);
    const config = Object.fromEntries(Object.entries(record.config).map(([k, v]) => [k, secrets.has(k) && v !== undefined && v !== '' ? SECRET_PLACEHOLDER : v]));
    const { organisationId: _org, ...rest } = record;
    return { ...rest, config, health: health ?? { state: 'stopped', message: null, since: record.updatedAt, lastPostAt: null, postsTotal: 0, malformedTotal: 0 } };
  }
}
