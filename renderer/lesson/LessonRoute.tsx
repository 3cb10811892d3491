// The lesson's address: while the URL hash is #lesson the window shows the lesson (with a
// way back), otherwise the app it wraps. Works the same in the browser and in Electron.
import { useSyncExternalStore, type ReactNode } from 'react';
import { LessonView } from './LessonView.js';

/** The hash that opens the lesson. */
export const LESSON_HASH = '#lesson';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

/** Whether the URL currently asks for the lesson. */
export function useLessonRoute(): boolean {
  return useSyncExternalStore(subscribe, () => window.location.hash === LESSON_HASH);
}

/** The lesson at #lesson, `children` (the app) anywhere else. */
export function LessonRoute({ children }: { children: ReactNode }) {
  const open = useLessonRoute();
  if (!open) return children;
  return (
    <div className="lesson-page">
      <header className="lesson-page__bar">
        <span className="brand__name">Losscape</span>
        <span className="lesson-page__name">Autodiff lesson</span>
        <a className="lesson-page__back" id="lesson-close" href="#">
          ← back to the app
        </a>
      </header>
      <main className="lesson-page__main">
        <LessonView />
      </main>
    </div>
  );
}
