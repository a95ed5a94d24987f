import { awsEndpointPort } from '../../../../infra/local/aws-endpoints/endpoint-port';

test.each([
  [undefined, undefined],
  ['', undefined],
  ['  ', undefined],
  ['0', 0],
  ['4599', 4599],
  ['65535', 65535],
])('DANGJIAN_AWS_ENDPOINT_PORT=%j → %j', (value, port) => {
  expect(awsEndpointPort({ DANGJIAN_AWS_ENDPOINT_PORT: value })).toBe(port);
});

test.each(['65536', '-1', '45.5', 'aws'])('DANGJIAN_AWS_ENDPOINT_PORT=%j is refused with a message naming the variable', (value) => {
  expect(() => awsEndpointPort({ DANGJIAN_AWS_ENDPOINT_PORT: value })).toThrow(/DANGJIAN_AWS_ENDPOINT_PORT/);
});
