// Compute and Cancel for a job on the current run, with the hint to train first while there
// is none: the same controls in the Landscape, line, Critical-points and paths blocks.
import type { ReactNode } from 'react';

interface RunJobButtonsProps {
  /** The ids of the two buttons (the e2e tests press them). */
  ids: [compute: string, cancel: string];
  /** Whether there is a trained run to compute on. */
  hasRun: boolean;
  busy: boolean;
  onCompute(): void;
  onCancel(): void;
  /** What the hint says the job does with the run, after "Train a run first: " (no hint without it). */
  needsRun?: string;
  children: ReactNode;
}

export function RunJobButtons({ ids, hasRun, busy, onCompute, onCancel, needsRun, children }: RunJobButtonsProps) {
  return (
    <>
      <div className="actions">
        <button id={ids[0]} type="button" className="button button--primary" disabled={!hasRun} title={hasRun ? undefined : 'Train a run first'} onClick={onCompute}>
          {children}
        </button>
        <button id={ids[1]} type="button" className="button" disabled={!busy} onClick={onCancel}>
          Cancel
        </button>
      </div>
      {!hasRun && needsRun && <p className="hint">Train a run first: {needsRun}</p>}
    </>
  );
}
