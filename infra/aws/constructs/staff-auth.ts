import { Duration, RemovalPolicy, Token } from 'aws-cdk-lib';
import {
  AccountRecovery, FeaturePlan, Mfa, StandardThreatProtectionMode, StringAttribute, UserPool, type UserPoolClient,
  type UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/**
 * The Cognito groups a staff member can belong to, named after the StaffRole values: the staff
 * site maps the `cognito:groups` claim to a role (functions/adapters/cognito-authenticator.ts).
 */
export const STAFF_GROUPS = {
  'branch-staff': '经办工作人员 (branch staff): record steps, publish notices',
  'committee-staff': '党委工作人员 (committee staff): decide for the committee, manage the calendar',
  admin: '系统管理员 (administrators): manage accounts and organizations',
} as const;

export type StaffGroup = keyof typeof STAFF_GROUPS;

/**
 * Whether Cognito offers threat protection (the Plus feature plan, formerly advanced security) in `region`: not in
 * the China partition (cn-north-1, cn-northwest-1). An unresolved region (an environment-agnostic synth) counts as offered.
 */
export function offersThreatProtection(region: string): boolean {
  return Token.isUnresolved(region) || !region.startsWith('cn-');
}

export interface StaffAuthProps {
  /** Threat protection (compromised credentials, adaptive authentication, full function): on where the region offers it. */
  threatProtection: boolean;
  /** Every account must sign in with TOTP (context requireMfa): the sign-in form then sets up the authenticator app on first sign-in. */
  requireMfa?: boolean;
}

/**
 * The staff sign-in: a user pool with e-mail addresses as user names, accounts created by
 * administrators only (with custom:orgId; the scope is computed per request from the organization tree), a strong password policy, TOTP optional (or required with requireMfa), threat protection, retained.
 * The staff site's server-side sign-in form calls InitiateAuth (USER_PASSWORD_AUTH) with the
 * public app client; SRP stays available for other clients.
 */
export class StaffAuth extends Construct {
  readonly userPool: UserPool;
  readonly client: UserPoolClient;
  readonly groups: Record<StaffGroup, UserPoolGroup>;

  readonly threatProtection: boolean;
  readonly requireMfa: boolean;

  constructor(scope: Construct, id: string, props: StaffAuthProps = { threatProtection: true }) {
    super(scope, id);
    this.threatProtection = props.threatProtection;
    this.requireMfa = props.requireMfa ?? false;
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true }, fullname: { required: false, mutable: true } },
      // The account's organization, read from the ID token. scopeOrgIds is no longer read (the scope is computed from
      // the tree per request) but stays declared: Cognito cannot remove a custom attribute from an existing pool.
      customAttributes: {
        orgId: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
        scopeOrgIds: new StringAttribute({ maxLen: 2048, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: this.requireMfa ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      ...(props.threatProtection
        ? { featurePlan: FeaturePlan.PLUS, standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION }
        : { featurePlan: FeaturePlan.ESSENTIALS }),
      userVerification: {
        emailSubject: '党建工作平台：邮箱验证码',
        emailBody: '您的验证码是 {####}。',
      },
      userInvitation: {
        emailSubject: '党建工作平台账号',
        emailBody: '您好，您的党建工作平台账号已开通。用户名：{username}，临时密码：{####}。首次登录时请修改密码。',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const groups: Partial<Record<StaffGroup, UserPoolGroup>> = {};
    for (const [name, description] of Object.entries(STAFF_GROUPS) as [StaffGroup, string][]) {
      groups[name] = this.userPool.addGroup(`Group-${name}`, { groupName: name, description });
    }
    this.groups = groups as Record<StaffGroup, UserPoolGroup>;

    this.client = this.userPool.addClient('StaffSiteClient', {
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
    });
  }

  get userPoolId(): string {
    return this.userPool.userPoolId;
  }

  get clientId(): string {
    return this.client.userPoolClientId;
  }
}
