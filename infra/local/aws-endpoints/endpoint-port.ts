/**
 * The opt-in port of the local AWS endpoints: DANGJIAN_AWS_ENDPOINT_PORT (unset or empty: no endpoint; 0: any free port).
 */
export function awsEndpointPort(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.DANGJIAN_AWS_ENDPOINT_PORT?.trim();
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`DANGJIAN_AWS_ENDPOINT_PORT 必须是 0–65535 的端口号 / must be a port number 0–65535, not "${value}"`);
  }
  return port;
}
