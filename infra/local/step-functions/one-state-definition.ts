import { StepFunctionsDefinitionError } from './errors';
import { classifyResource, LOCAL_WAIT_RESOURCE } from './resources';
import type { AslDefinition } from './types';

/* eslint-disable @typescript-eslint/no-explicit-any */
type StateDef = Record<string, any>;

/**
 * A definition that runs ONE top-level state through aws-local-stepfunctions: the state itself,
 * plus a stub for every state it can go to. A stub is a local task that records the target and
 * the input it would get, and ends the run — so the run tells where the execution goes next.
 */
export interface PreparedStep {
  definition: { StartAt: string; States: Record<string, StateDef> };
  /** Task states to run with local handlers (the top-level one and those nested in Parallel/Map), by name. */
  tasks: Map<string, StateDef>;
  /** Callback task name → the context key its `$$.Task.Token` was rewritten to (`$$.Task.Tokens.<key>`). */
  tokenKeys: Map<string, string>;
  /** Stub name → the top-level state it stands for. */
  stubs: Map<string, string>;
}

/** The library's Task timeout runs on a real timer; ours run on the clock. Largest delay setTimeout accepts. */
export const LIBRARY_TASK_TIMEOUT_SECONDS = 2_147_483;

const cache = new WeakMap<AslDefinition, Map<string, PreparedStep>>();

export function prepareStep(machine: AslDefinition, stateName: string): PreparedStep {
  let byState = cache.get(machine);
  if (!byState) cache.set(machine, (byState = new Map()));
  let prepared = byState.get(stateName);
  if (!prepared) byState.set(stateName, (prepared = build(machine, stateName)));
  return prepared;
}

function build(machine: AslDefinition, stateName: string): PreparedStep {
  const original = machine.States[stateName] as StateDef | undefined;
  if (!original) throw new StepFunctionsDefinitionError(`State "${stateName}" does not exist`);
  const prepared: PreparedStep = { definition: { StartAt: stateName, States: {} }, tasks: new Map(), tokenKeys: new Map(), stubs: new Map() };
  const state = rewriteContextPaths(prepareState(stateName, structuredClone(original), prepared, true));
  for (const target of targetsOf(state)) {
    const stub = target === stateName ? `${stateName} (next)` : target;
    renameTarget(state, target, stub);
    prepared.stubs.set(stub, target);
    prepared.definition.States[stub] = { Type: 'Task', Resource: 'local:stub', TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS, End: true };
  }
  prepared.definition.States[stateName] = state;
  return prepared;
}

/** Prepares a state and, recursively, the states of its Parallel branches / Map processor. */
function prepareState(name: string, state: StateDef, prepared: PreparedStep, topLevel: boolean): StateDef {
  for (const branch of [...(state.Branches ?? []), state.ItemProcessor, state.Iterator]) {
    if (!branch?.States) continue;
    for (const [nestedName, nested] of Object.entries(branch.States as Record<string, StateDef>)) {
      branch.States[nestedName] = prepareState(nestedName, nested, prepared, false);
    }
  }
  normalizeResultPaths(state);
  if (state.Type === 'Wait' && !topLevel) {
    // Nested waits become local tasks that sleep on the runtime clock (the library would sleep in real time).
    prepared.tasks.set(name, state);
    const { Type: _type, Seconds: _s, SecondsPath: _sp, Timestamp: _t, TimestampPath: _tp, ...rest } = state;
    return { ...rest, Type: 'Task', Resource: LOCAL_WAIT_RESOURCE, TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS };
  }
  if (state.Type !== 'Task') return state;
  prepared.tasks.set(name, structuredClone(state));
  const { TimeoutSecondsPath: _tsp, HeartbeatSeconds: _hb, HeartbeatSecondsPath: _hbp, ...rest } = state;
  const task: StateDef = { ...rest, TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS };
  if (classifyResource(state.Resource) === 'lambda-callback') {
    const key = `t${prepared.tokenKeys.size}`;
    prepared.tokenKeys.set(name, key);
    if (task.Parameters !== undefined) {
      task.Parameters = JSON.parse(JSON.stringify(task.Parameters).replace(/\$\$\.Task\.Token\b/g, `$$$$.Task.Tokens.${key}`));
    }
  }
  return task;
}

/** `ResultPath: "$"` means "the result replaces the input", like no ResultPath; the library would store it under a key "$". */
function normalizeResultPaths(state: StateDef): void {
  if (state.ResultPath === '$') delete state.ResultPath;
  for (const catcher of state.Catch ?? []) if (catcher.ResultPath === '$') delete catcher.ResultPath;
}

/**
 * The library overwrites `$$.Execution.Input` and `$$.Execution.StartTime` with the one-state run's
 * own; the runner passes the execution's real ones as LocalInput / LocalStartTime.
 */
function rewriteContextPaths(state: StateDef): StateDef {
  const text = JSON.stringify(state)
    .replace(/\$\$\.Execution\.Input\b/g, '$$$$.Execution.LocalInput')
    .replace(/\$\$\.Execution\.StartTime\b/g, '$$$$.Execution.LocalStartTime');
  return JSON.parse(text);
}

function targetsOf(state: StateDef): Set<string> {
  const targets = new Set<string>();
  if (typeof state.Next === 'string') targets.add(state.Next);
  if (typeof state.Default === 'string') targets.add(state.Default);
  for (const rule of state.Choices ?? []) if (typeof rule.Next === 'string') targets.add(rule.Next);
  for (const catcher of state.Catch ?? []) if (typeof catcher.Next === 'string') targets.add(catcher.Next);
  return targets;
}

function renameTarget(state: StateDef, from: string, to: string): void {
  if (from === to) return;
  if (state.Next === from) state.Next = to;
  if (state.Default === from) state.Default = to;
  for (const rule of state.Choices ?? []) if (rule.Next === from) rule.Next = to;
  for (const catcher of state.Catch ?? []) if (catcher.Next === from) catcher.Next = to;
}
