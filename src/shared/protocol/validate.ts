// The shapes every request table shares, and the checks a payload passes on arrival. Any page script
// bug or a compromised renderer can send the worker anything, so each receiver validates.

/** A request that carries nothing but its type. */
export type NoPayload = Record<never, never>;

/** The union of messages a request table allows: each carries its `type` and its request's fields. */
export type MessageOf<R> = { [K in keyof R]: { type: K } & (R[K] extends { request: infer Q } ? Q : never) }[keyof R];
export type ResponseOf<R, K extends keyof R> = R[K] extends { response: infer A } ? A : never;

/** Reads one request of a known type from an untrusted record; undefined when it does not fit. */
export type Validator<T> = (raw: Record<string, unknown>) => T | undefined;

/** One validator per request of a table: it reads the request's fields, parseWith adds the type. */
export type ValidatorsOf<R> = {
  [K in keyof R]: Validator<R[K] extends { request: infer Q } ? Q : never>;
};

export const isString = (value: unknown, max = 4096): value is string =>
  typeof value === 'string' && value.length <= max;

/** The message of a known type, its fields as its validator read them; the type is set last, so no field replaces it. */
export function parseWith<M>(validators: Record<string, Validator<object>>, raw: unknown): M | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const record = raw as Record<string, unknown>;
  const type = record.type;
  if (typeof type !== 'string' || !Object.hasOwn(validators, type)) return undefined;
  const fields = validators[type]?.(record);
  return fields && ({ ...fields, type } as M);
}
