// What the viewport is waiting for, or what went wrong, drawn over the canvas.

interface StatusOverlayProps {
  state: 'computing' | 'ready' | 'error';
  error: string | null;
}

/** A "computing…" badge while the worker runs; the worker's message when it fails. */
export function StatusOverlay({ state, error }: StatusOverlayProps) {
  if (state === 'computing') {
    return (
      <div className="status status--computing" role="status">
        <span className="status__spinner" aria-hidden="true" />
        computing…
      </div>
    );
  }
  if (state === 'error') {
    return (
      <div className="status status--error" role="alert">
        <strong>Could not evaluate the surface.</strong>
        <span className="status__message">{error}</span>
      </div>
    );
  }
  return null;
}
