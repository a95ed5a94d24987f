export { ChallengePasswordRefusedError, isChallenge, type Authenticator, type ChallengeResponse, type SignInChallenge, type VerifiedIdentity } from './authenticator';
export { hashPassword, verifyPassword } from './password-hash';
export { createLocalAuthenticator } from './local-authenticator';
export { SESSION_TTL_MS, endSession, hashSessionId, randomToken, resolveSession, startSession, tokensMatch, type NewSession, type Session } from './sessions';
export { AuthSignInFailedError, AuthThrottledError, signIn, signInOrChallenge, type SignInDeps } from './sign-in';
export { answerSignInChallenge, AuthChallengeFailedError } from './sign-in-challenge';
