import type { Store } from '../store/store';
import type { Clock, Mailer, WorkflowControl } from './ports';

/** What every service function receives: the store and the ports, never globals. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
  workflow: WorkflowControl;
  mailer: Mailer;
  /** A new random identifier (URL-safe). */
  newId(): string;
  /** Address of the site as people reach it, for links in e-mails (no trailing slash). */
  publicBaseUrl: string;
}
