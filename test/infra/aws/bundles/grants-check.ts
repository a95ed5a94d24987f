import { parseExecutionArn } from '../../../../infra/local/step-functions/arns';
import type { BundleWorld } from './bundle-world';
import { isGranted, unusedActions, type NeededGrant } from './observed-grants';

/** The grants the calls of a bundle run need, per function role and per state machine role. */

function logicalIdOfType(world: BundleWorld, type: string): string | undefined {
  return Object.entries(world.template.Resources).find(([, resource]) => resource.Type === type)?.[0];
}

function machineLogicalId(world: BundleWorld, workflow: string): string | undefined {
  return world.machines.find((m) => m.workflow === workflow)?.logicalId;
}

/** The stack resource a call's resource stands for (the one table, a machine, the user pool). */
function resourceLogicalId(world: BundleWorld, resource: string | undefined): string | undefined {
  if (!resource) return undefined;
  if (resource === world.store.tableName) return logicalIdOfType(world, 'AWS::DynamoDB::Table');
  if (resource === world.cognito.userPoolId) return logicalIdOfType(world, 'AWS::Cognito::UserPool');
  const machine = parseExecutionArn(resource)?.machine ?? /:stateMachine:([^:]+)/.exec(resource)?.[1];
  if (machine) return machineLogicalId(world, machine);
  throw new Error(`A call named ${resource}, which is no resource of the stack`);
}

export function functionGrantsNeeded(world: BundleWorld): NeededGrant[] {
  return world.calls.filter((call) => call.signed).map((call) => ({
    principal: call.caller,
    roleLogicalId: world.functionOf(call.caller).roleLogicalId,
    action: call.action,
    resourceLogicalId: resourceLogicalId(world, call.resource),
  }));
}

/** A machine that runs a nested one with `.sync` also describes and stops it, through a rule of its own in EventBridge. */
const SYNC_ACTIONS = ['states:DescribeExecution', 'states:StopExecution', 'events:PutTargets', 'events:PutRule', 'events:DescribeRule'];

export function machineGrantsNeeded(world: BundleWorld): NeededGrant[] {
  return world.machineCalls.flatMap((call) => {
    const machine = world.machines.find((m) => m.workflow === call.machine)!;
    if (call.action === 'lambda:InvokeFunction') {
      return [{ principal: call.machine, roleLogicalId: machine.roleLogicalId, action: call.action, resourceLogicalId: world.functionOf(call.target).logicalId }];
    }
    const child = machineLogicalId(world, call.target);
    const sync = JSON.stringify(machine.definition).includes('states:startExecution.sync');
    return [
      { principal: call.machine, roleLogicalId: machine.roleLogicalId, action: call.action, resourceLogicalId: child },
      ...(sync ? SYNC_ACTIONS.map((action) => ({ principal: call.machine, roleLogicalId: machine.roleLogicalId, action, resourceLogicalId: action.startsWith('events:') ? undefined : child })) : []),
    ];
  });
}

export function missingGrants(world: BundleWorld, needed: NeededGrant[]): string[] {
  const missing = needed.filter((grant) => !isGranted(world.template, grant))
    .map((grant) => `${grant.principal} (role ${grant.roleLogicalId}) calls ${grant.action}${grant.resourceLogicalId ? ` on ${grant.resourceLogicalId}` : ''} without a grant`);
  return [...new Set(missing)].sort();
}

/** Per principal, the granted actions no call of the run used. */
export function unusedGrants(world: BundleWorld, needed: NeededGrant[]): Record<string, string[]> {
  const principals = [
    ...world.functions.map((fn) => ({ principal: fn.handlerId, role: fn.roleLogicalId })),
    ...world.machines.map((m) => ({ principal: m.workflow, role: m.roleLogicalId })),
  ];
  return Object.fromEntries(principals
    .map(({ principal, role }) => [principal, unusedActions(world.template, role, new Set(needed.filter((n) => n.principal === principal).map((n) => n.action)))] as const)
    .filter(([, actions]) => actions.length > 0));
}
