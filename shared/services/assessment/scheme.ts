import {
  appliesFromAt, checkIndicator, periodByKey, checkScheme, DEFAULT_ADJUSTMENTS, DEFAULT_INDICATORS, DEFAULT_SETTINGS, requireDraft, type Indicator, type Scheme,
} from '../../domain/assessment';
import { auditPut } from '../../store/audit';
import { listMarkers, listSchemeVersions, putNewScheme, replaceDraftScheme, schemePk } from '../../store/assessment-repo';
import { schemeYearEntry, schemeYearTarget } from '../../store/period-due';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError, RecordNotFoundError } from '../../errors';
import { checked, AssessmentChangedError } from './errors';

/** The versions of a committee's scheme for a year (A1), for an administrator. */
export async function getSchemeVersions(deps: ServiceDeps, actor: Actor, committeeId: string, year: number): Promise<Scheme[]> {
  authorize(actor, 'assessment.view', committeeId, await loadOrgTree(deps.store));
  return listSchemeVersions(deps.store, committeeId, year);
}

async function write(deps: ServiceDeps, items: Parameters<typeof transactWrite>[1]): Promise<void> {
  try {
    await transactWrite(deps.store, items);
  } catch (error) {
    if (error instanceof StoreConditionFailedError) throw new AssessmentChangedError('scheme', { cause: error });
    throw error;
  }
}

/**
 * A new draft (A1, A2): a copy of the latest version, or of the default scheme of 24 indicators when the year has
 * none. A draft already open is returned as it is (a double click opens one draft).
 */
export async function createSchemeDraft(deps: ServiceDeps, actor: Actor, committeeId: string, year: number): Promise<Scheme> {
  const tree = await loadOrgTree(deps.store);
  authorize(actor, 'assessment.scheme', committeeId, tree);
  if (!tree.get(committeeId)) throw new RecordNotFoundError('该考核单位');
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new InputInvalidError({ year: '考核年度须为 2000 至 2100 年之间的年份。' });
  const versions = await listSchemeVersions(deps.store, committeeId, year);
  const latest = versions.at(-1);
  if (latest?.status === 'draft') return latest;
  const draft: Scheme = latest
    ? { ...latest, version: latest.version + 1, status: 'draft', appliesFrom: undefined }
    : { committeeId, year, version: 1, status: 'draft', indicators: DEFAULT_INDICATORS, adjustments: DEFAULT_ADJUSTMENTS, settings: DEFAULT_SETTINGS };
  await write(deps, [
    putNewScheme(deps.store, draft),
    auditPut(deps.store, schemePk(committeeId, year), { at: deps.clock.now().toISOString(), action: 'assessment.scheme-drafted', actor: actor.id, details: { version: draft.version } }),
  ]);
  return draft;
}

async function draftOf(deps: ServiceDeps, actor: Actor, committeeId: string, year: number, version: number): Promise<Scheme> {
  authorize(actor, 'assessment.scheme', committeeId, await loadOrgTree(deps.store));
  const scheme = (await listSchemeVersions(deps.store, committeeId, year)).find((v) => v.version === version);
  if (!scheme) throw new RecordNotFoundError('该版本的考核方案');
  checked(() => requireDraft(scheme));
  return scheme;
}

export interface IndicatorEdit {
  maxPoints: string;
  requirement: string;
  name?: string;
}

/** Edits one indicator of a draft (A2, A4): its points and requirement (and name); checked before anything is written. */
export async function editSchemeIndicator(deps: ServiceDeps, actor: Actor, committeeId: string, year: number, version: number, key: string, edit: IndicatorEdit): Promise<Scheme> {
  const scheme = await draftOf(deps, actor, committeeId, year, version);
  const current = scheme.indicators.find((i) => i.key === key);
  if (!current) throw new RecordNotFoundError('该考核指标');
  const maxPoints = Number(String(edit.maxPoints ?? '').trim());
  if (!String(edit.maxPoints ?? '').trim() || Number.isNaN(maxPoints)) throw new InputInvalidError({ maxPoints: '请填写分值（数字，如 4 或 2.5）。' });
  const indicator: Indicator = { ...current, maxPoints, requirement: String(edit.requirement ?? '').trim(), name: edit.name?.trim() || current.name };
  checked(() => checkIndicator(indicator));
  const next: Scheme = { ...scheme, indicators: scheme.indicators.map((i) => (i.key === key ? indicator : i)) };
  await write(deps, [
    replaceDraftScheme(deps.store, next),
    auditPut(deps.store, schemePk(committeeId, year), {
      at: deps.clock.now().toISOString(), action: 'assessment.indicator-edited', actor: actor.id,
      details: { version, indicator: indicator.name, points: { before: current.maxPoints, after: indicator.maxPoints } },
    }),
  ]);
  return next;
}

/**
 * Publishes a draft (A2, A3): the whole scheme checked, then the version is fixed and applies from the next period
 * not yet open (the first version from the year's first period). The year's due entry moves to its next opening in
 * the same transaction.
 */
export async function publishScheme(deps: ServiceDeps, actor: Actor, committeeId: string, year: number, version: number): Promise<Scheme> {
  const scheme = await draftOf(deps, actor, committeeId, year, version);
  const versions = await listSchemeVersions(deps.store, committeeId, year);
  const isFirst = !versions.some((v) => v.status === 'published');
  const appliesFrom = checked(() => {
    checkScheme(scheme);
    return appliesFromAt(scheme, deps.clock.now(), isFirst);
  });
  const published: Scheme = { ...scheme, status: 'published', appliesFrom };
  // The year's due entry (docs/domain/scheduler.md): its next opening under every version published with this one.
  const opened = new Set(await listMarkers(deps.store, committeeId, year, 'OPENED#'));
  const entry = schemeYearTarget(committeeId, year, [...versions.filter((v) => v.version !== version), published], opened);
  await write(deps, [
    replaceDraftScheme(deps.store, published),
    schemeYearEntry(deps.store, entry),
    auditPut(deps.store, schemePk(committeeId, year), { at: deps.clock.now().toISOString(), action: 'assessment.scheme-published', actor: actor.id, details: { version, appliesFrom: periodByKey(appliesFrom).label } }),
  ]);
  return published;
}
