// @vitest-environment node
import { createMemorySessionStore } from '../../src/server';
import { describeStepUpRoutes } from './routes-suite';

describeStepUpRoutes('memory', () => createMemorySessionStore());
