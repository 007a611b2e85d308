import { describe, expect, it } from 'vitest';
import { ApiError, parseApiError } from './api';
import { signInErrorMessage } from './auth';

describe('signInErrorMessage', () => {
  it('Should say sign-in is not available when the endpoint 404s', () => {
    expect(signInErrorMessage(parseApiError(404, 'Not Found'))).toBe('Sign-in is not available yet.');
    expect(signInErrorMessage(new ApiError(404, 'not_found', 'Route not found'))).toBe('Sign-in is not available yet.');
  });

  it('Should show the message from the error envelope', () => {
    const error = parseApiError(401, JSON.stringify({ error: { code: 'invalid_credentials', message: 'Email or password is incorrect.' } }));
    expect(signInErrorMessage(error)).toBe('Email or password is incorrect.');
  });

  it('Should fall back to a generic message for unknown errors', () => {
    expect(signInErrorMessage(new Error('boom'))).toBe('Something went wrong. Please try again.');
  });
});
