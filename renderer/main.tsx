// Entry point of the renderer: creates the project store, the session and its workers, and
// mounts the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { LessonRoute } from './lesson/LessonRoute.js';
import { AppProvider, type AppServices } from './AppContext.js';
import { webClients } from './session/clients.js';
import { createSession } from './session/session.js';
import { defaultProject } from './state/project.js';
import { projectReducer } from './state/reducer.js';
import { createStore } from './state/store.js';
import './styles.css';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

const clients = webClients();
const services: AppServices = {
  project: createStore(projectReducer, defaultProject()),
  session: createSession(clients),
  clients,
};

createRoot(container).render(
  <StrictMode>
    <AppProvider services={services}>
      <LessonRoute>
        <App />
      </LessonRoute>
    </AppProvider>
  </StrictMode>,
);
