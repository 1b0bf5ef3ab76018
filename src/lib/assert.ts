/** Marks a branch the type system proves unreachable; throws if reached anyway. */
export function assertNever(value: never, context = 'unexpected value'): never {
  throw new Error(`${context}: ${JSON.stringify(value)}`);
}

/** Throws when an invariant does not hold. Use for programming errors, not for user input. */
export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`Invariant failed: ${message}`);
}
