/** State names of the transfer process (docs/domain/transfer.md); the local runtime, tests and pages speak of them. */
export const TransferState = {
  letter: 'IssueLetter',
  routeDestination: 'RouteDestination',
  arrival: 'ArrivalAndAcceptance',
  routeArrival: 'RouteArrival',
  receipt: 'ReturnedReceipt',
  routeReceipt: 'RouteReceipt',
  accepted: 'Accepted',
  refused: 'Refused',
  received: 'Received',
} as const;

/** Handler ids of the transfer process's Lambda tasks. */
export const TransferHandler = {
  openStep: 'transfer-open-step',
} as const;
