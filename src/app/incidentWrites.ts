/**
 * The incident command the start-up services need, imported on first use: the journal writer and
 * the event schemas stay out of the start-up download (see docs/architecture.md).
 */
export { recordOutageSighting } from '@/storage';
