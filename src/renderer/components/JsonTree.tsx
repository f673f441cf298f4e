import { JsonView, collapseAllNested } from 'react-json-view-lite';
import 'react-json-view-lite/dist/index.css';

/** A collapsible tree for any JSON value; scalars are shown plainly rather than as a one-node tree. */
export function JsonTree({ value, label }: { value: unknown; label: string }) {
  if (value === null || typeof value !== 'object') {
    return (
      <pre className="json-scalar" aria-label={label}>
        {JSON.stringify(value)}
      </pre>
    );
  }
  return (
    <div className="json-tree" aria-label={label}>
      <JsonView data={value as object} shouldExpandNode={collapseAllNested} clickToExpandNode />
    </div>
  );
}
