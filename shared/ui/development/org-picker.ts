import { html, type SafeHtml } from '../html';

/** A GET form choosing the organization a page shows (only those in the actor's scope are offered). */
export function orgPicker(action: string, choices: ReadonlyArray<{ id: string; name: string }>, current: string): SafeHtml {
  if (choices.length <= 1) return html``;
  return html`<form method="get" action="${action}" class="org-picker">
    <label for="f-orgId">组织</label>
    <select id="f-orgId" name="orgId">${choices.map((o) => html`<option value="${o.id}"${o.id === current ? html` selected` : ''}>${o.name}</option>`)}</select>
    <button type="submit" class="secondary">查看</button>
  </form>`;
}
