import { hashToken, newToken, SecretBox } from './tokens';

describe('tokens and sealed secrets', () => {
  it('makes distinct URL-safe tokens and stable hashes', () => {
    const a = newToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(a);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toContain(a);
  });

  it('opens what it sealed, and refuses a tampered or foreign box', () => {
    const box = new SecretBox('x'.repeat(40));
    const sealed = box.seal('JBSWY3DPEHPK3PXP');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed)).toBe('JBSWY3DPEHPK3PXP');
    // Flip a bit of the sealed data itself: swapping base64 characters can leave the bytes
    // the same (a last character's spare bits), which made this test pass the box by chance.
    const [iv, tag, data] = sealed.split('.');
    const bytes = Buffer.from(data!, 'base64url');
    bytes[0] = bytes[0]! ^ 1;
    const tampered = [iv, tag, bytes.toString('base64url')].join('.');
    expect(() => box.open(tampered)).toThrow();
    expect(() => new SecretBox('y'.repeat(40)).open(sealed)).toThrow();
  });
});
