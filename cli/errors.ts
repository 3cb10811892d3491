/** How the CLI fails: one line on stderr, `losscape: <reason>`, and a non-zero exit code. */

/** A failure the user can act on (bad input, an unwritable file); reported without a stack. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Formats a thrown value or a commander message as the single line `losscape: <reason>\n`. */
export function errorLine(reason: unknown): string {
  const text = reason instanceof Error ? reason.message : String(reason);
  const oneLine = text.replace(/^error:\s*/, '').replace(/\s*\n\s*/g, ' ').trim();
  return `losscape: ${oneLine}\n`;
}
