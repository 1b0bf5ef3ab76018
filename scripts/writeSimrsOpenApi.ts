/** Writes docs/simrs-api.openapi.json from the contract's schemas (`npm run docs:openapi`). */
import { writeFileSync } from 'node:fs';
import { simrsOpenApiText } from '../server/delivery/simrsOpenApi';

writeFileSync(new URL('../docs/simrs-api.openapi.json', import.meta.url), simrsOpenApiText());
