import type { HttpApp } from '#platform/http/server.ts';

/** Signs in through the real login route and returns the session cookie header value. */
export async function login(app: HttpApp, email: string, password: string): Promise<string> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'waakzaam_session');
  if (!cookie) throw new Error('no session cookie');
  return `waakzaam_session=${cookie.value}`;
}
