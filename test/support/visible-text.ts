/** The text a reader sees on a page (tags, scripts, styles, attributes and addresses dropped), and what in it is not Chinese. */

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&nbsp;': ' ' };

export function visibleText(page: string): string {
  return page
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[#a-z0-9]+;/gi, (entity) => ENTITIES[entity] ?? entity)
    .replace(/\s+/g, ' ');
}

/** Allowed ASCII words: paper sizes, e-mail addresses (shown to staff), the IP label, the digest name. */
const ALLOWED = [/\bA4\b/g, /_{3,}/g, /[\w.+-]+@[\w.-]+/g, /SHA-256/g];

/** Each ASCII identifier (3+ letters or underscores) and each ISO timestamp in the visible text, with its context. */
export function visibleProblems(page: string): string[] {
  const text = ALLOWED.reduce((t, pattern) => t.replace(pattern, ' '), visibleText(page));
  const found: string[] = [];
  for (const match of text.matchAll(/[A-Za-z_]{3,}|\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/g)) {
    found.push(`“${match[0]}” in “${text.slice(Math.max(0, match.index - 30), match.index + match[0].length + 30)}”`);
  }
  return found;
}
