import { Monitor, Moon, Sun } from 'lucide-react';
import type { ReactNode } from 'react';
import type { ThemeChoice } from '../../../shared/api';
import { useAppStore } from '../../store/store';
import { Section } from './Section';

const choices: { value: ThemeChoice; label: string; icon: ReactNode }[] = [
  { value: 'light', label: 'Light', icon: <Sun size={14} aria-hidden="true" /> },
  { value: 'dark', label: 'Dark', icon: <Moon size={14} aria-hidden="true" /> },
  { value: 'system', label: 'Same as the system', icon: <Monitor size={14} aria-hidden="true" /> },
];

export function AppearanceSection() {
  const theme = useAppStore((state) => state.theme);
  const setTheme = useAppStore((state) => state.setTheme);
  return (
    <Section title="Appearance">
      <fieldset className="theme-choice">
        <legend>Theme</legend>
        {choices.map((choice) => (
          <label key={choice.value} className={theme === choice.value ? 'chosen' : undefined}>
            <input
              type="radio"
              name="theme"
              value={choice.value}
              checked={theme === choice.value}
              onChange={() => setTheme(choice.value)}
            />
            {choice.icon}
            {choice.label}
          </label>
        ))}
      </fieldset>
    </Section>
  );
}
