export default async function globalTeardown() {
  await Promise.all((globalThis.harbourTestServices ?? []).map((service) => service.stop()));
}
