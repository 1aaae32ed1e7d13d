import { useId } from 'react';

/** A labelled number input that reports only finite numbers (an emptied or half-typed field reports nothing). */
export function NumberField({ label, value, step, min, max, onChange }: { label: string; value: number | undefined; step: number; min?: number; max?: number; onChange: (value: number) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field__input"
        type="number"
        inputMode="decimal"
        step={step}
        min={min}
        max={max}
        value={value === undefined ? '' : value}
        onChange={(event) => {
          const next = Number(event.target.value);
          if (event.target.value !== '' && Number.isFinite(next)) onChange(next);
        }}
      />
    </div>
  );
}
