import { canPublish } from './organisations.rules';

describe('publishing', () => {
  it('waits for an admin to verify the provider', () => {
    expect(canPublish({ kind: 'PROVIDER', verificationStatus: 'UNVERIFIED' })).toBe(false);
    expect(canPublish({ kind: 'PROVIDER', verificationStatus: 'REJECTED' })).toBe(false);
    expect(canPublish({ kind: 'PROVIDER', verificationStatus: 'VERIFIED' })).toBe(true);
  });

  it('is not something commissioners do', () => {
    expect(canPublish({ kind: 'COMMISSIONER', verificationStatus: 'VERIFIED' })).toBe(false);
  });
});
