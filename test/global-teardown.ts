export default async function globalTeardown(): Promise<void> {
  const containers = (globalThis as { __naxioContainers?: Array<{ stop(): Promise<unknown> }> }).__naxioContainers ?? [];
  await Promise.all(containers.map((c) => c.stop()));
}
