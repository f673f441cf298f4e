import { JsonView, collapseAllNested, defaultStyles } from 'react-json-view-lite';
import 'react-json-view-lite/dist/index.css';

/** The library's layout with our own colours, so the tree follows the light and dark themes. */
const themed = {
  ...defaultStyles,
  container: 'json-tree-container',
  label: `${defaultStyles.label} json-label`,
  stringValue: 'json-string',
  numberValue: 'json-number',
  booleanValue: 'json-boolean',
  nullValue: 'json-null',
  undefinedValue: 'json-null',
  otherValue: 'json-null',
  punctuation: `${defaultStyles.punctuation} json-punctuation`,
  clickableLabel: `${defaultStyles.clickableLabel} json-label`,
  collapseIcon: `${defaultStyles.collapseIcon} json-punctuation`,
  expandIcon: `${defaultStyles.expandIcon} json-punctuation`,
  collapsedContent: `${defaultStyles.collapsedContent} json-punctuation`,
};

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
      <JsonView
        data={value as object}
        style={themed}
        shouldExpandNode={collapseAllNested}
        clickToExpandNode
      />
    </div>
  );
}
