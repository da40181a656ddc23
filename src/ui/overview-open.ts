/**
 * Opens the page overview: Chrome's side panel or Firefox's sidebar. Must be
 * called from a user gesture (a click in the popup). Returns undefined when
 * the browser has neither, so the popup hides the button.
 */
interface SidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface SidebarAction {
  open(): Promise<void>;
}

export function openOverview(tabId: number | undefined): (() => void) | undefined {
  const g = globalThis as { chrome?: { sidePanel?: SidePanel }; browser?: { sidebarAction?: SidebarAction } };
  const sidebar = g.browser?.sidebarAction;
  if (sidebar) return () => void sidebar.open().then(() => window.close());
  const panel = g.chrome?.sidePanel;
  if (panel && tabId !== undefined) return () => void panel.open({ tabId }).then(() => window.close());
  return undefined;
}
