import {
  DEFAULT_TERM_REMINDER_SETTINGS, TermReminderSettingsError, defineTermReminderRules, describeTermReminders, type TermReminderSettings,
} from '../../domain/election/term-reminder-settings';
import { DEFAULT_TERM_REMINDERS, type TermReminderRule } from '../../domain/election/term-reminders';
import { auditPut, listAudit } from '../../store/audit';
import { SETTINGS_PK, getStoredTermReminderSettings, putTermReminderSettings } from '../../store/settings-repo';
import { StoreConditionFailedError, transactWrite } from '../../store/transact';
import type { Actor } from '../actor';
import { authorize, loadOrgTree } from '../authorization';
import type { ServiceDeps } from '../deps';
import { InputInvalidError } from '../../errors';
import { SettingsVersionConflictError } from './errors';

/** The setting as the 换届提醒设置 page shows it. Version 0: nothing stored yet, the built-in defaults apply. */
export interface TermReminderSettingsView {
  settings: TermReminderSettings;
  version: number;
  changedByName?: string;
  changedAt?: string;
  rules: TermReminderRule[];
}

/** One save of the setting (its audit event), for the page's 修改记录. */
export interface TermReminderSettingsChange {
  at: string;
  version: number;
  byName: string;
  before: string;
  after: string;
}

async function currentView(deps: Pick<ServiceDeps, 'store'>): Promise<TermReminderSettingsView> {
  const stored = await getStoredTermReminderSettings(deps.store);
  if (!stored) return { settings: { ...DEFAULT_TERM_REMINDER_SETTINGS, noticeMonths: [...DEFAULT_TERM_REMINDER_SETTINGS.noticeMonths] }, version: 0, rules: [...DEFAULT_TERM_REMINDERS] };
  const settings = { noticeMonths: stored.noticeMonths, requestMonths: stored.requestMonths };
  return { settings, version: stored.version, changedByName: stored.changedByName, changedAt: stored.changedAt, rules: defineTermReminderRules(settings) };
}

/** The reminder rules in force (the stored setting, or the defaults): the scheduler and the term overview read them. */
export async function getTermReminderRules(deps: Pick<ServiceDeps, 'store'>): Promise<TermReminderRule[]> {
  return (await currentView(deps)).rules;
}

/** The rules in force and the setting's version (0: the defaults): the scheduler's wake dates are keyed for it. */
export async function getTermReminderRulesInForce(deps: Pick<ServiceDeps, 'store'>): Promise<{ rules: TermReminderRule[]; version: number }> {
  const { rules, version } = await currentView(deps);
  return { rules, version };
}

/** The setting for the administrator's page (`termreminders.manage`), with its changes, newest first. */
export async function readTermReminderSettings(deps: Pick<ServiceDeps, 'store'>, actor: Actor): Promise<TermReminderSettingsView & { history: TermReminderSettingsChange[] }> {
  authorize(actor, 'termreminders.manage', undefined, await loadOrgTree(deps.store));
  const events = (await listAudit(deps.store, SETTINGS_PK)).filter((e) => e.action === 'settings.term-reminders-changed');
  const history = events.reverse().map(({ at, actor: by, details = {} }) => ({
    at, version: Number(details.version), byName: String(details.changedByName ?? by), before: String(details.before ?? ''), after: String(details.after ?? ''),
  }));
  return { ...(await currentView(deps)), history };
}

/**
 * An administrator saves the setting shown at `version` (0: the defaults, nothing stored). Validated first (bad input:
 * InputInvalidError, nothing written); written only over that version with its audit event in one transaction, so
 * two administrators saving at once cannot lose an update: the second gets SettingsVersionConflictError (409).
 */
export async function saveTermReminderSettings(deps: ServiceDeps, actor: Actor, input: TermReminderSettings & { version: number }): Promise<TermReminderSettingsView> {
  authorize(actor, 'termreminders.manage', undefined, await loadOrgTree(deps.store));
  const settings = { noticeMonths: input.noticeMonths, requestMonths: input.requestMonths };
  let rules: TermReminderRule[];
  try {
    rules = defineTermReminderRules(settings);
  } catch (error) {
    if (error instanceof TermReminderSettingsError) throw new InputInvalidError({ ...error.fieldErrors }, { cause: error });
    throw error;
  }
  const current = await currentView(deps);
  if (current.version !== input.version) throw new SettingsVersionConflictError(current.version, { detail: `term reminders: form version ${input.version}, stored ${current.version}` });
  const saved = { noticeMonths: [...settings.noticeMonths].sort((a, b) => b - a), requestMonths: settings.requestMonths };
  const at = deps.clock.now().toISOString();
  const version = current.version + 1;
  try {
    await transactWrite(deps.store, [
      putTermReminderSettings(deps.store, { ...saved, version, changedBy: actor.id, changedByName: actor.displayName, changedAt: at }),
      auditPut(deps.store, SETTINGS_PK, {
        at, action: 'settings.term-reminders-changed', actor: actor.id,
        details: { before: describeTermReminders(current.settings), after: describeTermReminders(saved), version, changedByName: actor.displayName },
      }),
    ]);
  } catch (error) {
    // The version condition failed, or a concurrent transaction on the item won (TransactionConflict): either way,
    // when another version is stored now, this save lost the race and is refused as stale.
    const stored = await getStoredTermReminderSettings(deps.store);
    if ((error instanceof StoreConditionFailedError && error.failedAt(0)) || (stored?.version ?? 0) !== current.version) {
      throw new SettingsVersionConflictError(stored?.version ?? 0, { cause: error, detail: `term reminders: version ${version} refused` });
    }
    throw error;
  }
  return { settings: saved, version, changedByName: actor.displayName, changedAt: at, rules };
}
