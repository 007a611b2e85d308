import { describe, expect, it } from 'vitest';
import { matchHost } from './tenant-host';

describe('matchHost', () => {
  it('Should read the tenant slug from a subdomain of the app domain', () => {
    expect(matchHost('summit.localhost:8787', 'localhost:8787')).toEqual({ kind: 'subdomain', slug: 'summit' });
    expect(matchHost('Summit.Finch.App', 'finch.app')).toEqual({ kind: 'subdomain', slug: 'summit' });
  });

  it('Should treat the bare app domain as the product site', () => {
    expect(matchHost('localhost:8787', 'localhost:8787')).toEqual({ kind: 'apex' });
    expect(matchHost('finch.app:443', 'finch.app')).toEqual({ kind: 'apex' });
  });

  it('Should treat another host as a possible custom domain', () => {
    expect(matchHost('homes.summitbuilders.com', 'finch.app')).toEqual({ kind: 'custom', domain: 'homes.summitbuilders.com' });
  });

  it('Should refuse nested subdomains and malformed hosts', () => {
    expect(matchHost('a.b.finch.app', 'finch.app')).toEqual({ kind: 'invalid' });
    expect(matchHost('-bad.finch.app', 'finch.app')).toEqual({ kind: 'invalid' });
    expect(matchHost('', 'finch.app')).toEqual({ kind: 'invalid' });
    expect(matchHost('localhost', 'finch.app')).toEqual({ kind: 'invalid' });
  });

  it('Should not match a subdomain of a different port locally', () => {
    expect(matchHost('summit.localhost:9999', 'localhost:8787').kind).not.toBe('subdomain');
  });
});
