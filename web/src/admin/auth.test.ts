import { describe, expect, it } from 'vitest';
import { ApiError } from '../lib/api';
import { adminNextPath, isCredentialError, isDeadLink, isPublicAdminPath, loginPath, looksLikeEmail, passwordProblem, signInErrorMessage } from './auth';

describe('adminNextPath', () => {
  it('Should keep an admin path with its query', () => {
    expect(adminNextPath('/admin/sessions?email=a%40b.c')).toBe('/admin/sessions?email=a%40b.c');
    expect(adminNextPath('/admin')).toBe('/admin');
  });

  it('Should refuse other origins, other areas and look-alike prefixes', () => {
    expect(adminNextPath('https://evil.example/admin')).toBeNull();
    expect(adminNextPath('//evil.example/admin')).toBeNull();
    expect(adminNextPath('/\\evil.example')).toBeNull();
    expect(adminNextPath('/kinkade')).toBeNull();
    expect(adminNextPath('/administrator')).toBeNull();
    expect(adminNextPath(null)).toBeNull();
    expect(adminNextPath('')).toBeNull();
  });

  it('Should refuse the sign-in pages themselves so a stale next cannot loop', () => {
    expect(adminNextPath('/admin/login')).toBeNull();
    expect(adminNextPath('/admin/login?next=/admin')).toBeNull();
    expect(adminNextPath('/admin/reset/abc')).toBeNull();
    expect(adminNextPath('/admin/accept-invite/abc')).toBeNull();
  });
});

describe('loginPath', () => {
  it('Should carry the destination, encoded', () => {
    expect(loginPath('/admin/sessions?email=x')).toBe('/admin/login?next=%2Fadmin%2Fsessions%3Femail%3Dx');
  });

  it('Should drop a destination that is home or unsafe', () => {
    expect(loginPath('/admin')).toBe('/admin/login');
    expect(loginPath('//evil.example')).toBe('/admin/login');
    expect(loginPath(undefined)).toBe('/admin/login');
  });
});

describe('isPublicAdminPath', () => {
  it('Should match the signed-out pages and not the console', () => {
    expect(isPublicAdminPath('/admin/login')).toBe(true);
    expect(isPublicAdminPath('/admin/reset')).toBe(true);
    expect(isPublicAdminPath('/admin/reset-password/tok')).toBe(true);
    expect(isPublicAdminPath('/admin/invite/tok')).toBe(true);
    expect(isPublicAdminPath('/admin/users')).toBe(false);
    expect(isPublicAdminPath('/admin/loginx')).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('Should accept a long enough matching pair', () => {
    expect(passwordProblem('correct horse battery', 'correct horse battery')).toBeNull();
  });

  it('Should name a short, overlong or mismatched password', () => {
    expect(passwordProblem('short', 'short')).toMatch(/at least 12/);
    expect(passwordProblem('x'.repeat(257), 'x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('correct horse battery', 'correct horse batterY')).toMatch(/do not match/);
  });
});

describe('looksLikeEmail', () => {
  it('Should tell an address from a typo', () => {
    expect(looksLikeEmail('admin@summit.test')).toBe(true);
    expect(looksLikeEmail('admin@summit')).toBe(false);
    expect(looksLikeEmail('admin summit.test')).toBe(false);
    expect(looksLikeEmail(`${'a'.repeat(250)}@b.co`)).toBe(false);
  });
});

describe('signInErrorMessage', () => {
  it('Should give the same message for any 401', () => {
    expect(signInErrorMessage(new ApiError(401, 'unauthorized', 'Email or password is incorrect'))).toBe('Email or password is incorrect.');
    expect(signInErrorMessage(new ApiError(401, 'unauthorized', 'something else'))).toBe('Email or password is incorrect.');
  });

  it('Should explain rate limits, the bare domain and unknown failures', () => {
    expect(signInErrorMessage(new ApiError(429, 'rate_limited', 'x'))).toMatch(/Too many/);
    expect(signInErrorMessage(new ApiError(404, 'tenant_not_found', 'x'))).toMatch(/builder's own address/);
    expect(signInErrorMessage(new ApiError(0, 'network_error', 'Could not reach the server.'))).toBe('Could not reach the server.');
    expect(signInErrorMessage(new Error('boom'))).toBe('Something went wrong. Please try again.');
  });

  it('Should flag only typed-input failures as credential errors', () => {
    expect(isCredentialError(new ApiError(401, 'unauthorized', ''))).toBe(true);
    expect(isCredentialError(new ApiError(400, 'validation_failed', ''))).toBe(true);
    expect(isCredentialError(new ApiError(429, 'rate_limited', ''))).toBe(false);
    expect(isCredentialError(new Error('x'))).toBe(false);
  });
});

describe('isDeadLink', () => {
  it('Should treat 404 and 400 as a dead link but not a missing tenant or a server error', () => {
    expect(isDeadLink(new ApiError(404, 'not_found', ''))).toBe(true);
    expect(isDeadLink(new ApiError(400, 'validation_failed', ''))).toBe(true);
    expect(isDeadLink(new ApiError(404, 'tenant_not_found', ''))).toBe(false);
    expect(isDeadLink(new ApiError(500, 'internal', ''))).toBe(false);
  });
});
