// Whatever was thrown, as the text an error message shows.

/**
 * The message of an Error, or the thrown value itself as text.
 *
 * @example
 * errorMessage(new Error('no such file')) // 'no such file'
 * errorMessage('stopped') // 'stopped'
 */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
