/** Theme choice: follow the system (default) or a manual override kept in localStorage. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'quire.theme';

export function storedTheme(): ThemeChoice {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function applyTheme(choice: ThemeChoice): void {
  if (choice === 'system') {
    document.documentElement.removeAttribute('data-theme');
    localStorage.removeItem(KEY);
  } else {
    document.documentElement.setAttribute('data-theme', choice);
    localStorage.setItem(KEY, choice);
  }
}

export function applyStoredTheme(): void {
  applyTheme(storedTheme());
}

/** The theme actually showing now. */
export function effectiveTheme(choice: ThemeChoice): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
