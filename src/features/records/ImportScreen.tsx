import { useEffect, useRef, useState } from 'react';
import { paths } from '@/features/common';
import { EVENT_LABEL } from '@/features/visits';
import { useT } from '@/i18n';
import { getDb, importTransferText, type ImportProblem, type ImportReport } from '@/storage';
import { Button } from '@/ui/Button';
import { TextAreaField } from '@/ui/Field';
import { onLinkClick } from '@/ui/navigation';
import { Notice } from '@/ui/Notice';

type BarcodeDetectorLike = { detect: (source: HTMLVideoElement) => Promise<{ rawValue: string }[]> };
type BarcodeDetectorConstructor = new (options: { formats: string[] }) => BarcodeDetectorLike;

function barcodeDetector(): BarcodeDetectorConstructor | undefined {
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

const PROBLEM_TEXT = {
  notSiaga: 'import.notSiaga',
  unreadable: 'import.unreadable',
  invalid: 'import.invalid',
} as const satisfies Record<ImportProblem, string>;

/** Reads a slip's QR code — with the camera where the browser can, or pasted — and adds its events. */
function CameraScanner({ onText }: { onText: (text: string) => void }) {
  const t = useT();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) return undefined;
    let stream: MediaStream | undefined;
    let timer: number | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (media) => {
        stream = media;
        if (!video.current || stopped) return;
        video.current.srcObject = media;
        await video.current.play();
        timer = window.setInterval(() => {
          if (!video.current) return;
          void detector.detect(video.current).then((codes) => {
            const found = codes[0]?.rawValue;
            if (found) onText(found);
          });
        }, 400);
      })
      .catch(() => setFailed(true));
    return () => {
      stopped = true;
      window.clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onText]);
  if (failed) return <p>{t('import.cameraFailed')}</p>;
  return <video ref={video} className="import__camera" muted playsInline aria-label={t('import.camera')} />;
}

export function ImportScreen() {
  const t = useT();
  const [text, setText] = useState('');
  const [scanning, setScanning] = useState(false);
  const [outcome, setOutcome] = useState<{ report: ImportReport } | { problem: ImportProblem } | undefined>();
  const run = async (value: string) => {
    const result = await importTransferText(getDb(), value);
    setOutcome(result.ok ? { report: result.value } : { problem: result.error });
    if (result.ok) setScanning(false);
  };
  return (
    <>
      <h1>{t('import.title')}</h1>
      <p className="lead">{t('import.intro')}</p>
      {barcodeDetector() ? (
        <div className="form-card">
          <Button onClick={() => setScanning(!scanning)}>
            {t(scanning ? 'import.stopCamera' : 'import.startCamera')}
          </Button>
          {scanning ? <CameraScanner onText={(value) => void run(value)} /> : null}
        </div>
      ) : (
        <p>{t('import.noCamera')}</p>
      )}
      <form
        className="form-card"
        onSubmit={(event) => {
          event.preventDefault();
          void run(text);
        }}
      >
        <TextAreaField
          label={t('import.paste')}
          hint={t('import.pasteHint')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          rows={4}
        />
        <Button type="submit" variant="primary" disabled={!text.trim()}>
          {t('import.run')}
        </Button>
      </form>
      {outcome && 'problem' in outcome ? (
        <Notice tone="danger" role="alert" title={t(PROBLEM_TEXT[outcome.problem])} />
      ) : null}
      {outcome && 'report' in outcome ? (
        <Notice
          tone="success"
          title={t('import.done', {
            added: outcome.report.added.length,
            present: outcome.report.alreadyPresent,
          })}
        >
          <ul>
            {outcome.report.added.map((event) => (
              <li key={event.id}>{t(EVENT_LABEL[event.type])}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <a className="button button--quiet" href={paths.records} onClick={onLinkClick}>
        {t('import.backToWorklist')}
      </a>
    </>
  );
}
