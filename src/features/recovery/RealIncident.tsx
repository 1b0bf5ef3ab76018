import type { ReactNode } from 'react';
import { incidentNumber, type Incident } from '@/domain';
import { useDeliveryT } from '@/i18n/delivery';
import { useIncidents } from '@/storage';
import { Notice } from '@/ui/Notice';

/** A screen about one real incident's delivery: drills are never delivered, so they have none. */
export function RealIncident({
  incidentId,
  children,
}: {
  incidentId: string;
  children: (incident: Incident, number: string) => ReactNode;
}) {
  const td = useDeliveryT();
  const incidents = useIncidents();
  if (!incidents) return <p>{td('loading')}</p>;
  const incident = incidents.find((one) => one.id === incidentId);
  if (!incident) return <Notice tone="warning" title={td('rec.notFound')} />;
  if (incident.drill) return <Notice tone="info" title={td('rec.drill')} />;
  return children(incident, incidentNumber(incident, incidents));
}
