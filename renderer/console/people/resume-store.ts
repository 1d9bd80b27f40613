// The console tab's resume handle in sessionStorage: a reload keeps the person logged in, another tab or a new
// browser does not. The handle is worth nothing without this host's console token and expires with the session.
import type { ResumeStore } from '../../state/session';

const KEY = 'ioc-wall.console-resume';

export const sessionResumeStore: ResumeStore = {
  get: () => {
    try {
      return window.sessionStorage.getItem(KEY);
    } catch {
      return null;
    }
  },
  set: (handle) => {
    try {
      window.sessionStorage.setItem(KEY, handle);
    } catch {
      // Without storage a reload needs a new login; nothing else changes.
    }
  },
  clear: () => {
    try {
      window.sessionStorage.removeItem(KEY);
    } catch {
      // Nothing stored, nothing to clear.
    }
  },
};
