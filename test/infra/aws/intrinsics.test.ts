import { IntrinsicUnresolvedError, resolveIntrinsics, type IntrinsicContext } from '../../../infra/aws/intrinsics';
import { LOCAL_ARNS } from '../../../infra/aws/asl';

const context: IntrinsicContext = {
  handlers: new Map([['NoticePublishABC123', 'notice-publish']]),
  machines: new Map([['NoticeMachineDEF456', 'notice']]),
  arns: LOCAL_ARNS,
};

describe('resolveIntrinsics', () => {
  test('Ref of a Lambda gives its local ARN; of a state machine, the machine ARN', () => {
    expect(resolveIntrinsics({ Ref: 'NoticePublishABC123' }, context)).toBe('arn:aws:lambda:local:000000000000:function:notice-publish');
    expect(resolveIntrinsics({ Ref: 'NoticeMachineDEF456' }, context)).toBe('arn:aws:states:local:000000000000:stateMachine:notice');
  });

  test('Fn::GetAtt in array form and in dotted string form', () => {
    const arn = 'arn:aws:lambda:local:000000000000:function:notice-publish';
    expect(resolveIntrinsics({ 'Fn::GetAtt': ['NoticePublishABC123', 'Arn'] }, context)).toBe(arn);
    expect(resolveIntrinsics({ 'Fn::GetAtt': 'NoticePublishABC123.Arn' }, context)).toBe(arn);
  });

  test('Fn::GetAtt of an attribute other than Arn is not guessed', () => {
    expect(() => resolveIntrinsics({ 'Fn::GetAtt': ['NoticePublishABC123', 'Name'] }, context)).toThrow(IntrinsicUnresolvedError);
  });

  test('pseudo parameters, with defaults and overrides', () => {
    expect(resolveIntrinsics({ Ref: 'AWS::Region' }, context)).toBe('local');
    expect(resolveIntrinsics({ Ref: 'AWS::AccountId' }, context)).toBe('000000000000');
    expect(resolveIntrinsics({ Ref: 'AWS::Partition' }, context)).toBe('aws');
    expect(resolveIntrinsics({ Ref: 'AWS::URLSuffix' }, context)).toBe('amazonaws.com');
    expect(resolveIntrinsics({ Ref: 'AWS::Region' }, { ...context, pseudo: { 'AWS::Region': 'cn-north-1' } })).toBe('cn-north-1');
  });

  test('Fn::Join, nested, inside objects and arrays', () => {
    const definition = {
      'Fn::Join': ['', [
        '{"Resource":"arn:',
        { Ref: 'AWS::Partition' },
        ':states:::lambda:invoke","FunctionName":"',
        { 'Fn::Join': [':', [{ 'Fn::GetAtt': ['NoticePublishABC123', 'Arn'] }, '$LATEST']] },
        '"}',
      ]],
    };
    expect(JSON.parse(String(resolveIntrinsics(definition, context)))).toEqual({
      Resource: 'arn:aws:states:::lambda:invoke',
      FunctionName: 'arn:aws:lambda:local:000000000000:function:notice-publish:$LATEST',
    });
    expect(resolveIntrinsics({ a: [{ Ref: 'AWS::Region' }, 1, null], b: { c: 'x' } }, context)).toEqual({ a: ['local', 1, null], b: { c: 'x' } });
  });

  test('an unknown resource or an unsupported intrinsic throws IntrinsicUnresolvedError', () => {
    expect(() => resolveIntrinsics({ Ref: 'SomethingElse' }, context)).toThrow(IntrinsicUnresolvedError);
    expect(() => resolveIntrinsics({ 'Fn::Sub': 'arn:${AWS::Partition}:x' }, context)).toThrow(/Unsupported intrinsic Fn::Sub/);
    expect(() => resolveIntrinsics({ 'Fn::Join': ['', [{ 'Fn::ImportValue': 'X' }]] }, context)).toThrow(IntrinsicUnresolvedError);
  });

  test('plain values pass through unchanged', () => {
    expect(resolveIntrinsics('text', context)).toBe('text');
    expect(resolveIntrinsics(42, context)).toBe(42);
    expect(resolveIntrinsics({ Type: 'Pass', Next: 'X' }, context)).toEqual({ Type: 'Pass', Next: 'X' });
  });
});
