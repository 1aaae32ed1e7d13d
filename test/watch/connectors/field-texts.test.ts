import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { connectorKinds } from '#watch/connectors/kinds.ts';

describe('connector field texts', () => {
  for (const kind of connectorKinds) {
    it(`${kind.kind}: every configuration field has a Dutch and an English label, and no text names a field that does not exist`, () => {
      const schema = z.toJSONSchema(kind.configSchema, { unrepresentable: 'any', io: 'input' }) as { properties?: Record<string, unknown> };
      const properties = Object.keys(schema.properties ?? {});
      expect(properties.length).toBeGreaterThan(0);
      expect(Object.keys(kind.fields).sort()).toEqual([...properties].sort());
      for (const name of properties) {
        const texts = kind.fields[name];
        expect(texts?.nl.label.trim(), `${kind.kind}.${name} nl`).toBeTruthy();
        expect(texts?.en.label.trim(), `${kind.kind}.${name} en`).toBeTruthy();
        expect(texts?.nl.label, `${kind.kind}.${name} is translated`).not.toBe(name);
      }
    });
  }
});
