/** A dark theme through the --stepup-* variables only, as a merchant would write it (class `stepup-dark`). */
export const DARK_THEME = `.stepup-dark {
  --stepup-bg: #171a21; --stepup-surface: #222733; --stepup-text: #eef1f6; --stepup-muted: #a9b1c1;
  --stepup-border: #3a4150; --stepup-accent: #8fb0ff; --stepup-accent-text: #0f1115; --stepup-accent-soft: #1f2a44;
  --stepup-focus: #8fb0ff; --stepup-error: #ff9b93; --stepup-error-soft: #3a1d1d; --stepup-success: #7fe39a;
  --stepup-color-scheme: dark;
}`;
