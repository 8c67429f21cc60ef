// @ts-check
// How an error code is written as an RFC 9457 problem type: the server writes it, the pages read
// the code back from it. docs/design.md, "Rules the browser shares with the server".

export const PROBLEM_TYPE_PREFIX = 'urn:supplyline:problem:';

/**
 * The problem type of an error code.
 * @template {string} Code
 * @param {Code} code
 * @returns {`urn:supplyline:problem:${Code}`}
 */
export function problemTypeOf(code) {
  return `${PROBLEM_TYPE_PREFIX}${code}`;
}

/**
 * The error code a problem type names, or undefined when it is no problem type of ours (a
 * proxy's, or none at all).
 * @param {unknown} type
 * @returns {string | undefined}
 */
export function problemCodeOf(type) {
  return typeof type === 'string' && type.startsWith(PROBLEM_TYPE_PREFIX)
    ? type.slice(PROBLEM_TYPE_PREFIX.length)
    : undefined;
}
