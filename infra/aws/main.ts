// Entry point of `npx cdk …` (see cdk.json); the CLI synthesizes the app when this module finishes.
import { buildApp } from './app';
import { applyNag } from './nag';

const { app } = buildApp();
applyNag(app);
