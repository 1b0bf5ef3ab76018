/** What only a signed-in person sees: one lazy chunk, fetched once the first screen is shown. */
export { RouteContent } from './RouteContent';
export { WorkspaceNav } from './WorkspaceNav';
