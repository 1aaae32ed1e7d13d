import { SECRET_MASK, type FieldError, type FieldText, type JsonSchema } from './api-types.ts';
import type { MessageKey, MessageParams } from './i18n/catalogue.ts';

/*
 * A connector's add/edit form, generated from its kind's JSON Schema (what zod's toJSONSchema
 * makes of the config schema): strings, URLs, numbers, integers, booleans, enums and arrays of
 * strings become fields; anything else falls back to a JSON text field, so no kind is ever
 * impossible to configure. Pure: the form component renders `FormField`s and calls `buildConfig`.
 */

/** A kind's field texts in one language, for {@link fieldsFromSchema}. */
export function fieldTextsIn(fields: Readonly<Record<string, { nl: FieldText; en: FieldText }>>, language: 'nl' | 'en'): Record<string, FieldText> {
  return Object.fromEntries(Object.entries(fields).map(([name, texts]) => [name, texts[language]]));
}

export type FieldKind = 'text' | 'url' | 'secret' | 'number' | 'integer' | 'boolean' | 'select' | 'list' | 'multiselect' | 'json';

export interface FormField {
  readonly name: string;
  /** The kind's translated label, else the schema's `title`, else the property name made readable. */
  readonly label: string;
  readonly description: string | null;
  readonly kind: FieldKind;
  readonly required: boolean;
  readonly options: readonly string[];
  readonly minimum: number | null;
  readonly maximum: number | null;
  readonly minLength: number | null;
  readonly maxLength: number | null;
  readonly defaultValue: unknown;
}

export type FieldValue = string | boolean | readonly string[];
export type FormValues = Readonly<Record<string, FieldValue>>;

export interface FormError {
  readonly field: string;
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const numberOrNull = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** `instanceUrl` → "Instance url", `max_items` → "Max items". */
export function humanise(name: string): string {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** `anyOf: [X, {type: 'null'}]` (a nullable field) is read as X. */
function unwrapNullable(schema: Record<string, unknown>): Record<string, unknown> {
  const union = Array.isArray(schema.anyOf) ? schema.anyOf : Array.isArray(schema.oneOf) ? schema.oneOf : null;
  if (!union) {
    return schema;
  }
  const options = union.filter(isRecord).filter((option) => option.type !== 'null');
  const [only] = options;
  return options.length === 1 && only ? { ...only, ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== 'anyOf' && k !== 'oneOf')) } : schema;
}

function stringEnum(schema: Record<string, unknown>): string[] | null {
  const values: unknown = schema.enum;
  return Array.isArray(values) && values.every((v): v is string => typeof v === 'string') ? values : null;
}

function kindOf(name: string, schema: Record<string, unknown>, secrets: ReadonlySet<string>): { kind: FieldKind; options: string[] } {
  const declared: unknown = schema.type;
  const type: unknown = Array.isArray(declared) ? declared.find((t) => t !== 'null') : declared;
  const options = stringEnum(schema);
  if (secrets.has(name) && (type === 'string' || type === undefined)) {
    return { kind: 'secret', options: [] };
  }
  if (options) {
    return { kind: 'select', options };
  }
  switch (type) {
    case 'string':
      return { kind: schema.format === 'uri' || schema.format === 'url' ? 'url' : 'text', options: [] };
    case 'number':
      return { kind: 'number', options: [] };
    case 'integer':
      return { kind: 'integer', options: [] };
    case 'boolean':
      return { kind: 'boolean', options: [] };
    case 'array': {
      const items = isRecord(schema.items) ? unwrapNullable(schema.items) : {};
      const itemOptions = stringEnum(items);
      if (itemOptions) {
        return { kind: 'multiselect', options: itemOptions };
      }
      return items.type === 'string' ? { kind: 'list', options: [] } : { kind: 'json', options: [] };
    }
    default:
      return { kind: 'json', options: [] };
  }
}

/**
 * The form's fields, in the schema's property order. `texts` are the kind's labels and hints in the
 * reader's language; a field without one falls back to the schema's title and description.
 */
export function fieldsFromSchema(schema: JsonSchema, secretFields: readonly string[], texts: Readonly<Record<string, FieldText>> = {}): FormField[] {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  const secrets = new Set(secretFields);
  return Object.entries(properties)
    .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    .map(([name, raw]) => {
      const property = unwrapNullable(raw);
      const { kind, options } = kindOf(name, property, secrets);
      const items = isRecord(property.items) ? property.items : {};
      const text = Object.hasOwn(texts, name) ? texts[name] : undefined;
      return {
        name,
        label: text?.label ?? (typeof property.title === 'string' && property.title.trim() ? property.title : humanise(name)),
        description: text?.hint ?? (typeof property.description === 'string' && property.description.trim() ? property.description : null),
        kind,
        required: required.has(name) && property.default === undefined,
        options,
        minimum: numberOrNull(property.minimum) ?? numberOrNull(property.exclusiveMinimum),
        maximum: numberOrNull(property.maximum) ?? numberOrNull(property.exclusiveMaximum),
        minLength: numberOrNull(property.minLength) ?? numberOrNull(property.minItems) ?? numberOrNull(items.minLength),
        maxLength: numberOrNull(property.maxLength) ?? numberOrNull(property.maxItems),
        defaultValue: property.default,
      };
    });
}

