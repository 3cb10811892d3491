// The Compare section: two to four runs that differ in one setting.
import { useDispatch, useProject, useServices, useSession } from '../AppContext.js';
import { variants } from '../state/variants.js';
import { Section } from '../ui/Section.js';
import { Row, Select } from '../ui/fields.js';

const variantOptions = variants.map((v) => ({ value: v.id, label: v.label }));

/** The Compare section of the sidebar. */
export function ComparePanel() {
  const variant = useProject((s) => s.compare.variant);
  const job = useSession((s) => s.compare);
  const { project, session } = useServices();
  const dispatch = useDispatch();
  const running = job?.status === 'running';
  return (
    <Section id="compare" title="Compare" summary={job ? job.status : undefined}>
      <Row label="Change" htmlFor="compare-variant">
        <Select id="compare-variant" value={variant} options={variantOptions} onChange={(id) => dispatch({ type: 'set', section: 'compare', patch: { variant: id } })} />
      </Row>
      <p className="hint">Trains one run per choice (two to four), computes their surfaces with the Landscape settings and shows them side by side on one colour scale; orbiting one view orbits them all.</p>
      <div className="actions">
        <button
          id="compare-run"
          type="button"
          className="button button--primary"
          onClick={() => {
            session.compare(project.getState());
            dispatch({ type: 'set', section: 'view', patch: { tab: 'compare' } });
          }}
        >
          Compare
        </button>
        <button id="compare-cancel" type="button" className="button" disabled={!running} onClick={() => session.cancelCompare()}>
          Cancel
        </button>
      </div>
    </Section>
  );
}
