import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { mayOpen, type Route } from '@/features/common';
import { useSessionUser } from '@/session';
import { Notice } from '@/ui/Notice';
import { useT, withMessages } from '@/i18n';
import { HomeScreen } from './HomeScreen';
import { ScreenErrorBoundary } from './ScreenErrorBoundary';
import type { AppServices } from './startServices';

// Each workspace is its own chunk (precached like the rest): the shell opens fast, and a device
// downloads nothing extra to open a workspace offline.
const RegistrationWorkspace = lazy(() =>
  withMessages(import('@/features/registration')).then((m) => ({ default: m.RegistrationWorkspace })),
);
const RecordsWorkspace = lazy(() =>
  withMessages(import('@/features/records')).then((m) => ({ default: m.RecordsWorkspace })),
);
const ImportScreen = lazy(() =>
  withMessages(import('@/features/records')).then((m) => ({ default: m.ImportScreen })),
);
const ClinicWorkspace = lazy(() =>
  withMessages(import('@/features/clinic')).then((m) => ({ default: m.ClinicWorkspace })),
);
const AssessmentScreen = lazy(() =>
  withMessages(import('@/features/clinic')).then((m) => ({ default: m.AssessmentScreen })),
);
const VisitDetailScreen = lazy(() =>
  withMessages(import('@/features/visits')).then((m) => ({ default: m.VisitDetailScreen })),
);
const RecoveryWorkspace = lazy(() =>
  withMessages(import('@/features/recovery')).then((m) => ({ default: m.RecoveryWorkspace })),
);
const ReconciliationScreen = lazy(() =>
  withMessages(import('@/features/recovery')).then((m) => ({ default: m.ReconciliationScreen })),
);
const WorklistScreen = lazy(() =>
  withMessages(import('@/features/recovery')).then((m) => ({ default: m.WorklistScreen })),
);
const AuditScreen = lazy(() =>
  withMessages(import('@/features/audit')).then((m) => ({ default: m.AuditScreen })),
);
const IncidentsWorkspace = lazy(() =>
  withMessages(import('@/features/incidents')).then((m) => ({ default: m.IncidentsWorkspace })),
);
const IncidentScreen = lazy(() =>
  withMessages(import('@/features/incidents')).then((m) => ({ default: m.IncidentScreen })),
);
const IncidentReportScreen = lazy(() =>
  withMessages(import('@/features/incidents')).then((m) => ({ default: m.IncidentReportScreen })),
);
const DowntimeLogImportScreen = lazy(() =>
  withMessages(import('@/features/incidents')).then((m) => ({ default: m.DowntimeLogImportScreen })),
);
const SettingsScreen = lazy(() =>
  withMessages(import('@/features/settings')).then((m) => ({ default: m.SettingsScreen })),
);

function Routed({ route, services }: { route: Route; services: AppServices }) {
  const t = useT();
  const hubConnection = useStore(services.hubProbe.store);
  const user = useSessionUser(services.session);
  if (!user || !mayOpen(route, user.role)) return <Notice tone="warning" title={t('workspace.denied')} />;
  switch (route.name) {
    case 'home':
    case 'notFound':
    case 'queueDisplay':
      return <HomeScreen role={user.role} />;
    case 'registration':
      return <RegistrationWorkspace />;
    case 'records':
      return <RecordsWorkspace />;
    case 'recordsImport':
      return <ImportScreen />;
    case 'clinic':
      return <ClinicWorkspace />;
    case 'assessment':
      return <AssessmentScreen visitId={route.visitId} />;
    case 'visit':
      return <VisitDetailScreen visitId={route.visitId} />;
    case 'settings':
      return (
        <SettingsScreen
          section={'section' in route ? route.section : 'akun'}
          session={services.session}
          accounts={services.accounts}
          appVersion={__APP_VERSION__}
          hubConnection={hubConnection}
          onRequestPersistence={services.requestPersistence}
          onCheckForUpdate={services.serviceWorker.checkForUpdate}
          onEnroll={services.enroll}
          reachableHub={services.reachableHub}
        />
      );
    case 'recovery':
      return <RecoveryWorkspace sync={services.sync} reachableHub={services.reachableHub} />;
    case 'reconciliation':
      return <ReconciliationScreen incidentId={route.incidentId} reachableHub={services.reachableHub} />;
    case 'worklist':
      return <WorklistScreen incidentId={route.incidentId} reachableHub={services.reachableHub} />;
    case 'audit':
      return <AuditScreen />;
    case 'incidents':
      return <IncidentsWorkspace />;
    case 'incident':
      return (
        <IncidentScreen
          incidentId={route.incidentId}
          hubConnection={hubConnection}
          deviceSummary={services.deviceSummary}
        />
      );
    case 'incidentReport':
      return <IncidentReportScreen />;
    case 'incidentImport':
      return <DowntimeLogImportScreen />;
  }
}

export function RouteContent({ route, services }: { route: Route; services: AppServices }) {
  const t = useT();
  return (
    <ScreenErrorBoundary key={JSON.stringify(route)}>
      <Suspense fallback={<p>{t('common.loading')}</p>}>
        <Routed route={route} services={services} />
      </Suspense>
    </ScreenErrorBoundary>
  );
}
