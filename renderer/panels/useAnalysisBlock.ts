// What every analysis block of the sidebar reads: the analysis settings and their setter, its
// own job (with the job's report only while it belongs to the current run), the current run,
// and whether a surface is being computed (the blocks' slice buttons wait for it).
import { useDispatch, useProject, useServices, useSession } from '../AppContext.js';
import type { AnalysisStatus, SessionState } from '../session/types.js';
import type { AnalysisSettings } from '../state/project.js';

interface AnalysisJobLike {
  trainingId: number;
  status: AnalysisStatus;
  report: unknown;
}

export function useAnalysisBlock<J extends AnalysisJobLike>(pick: (state: SessionState) => J | null) {
  const settings = useProject((s) => s.analysis);
  const job = useSession(pick);
  const run = useSession((s) => s.training);
  const surface = useSession((s) => s.surface);
  const { project, session } = useServices();
  const dispatch = useDispatch();
  return {
    settings,
    set: (patch: Partial<AnalysisSettings>) => dispatch({ type: 'set', section: 'analysis', patch }),
    job,
    run,
    project,
    session,
    busy: job?.status === 'running',
    report: (job?.status === 'ready' && job.trainingId === run?.id ? job.report : null) as J['report'] | null,
    scanning: surface?.status === 'preparing' || surface?.status === 'scanning',
  };
}
