/** Short labels from the session (languages, tools, technologies), as a list of chips. */
export function Chips({ items, label, mono = false }: { items: string[]; label: string; mono?: boolean }) {
  return (
    <ul className={`insp-chips${mono ? ' mono' : ''}`} aria-label={label}>
      {items.map((item, index) => (
        <li className="chip" key={`${index}:${item}`}>
          {item}
        </li>
      ))}
    </ul>
  );
}
