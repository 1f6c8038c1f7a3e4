import fc from 'fast-check';

/** Any subset of `values`, in their order (fast-check's subarray, over a readonly list such as a vocabulary). */
export const subsetOf = <T>(values: readonly T[]) => fc.subarray([...values]);
