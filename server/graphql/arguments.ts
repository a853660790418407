/** Argument bounds, checked before any store call, with messages that name the bound. */
import { BadInput } from '../domain/errors.js';

export function bounded(name: string, value: number | null | undefined, { min = 0, max, fallback }: { min?: number; max: number; fallback: number }): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new BadInput(`"${name}" must be a whole number from ${min} to ${max} (got ${value}).`);
  }
  return v;
}

export function boundedText(name: string, value: string, max: number, { allowEmpty = false } = {}): string {
  if (value.length > max) throw new BadInput(`"${name}" must be at most ${max} characters (got ${value.length}).`);
  if (!allowEmpty && value.trim() === '') throw new BadInput(`"${name}" must not be empty.`);
  return value;
}

export function boundedList<T>(name: string, value: readonly T[] | null | undefined, max = 50): T[] | null {
  if (value == null) return null;
  if (value.length > max) throw new BadInput(`"${name}" may hold at most ${max} items (got ${value.length}).`);
  return [...value];
}
