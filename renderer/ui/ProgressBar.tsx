// A thin progress bar with its fraction for assistive technology.

interface ProgressBarProps {
  /** Done so far, 0 … 1. */
  value: number;
  label: string;
  tone?: 'accent' | 'warning' | 'muted';
}

/** A horizontal bar filled to `value`. */
export function ProgressBar({ value, label, tone = 'accent' }: ProgressBarProps) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 1000) / 10;
  return (
    <div className={`progress progress--${tone}`} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}
