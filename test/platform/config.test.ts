import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '#platform/config.ts';

describe('configuration', () => {
  it('has working defaults: port 8080, SQLite file, in-process bus', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database).toEqual({ driver: 'sqlite', path: './data/waakzaam.db' });
    expect(config.bus).toEqual({ transport: 'memory' });
  });

  it('reads PostgreSQL and NATS URLs', () => {
    const config = loadConfig({ WAAKZAAM_DATABASE_URL: 'postgres://u@db:5432/w', WAAKZAAM_BUS_URL: 'nats://a:4222,nats://b:4222', PORT: '9000' });
    expect(config.database).toEqual({ driver: 'postgres', url: 'postgres://u@db:5432/w' });
    expect(config.bus).toEqual({ transport: 'nats', servers: ['nats://a:4222', 'nats://b:4222'], stream: 'WAAKZAAM' });
    expect(config.port).toBe(9000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['WAAKZAAM_DATABASE_URL', 'mysql://x'],
    ['WAAKZAAM_DATABASE_URL', 'sqlite:'],
    ['WAAKZAAM_BUS_URL', 'kafka://x'],
    ['WAAKZAAM_LOG_LEVEL', 'loud'],
    ['WAAKZAAM_COOKIE_SECURE', 'maybe'],
    ['WAAKZAAM_PSEUDONYM_KEY', 'short'],
  ])('stops with an error naming %s for the value %s', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as ConfigError).message).toMatch(new RegExp(`^${variable}: `));
  });
});
