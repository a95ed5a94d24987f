import { html, type SafeHtml } from './html';

/**
 * Charts of the assessment, drawn on the server as inline SVG (no script, no CDN), each in a <figure> whose caption
 * says what it shows and whose table gives the same figures as text (the alternative for screen readers and print).
 */

const W = 560;
const H = 220;
const PAD = { left: 40, right: 12, top: 12, bottom: 36 };
const plotW = W - PAD.left - PAD.right;
const plotH = H - PAD.top - PAD.bottom;

/** The bands of the distribution: 差 below 60, then tens up to 100 (a total above 100 with bonuses falls in the last). */
export const SCORE_BANDS = [
  { label: '60 分以下', from: -Infinity, to: 60 }, { label: '60–69', from: 60, to: 70 }, { label: '70–79', from: 70, to: 80 },
  { label: '80–89', from: 80, to: 90 }, { label: '90 分以上', from: 90, to: Infinity },
] as const;

export function bandCounts(percents: readonly number[]): number[] {
  return SCORE_BANDS.map((band) => percents.filter((p) => p >= band.from && p < band.to).length);
}

function yAxis(max: number, unit: string): SafeHtml {
  const ticks = [0, 0.5, 1].map((f) => Math.round(max * f * 10) / 10);
  return html`${ticks.map((t) => {
    const y = PAD.top + plotH - (max === 0 ? 0 : (t / max) * plotH);
    return html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="11">${t}${unit}</text>`;
  })}`;
}

/** 得分分布: how many organizations fall in each band of their score rate (points gained / full marks, %). */
export function distributionChart(title: string, percents: readonly number[]): SafeHtml {
  const counts = bandCounts(percents);
  const max = Math.max(1, ...counts);
  const slot = plotW / counts.length;
  const bars = counts.map((count, i) => {
    const h = (count / max) * plotH;
    const x = PAD.left + i * slot + slot * 0.15;
    return html`<rect x="${x}" y="${PAD.top + plotH - h}" width="${slot * 0.7}" height="${h}" fill="#b22222"/>
      <text x="${x + slot * 0.35}" y="${PAD.top + plotH - h - 4}" text-anchor="middle" font-size="12">${count}</text>
      <text x="${x + slot * 0.35}" y="${H - 14}" text-anchor="middle" font-size="12">${SCORE_BANDS[i].label}</text>`;
  });
  return html`<figure class="chart">
    <figcaption>${title}（按得分率分档，共 ${percents.length} 个组织）</figcaption>
    <svg role="img" aria-label="${title}：${SCORE_BANDS.map((b, i) => `${b.label} ${counts[i]} 个`).join('，')}" viewBox="0 0 ${W} ${H}" width="100%">
      ${yAxis(max, '')}${bars}
    </svg>
    <details><summary>查看数据</summary><table><caption>${title}数据</caption><thead><tr><th>得分率</th><th>组织数</th></tr></thead>
      <tbody>${SCORE_BANDS.map((b, i) => html`<tr><td>${b.label}</td><td>${counts[i]}</td></tr>`)}</tbody></table></details>
  </figure>`;
}

/** 得分趋势: an organization's score rate (%) period by period through the year; periods not scored are gaps. */
export function trendChart(title: string, points: readonly { label: string; percent?: number }[]): SafeHtml {
  const slot = points.length > 1 ? plotW / (points.length - 1) : 0;
  const at = (i: number, p: number) => ({ x: PAD.left + (points.length > 1 ? i * slot : plotW / 2), y: PAD.top + plotH - (Math.min(100, p) / 100) * plotH });
  const segments: string[] = [];
  let current: string[] = [];
  points.forEach((point, i) => {
    if (point.percent === undefined) {
      if (current.length > 0) segments.push(current.join(' '));
      current = [];
      return;
    }
    const { x, y } = at(i, point.percent);
    current.push(`${x},${y}`);
  });
  if (current.length > 0) segments.push(current.join(' '));
  return html`<figure class="chart">
    <figcaption>${title}（各考核期得分率，%）</figcaption>
    <svg role="img" aria-label="${title}：${points.map((p) => `${p.label} ${p.percent === undefined ? '未评分' : `${p.percent}%`}`).join('，')}" viewBox="0 0 ${W} ${H}" width="100%">
      ${yAxis(100, '%')}
      ${segments.map((s) => html`<polyline points="${s}" fill="none" stroke="#b22222" stroke-width="2"/>`)}
      ${points.map((p, i) => {
        const { x, y } = at(i, p.percent ?? 0);
        const short = p.label.replace(/^\d{4}年/, '');
        return html`${p.percent === undefined ? '' : html`<circle cx="${x}" cy="${y}" r="3.5" fill="#b22222"/>`}<text x="${x}" y="${H - 14}" text-anchor="middle" font-size="11">${short}</text>`;
      })}
    </svg>
    <details><summary>查看数据</summary><table><caption>${title}数据</caption><thead><tr><th>考核期</th><th>得分率</th></tr></thead>
      <tbody>${points.map((p) => html`<tr><td>${p.label}</td><td>${p.percent === undefined ? '未评分' : `${p.percent}%`}</td></tr>`)}</tbody></table></details>
  </figure>`;
}
