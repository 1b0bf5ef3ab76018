import { useMemo, type ReactNode } from 'react';
import { incidentNumber, type Incident } from '@/domain';
import { useDeliveryT } from '@/i18n/delivery';
import { getDb, useIncidents } from '@/storage';
import { createDeliveryCalls, type DeliveryCalls } from '@/sync';
import { Notice } from '@/ui/Notice';

/** The recovery screens' calls to the hub that this device reaches now. */
export function useDeliveryCalls(reachableHub: () => string | undefined): DeliveryCalls {
  return useMemo(() => createDeliveryCalls(getDb(), reachableHub), [reachableHub]);
}

/** A screen about one real incident's delivery: drills are never delivered, so they have none. */
export function RealIncident({
  incidentId,
  reachableHub,
  children,
}: {
  incidentId: string;
  reachableHub: () => string | undefined;
  children: (incident: Incident, number: string, calls: DeliveryCalls) => ReactNode;
}) {
  const td = useDeliveryT();
  const calls = useDeliveryCalls(reachableHub);
  const incidents = useIncidents();
  if (!incidents) return <p>{td('loading')}</p>;
  const incident = incidents.find((one) => one.id === incidentId);
  if (!incident) return <Notice tone="warning" title={td('rec.notFound')} />;
  if (incident.drill) return <Notice tone="info" title={td('rec.drill')} />;
  return children(incident, incidentNumber(incident, incidents), calls);
}
