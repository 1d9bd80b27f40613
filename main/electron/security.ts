// Hardening that Electron does not do by default (its security checklist, items 5, 13, 14 and webview
// attachment): no permission is granted, no new window opens, no page navigates or redirects away from
// app://, no <webview> attaches, and no request leaves for anything but the bundle and the bridge.
import { app } from 'electron';
import type { Session } from 'electron';
import { isAppUrl } from './app-protocol.js';
import { isAllowedRequest } from './request-policy.js';

/** The wall needs no camera, microphone, notifications, HID, serial, USB… so every request is refused. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((webContents, permission, callback) => {
    console.warn(`[electron] refused permission "${permission}" to ${webContents.getURL()}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** Cancels every request that is not app://, the bridge or a named video origin (the CSP says the same in pages). */
export function restrictRequests(
  session: Session,
  bridgeUrl: () => string | null,
  mediaOrigins: () => readonly string[],
): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, bridgeUrl(), mediaOrigins());
    if (!allowed) console.warn(`[electron] blocked a request to ${details.url}`);
    callback({ cancel: !allowed });
  });
}

/** Applied to every webContents as it is created, before it can load anything. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      console.warn(`[electron] refused to open a window for ${url}`);
      return { action: 'deny' };
    });
    // will-frame-navigate covers the main frame and subframes; will-redirect covers server redirects.
    contents.on('will-frame-navigate', (event) => {
      if (isAppUrl(event.url)) return;
      console.warn(`[electron] refused navigation to ${event.url}`);
      event.preventDefault();
    });
    contents.on('will-redirect', (event) => {
      if (isAppUrl(event.url)) return;
      console.warn(`[electron] refused redirect to ${event.url}`);
      event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      console.warn('[electron] refused to attach a <webview>');
      event.preventDefault();
    });
  });
}
