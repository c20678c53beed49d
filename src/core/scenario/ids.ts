// Ids for edits, scenarios, views and new features. crypto.randomUUID exists in Node 20,
// workers and browsers alike; tests pass their own ids so results stay reproducible.
export function newId(prefix: string): string {
  return `${prefix}-${globalThis.crypto.randomUUID()}`;
}
