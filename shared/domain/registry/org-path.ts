/**
 * An organization's ancestry path: the ids from the root down to the organization, each followed by a slash, after a
 * leading slash (`/root/committee/branch/`). "Within an organization" is then a prefix test, and the organizations of
 * a subtree are one range of a sorted index. Ids never contain a slash.
 */
export const orgPath = (parentPath: string | undefined, id: string): string => `${parentPath ?? '/'}${id}/`;

/** Whether the organization at `path` is the one at `ancestorPath` or below it. */
export const isWithinPath = (path: string, ancestorPath: string): boolean => path.startsWith(ancestorPath);
