// The trajectory's playback: a slider (and a play button) that moves a marker along the
// optimizer's path, with the step and loss there.
import { useEffect, useRef, useState } from 'react';
import type { TrajectoryPoint } from '../../engine/landscape/surface.js';
import { useDispatch, useProject } from '../AppContext.js';
import { formatLoss } from '../format/metrics.js';
import { formatValue } from '../format/ticks.js';
import { positionAlong } from '../landscape/trajectory.js';
import { END_COLOR, PLAYBACK_COLOR, START_COLOR } from '../scene/Trajectory.js';

/** Seconds a full playback takes. */
const PLAY_SECONDS = 5;

interface PlaybackBarProps {
  trajectory: readonly TrajectoryPoint[];
  /** The path's extent relative to the plane (see pathSpan). */
  span: number;
  /** Whether the plane's directions are random (then a short path deserves a word). */
  random: boolean;
}

/** The slider under the viewer; hidden without a path. */
export function PlaybackBar({ trajectory, span, random }: PlaybackBarProps) {
  const playback = useProject((s) => s.view.playback);
  const dispatch = useDispatch();
  const [playing, setPlaying] = useState(false);
  const frame = useRef(0);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let t = playback >= 1 ? 0 : playback;
    const tick = (now: number) => {
      t = Math.min(1, t + (now - last) / 1000 / PLAY_SECONDS);
      last = now;
      dispatch({ type: 'set', section: 'view', patch: { playback: t } });
      if (t < 1) frame.current = requestAnimationFrame(tick);
      else setPlaying(false);
    };
    frame.current = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame.current);
    // The start position is read once when playing starts.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [playing, dispatch]);

  const at = positionAlong(trajectory, playback);
  if (!at) return null;
  return (
    <div className="playback" data-step={Math.round(at.step)}>
      <button id="playback-play" type="button" className="button button--small" aria-label={playing ? 'pause playback' : 'play the trajectory'} onClick={() => setPlaying(!playing)}>
        {playing ? '❚❚' : '▶'}
      </button>
      <input
        id="playback"
        className="playback__slider"
        type="range"
        min={0}
        max={1000}
        value={Math.round(playback * 1000)}
        aria-label="position along the trajectory"
        onChange={(event) => {
          setPlaying(false);
          dispatch({ type: 'set', section: 'view', patch: { playback: Number(event.target.value) / 1000 } });
        }}
      />
      <span className="playback__readout">
        step <strong>{Math.round(at.step)}</strong> · loss {formatLoss(at.loss)} · α {formatValue(at.alpha)}, β {formatValue(at.beta)}
      </span>
      {random && span < 0.15 ? (
        <span className="playback__note" title="In many dimensions two random directions are almost orthogonal to the path, so its projection stays near θ*.">
          the path barely shows on random directions: try PCA directions
        </span>
      ) : (
        <span className="playback__legend">
          <i style={{ background: START_COLOR }} /> start <i style={{ background: END_COLOR }} /> θ* <i style={{ background: PLAYBACK_COLOR }} /> now
        </span>
      )}
    </div>
  );
}
