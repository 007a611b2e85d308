import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/api';
import { errorMessage, IMAGE_MAX_BYTES, precheckUpload, uploadErrorMessage } from './api';

describe('upload errors', () => {
  it('Should explain refused types, oversize files and small room photos', () => {
    expect(uploadErrorMessage(new ApiError(415, 'unsupported_media_type', 'Upload a PNG, JPEG or WebP image'), 'swatch')).toBe(
      'The file was refused: upload a PNG, JPEG or WebP image.',
    );
    expect(uploadErrorMessage(new ApiError(415, 'unsupported_media_type', 'The image is damaged or incomplete'), 'swatch')).toBe(
      'The file was refused: the image is damaged or incomplete.',
    );
    expect(uploadErrorMessage(new ApiError(413, 'payload_too_large', 'The file is larger than 20 MB'), 'swatch')).toBe(
      'The file is too large: the file is larger than 20 MB. Resize or compress it and try again.',
    );
    expect(uploadErrorMessage(new ApiError(422, 'unprocessable', 'Room photos must be at least 1024 x 1024 pixels'), 'room-photo')).toBe(
      'The photo is too small: room photos must be at least 1024 x 1024 pixels.',
    );
    // Acronyms keep their case.
    expect(uploadErrorMessage(new ApiError(415, 'x', 'SVG is not accepted'), 'swatch')).toBe('The file was refused: SVG is not accepted.');
    expect(uploadErrorMessage(new ApiError(404, 'not_found', 'Step not found'), 'room-photo')).toBe('Step not found');
    expect(uploadErrorMessage(new TypeError('x'), 'swatch')).toMatch(/upload failed/);
  });

  it('Should refuse empty and oversize files before sending them', () => {
    expect(precheckUpload({ size: 0, type: 'image/png' })).toMatch(/empty/);
    expect(precheckUpload({ size: IMAGE_MAX_BYTES + 1, type: 'image/png' })).toMatch(/too large/);
    expect(precheckUpload({ size: 1000, type: '' })).toBeNull();
  });
});

describe('errorMessage', () => {
  it('Should add validation details to the API message', () => {
    const error = new ApiError(400, 'validation_failed', 'Invalid json', [
      { path: 'priceCents', message: 'Too big' },
      { path: '(root)', message: 'Send at least one field to change' },
    ]);
    expect(errorMessage(error)).toBe('Invalid json (priceCents: Too big; Send at least one field to change)');
    expect(errorMessage(new ApiError(409, 'conflict', 'That slug is already taken'))).toBe('That slug is already taken');
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('??')).toBe('Something went wrong.');
  });
});
