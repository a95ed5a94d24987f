/** Resolves the CloudFormation intrinsics that appear in a synthesized state machine definition. */

export interface LocalArns {
  lambda(handlerId: string): string;
  stateMachine(workflow: string): string;
}

export interface IntrinsicContext {
  /** Logical id of a Lambda function → its handler id. */
  handlers: ReadonlyMap<string, string>;
  /** Logical id of a state machine → its workflow name. */
  machines: ReadonlyMap<string, string>;
  arns: LocalArns;
  /** Values of pseudo parameters such as AWS::Region. */
  pseudo?: Readonly<Record<string, string>>;
}

export class IntrinsicUnresolvedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'IntrinsicUnresolvedError';
  }
}

const defaultPseudo: Record<string, string> = {
  'AWS::Region': 'local',
  'AWS::AccountId': '000000000000',
  'AWS::Partition': 'aws',
  'AWS::URLSuffix': 'amazonaws.com',
};

function resolveReference(logicalId: string, attribute: string | undefined, context: IntrinsicContext): string {
  const pseudo = { ...defaultPseudo, ...context.pseudo };
  if (attribute === undefined && logicalId in pseudo) return pseudo[logicalId];
  const handlerId = context.handlers.get(logicalId);
  if (handlerId && (attribute === undefined || attribute === 'Arn')) return context.arns.lambda(handlerId);
  const workflow = context.machines.get(logicalId);
  if (workflow && (attribute === undefined || attribute === 'Arn')) return context.arns.stateMachine(workflow);
  throw new IntrinsicUnresolvedError(`Cannot resolve ${attribute ? `Fn::GetAtt ${logicalId}.${attribute}` : `Ref ${logicalId}`}`);
}

export function resolveIntrinsics(value: unknown, context: IntrinsicContext): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveIntrinsics(item, context));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 1) {
    const [key, argument] = entries[0];
    if (key === 'Ref') return resolveReference(String(argument), undefined, context);
    if (key === 'Fn::GetAtt') {
      const [logicalId, attribute] = Array.isArray(argument) ? argument : String(argument).split('.');
      return resolveReference(String(logicalId), String(attribute), context);
    }
    if (key === 'Fn::Join') {
      const [separator, parts] = argument as [string, unknown[]];
      return parts.map((part) => String(resolveIntrinsics(part, context))).join(separator);
    }
    if (key.startsWith('Fn::')) throw new IntrinsicUnresolvedError(`Unsupported intrinsic ${key}`);
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, resolveIntrinsics(item, context)]));
}
