import { isURL } from 'class-validator';

/*
 * Lenient reads of HSDS JSON from another directory: a value of the wrong type reads as absent,
 * and the mapper reports what it could not use.
 */

export type Json = Record<string, unknown>;

export const obj = (v: unknown): Json | undefined => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined);
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
export const num = (v: unknown): number | undefined => {
  const n = typeof v === 'string' && v.trim() ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
};
/** A value as an ImportNote quotes it: '' when absent, an object or list as its JSON (not "[object Object]"). */
export const quoted = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v === undefined || v === null ? '' : JSON.stringify(v);
};
export const isHttpUrl = (v: string) => isURL(v, { protocols: ['http', 'https'], require_protocol: true });

/** One thing the importer left out of a service, or filled in itself, and why. */
export interface ImportNote {
  field: string;
  reason: string;
}
