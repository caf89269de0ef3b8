/** The charts' range buttons, one pressed: the metrics page's and the overview's. */
import { Button } from '@/components/ui/button';
import type { Range } from './ranges';

export function RangePicker({
  ranges,
  value,
  onChange,
  testIdPrefix = 'range-',
}: {
  ranges: readonly Range[];
  value: Range;
  onChange: (next: Range) => void;
  testIdPrefix?: string;
}) {
  return (
    <span role="group" aria-label="Chart range" className="inline-flex flex-wrap gap-1 align-middle">
      {ranges.map((r) => (
        <Button
          key={r[0]}
          type="button"
          size="xs"
          variant={r === value ? 'default' : 'outline'}
          aria-pressed={r === value}
          onClick={() => onChange(r)}
          data-testid={`${testIdPrefix}${r[0]}`}
        >
          {r[0]}
        </Button>
      ))}
    </span>
  );
}
