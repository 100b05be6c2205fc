import { ErrorBoundary } from './components/ErrorBoundary';
import { useLocation } from './hooks/useLocation';
import { HomePage } from './pages/HomePage';
import { JoinPage } from './pages/JoinPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { RoomPage } from './pages/RoomPage';

function Route({ path }: { path: string }) {
  if (path === '/') return <HomePage />;
  if (path === '/join' || path === '/join/') return <JoinPage />;
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
