import { describe, expect, it } from 'vitest';
import { possessive, possessiveOf } from './labels.js';

describe('possessives of names', () => {
  it('adds ’s, or the apostrophe alone after a final s', () => {
    expect(possessiveOf('Landlord')).toBe('Landlord’s');
    expect(possessiveOf('Tenants')).toBe('Tenants’');
    expect(possessiveOf('Building owners')).toBe('Building owners’');
    expect(possessive({ sides: ['Tenants', 'Building owner'] }, 'b')).toBe('Building owner’s');
  });
});
