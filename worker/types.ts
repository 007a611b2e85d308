import type { organizations } from './db/schema';
import type { Db } from './db/client';
import type { AdminContext } from './middleware/admin-auth';

export type Org = typeof organizations.$inferSelect;

export interface AppEnv {
  Bindings: Env;
  Variables: {
    org: Org;
    db: Db;
    admin?: AdminContext;
  };
}
