import { retrying } from '../components/room/PanelBoundary';

/** The report page's chunk. Loaded on demand, and fetched early when someone heads for the link. */
export const loadReportPage = retrying(() => import('./ReportPage'));
