/** A provider can publish services once an admin has verified who they are. */
export function canPublish(organisation: { kind: string; verificationStatus: string }): boolean {
  return organisation.kind === 'PROVIDER' && organisation.verificationStatus === 'VERIFIED';
}
