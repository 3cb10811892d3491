// The whole window: the header with its tabs, the settings sidebar and the current view.
import { useProject } from './AppContext.js';
import { Sidebar } from './panels/Sidebar.js';
import { Header } from './ui/Header.js';
import { CompareView } from './views/CompareView.js';
import { LandscapeView } from './views/LandscapeView.js';
import { ToyView } from './views/ToyView.js';
import './views/views.css';

/** The app; its services come from the AppProvider around it. */
export function App() {
  const tab = useProject((s) => s.view.tab);
  return (
    <div className="app" data-tab={tab}>
      <Header />
      <div className="workspace">
        {tab !== 'toy' && <Sidebar />}
        <main className="main">
          {tab === 'landscape' && <LandscapeView />}
          {tab === 'compare' && <CompareView />}
          {tab === 'toy' && <ToyView />}
        </main>
      </div>
    </div>
  );
}
