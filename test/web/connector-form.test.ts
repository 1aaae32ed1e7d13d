import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConfig, fieldOfError, fieldsFromSchema, fieldTextsIn, humanise, initialValues, type FormField } from '../../web/ui/connector-form.ts';

// What zod 4's z.toJSONSchema makes of a connector config schema (see src/watch/connectors/connector.ts).
const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  properties: {
    instanceUrl: { type: 'string', format: 'uri', title: 'Instance URL', description: 'https://mastodon.nl' },
    timeline: { type: 'string', enum: ['public', 'hashtag'], default: 'hashtag' },
    hashtags: { type: 'array', items: { type: 'string' }, minItems: 1 },
    collections: { type: 'array', items: { type: 'string', enum: ['post', 'repost'] } },
    pollSeconds: { type: 'integer', minimum: 30, maximum: 3600 },
    speed: { type: 'number', exclusiveMinimum: 0 },
    official: { type: 'boolean', default: false },
    listId: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    accessToken: { type: 'string', minLength: 1 },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
  },
  required: ['instanceUrl', 'timeline', 'hashtags', 'accessToken'],
  additionalProperties: false,
};

const fields = fieldsFromSchema(schema, ['accessToken']);
const byName = (name: string) => fields.find((f) => f.name === name) as FormField;

describe('fieldsFromSchema', () => {
  it('maps every JSON Schema type to a field kind, in property order', () => {
    expect(fields.map((f) => [f.name, f.kind])).toEqual([
      ['instanceUrl', 'url'],
      ['timeline', 'select'],
      ['hashtags', 'list'],
      ['collections', 'multiselect'],
      ['pollSeconds', 'integer'],
      ['speed', 'number'],
      ['official', 'boolean'],
      ['listId', 'text'],
      ['accessToken', 'secret'],
      ['headers', 'json'],
    ]);
  });

  it('takes labels from titles, else from the property name, and the description as hint', () => {
    expect(byName('instanceUrl')).toMatchObject({ label: 'Instance URL', description: 'https://mastodon.nl' });
    expect(byName('pollSeconds')).toMatchObject({ label: 'Poll seconds', description: null, minimum: 30, maximum: 3600 });
    expect(humanise('max_items')).toBe('Max items');
  });

  it("prefers the kind's texts in the reader's language over the schema's title", () => {
    const texts = { instanceUrl: { nl: { label: 'Adres van de server', hint: 'Bijvoorbeeld https://mastodon.social.' }, en: { label: 'Instance address' } } };
    const dutch = fieldsFromSchema(schema, ['accessToken'], fieldTextsIn(texts, 'nl'));
    expect(dutch.find((f) => f.name === 'instanceUrl')).toMatchObject({ label: 'Adres van de server', description: 'Bijvoorbeeld https://mastodon.social.' });
    const english = fieldsFromSchema(schema, ['accessToken'], fieldTextsIn(texts, 'en'));
    // No English hint: the schema's description stays the hint.
    expect(english.find((f) => f.name === 'instanceUrl')).toMatchObject({ label: 'Instance address', description: 'https://mastodon.nl' });
    // A field without texts falls back to the property name.
    expect(english.find((f) => f.name === 'pollSeconds')?.label).toBe('Poll seconds');
  });

  it('treats a required field with a default as optional (the server fills it in)', () => {
    expect(byName('timeline').required).toBe(false);
    expect(byName('instanceUrl').required).toBe(true);
    expect(byName('timeline').options).toEqual(['public', 'hashtag']);
  });

  it('never throws on odd schemas (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.array(fc.string()), (value, secrets) => {
        const schemaLike = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : { properties: { x: value } };
        const generated = fieldsFromSchema(schemaLike, secrets);
        buildConfig(generated, initialValues(generated, null), 'create');
      }),
    );
  });
});

describe('initialValues', () => {
  it('uses defaults for a new connector and the config when editing, never a secret', () => {
    expect(initialValues(fields, null)).toMatchObject({ timeline: 'hashtag', official: false, hashtags: '', accessToken: '' });
    const values = initialValues(fields, { instanceUrl: 'https://m.nl', hashtags: ['a', 'b'], accessToken: '********', pollSeconds: 60, headers: { a: '1' } });
    expect(values).toMatchObject({ instanceUrl: 'https://m.nl', hashtags: 'a\nb', accessToken: '', pollSeconds: '60' });
    expect(JSON.parse(values.headers as string)).toEqual({ a: '1' });
  });
});

describe('buildConfig', () => {
  const valid = { ...initialValues(fields, null), instanceUrl: 'https://mastodon.nl', hashtags: 'utrecht\n\n zomerfeest ', accessToken: 'tok' };

  it('turns the form into a typed config, leaving empty optional fields out', () => {
    const { config, errors } = buildConfig(fields, { ...valid, pollSeconds: '60', speed: '1,5', collections: ['post'] }, 'create');
    expect(errors).toEqual([]);
    expect(config).toEqual({ instanceUrl: 'https://mastodon.nl', timeline: 'hashtag', hashtags: ['utrecht', 'zomerfeest'], collections: ['post'], pollSeconds: 60, speed: 1.5, official: false, accessToken: 'tok' });
  });

  it('reports missing, malformed and out-of-range values per field', () => {
    const { errors } = buildConfig(fields, { ...valid, instanceUrl: 'mastodon.nl', hashtags: '', accessToken: '', pollSeconds: '10', speed: 'snel', headers: '{' }, 'create');
    expect(errors.map((e) => [e.field, e.key])).toEqual([
      ['instanceUrl', 'form.error.url'],
      ['hashtags', 'form.error.required'],
      ['pollSeconds', 'form.error.minimum'],
      ['speed', 'form.error.number'],
      ['accessToken', 'form.error.required'],
      ['headers', 'form.error.json'],
    ]);
    expect(buildConfig(fields, { ...valid, pollSeconds: '60.5' }, 'create').errors[0]?.key).toBe('form.error.integer');
  });

  it('keeps a stored secret when editing and the field is left empty (by leaving it out)', () => {
    const stored = { instanceUrl: 'https://mastodon.nl', accessToken: '********' };
    const kept = buildConfig(fields, { ...valid, accessToken: '' }, 'edit', stored);
    expect(kept.errors).toEqual([]);
    expect(kept.config).not.toHaveProperty('accessToken');
    expect(buildConfig(fields, { ...valid, accessToken: 'new' }, 'edit', stored).config.accessToken).toBe('new');
    expect(buildConfig(fields, { ...valid, accessToken: '' }, 'edit', { instanceUrl: 'x' }).errors[0]?.field).toBe('accessToken');
  });
});

describe('fieldOfError', () => {
  it('finds the field a server validation error is about', () => {
    expect(fieldOfError({ path: 'config.instanceUrl', message: 'x' }, fields)).toBe('instanceUrl');
    expect(fieldOfError({ path: '/config/hashtags/0', message: 'x' }, fields)).toBe('hashtags');
    expect(fieldOfError({ path: 'accessToken', message: 'x' }, fields)).toBe('accessToken');
    expect(fieldOfError({ path: 'name', message: 'x' }, fields)).toBeNull();
  });
});
