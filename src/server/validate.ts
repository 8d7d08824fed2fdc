// Checks of what clients send. Everything arrives from the network: any type, any size, binary
// attachments where text was expected. Each check returns the value or throws a Refusal with
// `invalid_payload` naming the field, which the event guard turns into the ack.
import { Refusal } from './refusal.js';

export type Payload = Record<string, unknown>;

/** A plain JSON object (not an array, not a Buffer or other binary attachment). */
export function payloadObject(value: unknown, what = 'payload'): Payload {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Refusal('invalid_payload', `${what} must be an object`);
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) throw new Refusal('invalid_payload', `${what} must be a plain object`);
  return value as Payload;
}

interface StringRule {
  /** Longest accepted, in UTF-16 units (a cheap first cut; finer limits come after cleaning). */
  readonly max: number;
  readonly pattern?: RegExp;
}

export function stringField(payload: Payload, key: string, rule: StringRule): string {
  const value = payload[key];
  if (typeof value !== 'string') throw new Refusal('invalid_payload', `"${key}" must be a string`);
  if (value.length > rule.max) throw new Refusal('invalid_payload', `"${key}" is longer than ${rule.max} characters`);
  if (rule.pattern && !rule.pattern.test(value)) throw new Refusal('invalid_payload', `"${key}" has an invalid format`);
  return value;
}

export function optionalBoolean(payload: Payload, key: string): boolean {
  const value = payload[key];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') throw new Refusal('invalid_payload', `"${key}" must be a boolean`);
  return value;
}

export function integerField(payload: Payload, key: string, min: number, max: number): number {
  const value = payload[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new Refusal('invalid_payload', `"${key}" must be an integer from ${min} to ${max}`);
  }
  return value;
}

/** Message ids as the server makes them (`<ms>-<seq>`). */
export const MESSAGE_ID = /^\d{1,16}-\d{1,10}$/;
/** User ids as the server makes them (`a_…`, `u_…`). */
export const USER_ID = /^[au]_[^\s]{1,80}$/u;

/**
 * A program date time (epoch ms) or null. Only its shape is checked, never against the server's
 * clock: it comes from the encoder's clock, which may differ from the server's.
 */
export function stampField(payload: Payload, key: string): number | null {
  const value = payload[key];
  if (value === null || value === undefined) return null;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > 8.64e15) {
    throw new Refusal('invalid_payload', `"${key}" must be a program date time in epoch ms, or null`);
  }
  return Math.round(value);
}
