// A collapsible section of the sidebar.
import type { ReactNode } from 'react';
import { useDispatch, useProject } from '../AppContext.js';
import type { SectionId } from '../state/project.js';

interface SectionProps {
  id: SectionId;
  title: string;
  /** A short note beside the title (the data set, the parameter count, a status). */
  summary?: ReactNode;
  children: ReactNode;
}

/** A titled section whose body opens and closes; the state is kept in the project. */
export function Section({ id, title, summary, children }: SectionProps) {
  const open = useProject((s) => s.view.open[id]);
  const dispatch = useDispatch();
  return (
    <section className="section" data-section={id} data-open={open}>
      <button type="button" className="section__header" aria-expanded={open} onClick={() => dispatch({ type: 'section/toggle', id })}>
        <span className="section__chevron" aria-hidden="true">
          ▸
        </span>
        <span className="section__title">{title}</span>
        {summary !== undefined && <span className="section__summary">{summary}</span>}
      </button>
      {open && <div className="section__body">{children}</div>}
    </section>
  );
}
