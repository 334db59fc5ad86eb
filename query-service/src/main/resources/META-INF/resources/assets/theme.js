// Light or dark: the viewer's last choice, else the system's. Loaded by every page, before it paints.
const KEY = 'orgpulse-theme';
const root = document.documentElement;
const chosen = localStorage.getItem(KEY);
root.dataset.theme = chosen || (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark');

addEventListener('DOMContentLoaded', () => {
  const toggle = document.getElementById('theme-toggle');
  if (!toggle) return;
  const label = () => { toggle.textContent = root.dataset.theme === 'dark' ? '☀' : '☾'; };
  label();
  toggle.addEventListener('click', () => {
    root.dataset.theme = root.dataset.theme === 'dark' ? 'light' : 'dark';
    localStorage.setItem(KEY, root.dataset.theme);
    label();
    dispatchEvent(new Event('orgpulse:theme'));
  });
});
