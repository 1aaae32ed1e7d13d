import type { AccountService } from '../../accounts/account-service.ts';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { AuthService } from '../../auth/auth-service.ts';
import type { EventBus } from '../../bus/bus.ts';
import type { Config } from '../../config.ts';
import type { Database } from '../../db/database.ts';
import type { Metrics } from '../../metrics.ts';
import type { HttpApp } from '../server.ts';
import { registerTokenRoutes } from './accounts/tokens.ts';
import { registerUserRoutes } from './accounts/users.ts';
import { registerAuditRoutes } from './audit/audit.ts';
import { registerLogin } from './auth/login.ts';
import { registerLogout } from './auth/logout.ts';
import { registerMe } from './auth/me.ts';
import { registerHealthRoutes } from './ops/health.ts';

/** The platform's own routes: health, sign-in, organisation administration, audit. */
export function registerPlatformRoutes(
  app: HttpApp,
  deps: { config: Config; database: Database; bus: EventBus; metrics: Metrics; auth: AuthService; accounts: AccountService; audit: AuditLog },
): void {
  registerHealthRoutes(app, deps);
  registerLogin(app, deps);
  registerLogout(app, deps);
  registerMe(app, deps);
  registerUserRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerAuditRoutes(app, deps);
}
