// The settings of the selected tile as a form generated from its widget's zod schema, with each validation
// error shown by its field; kinds whose schema has no plain fields are edited as JSON.
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { Tile } from '../../../src/contract/wall.js';
import {
  formFor,
  inputText,
  type SettingsErrors,
  type SettingsField,
  settingsErrors,
  valueOf,
  withField,
} from './settings-form';

interface TileSettingsFormProps {
  tile: Tile;
  /** undefined: a kind this console does not know. */
  schema: z.ZodType | undefined;
  onChange: (settings: Record<string, unknown>) => void;
  onRemove: () => void;
}

export function TileSettingsForm({ tile, schema, onChange, onRemove }: TileSettingsFormProps): ReactNode {
  const { t } = useTranslation();
  const form = schema ? formFor(schema) : { fields: [], freeForm: true };
  const errors: SettingsErrors = schema ? settingsErrors(schema, tile.settings) : { byField: {}, general: [] };
  return (
    <form className="tile-settings" onSubmit={(e) => e.preventDefault()} data-testid="tile-settings">
      <h3>{t('editor.tileSettings', { id: tile.id, kind: tile.kind })}</h3>
      {form.freeForm ? (
        // Keyed by tile so that switching tiles starts from that tile's settings.
        <JsonSettings key={tile.id} settings={tile.settings} errors={errors.general} onChange={onChange} />
      ) : (
        <>
          {form.fields.map((field) => (
            <FieldInput
              key={`${tile.id}:${field.name}`}
              field={field}
              value={tile.settings[field.name]}
              errors={errors.byField[field.name] ?? []}
              onChange={(value) => onChange(withField(tile.settings, field.name, value))}
            />
          ))}
          {errors.general.map((message) => (
            <p key={message} className="field__error" role="alert">
              {message}
            </p>
          ))}
        </>
      )}
      <button type="button" className="button button--danger" onClick={onRemove}>
        {t('editor.removeTile')}
      </button>
    </form>
  );
}

function FieldInput({
  field,
  value,
  errors,
  onChange,
}: {
  field: SettingsField;
  value: unknown;
  errors: readonly string[];
  onChange: (value: unknown) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  // What the operator typed, kept as typed (e.g. "1," on the way to "1,5") until it parses.
  const [text, setText] = useState(() => inputText(field, value));
  const invalid = errors.length > 0;
  const described = invalid ? `${id}-error` : undefined;
  const hint =
    field.defaultValue !== undefined ? t('editor.defaultValue', { value: JSON.stringify(field.defaultValue) }) : null;
  const common = { id, 'aria-invalid': invalid, 'aria-describedby': described, name: field.name };
  let input: ReactNode;
  if (field.kind === 'boolean') {
    const checked = typeof value === 'boolean' ? value : field.defaultValue === true;
    input = <input {...common} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />;
  } else if (field.kind === 'enum') {
    input = (
      <select
        {...common}
        value={typeof value === 'string' ? value : ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
      >
        <option value="">{field.required ? '—' : (hint ?? '—')}</option>
        {field.options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    input = (
      <input
        {...common}
        type="text"
        inputMode={field.kind === 'number' || field.kind === 'integer' ? 'decimal' : undefined}
        value={text}
        placeholder={hint ?? undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(valueOf(field, e.target.value));
        }}
      />
    );
  }
  return (
    <div className={`field${invalid ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>
        {field.name}
        {field.required && ' *'}
        {field.min !== undefined && field.max !== undefined && (
          <small>
            {' '}
            ({field.min}–{field.max})
          </small>
        )}
      </label>
      {input}
      {invalid && (
        <p id={described} className="field__error" role="alert">
          ⚠ {errors.join('; ')}
        </p>
      )}
    </div>
  );
}

function JsonSettings({
  settings,
  errors,
  onChange,
}: {
  settings: Record<string, unknown>;
  errors: readonly string[];
  onChange: (settings: Record<string, unknown>) => void;
}): ReactNode {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(settings, null, 2));
  const [syntax, setSyntax] = useState<string | null>(null);
  const shown = syntax ? [syntax] : errors;
  return (
    <div className={`field${shown.length > 0 ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{t('editor.jsonSettings')}</label>
      <textarea
        id={id}
        rows={8}
        spellCheck={false}
        value={text}
        aria-invalid={shown.length > 0}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('{ … }');
            setSyntax(null);
            onChange(parsed as Record<string, unknown>);
          } catch (err) {
            setSyntax(`JSON: ${err instanceof Error ? err.message : String(err)}`);
          }
        }}
      />
      {shown.map((message) => (
        <p key={message} className="field__error" role="alert">
          ⚠ {message}
        </p>
      ))}
    </div>
  );
}
