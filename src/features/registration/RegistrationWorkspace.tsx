import { useState } from 'react';
import type { RegistrationPlan } from '@/domain';
import { useCan } from '@/features/common';
import { DeviceGate } from '@/features/deviceSetup';
import { Notice } from '@/ui/Notice';
import { QueueBoard } from '@/features/queue';
import { useT } from '@/i18n';
import { useRegistrationT } from '@/i18n/registration';
import { SegmentedTabs } from '@/ui/SegmentedTabs';
import { PatientSearch } from './PatientSearch';
import { RegistrationForm } from './RegistrationForm';
import { RegistrationReceipt } from './RegistrationReceipt';
import type { RegistrationStart } from './registrationStart';
import { TodayVisits } from './TodayVisits';

type Tab = 'register' | 'queue' | 'today';
type Step =
  { step: 'search' } | { step: 'form'; start: RegistrationStart } | { step: 'done'; plan: RegistrationPlan };

/** Pendaftaran: register arrivals, call the poli queues, see today's visits. */
export function RegistrationWorkspace() {
  const t = useT();
  const tr = useRegistrationT();
  const mayRegister = useCan('registration', 'input');
  const [tab, setTab] = useState<Tab>(mayRegister ? 'register' : 'today');
  const [step, setStep] = useState<Step>({ step: 'search' });
  return (
    <>
      <h1>{t('nav.registration')}</h1>
      <DeviceGate>
        {({ config }) => (
          <>
            <SegmentedTabs
              label={t('nav.registration')}
              value={tab}
              onChange={setTab}
              options={[
                { value: 'register', label: tr('tabRegister') },
                { value: 'queue', label: tr('tabQueue') },
                { value: 'today', label: tr('tabToday') },
              ]}
            />
            {tab === 'register' && !mayRegister ? <Notice tone="info" title={tr('viewOnly')} /> : null}
            {tab === 'register' && mayRegister && step.step === 'search' ? (
              <PatientSearch
                config={config}
                onChoose={(choice) => setStep({ step: 'form', start: choice })}
              />
            ) : null}
            {tab === 'register' && step.step === 'form' ? (
              <RegistrationForm
                start={step.start}
                config={config}
                onSaved={(plan) => setStep({ step: 'done', plan })}
                onCancel={() => setStep({ step: 'search' })}
              />
            ) : null}
            {tab === 'register' && step.step === 'done' ? (
              <RegistrationReceipt
                plan={step.plan}
                config={config}
                onNext={() => setStep({ step: 'search' })}
              />
            ) : null}
            {tab === 'queue' ? <QueueBoard config={config} /> : null}
            {tab === 'today' ? <TodayVisits config={config} /> : null}
          </>
        )}
      </DeviceGate>
    </>
  );
}
