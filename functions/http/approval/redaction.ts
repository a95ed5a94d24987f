import type { ErrorLogger } from '../edge/error-mapper';

/** `/approvals/<id>` in any text becomes `/approvals/<link>` (route templates such as `{linkId}` stay). */
export function redactLinkPaths(text: string): string {
  return text.replace(/\/approvals\/(?!\{)[^/\s"'?#<>\\]+/g, '/approvals/<link>');
}

/** Every occurrence of the raw link id, and every link path, replaced. */
export function redactLink(text: string, rawLinkId: string | undefined): string {
  const withoutId = rawLinkId && rawLinkId.length >= 8 ? text.split(rawLinkId).join('<link>') : text;
  return redactLinkPaths(withoutId);
}

/** A logger that never writes a link path: the entry is serialized, redacted, and passed on. */
export function redactingLogger(log: ErrorLogger): ErrorLogger {
  return (entry) => log(JSON.parse(redactLinkPaths(JSON.stringify(entry))) as Record<string, unknown>);
}

/** A fault thrown while serving a link, with the raw id taken out of its message and stack before it is logged. */
export function redactedFault(error: unknown, rawLinkId: string): Error {
  if (!(error instanceof Error)) return new Error(redactLink(String(error), rawLinkId));
  const fault = new Error(redactLink(error.message, rawLinkId));
  fault.name = error.name;
  fault.stack = redactLink(error.stack ?? '', rawLinkId);
  return fault;
}
