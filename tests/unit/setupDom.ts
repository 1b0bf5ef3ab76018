import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { completeMessages } from '@/i18n';

// Screens render with every message, as the app's lazy screens do (language.ts).
beforeAll(() => completeMessages());
afterEach(() => cleanup());
