// Small labelled form controls for the sidebar: numbers, selects, switches, segmented buttons.
import { useState, type ReactNode } from 'react';

interface RowProps {
  label: string;
  htmlFor?: string;
  hint?: string;
  children: ReactNode;
}

/** A label on the left, the control on the right. */
export function Row({ label, htmlFor, hint, children }: RowProps) {
  return (
    <div className="row" title={hint}>
      <label className="row__label" htmlFor={htmlFor}>
        {label}
      </label>
      <div className="row__control">{children}</div>
    </div>
  );
}

interface NumberInputProps {
  id: string;
  value: number;
  onChange: (value: number) => void;
  min?: number;
  max?: number;
  step?: number | 'any';
  integer?: boolean;
  disabled?: boolean;
  'aria-label'?: string;
}

/** A number input that keeps what is typed and reports every valid value within [min, max]. */
export function NumberInput({ id, value, onChange, min, max, step = 'any', integer = false, disabled, ...rest }: NumberInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const valid = (n: number) => Number.isFinite(n) && (!integer || Number.isInteger(n)) && (min === undefined || n >= min) && (max === undefined || n <= max);
  const invalid = draft !== null && draft.trim() !== '' && !valid(Number(draft));
  return (
    <input
      id={id}
      className="input"
      type="number"
      inputMode="decimal"
      aria-invalid={invalid}
      aria-label={rest['aria-label']}
      value={draft ?? String(value)}
      min={min}
      max={max}
      step={step}
      disabled={disabled}
      onChange={(event) => {
        setDraft(event.target.value);
        const n = Number(event.target.value);
        if (event.target.value.trim() !== '' && valid(n)) onChange(n);
      }}
      onBlur={() => setDraft(null)}
    />
  );
}

interface SelectProps<T extends string> {
  id: string;
  value: T;
  options: readonly { value: T; label: string; group?: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
}

/** A select over a fixed list of values, with optional option groups. */
export function Select<T extends string>({ id, value, options, onChange, disabled }: SelectProps<T>) {
  const groups = [...new Set(options.map((o) => o.group))];
  const render = (list: typeof options) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <select
      id={id}
      className="input input--select"
      value={value}
      disabled={disabled}
      onChange={(event) => {
        const picked = options.find((o) => o.value === event.target.value);
        if (picked) onChange(picked.value);
      }}
    >
      {groups.length === 1 && groups[0] === undefined
        ? render(options)
        : groups.map((group) => (
            <optgroup key={group ?? ''} label={group ?? ''}>
              {render(options.filter((o) => o.group === group))}
            </optgroup>
          ))}
    </select>
  );
}

interface ToggleProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: string;
}

/** A checkbox with its label, styled as a switch. */
export function Toggle({ id, label, checked, onChange, disabled, hint }: ToggleProps) {
  return (
    <label className="toggle" htmlFor={id} title={hint}>
      <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={(event) => onChange(event.target.checked)} />
      <span className="toggle__track" aria-hidden="true" />
      <span className="toggle__label">{label}</span>
    </label>
  );
}

interface SegmentedProps<T extends string> {
  name: string;
  value: T;
  options: readonly { value: T; label: string; title?: string }[];
  onChange: (value: T) => void;
}

/** A row of mutually exclusive buttons (id `${name}-${value}` each). */
export function Segmented<T extends string>({ name, value, options, onChange }: SegmentedProps<T>) {
  return (
    <div className="segmented" role="group" aria-label={name}>
      {options.map((o) => (
        <button
          key={o.value}
          id={`${name}-${o.value}`}
          type="button"
          title={o.title}
          className="segmented__button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
