// @vitest-environment node
import { createMemorySessionStore } from '../../src/server';
import { describeRouteFaults } from './routes-faults-suite';

describeRouteFaults('memory', () => createMemorySessionStore());
