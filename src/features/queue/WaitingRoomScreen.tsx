import type { RuntimeConfig } from '@/domain';
import { DisplaySetUpHelp } from './DisplaySetUpHelp';
import { QueueDisplay } from './QueueDisplay';

/**
 * What a waiting-room address shows: the poli's calls, or, on a device never set up (or without
 * the hospital's configuration), how to set it up.
 */
export function WaitingRoomScreen({
  config,
  deviceSetUp,
  poliCode,
}: {
  config: RuntimeConfig | undefined;
  deviceSetUp: boolean;
  poliCode: string;
}) {
  if (!deviceSetUp) return <DisplaySetUpHelp missing="setUp" />;
  if (!config) return <DisplaySetUpHelp missing="config" />;
  return <QueueDisplay config={config} poliCode={poliCode} />;
}
