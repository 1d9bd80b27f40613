// The desk's inline forms — shelve (reason and duration), note, assign to a unit, resolve — and the one
// confirmation that holds the keyboard: a bulk acknowledgement, answered with Enter or Escape.
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type FormKind = 'shelve' | 'note' | 'assign' | 'resolve';

export interface FormRequest {
  readonly kind: FormKind;
  readonly alarmId: string;
  readonly title: string;
}

export type FormAnswer =
  | { kind: 'shelve'; minutes: number; reason: string; oneShot: boolean }
  | { kind: 'note'; text: string }
  | { kind: 'assign'; unit: string }
  | { kind: 'resolve'; note: string };

const SHELVE_MINUTES = [15, 30, 60, 120, 240, 480] as const;

export function ActionForm({
  request,
  onSend,
  onCancel,
}: {
  request: FormRequest;
  onSend: (answer: FormAnswer) => void;
  onCancel: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [minutes, setMinutes] = useState<number>(60);
  const [oneShot, setOneShot] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), [request]);
  const needsText = request.kind !== 'resolve';
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    const value = text.trim();
    if (needsText && value === '') return;
    if (request.kind === 'shelve') onSend({ kind: 'shelve', minutes, reason: value, oneShot });
    else if (request.kind === 'note') onSend({ kind: 'note', text: value });
    else if (request.kind === 'assign') onSend({ kind: 'assign', unit: value });
    else onSend({ kind: 'resolve', note: value });
  };
  const label =
    request.kind === 'shelve'
      ? t('desk.actions.reason')
      : request.kind === 'assign'
        ? t('desk.actions.unit')
        : t('desk.actions.text');
  return (
    <form className="desk-form" data-testid={`desk-form-${request.kind}`} onSubmit={submit}>
      <p className="desk-form__title">
        <strong>{t(`desk.actions.${request.kind}`)}</strong> · {request.title}
      </p>
      <label>
        {label}
        <input
          ref={first}
          value={text}
          maxLength={request.kind === 'assign' ? 120 : request.kind === 'shelve' ? 400 : 1000}
          required={needsText}
          onChange={(e) => setText(e.target.value)}
        />
      </label>
      {request.kind === 'shelve' && (
        <>
          <label>
            {t('desk.actions.minutes')}
            <select value={minutes} onChange={(e) => setMinutes(Number(e.target.value))}>
              {SHELVE_MINUTES.map((m) => (
                <option key={m} value={m}>
                  {m}
                </option>
              ))}
            </select>
          </label>
          <label className="desk-form__check">
            <input type="checkbox" checked={oneShot} onChange={(e) => setOneShot(e.target.checked)} />
            {t('desk.actions.oneShot')}
          </label>
        </>
      )}
      <button type="submit" className="button">
        {t('desk.actions.send')}
      </button>
      <button type="button" className="button" onClick={onCancel}>
        {t('desk.actions.cancel')}
      </button>
    </form>
  );
}

/** Holds the focus until answered: Enter (or the button) says yes, Escape says no. */
export function BulkConfirm({ count, onYes, onNo }: { count: number; onYes: () => void; onNo: () => void }): ReactNode {
  const { t } = useTranslation();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div
      className="desk-confirm"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="desk-confirm-text"
      data-testid="desk-confirm"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Escape') onNo();
        else if (e.key === 'Tab') {
          // The focus stays in the two buttons.
          e.preventDefault();
          const buttons = [...e.currentTarget.querySelectorAll('button')];
          const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
          buttons[(i + 1) % buttons.length]?.focus();
        }
      }}
    >
      <p id="desk-confirm-text">{t('desk.confirm.bulk', { count })}</p>
      <button ref={yes} type="button" className="button" onClick={onYes}>
        {t('desk.confirm.yes')}
      </button>
      <button type="button" className="button" onClick={onNo}>
        {t('desk.confirm.no')}
      </button>
    </div>
  );
}
