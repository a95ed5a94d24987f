// Entry point of `npx cdk …` (see cdk.json); the CLI synthesizes the app when this module finishes.
import { buildApp } from './app';

buildApp();
