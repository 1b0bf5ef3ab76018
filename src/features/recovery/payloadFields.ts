/** One editable value inside an event payload, with its path (`payer.cardNo`, `diagnoses.0.code`). */
export type PayloadLeaf = { path: string; value: string | number | boolean | null };

/** Every leaf value of a payload, in document order. */
export function payloadLeaves(value: unknown, prefix = ''): PayloadLeaf[] {
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
      payloadLeaves(inner, prefix ? `${prefix}.${key}` : key),
    );
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null
  ) {
    return [{ path: prefix, value }];
  }
  return [];
}

/**
 * The payload with edited leaves replaced, each parsed as the type it had (a number stays a
 * number, `true`/`false` a boolean); an empty text for a string leaf removes the field.
 */
export function withEdits(payload: unknown, edits: ReadonlyMap<string, string>): unknown {
  const copy = structuredClone(payload) as Record<string, unknown>;
  for (const [path, text] of edits) {
    const keys = path.split('.');
    const last = keys.pop()!;
    const parent = keys.reduce<Record<string, unknown>>(
      (node, key) => node[key] as Record<string, unknown>,
      copy,
    );
    const original = parent[last];
    if (typeof original === 'number')
      parent[last] = text.trim() === '' ? Number.NaN : Number(text.replace(',', '.'));
    else if (typeof original === 'boolean') parent[last] = text === 'true';
    else if (text === '') delete parent[last];
    else parent[last] = text;
  }
  return copy;
}
