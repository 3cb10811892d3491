// The data worker's summary of the project's data settings, refreshed when they change.
import { useEffect, useState } from 'react';
import type { DataSummary } from '../../workers/data.js';
import { useServices } from '../AppContext.js';
import { dataSpecOf, type DataSettings } from '../state/project.js';
import { messageOf } from '../session/types.js';

export interface DataSummaryState {
  status: 'loading' | 'ready' | 'error';
  /** The latest summary (while loading, the previous settings' one). */
  summary: DataSummary | null;
  error: string | null;
}

interface Settled {
  data: DataSettings;
  summary: DataSummary | null;
  error: string | null;
}

/** Asks the data worker to prepare `data`; answers for settings that changed since are dropped. */
export function useDataSummary(data: DataSettings): DataSummaryState {
  const { clients } = useServices();
  const [settled, setSettled] = useState<Settled | null>(null);
  useEffect(() => {
    let current = true;
    clients.describeData(dataSpecOf(data)).then(
      (summary) => current && setSettled({ data, summary, error: null }),
      (error: unknown) => current && setSettled({ data, summary: null, error: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [clients, data]);
  if (settled?.data !== data) return { status: 'loading', summary: settled?.summary ?? null, error: null };
  if (settled.error !== null) return { status: 'error', summary: null, error: settled.error };
  return { status: 'ready', summary: settled.summary, error: null };
}
