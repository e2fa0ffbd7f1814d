/**
 * "From … to …": a period to narrow the timeline to, each bound a year, a month or a day as the
 * analyst types it (2016, 2016-01, 2016-01-03). A bound is applied once it reads as a date; until then
 * the field says what it expects, and the list keeps the last good range.
 */
import { useEffect, useState, type ReactElement } from 'react';

const BOUND = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

export interface DateRange {
  readonly after?: string;
  readonly before?: string;
}

function Bound({ label, value, onChange }: { label: string; value: string | undefined; onChange: (value: string | undefined) => void }): ReactElement {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const trimmed = text.trim();
  const valid = trimmed === '' || BOUND.test(trimmed);
  return (
    <label className="range-bound">
      <span>{label}</span>
      <input
        className="input input-small"
        value={text}
        placeholder="YYYY[-MM[-DD]]"
        inputMode="numeric"
        aria-invalid={!valid}
        title={valid ? `${label}: a year, a month (2016-01) or a day (2016-01-03)` : 'Write a year (2016), a month (2016-01) or a day (2016-01-03)'}
        onChange={(e) => {
          setText(e.target.value);
          const next = e.target.value.trim();
          if (next === '') onChange(undefined);
          else if (BOUND.test(next)) onChange(next);
        }}
      />
    </label>
  );
}

export function RangeFilter({ range, onChange }: { range: DateRange; onChange: (range: DateRange) => void }): ReactElement {
  return (
    <div className="range-filter" role="group" aria-label="Period">
      <Bound label="From" value={range.after} onChange={(after) => onChange({ ...range, after })} />
      <Bound label="To" value={range.before} onChange={(before) => onChange({ ...range, before })} />
    </div>
  );
}
