export { requestTransfer } from './request-transfer';
export { issueLetter, reissueLetter } from './issue-letter';
export { acceptTransfer, refuseTransfer, recordReceipt } from './decide-transfer';
export { registerIncoming } from './incoming';
export { openTransferStep, type OpenTransferStepRequest } from './steps';
export { getTransferFile, getTransferLetter, listOrgTransfers, listPersonTransfers, transferActionsFor, transferWarningsInScope, type TransferRow } from './read';
export { CaseCannotMoveError, TransferAlreadyActiveError, TransferChangedError, TransferChangeRefusedError } from './errors';
export { cancelWaitToAccept, waitToAccept } from './wait-to-accept';
export { acceptanceOfferFor } from './move-case';
