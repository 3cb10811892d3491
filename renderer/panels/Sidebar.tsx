// The left sidebar: the workflow's sections from data to comparison, top to bottom.
import { useProject } from '../AppContext.js';
import { ComparePanel } from './ComparePanel.js';
import { CriticalPanel } from './CriticalPanel.js';
import { DataPanel } from './DataPanel.js';
import { LandscapePanel } from './LandscapePanel.js';
import { ModelPanel } from './ModelPanel.js';
import { SymmetryPanel } from './SymmetryPanel.js';
import { TrainPanel } from './TrainPanel.js';
import { useDataSummary } from './useDataSummary.js';
import './panels.css';

/** Data, Model, Train, Landscape and Compare. */
export function Sidebar() {
  const data = useProject((s) => s.data);
  const described = useDataSummary(data);
  return (
    <aside className="sidebar" aria-label="settings">
      <DataPanel described={described} />
      <ModelPanel described={described} />
      <TrainPanel />
      <LandscapePanel />
      <CriticalPanel />
      <SymmetryPanel />
      <ComparePanel />
    </aside>
  );
}
