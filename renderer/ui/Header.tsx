// The app bar: the name, the tabs, and what the session is doing.
import { useDispatch, useProject, useSession } from '../AppContext.js';
import type { Tab } from '../state/project.js';
import { ExportMenu, ProjectMenu } from './FileMenus.js';

const tabs: { id: Tab; label: string }[] = [
  { id: 'landscape', label: 'Landscape' },
  { id: 'compare', label: 'Compare' },
  { id: 'toy', label: 'Toy surfaces' },
];

/** The top bar of the window. */
export function Header() {
  const tab = useProject((s) => s.view.tab);
  const training = useSession((s) => s.training?.status);
  const surface = useSession((s) => s.surface?.status);
  const dispatch = useDispatch();
  const busy = training === 'running' ? 'training…' : surface === 'scanning' || surface === 'preparing' ? 'computing the surface…' : null;
  return (
    <header className="header">
      <div className="brand">
        <h1 className="brand__name">Losscape</h1>
        <span className="brand__tagline">loss landscape explorer</span>
      </div>
      <nav className="tabs" role="tablist" aria-label="views">
        {tabs.map((t) => (
          <button key={t.id} id={`tab-${t.id}`} type="button" role="tab" aria-selected={tab === t.id} className="tabs__tab" onClick={() => dispatch({ type: 'set', section: 'view', patch: { tab: t.id } })}>
            {t.label}
          </button>
        ))}
        {/* The lesson is its own page (renderer/lesson/LessonRoute.tsx), reached by its hash. */}
        <a className="tabs__tab" href="#lesson" id="tab-lesson">
          Autodiff lesson
        </a>
      </nav>
      <div className="header__status" role="status">
        {busy && (
          <>
            <span className="header__dot" aria-hidden="true" /> {busy}
          </>
        )}
      </div>
      <div className="file-menus">
        <ProjectMenu />
        <ExportMenu />
      </div>
    </header>
  );
}
