/**
 * Pure host parsing for tenancy: `{slug}.{APP_DOMAIN}` names a tenant, the bare
 * APP_DOMAIN is the product site, and anything else may be a tenant's custom domain.
 */
export type HostMatch =
  | { kind: 'subdomain'; slug: string }
  | { kind: 'apex' }
  | { kind: 'custom'; domain: string }
  | { kind: 'invalid' };

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '');
}

/** Strips a port only when the configured domain has none (production), so local `:8787` still matches. */
function stripPort(host: string): string {
  return host.replace(/:\d+$/, '');
}

export function matchHost(rawHost: string, appDomain: string): HostMatch {
  const host = normalizeHost(rawHost);
  const domain = normalizeHost(appDomain);
  if (!host) return { kind: 'invalid' };
  const comparable = domain.includes(':') ? host : stripPort(host);
  if (comparable === domain) return { kind: 'apex' };
  if (comparable.endsWith(`.${domain}`)) {
    const slug = comparable.slice(0, -(domain.length + 1));
    return SLUG.test(slug) ? { kind: 'subdomain', slug } : { kind: 'invalid' };
  }
  const bare = stripPort(host);
  return /^[a-z0-9.-]+$/.test(bare) && bare.includes('.') ? { kind: 'custom', domain: bare } : { kind: 'invalid' };
}
