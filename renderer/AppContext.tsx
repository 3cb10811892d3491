// What every component may reach: the project store (the settings), the session (results
// of the jobs) and the workers. Components read slices through selectors.
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { WorkerClients } from './session/clients.js';
import type { Session } from './session/session.js';
import type { SessionState } from './session/types.js';
import type { ProjectState } from './state/project.js';
import type { ProjectAction } from './state/reducer.js';
import type { Store } from './state/store.js';

export interface AppServices {
  project: Store<ProjectState, ProjectAction>;
  session: Session;
  clients: WorkerClients;
}

const AppContext = createContext<AppServices | null>(null);

/** Makes the app's services available to the tree below. */
export function AppProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <AppContext.Provider value={services}>{children}</AppContext.Provider>;
}

/** The app's services; throws outside an AppProvider. */
export function useServices(): AppServices {
  const services = useContext(AppContext);
  if (services === null) throw new Error('useServices needs an <AppProvider> above it');
  return services;
}

/** A slice of the project; the component re-renders when the slice changes identity. */
export function useProject<T>(select: (state: ProjectState) => T): T {
  const { project } = useServices();
  return useSyncExternalStore(project.subscribe, () => select(project.getState()));
}

/** Sends actions to the project store. */
export function useDispatch(): (action: ProjectAction) => void {
  return useServices().project.dispatch;
}

/** A slice of the session. */
export function useSession<T>(select: (state: SessionState) => T): T {
  const { session } = useServices();
  return useSyncExternalStore(session.store.subscribe, () => select(session.store.getState()));
}