function toFieldValue(field: FormField, value: unknown): FieldValue {
  switch (field.kind) {
    case 'boolean':
      return value === true;
    case 'multiselect':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
    case 'list':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').join('\n') : '';
    case 'json':
      return value === undefined ? '' : JSON.stringify(value, null, 2);
    case 'secret':
      // Never put a stored secret (or its mask) in an input: empty means "keep".
      return '';
    default:
      return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
}

/** The form's starting values: the connector's config when editing, else the schema defaults. */
export function initialValues(fields: readonly FormField[], config: Readonly<Record<string, unknown>> | null): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((field) => [field.name, toFieldValue(field, config ? config[field.name] : field.defaultValue)]));
}

/** Whether the stored config has a value for this secret (the server sends the mask for it). */
export function isSecretSet(config: Readonly<Record<string, unknown>> | null, name: string): boolean {
  return config !== null && config[name] !== undefined && config[name] !== null && config[name] !== '';
}

function parseNumber(text: string): number {
  // Dutch operators type a decimal comma.
  return Number(text.trim().replace(',', '.'));
}

function checkLength(field: FormField, length: number, errors: FormError[]): void {
  if (field.minLength !== null && length < field.minLength) {
    errors.push({ field: field.name, key: 'form.error.minLength', params: { min: field.minLength } });
  } else if (field.maxLength !== null && length > field.maxLength) {
    errors.push({ field: field.name, key: 'form.error.maxLength', params: { max: field.maxLength } });
  }
}

/**
 * The config to send, or the errors to show. In `edit` mode an empty secret is left out, which
 * keeps the stored one (the server's rule); optional fields left empty are left out too.
 */
export function buildConfig(
  fields: readonly FormField[],
  values: FormValues,
  mode: 'create' | 'edit',
  storedConfig: Readonly<Record<string, unknown>> | null = null,
): { config: Record<string, unknown>; errors: FormError[] } {
  const config: Record<string, unknown> = {};
  const errors: FormError[] = [];
  for (const field of fields) {
    const value = values[field.name] ?? toFieldValue(field, undefined);
    const missing = () => {
      if (field.required) {
        errors.push({ field: field.name, key: 'form.error.required' });
      }
    };
    if (field.kind === 'boolean') {
      config[field.name] = value === true;
      continue;
    }
    if (field.kind === 'multiselect') {
      const chosen = Array.isArray(value) ? [...(value as readonly string[])] : [];
      if (chosen.length === 0) {
        missing();
      } else {
        checkLength(field, chosen.length, errors);
        config[field.name] = chosen;
      }
      continue;
    }
    const text = typeof value === 'string' ? value : '';
    const trimmed = text.trim();
    if (field.kind === 'secret') {
      if (trimmed === '' || trimmed === SECRET_MASK) {
        if (!(mode === 'edit' && isSecretSet(storedConfig, field.name))) {
          missing();
        }
      } else {
        checkLength(field, trimmed.length, errors);
        config[field.name] = trimmed;
      }
      continue;
    }
    if (trimmed === '') {
      missing();
      continue;
    }
    switch (field.kind) {
      case 'number':
      case 'integer': {
        const number = parseNumber(trimmed);
        if (!Number.isFinite(number) || (field.kind === 'integer' && !Number.isInteger(number))) {
          errors.push({ field: field.name, key: field.kind === 'integer' ? 'form.error.integer' : 'form.error.number' });
        } else if (field.minimum !== null && number < field.minimum) {
          errors.push({ field: field.name, key: 'form.error.minimum', params: { min: field.minimum } });
        } else if (field.maximum !== null && number > field.maximum) {
          errors.push({ field: field.name, key: 'form.error.maximum', params: { max: field.maximum } });
        } else {
          config[field.name] = number;
        }
        break;
      }
      case 'list': {
        const items = trimmed
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean);
        checkLength(field, items.length, errors);
        config[field.name] = items;
        break;
      }
      case 'json':
        try {
          config[field.name] = JSON.parse(trimmed) as unknown;
        } catch {
          errors.push({ field: field.name, key: 'form.error.json' });
        }
        break;
      case 'url':
        if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(trimmed)) {
          errors.push({ field: field.name, key: 'form.error.url' });
        } else {
          config[field.name] = trimmed;
        }
        break;
      default:
        checkLength(field, trimmed.length, errors);
        config[field.name] = trimmed;
    }
  }
  return { config, errors };
}

/**
 * The config field a server validation error is about: "config.instanceUrl", "/config/instanceUrl"
 * and "instanceUrl" all name `instanceUrl`. Null when it is about no field of the form.
 */
export function fieldOfError(error: FieldError, fields: readonly FormField[]): string | null {
  const parts = error.path.split(/[./]/).filter(Boolean);
  const names = new Set(fields.map((f) => f.name));
  const candidate = parts[0] === 'config' ? parts[1] : parts[0];
  return candidate !== undefined && names.has(candidate) ? candidate : null;
}
