import { Suspense, lazy } from 'react';
import { ErrorBoundary } from './components/ErrorBoundary';
import { useLocation } from './hooks/useLocation';
import { HomePage } from './pages/HomePage';
import { JoinPage } from './pages/JoinPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RoomPage } from './pages/RoomPage';
import { loadReportPage } from './pages/reportRoute';

// The report (and the iCalendar library behind it) loads only when someone opens it.
const ReportPage = lazy(loadReportPage);
// Replacing invite links is rare: its page loads only when a management link is opened.
const ManagePage = lazy(() => import('./pages/ManagePage').then((m) => ({ default: m.ManagePage })));

function Route({ path }: { path: string }) {
  if (path === '/') return <HomePage />;
  if (path === '/join' || path === '/join/') return <JoinPage />;
  const report = /^\/room\/([^/]+)\/report\/?$/.exec(path);
  if (report?.[1]) {
    const roomId = decodeURIComponent(report[1]);
    return (
      <Suspense
        fallback={
          <p className="page-message" role="status">
            Loading the report…
          </p>
        }
      >
        <ReportPage key={roomId} roomId={roomId} />
      </Suspense>
    );
  }
  const manage = /^\/room\/([^/]+)\/manage\/?$/.exec(path);
  if (manage?.[1]) {
    return (
      <Suspense
        fallback={
          <p className="page-message" role="status">
            Loading…
          </p>
        }
      >
        <ManagePage roomId={decodeURIComponent(manage[1])} />
      </Suspense>
    );
  }
  const room = /^\/room\/([^/]+)\/?$/.exec(path);
  if (room?.[1]) {
    const roomId = decodeURIComponent(room[1]);
    return <RoomPage key={roomId} roomId={roomId} />;
  }
  return <NotFoundPage />;
}

export function App() {
  const path = useLocation();
  return (
    <ErrorBoundary key={path}>
      <Route path={path} />
    </ErrorBoundary>
  );
}
